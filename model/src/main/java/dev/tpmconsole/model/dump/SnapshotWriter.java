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
     * objects the rows take about three to four times their text, so this keeps them near 8 MB of heap. More buys
     * no speed (the reader outruns SQLite, the queue is full either way) and costs some: rows that wait in the queue
     * outlive young collections and are copied, then promoted. With 8 MB here a 100,000-VM import spent 380-470 ms in
     * young pauses (14-23 of them) against 55-115 ms with 2 MB, and took 4.28-5.45 s against 4.13-4.64 s (six runs
     * each, alternating; 7.3 s of CPU against 6.2 s at the median). A 100,000-VM dump imports in a 48 MB heap.
     */
    static final int BUDGET_BYTES = 2 << 20;
    private static final int BUDGET_UNIT = 1024;
    /** Rows one INSERT takes at most (see {@link #rowsPerInsert}). */
    static final int ROWS_PER_INSERT = 32;
    /** Values one statement binds at most: SQLite's default SQLITE_MAX_VARIABLE_NUMBER (since 3.32). */
    private static final int MAX_VALUES = 32766;

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
    /** Each table's INSERT of one row, and of {@link #rowsPerInsert} rows. */
    private final Map<String, PreparedStatement> inserts = new HashMap<>();
    private final Map<String, PreparedStatement> multiInserts = new HashMap<>();
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
                closeQuietly(inserts.remove(t.name()));
                closeQuietly(multiInserts.remove(t.name()));
                inserts.put(t.name(), connection.prepareStatement(insertSql(t, 1)));
                int k = rowsPerInsert(t);
                if (k > 1) {
                    multiInserts.put(t.name(), connection.prepareStatement(insertSql(t, k)));
                }
            }
        } else if (task instanceof Rows r) {
            int n = 0;
            PreparedStatement multi = multiInserts.get(r.table().name());
            if (multi != null) {
                int k = rowsPerInsert(r.table());
                for (; n + k <= r.count(); n += k) {
                    int p = 1;
                    for (int j = n; j < n + k; j++) {
                        p = bind(multi, p, r.rows()[j]);
                    }
                    multi.addBatch();
                }
                if (n > 0) {
                    multi.executeBatch();
                }
            }
            if (n < r.count()) {
                PreparedStatement one = inserts.get(r.table().name());
                for (; n < r.count(); n++) {
                    bind(one, 1, r.rows()[n]);
                    one.addBatch();
                }
                one.executeBatch();
            }
            written.merge(r.table().name(), (long) r.count(), Long::sum);
        }
    }

    /**
     * How many rows one INSERT takes: {@link #ROWS_PER_INSERT}, within SQLite's limit of bound values. A statement
     * of several rows steps once for all of them: on the 100,000-VM dump this thread (the import's slower half)
     * spent about a third less time than with one row a statement.
     */
    static int rowsPerInsert(TableDef t) {
        return Math.max(1, Math.min(ROWS_PER_INSERT, MAX_VALUES / t.columns().size()));
    }

    private static String insertSql(TableDef t, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(ZStackSchema.q(t.name())).append(" (");
        for (int i = 0; i < t.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ZStackSchema.q(t.columns().get(i).name()));
        }
        String one = "(" + "?, ".repeat(t.columns().size() - 1) + "?)";
        sql.append(") VALUES ").append(String.join(", ", java.util.Collections.nCopies(rows, one)));
        return sql.toString();
    }

    /** Binds a row's values from parameter {@code first} on; returns the parameter after them. */
    private static int bind(PreparedStatement ps, int first, Object[] row) throws SQLException {
        int p = first;
        for (Object v : row) {
            if (v == null) {
                ps.setNull(p, Types.NULL);
            } else if (v instanceof String s) {
                ps.setString(p, s);
            } else if (v instanceof Long l) {
                ps.setLong(p, l);
            } else {
                ps.setBytes(p, (byte[]) v);
            }
            p++;
        }
        return p;
    }

    private static void closeQuietly(PreparedStatement ps) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the table is made again, or the snapshot is abandoned or complete: a close failure changes nothing
            }
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
        inserts.values().forEach(SnapshotWriter::closeQuietly);
        multiInserts.values().forEach(SnapshotWriter::closeQuietly);
        inserts.clear();
        multiInserts.clear();
    }
}
