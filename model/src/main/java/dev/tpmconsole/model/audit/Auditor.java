package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.CompletableSubject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final CompletableSubject cancelSignal = CompletableSubject.create();
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private final int parallelism;

    /** Findings a rule may hold ahead of its turn. */
    static final int QUEUE_CAPACITY = 1024;

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

    /** What the rules' streams carry to the sink: a rule's start, its findings, its end. */
    private sealed interface Event permits RuleStarted, Found, RuleEnded, Failed {
    }

    private record RuleStarted(AuditRule rule, int index) implements Event {
    }

    private record Found(Finding finding) implements Event {
    }

    private record RuleEnded(AuditRule rule) implements Event {
    }

    /**
     * A rule's failure, carried in order like its findings: the earliest rule's failure is the audit's, and the
     * later ones (other rules running when the source went away) end quietly with the stream.
     */
    private record Failed(Throwable error) implements Event {
    }

    /**
     * Runs the rules into the sink, in catalogue order. Rules run concurrently on {@code parallelism}
     * connections (the engine does the work; a laptop has several cores), but the sink sees them strictly in
     * order ({@code concatMapEager}): a rule that runs ahead holds at most {@link #QUEUE_CAPACITY} findings
     * and then waits (backpressure reaches its result set), so memory stays bounded however many rows it finds.
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
        // a cancelled or failed audit shuts the pool while a worker may still ask for the next rule: that rule is
        // not wanted any more, so it is dropped here rather than reported as RxJava's undeliverable error
        Scheduler scheduler = Schedulers.from(task -> {
            try {
                pool.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException ended) {
                // the audit has ended
            }
        });
        long[] count = new long[1];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            Flowable.range(0, ordered.size())
                    .concatMapEager(i -> events(ordered.get(i), i).subscribeOn(scheduler), workers, QUEUE_CAPACITY)
                    .takeUntil(cancelSignal.toFlowable())
                    .blockingSubscribe(e -> {
                        if (e instanceof RuleStarted r) {
                            count[0] = 0;
                            sink.ruleStarted(r.rule(), r.index());
                        } else if (e instanceof Found f) {
                            count[0]++;
                            sink.finding(f.finding());
                        } else if (e instanceof RuleEnded r) {
                            sink.ruleEnded(r.rule(), count[0]);
                        } else if (e instanceof Failed f) {
                            throw f.error();
                        }
                    }, failure::set, () -> { }, QUEUE_CAPACITY);
        } finally {
            pool.shutdownNow();
        }
        checkCancelled(); // a statement cancelled under its rule fails it: the cancel is what happened
        Throwable failed = failure.get();
        if (failed != null) {
            cancel(); // the other rules' statements
            throw failed instanceof SQLException sql ? source.failure(sql)
                    : failed instanceof Exception ex ? ex : new IllegalStateException(failed);
        }
        sink.ended();
    }

    /** One rule: its start, then its findings read from its own connection as they are asked for, then its end. */
    private Flowable<Event> events(AuditRule rule, int index) {
        Flowable<Event> findings = Flowable.using(() -> new Query(rule),
                q -> Flowable.<Event>generate(emitter -> {
                    if (q.rows.next()) {
                        emitter.onNext(new Found(rule.map(q.rows, dialect)));
                    } else {
                        emitter.onComplete();
                    }
                }), Query::close);
        return Flowable.concat(Flowable.just(new RuleStarted(rule, index)), findings,
                Flowable.just(new RuleEnded(rule))).onErrorReturn(Failed::new);
    }

    /** A rule's query, open on a connection of its own; cancelling the audit interrupts its statement. */
    private final class Query implements AutoCloseable {
        private final Connection connection;
        private final Statement statement;
        private final ResultSet rows;

        Query(AuditRule rule) throws SQLException {
            connection = source.connection();
            try {
                statement = connection.createStatement();
                running.add(statement);
                statement.setFetchSize(500);
                rows = statement.executeQuery(rule.query(dialect));
            } catch (SQLException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            if (statement != null) {
                running.remove(statement);
            }
            connection.close(); // closes its statement and result set
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
        cancelSignal.onComplete();
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
