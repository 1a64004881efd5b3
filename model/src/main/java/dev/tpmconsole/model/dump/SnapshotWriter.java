package dev.tpmconsole.model.dump;

import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Writes the imported rows into the snapshot on a thread of its own, so that reading (and decompressing) the
 * dump and inserting into SQLite overlap. Work arrives in order through a bounded queue; the rows in flight
 * are bounded in bytes too, so that memory does not grow with the dump, however large its values.
 */
final class SnapshotWriter implements AutoCloseable {

    /**
     * Most bytes of dump text whose rows are queued at once (a single larger batch still passes, alone). As Java
     * objects the rows take about three to four times their text, so this keeps them near 30 MB of heap; more
     * buys no speed (the reader outruns SQLite, the queue is full either way), and a 100,000-VM dump imports in
     * a 48 MB heap.
     */
    static final int BUDGET_BYTES = 8 << 20;
    private static final int BUDGET_UNIT = 1024;

    private sealed interface Task permits Ddl, Rows, End {
    }

    private record Ddl(List<String> statements, TableDef insertInto) implements Task {
    }

    private record Rows(TableDef table, Object[][] rows, int count, int permits) implements Task {
    }

    private record End() implements Task {
    }

    private final Connection connection;
    private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(256);
    private final Semaphore budget = new Semaphore(BUDGET_BYTES / BUDGET_UNIT);
    private final Map<String, PreparedStatement> inserts = new HashMap<>();
    private final Map<String, Long> written = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean ended;

    SnapshotWriter(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "tpm-console snapshot writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Creates a table (replacing one of the same name) and prepares its INSERT. */
    void createTable(TableDef table) throws SQLException, InterruptedException {
        put(new Ddl(List.of("DROP TABLE IF EXISTS " + ZStackSchema.q(table.name()), SnapshotSchema.tableDdl(table)),
                table));
    }

    /** Runs statements in order with the rest of the work. */
    void execute(List<String> statements) throws SQLException, InterruptedException {
        put(new Ddl(List.copyOf(statements), null));
    }

    /** Inserts {@code count} rows of {@code table} (values in its column order); {@code bytes}: their size. */
    void rows(TableDef table, Object[][] rows, int count, long bytes) throws SQLException, InterruptedException {
        int permits = (int) Math.max(1, Math.min(BUDGET_BYTES / BUDGET_UNIT, bytes / BUDGET_UNIT));
        budget.acquire(permits);
        try {
            put(new Rows(table, rows, count, permits));
        } catch (SQLException | InterruptedException | RuntimeException e) {
            budget.release(permits);
            throw e;
        }
    }

    /** Waits until every queued task ran; rethrows what failed. */
    void finish() throws SQLException, InterruptedException {
        put(new End());
        thread.join();
        ended = true;
        closeStatements();
        rethrow();
    }

    private void put(Task task) throws SQLException, InterruptedException {
        rethrow();
        queue.put(task);
    }

    private void rethrow() throws SQLException {
        Throwable f = failure;
        if (f instanceof SQLException e) {
            throw e;
        }
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new SQLException(f);
        }
    }

    private void loop() {
        while (true) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                failure = failure == null ? e : failure;
                return;
            }
            if (task instanceof End) {
                return;
            }
            try {
                if (failure == null) {
                    run(task);
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                if (task instanceof Rows r) {
                    budget.release(r.permits());
                }
            }
        }
    }

    private void run(Task task) throws SQLException {
        if (task instanceof Ddl ddl) {
            try (Statement st = connection.createStatement()) {
                for (String sql : ddl.statements()) {
                    st.execute(sql);
                }
            }
            TableDef t = ddl.insertInto();
            if (t != null) {
                written.remove(t.name());
                PreparedStatement previous = inserts.remove(t.name());
                if (previous != null) {
                    previous.close();
                }
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(ZStackSchema.q(t.name())).append(" (");
                for (int i = 0; i < t.columns().size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append(ZStackSchema.q(t.columns().get(i).name()));
                }
                sql.append(") VALUES (").append("?, ".repeat(t.columns().size() - 1)).append("?)");
                inserts.put(t.name(), connection.prepareStatement(sql.toString()));
            }
        } else if (task instanceof Rows r) {
            PreparedStatement ps = inserts.get(r.table().name());
            for (int n = 0; n < r.count(); n++) {
                Object[] row = r.rows()[n];
                for (int i = 0; i < row.length; i++) {
                    Object v = row[i];
                    if (v == null) {
                        ps.setNull(i + 1, Types.NULL);
                    } else if (v instanceof String s) {
                        ps.setString(i + 1, s);
                    } else if (v instanceof Long l) {
                        ps.setLong(i + 1, l);
                    } else {
                        ps.setBytes(i + 1, (byte[]) v);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
            written.merge(r.table().name(), (long) r.count(), Long::sum);
        }
    }

    /** Rows inserted into a table (since it was last created). */
    long written(String table) {
        return written.getOrDefault(table, 0L);
    }

    /** Stops the thread (dropping queued work) unless {@link #finish()} ran; closes the statements. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            if (thread.isAlive()) {
                if (failure == null) {
                    failure = new IllegalStateException("abandoned");
                }
                queue.clear();
                budget.release(BUDGET_BYTES / BUDGET_UNIT);
                try {
                    queue.put(new End());
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        closeStatements();
    }

    private void closeStatements() {
        for (PreparedStatement ps : inserts.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the snapshot is being abandoned or is complete; a close failure changes nothing
            }
        }
        inserts.clear();
    }
}
