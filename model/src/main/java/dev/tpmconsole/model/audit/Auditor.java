package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.tpmconsole.model.schema.DatabaseKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs audit rules against a source, one set-based query per rule inside the database engine, and streams
 * the findings to a sink; the source is never written. On a live MariaDB, when most of the catalogue runs, the keys
 * the rules compare are read once first ({@link KeyScan}) and each rule's query runs on the rows it may report only
 * (decision 0026); on SQLite nothing is loaded into memory to decide a rule. A run can be cancelled from another
 * thread: the running statements are interrupted.
 */
public final class Auditor {

    private final Source source;
    private final SqlDialect dialect;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    /** The rules' queries open now (on a worker, or read ahead and waiting for their turn). */
    private final Set<Query> open = ConcurrentHashMap.newKeySet();
    private final int parallelism;
    private final boolean keyScan;
    /** The keys read for this run's rules, while it runs with a {@link KeyScan}. */
    private volatile KeyScan scan;

    /** Findings a rule may hold ahead of its turn. */
    static final int QUEUE_CAPACITY = 1024;

    public Auditor(Source source) {
        this(source, Runtime.getRuntime().availableProcessors());
    }

    public Auditor(Source source, int parallelism) {
        this(source, parallelism, source.kind() == DatabaseKind.MARIADB);
    }

    /** {@code keyScan}: on a live MariaDB, read the keys first (as by default) or run each rule's whole query. */
    Auditor(Source source, int parallelism, boolean keyScan) {
        this.source = source;
        this.dialect = new SqlDialect(source.kind(), source.layout());
        this.parallelism = parallelism;
        this.keyScan = keyScan && source.kind() == DatabaseKind.MARIADB;
    }

    /**
     * The fewest rules for which a run reads the keys first: reading every table's keys pays back when most of the
     * rules use them; a rule or two alone run their own queries.
     */
    static final int KEY_SCAN_RULES = 7;

    /** The SQL each rule runs on this source (for people who want to check, and for the benchmark). */
    public String sql(AuditRule rule) {
        return rule.query(dialect);
    }

    /**
     * Each rule's time on a 100,000-VM demo snapshot in ms, the sqlite3 shell running it alone (2026-12-02): on SQLite
     * the rules start longest first, so that the last one to end is a short one (the audit 3.04 -> 2.61 s, median of
     * five alternating runs). Not on MariaDB: there the longest rules are long scans that, run together, push each
     * other's pages out of the server's buffer pool (longest first took 5.8-7.1 s against 5.1-6.5 s in catalogue order
     * in four alternating runs), so its rules start in catalogue order.
     */
    private static final Map<AuditRule, Integer> SQLITE_COST = Map.ofEntries(
            Map.entry(AuditRule.KEY_REF_ORPHANED, 40),
            Map.entry(AuditRule.KEY_REF_DUPLICATE_PLACEHOLDER, 130),
            Map.entry(AuditRule.KEY_REF_PROVIDER_LOST, 230),
            Map.entry(AuditRule.TPM_WITHOUT_VM, 230),
            Map.entry(AuditRule.TPM_DUPLICATE_FOR_VM, 220),
            Map.entry(AuditRule.HOST_FILE_WITHOUT_VM, 850),
            Map.entry(AuditRule.TPM_STATE_FILE_WITHOUT_TPM, 610),
            Map.entry(AuditRule.HOST_FILE_ON_MISSING_HOST, 580),
            Map.entry(AuditRule.BACKUP_WITHOUT_OWNER, 220),
            Map.entry(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM, 300),
            Map.entry(AuditRule.BACKUP_WITHOUT_KEY, 320),
            Map.entry(AuditRule.CONTENT_WITHOUT_OWNER, 90),
            Map.entry(AuditRule.RESOURCE_ROW_STALE, 620));

