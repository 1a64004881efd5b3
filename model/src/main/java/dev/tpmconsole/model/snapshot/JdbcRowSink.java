package dev.tpmconsole.model.snapshot;

import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.TableDef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link RowSink} that inserts through JDBC in batches. Identifiers are written bare (ZStack's names are
 * plain identifiers), so the same statements run on SQLite and on MariaDB. Counts the rows per table.
 */
public final class JdbcRowSink implements RowSink, AutoCloseable {

    private static final int BATCH = 2000;

    private final Connection connection;
    private final Map<String, JdbcRow> rows = new LinkedHashMap<>();
    private final Map<String, Long> counts = new TreeMap<>();

    public JdbcRowSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Row table(String table) {
        return rows.computeIfAbsent(table, JdbcRow::new);
    }

    /** Rows written per table so far. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Sends what is still batched. */
    public void flush() throws SQLException {
        for (JdbcRow r : rows.values()) {
            r.flush();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (JdbcRow r : rows.values()) {
            try {
                r.statement.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        rows.clear();
        if (first != null) {
            throw first;
        }
    }

    private final class JdbcRow extends Row {
        private final PreparedStatement statement;
        private final int[] sqlTypes;
        private int pending;

        JdbcRow(String table) {
            super(table);
            TableDef def = definition();
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(def.name()).append(" (");
            sql.append(String.join(", ", def.columnNames())).append(") VALUES (");
            sql.append("?, ".repeat(def.columns().size() - 1)).append("?)");
            sqlTypes = new int[def.columns().size()];
            for (int i = 0; i < sqlTypes.length; i++) {
                ColumnDef c = def.columns().get(i);
                sqlTypes[i] = switch (c.kind()) {
                    case BLOB -> Types.BLOB;
                    case INTEGER -> Types.BIGINT;
                    case TEXT, TIMESTAMP -> Types.VARCHAR;
                };
            }
            try {
                statement = connection.prepareStatement(sql.toString());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare insert into " + table + ": " + e.getMessage(), e);
            }
        }

        @Override
        protected void write(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    statement.setNull(i + 1, sqlTypes[i]);
                } else if (v instanceof Boolean b) {
                    statement.setInt(i + 1, b ? 1 : 0);
                } else if (v instanceof byte[] bytes) {
                    statement.setBytes(i + 1, bytes);
                } else if (v instanceof Number n) {
                    statement.setLong(i + 1, n.longValue());
                } else {
                    statement.setString(i + 1, v.toString());
                }
            }
            statement.addBatch();
            counts.merge(definition().name(), 1L, Long::sum);
            if (++pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }
}
