package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs audit rules against a source, one set-based query per rule inside the database engine, and streams
 * the findings to a sink; nothing is loaded into memory to decide a rule and the source is never written.
 * A run can be cancelled from another thread: the running statement is interrupted.
 */
public final class Auditor {

    private final Source source;
    private final SqlDialect dialect;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final int parallelism;

    /** Findings a rule may hold ahead of its turn. */
    static final int QUEUE_CAPACITY = 1024;
    private static final Object END = new Object();

    public Auditor(Source source) {
        this(source, Runtime.getRuntime().availableProcessors());
    }

    public Auditor(Source source, int parallelism) {
        this.source = source;
        this.dialect = new SqlDialect(source.kind(), source.layout());
        this.parallelism = parallelism;
    }

    /** The SQL each rule runs on this source (for people who want to check, and for the benchmark). */
    public String sql(AuditRule rule) {
        return rule.query(dialect);
    }

    /**
     * Runs the rules into the sink, in catalogue order. Rules run concurrently on {@code parallelism}
     * connections (the engine does the work; a laptop has several cores), but the sink sees them strictly in
     * order: each rule's findings pass through a bounded queue, so memory stays bounded however many rows a
     * rule finds, and a rule that runs ahead waits until it is its turn.
     */
    public void run(List<AuditRule> rules, AuditSink sink) throws Exception {
        List<AuditRule> ordered = rules.stream().distinct().sorted().toList();
        sink.started(source.displayName(), source.layout(), ordered.size());
        List<BlockingQueue<Object>> queues = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            queues.add(new ArrayBlockingQueue<>(QUEUE_CAPACITY));
        }
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(parallelism, ordered.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "audit-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> work(ordered, queues, next));
            }
            for (int i = 0; i < ordered.size(); i++) {
                AuditRule rule = ordered.get(i);
                checkCancelled();
                sink.ruleStarted(rule, i);
                long count = 0;
                while (true) {
                    Object item = take(queues.get(i));
                    if (item == END) {
                        break;
                    }
                    if (item instanceof Throwable t) {
                        checkCancelled();
                        throw t instanceof SQLException e ? source.failure(e)
                                : t instanceof Exception e ? e : new IllegalStateException(t);
                    }
                    sink.finding((Finding) item);
                    count++;
                }
                sink.ruleEnded(rule, count);
            }
        } catch (Exception e) {
            cancel();
            throw e;
        } finally {
            pool.shutdownNow();
        }
        sink.ended();
    }

    /** A worker: takes the next rule in order, runs it on its own connection, queues its findings. */
    private void work(List<AuditRule> rules, List<BlockingQueue<Object>> queues, AtomicInteger next) {
        try (Connection c = source.connection()) {
            int i;
            while (!cancelled.get() && (i = next.getAndIncrement()) < rules.size()) {
                AuditRule rule = rules.get(i);
                BlockingQueue<Object> queue = queues.get(i);
                Statement st = c.createStatement();
                running.add(st);
                try (st; ResultSet rs = executeQuery(st, rule)) {
                    while (rs.next()) {
                        queue.put(rule.map(rs, dialect));
                    }
                    queue.put(END);
                } catch (SQLException | RuntimeException e) {
                    queue.put(e);
                    return;
                } finally {
                    running.remove(st);
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ResultSet executeQuery(Statement st, AuditRule rule) throws SQLException {
        st.setFetchSize(500);
        return st.executeQuery(rule.query(dialect));
    }

    private Object take(BlockingQueue<Object> queue) throws Exception {
        while (true) {
            checkCancelled();
            Throwable failed = failure.get();
            if (failed != null && queue.isEmpty()) {
                return failed;
            }
            Object item = queue.poll(100, TimeUnit.MILLISECONDS);
            if (item != null) {
                return item;
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
        for (Statement st : running) {
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