    /** The rules in the order they start: on SQLite longest first, on MariaDB in catalogue order. */
    private List<AuditRule> startOrder(List<AuditRule> rules) {
        if (source.kind() != DatabaseKind.SQLITE) {
            return rules;
        }
        return rules.stream().sorted(Comparator.comparingInt((AuditRule r) -> -SQLITE_COST.getOrDefault(r, 0))
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /**
     * A rule's first findings, read on a worker ahead of its turn, and its query when more follow: the sink reads the
     * rest in its turn, so that no worker waits for the sink (and the earlier rules it waits for never lack one).
     */
    private record Ahead(List<Finding> first, Query rest) {
    }

    /**
     * Runs the rules into the sink, in catalogue order. Rules run concurrently on {@code parallelism} workers, each
     * with a connection of its own (the engine does the work; a laptop has several cores), in {@link #startOrder}, or,
     * after a key scan, each as soon as its candidates are read (decision 0026); the sink sees them strictly in
     * catalogue order, each whole. A rule that runs ahead of its turn holds at most
     * {@link #QUEUE_CAPACITY} findings, then hands its open query to the sink's thread, which reads the rest in its
     * turn: memory stays bounded however many rows a rule finds (at most one connection per rule is open: one
     * running on each worker, and those of rules that found more than that waiting for their turn).
     */
    public void run(List<AuditRule> rules, AuditSink sink) throws Exception {
        List<AuditRule> ordered = rules.stream().distinct().sorted().toList();
        sink.started(source.displayName(), source.layout(), ordered.size());
        int workers = Math.max(1, Math.min(parallelism, ordered.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "audit-worker");
            t.setDaemon(true);
            return t;
        });
        Map<AuditRule, Future<Ahead>> ahead = new EnumMap<>(AuditRule.class);
        boolean ended = false;
        scan = keyScan && ordered.size() >= KEY_SCAN_RULES ? new KeyScan(source, dialect, running, cancelled::get) : null;
        try {
            for (AuditRule rule : startOrder(ordered)) {
                // after a key scan, each rule as soon as its candidates are read
                ahead.put(rule, scan == null ? pool.submit(() -> ahead(rule))
                        : scan.whenRead(rule, () -> ahead(rule), pool));
            }
            for (int i = 0; i < ordered.size(); i++) {
                AuditRule rule = ordered.get(i);
                checkCancelled();
                sink.ruleStarted(rule, i);
                Ahead a = await(ahead.get(rule));
                long count = 0;
                for (Finding f : a.first()) {
                    sink.finding(f);
                    count++;
                }
                if (a.rest() != null) {
                    try (Query q = a.rest()) {
                        while (next(q)) {
                            sink.finding(rule.map(q.rows, dialect));
                            count++;
                        }
                    } catch (SQLException e) {
                        checkCancelled(); // a statement cancelled under its rule fails it: the cancel is what happened
                        throw source.failure(e);
                    }
                }
                sink.ruleEnded(rule, count);
            }
            ended = true;
        } finally {
            if (!ended) {
                cancel(); // the other rules stop: the audit has failed or been cancelled
            }
            pool.shutdown();
            if (scan != null) {
                scan.close();
            }
            try {
                awaitWorkers(pool);
            } finally {
                // what was read ahead and never reached (a failed or cancelled audit), and any query a worker still
                // had open: closed, their connections handed back
                for (Query q : List.copyOf(open)) {
                    q.close();
                }
            }
        }
        sink.ended();
    }

    /**
     * Waits for the workers to end (within a row once their statements are cancelled; at most 30 s), even when this
     * thread is interrupted (a cancel from the window interrupts it): its queries must be closed after them.
     */
    private static void awaitWorkers(ExecutorService pool) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!pool.isTerminated() && System.nanoTime() < deadline) {
            try {
                pool.awaitTermination(deadline - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!pool.isTerminated()) {
            pool.shutdownNow();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a rule's query and reads up to {@link #QUEUE_CAPACITY} of its findings (on a worker). */
    private Ahead ahead(AuditRule rule) throws Exception {
        checkCancelled();
        KeyScan keys = scan;
        KeyScan.Candidates candidates = keys == null ? KeyScan.Candidates.ALL : keys.candidates(rule);
        if (!candidates.all() && candidates.keys().isEmpty()) {
            return new Ahead(List.of(), null);
        }
        Query q = new Query(rule, candidates.keys());
        try {
            List<Finding> first = new ArrayList<>();
            while (first.size() < QUEUE_CAPACITY) {
                if (!next(q)) {
                    q.close();
                    return new Ahead(first, null);
                }
                first.add(rule.map(q.rows, dialect));
            }
            return new Ahead(first, q);
        } catch (Exception | Error e) {
            q.close();
            throw e;
        }
    }

    /** The next row of a rule's query; a cancelled audit stops between rows. */
    private boolean next(Query q) throws SQLException, Cancelled {
        checkCancelled();
        return q.rows.next();
    }

    /**
     * A rule's findings read ahead, once its worker is done with it. A cancel fails it as a cancel (a statement
     * cancelled under its rule fails with an SQL error: the cancel is what happened); the earliest rule's failure is
     * the audit's, as a failure of the source where it is the database's.
     */
    private Ahead await(Future<Ahead> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            checkCancelled();
            Throwable failed = e.getCause();
            if (failed instanceof SQLException sql) {
                throw source.failure(sql);
            }
            throw failed instanceof Exception ex ? ex : new IllegalStateException(failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new Cancelled();
        }
    }

    /**
     * A rule's query (on the rows of {@code keys} only, when not null), open on a connection of its own; cancelling the
     * audit interrupts its statement.
     */
    private final class Query implements AutoCloseable {
        private final Connection connection;
        private final Statement statement;
        private final ResultSet rows;

        Query(AuditRule rule, List<Object> keys) throws SQLException, Cancelled {
            connection = source.connection();
            open.add(this);
            try {
                if (keys == null) {
                    statement = connection.createStatement();
                } else {
                    PreparedStatement ps = connection.prepareStatement(rule.query(dialect, keys.size()));
                    for (int i = 0; i < keys.size(); i++) {
                        ps.setObject(i + 1, keys.get(i)); // a key ref's id a Long, any other key a String
                    }
                    statement = ps;
                }
                running.add(statement);
                checkCancelled(); // a cancel that came while the statement was made has not reached it
                statement.setFetchSize(500);
                rows = keys == null ? statement.executeQuery(rule.query(dialect))
                        : ((PreparedStatement) statement).executeQuery();
            } catch (SQLException | Cancelled | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            if (statement != null) {
                running.remove(statement);
            }
            open.remove(this);
            try {
                connection.close(); // closes its statement and result set
            } catch (SQLException ignored) {
                // a connection that cannot close is gone already
            }
        }
    }

    /** Runs every rule and returns the report. */
    public AuditReport run(List<AuditRule> rules) throws Exception {
        AuditReport.Collector collector = new AuditReport.Collector();
        run(rules, collector);
        return collector.report();
    }

    /** Stops a run between rows: the running statement is interrupted; the run throws {@link Cancelled}. */
    public void cancel() {
        cancelled.set(true);
        cancelRunning();
    }

    /** Interrupts the statements running now. */
    private void cancelRunning() {
        cancelAll(running);
    }

    /** Cancels each statement (one already done or closed is passed over: its run notices the flag after it). */
    static void cancelAll(Set<Statement> statements) {
        for (Statement st : statements) {
            try {
                st.cancel();
            } catch (SQLException ignored) {
                // the run notices the flag after the statement returns
            }
        }
    }

    private void checkCancelled() throws Cancelled {
        if (cancelled.get()) {
            throw new Cancelled();
        }
    }

    /** Thrown by a cancelled run. */
    public static final class Cancelled extends SourceException {
        public Cancelled() {
            super(Reason.CANCELLED, "The audit was cancelled");
        }
    }
}
