package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.RowFingerprints;
import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.source.ConnectionPool;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.sql.InLists;
import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link DatabasePort} over a writable {@link Source}, SQLite or MariaDB, with exact comparisons. */
public final class JdbcDatabasePort implements DatabasePort {

    private final Source source;
    private final SqlDialect d;
    private final boolean sqlite;
    /**
     * Connections reused, with their prepared statements: opening one per query cost more than the queries of
     * an item, and a run prepares the same few statements tens of thousands of times.
     */
    private final ConnectionPool pool;

    public JdbcDatabasePort(Source source) {
        if (!source.writable()) {
            throw new IllegalArgumentException(source.displayName() + " is open read-only");
        }
        this.source = source;
        this.d = new SqlDialect(source.kind(), source.layout());
        this.sqlite = source.kind() == DatabaseKind.SQLITE;
        this.pool = new ConnectionPool(sqlite ? () -> keepingJournal(source.connection()) : source::connection, 8, true);
    }

    /**
     * An SQLite connection of a run keeps its rollback journal file from one transaction to the next (PERSIST: the
     * journal's header is zeroed at each commit, instead of the file being deleted, and made again with its folder
     * synced at the next). A run is one transaction an item: a quarter of a commit's forced writes were the
     * folder's. A transaction is as durable either way, and a journal left by a kill is as hot. A read-only
     * connection beside the run may look at the journal as a transaction begins and be refused once; the
     * snapshot's connections read again ({@code SqliteSnapshot.RACED_A_WRITER}). {@link #close} deletes the file.
     */
    private static Connection keepingJournal(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = PERSIST");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private Connection borrow() throws SQLException {
        return pool.borrow();
    }

    /**
     * Closes the pooled connections (the run is over), and on SQLite deletes the journal file they kept: leaving
     * its own journal mode, a connection deletes the file when no other holds the database.
     */
    public void close() {
        pool.close();
        if (sqlite) {
            try (Connection c = source.connection(); Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = PERSIST");
                st.execute("PRAGMA journal_mode = DELETE");
            } catch (SQLException e) {
                // an empty journal (its header zeroed) stays beside the snapshot: the next transaction deletes it
            }
        }
    }

    @Override
    public Map<String, String> fingerprints(List<Plan.RowRef> rows) throws SQLException {
        try (Connection c = borrow()) {
            return RowFingerprints.read(c, d, rows);
        }
    }

    @Override
    public Map<String, List<Plan.RowRef>> dependants(String table, java.util.Collection<String> keys) throws SQLException {
        Map<String, List<Plan.RowRef>> refs = new LinkedHashMap<>();
        Map<String, List<Plan.RowRef>> tags = new LinkedHashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
        try (Connection c = borrow()) {
            for (List<String> chunk : InLists.chunks(all)) {
                String in = " IN " + InLists.placeholders(chunk.size());
                // a row counts under its owner's key as stored: one MariaDB's IN matches by collation only finds nothing
                collect(c, "SELECT resourceUuid, id FROM EncryptedResourceKeyRefVO WHERE " + d.is("resourceType", table)
                        + " AND resourceUuid" + in + " ORDER BY id", chunk, "EncryptedResourceKeyRefVO", refs);
                collect(c, "SELECT resourceUuid, uuid FROM SystemTagVO WHERE resourceUuid" + in + " ORDER BY "
                        + d.order("uuid"), chunk, "SystemTagVO", tags);
            }
        }
        Map<String, List<Plan.RowRef>> out = new LinkedHashMap<>();
        for (String key : all) {
            List<Plan.RowRef> rows = new ArrayList<>(refs.getOrDefault(key, List.of()));
            rows.addAll(tags.getOrDefault(key, List.of()));
            out.put(key, rows);
        }
        return out;
    }

    /** Rows {@code (owner key, own key)} of a query, as rows of {@code table} under the owners asked for. */
    private void collect(Connection c, String sql, List<String> owners, String table,
                         Map<String, List<Plan.RowRef>> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            InLists.bind(ps, 1, owners);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Plan.RowRef(table, rs.getString(2)));
                }
            }
        }
    }

    @Override
    public List<QuarantinedRow> read(String item, List<Plan.RowRef> rows) throws SQLException {
        List<QuarantinedRow> out = new ArrayList<>();
        try (Connection c = borrow()) {
            for (Plan.RowRef row : rows) {
                Map<String, String> values = readIn(c, row);
                if (values != null) {
                    out.add(new QuarantinedRow(item, row.table(), row.key(), values));
                }
            }
        }
        return out;
    }

    /**
     * The items' rows on one connection, in one read transaction: on SQLite each statement outside one takes and
     * releases the file's lock and looks for a hot journal, a dozen system calls a row.
     */
    @Override
    public Map<String, ItemRows> read(Map<String, List<Plan.RowRef>> items) {
        Map<String, ItemRows> out = new LinkedHashMap<>();
        try (Connection c = borrow()) {
            c.setAutoCommit(false); // handed back rolled back: nothing is written here
            for (Map.Entry<String, List<Plan.RowRef>> e : items.entrySet()) {
                out.put(e.getKey(), readItem(c, e.getKey(), e.getValue()));
            }
        } catch (SQLException e) {
            // no connection, or it could not begin: every item not read yet fails with it
            for (String item : items.keySet()) {
                out.putIfAbsent(item, new ItemRows(List.of(), e));
            }
        }
        return out;
    }

    private ItemRows readItem(Connection c, String item, List<Plan.RowRef> rows) {
        List<QuarantinedRow> read = new ArrayList<>();
        try {
            for (Plan.RowRef row : rows) {
                Map<String, String> values = readIn(c, row);
                if (values != null) {
                    read.add(new QuarantinedRow(item, row.table(), row.key(), values));
                }
            }
            return new ItemRows(read, null);
        } catch (SQLException e) {
            return new ItemRows(List.of(), e);
        }
    }

    /** A row's values as the quarantine keeps them, or null when it is not there. */
    private Map<String, String> readIn(Connection c, Plan.RowRef row) throws SQLException {
        TableDef def = ZStackSchema.canonical().requireTable(row.table());
        try (PreparedStatement ps = c.prepareStatement("SELECT " + d.wholeRow(def) + " FROM " + row.table() + " WHERE "
                + d.eqParam(RowFingerprints.keyColumn(row.table())))) {
            d.bind(ps, 1, row.key());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? values(rs, def) : null;
            }
        }
    }

    private static Map<String, String> values(ResultSet rs, TableDef def) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            ColumnDef col = def.column(name).orElse(null);
            if (col != null && col.kind() == ColumnDef.ValueKind.BLOB) {
                byte[] b = rs.getBytes(i);
                values.put(name, b == null ? null : Base64.getEncoder().encodeToString(b));
            } else if (col != null && col.kind() == ColumnDef.ValueKind.INTEGER) {
                long v = rs.getLong(i);
                values.put(name, rs.wasNull() ? null : Long.toString(v));
            } else {
                String v = rs.getString(i);
                values.put(name, v != null && col != null && col.kind() == ColumnDef.ValueKind.TIMESTAMP
                        && v.length() > 19 && v.charAt(19) == '.' ? v.substring(0, 19) : v);
            }
        }
        return values;
    }

    @Override
    public List<Plan.RowRef> existing(List<Plan.RowRef> rows) throws SQLException {
        try (Connection c = borrow()) {
            if (rows.size() > 1) {
                c.setAutoCommit(false); // one read transaction (see read): handed back rolled back
            }
            return existingIn(c, rows);
        }
    }

    @Override
    public ItemTransaction begin() throws SQLException {
        Connection c = borrow();
        c.setAutoCommit(false);
        return new ItemTransaction() {
            private boolean committed;

            @Override
            public int delete(Plan.RowRef row) throws SQLException {
                if (row.table().equals("EncryptedResourceKeyRefVO")) {
                    throw new IllegalArgumentException("key refs are deleted with deleteKeyRef");
                }
                return deleteRow(row);
            }

            @Override
            public int deleteKeyRef(String id) throws SQLException {
                return deleteRow(new Plan.RowRef("EncryptedResourceKeyRefVO", id));
            }

            @Override
            public int update(Plan.RowRef row, Map<String, String> set) throws SQLException {
                TableDef def = ZStackSchema.canonical().requireTable(row.table());
                List<String> cols = new ArrayList<>(set.keySet());
                for (String col : cols) {
                    if (def.column(col).isEmpty()) {
                        throw new SQLException(row.table() + " has no column " + col);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + row.table() + " SET "
                        + String.join(", ", cols.stream().map(x -> x + " = ?").toList()) + " WHERE "
                        + d.eqParam(RowFingerprints.keyColumn(row.table())))) {
                    int i = 1;
                    for (String col : cols) {
                        ps.setString(i++, set.get(col));
                    }
                    d.bind(ps, i, row.key());
                    return ps.executeUpdate();
                }
            }

            private int deleteRow(Plan.RowRef row) throws SQLException {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + row.table() + " WHERE "
                        + d.eqParam(RowFingerprints.keyColumn(row.table())))) {
                    d.bind(ps, 1, row.key());
                    return ps.executeUpdate();
                }
            }

            @Override
            public void commit() throws SQLException {
                c.commit();
                committed = true;
            }

            @Override
            public void close() throws SQLException {
                try {
                    if (!committed) {
                        c.rollback();
                    }
                } finally {
                    c.close();
                }
            }
        };
    }

    @Override
    public Runs.UndoResult restore(List<QuarantinedRow> rows, java.util.Set<String> updated) throws SQLException {
        List<QuarantinedRow> refused = new ArrayList<>();
        int restored = 0;
        int inPlace = 0;
        try (Connection c = borrow()) {
            boolean mariadb = source.kind() == DatabaseKind.MARIADB;
            if (mariadb) {
                // the rows go back as they were, including those that broke a foreign key before the run
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("SET SESSION foreign_key_checks = 0");
                }
            }
            c.setAutoCommit(false);
            try {
                for (QuarantinedRow r : rows) {
                    Map<String, String> now = readIn(c, new Plan.RowRef(r.table(), r.key()));
                    if (now != null && now.equals(r.values())) {
                        inPlace++; // never deleted (its item failed), or put back already
                    } else if (updated.contains(r.id()) && now != null) {
                        restoreValues(c, r);
                        restored++;
                    } else if (now != null) {
                        refused.add(r); // there again, with other values: not overwritten
                    } else {
                        insert(c, r);
                        restored++;
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                if (mariadb) {
                    c.setAutoCommit(true);
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute("SET SESSION foreign_key_checks = 1");
                    }
                }
            }
        }
        return new Runs.UndoResult(restored, inPlace, refused, 0, 0, List.of());
    }

    private List<Plan.RowRef> existingIn(Connection c, List<Plan.RowRef> rows) throws SQLException {
        List<Plan.RowRef> out = new ArrayList<>();
        for (Plan.RowRef row : rows) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + row.table() + " WHERE "
                    + d.eqParam(RowFingerprints.keyColumn(row.table())))) {
                d.bind(ps, 1, row.key());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(row);
                    }
                }
            }
        }
        return out;
    }

    /** Puts the old values of a row the run changed back (an update, by primary key). */
    private void restoreValues(Connection c, QuarantinedRow r) throws SQLException {
        String key = RowFingerprints.keyColumn(r.table());
        List<String> cols = r.values().keySet().stream().filter(x -> !x.equals(key)).toList();
        TableDef def = ZStackSchema.canonical().requireTable(r.table());
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + r.table() + " SET "
                + String.join(", ", cols.stream().map(x -> x + " = ?").toList()) + " WHERE " + d.eqParam(key))) {
            int i = 1;
            for (String col : cols) {
                bindValue(ps, i++, def.column(col).orElse(null), r.values().get(col));
            }
            d.bind(ps, i, r.key());
            ps.executeUpdate();
        }
    }

    private static void bindValue(PreparedStatement ps, int i, ColumnDef col, String v) throws SQLException {
        ColumnDef.ValueKind kind = col == null ? ColumnDef.ValueKind.TEXT : col.kind();
        if (v == null) {
            ps.setNull(i, kind == ColumnDef.ValueKind.BLOB ? Types.BLOB
                    : kind == ColumnDef.ValueKind.INTEGER ? Types.BIGINT : Types.VARCHAR);
        } else if (kind == ColumnDef.ValueKind.BLOB) {
            ps.setBytes(i, Base64.getDecoder().decode(v));
        } else if (kind == ColumnDef.ValueKind.INTEGER) {
            ps.setLong(i, Long.parseLong(v));
        } else {
            ps.setString(i, v);
        }
    }

    private static void insert(Connection c, QuarantinedRow r) throws SQLException {
        TableDef def = ZStackSchema.canonical().requireTable(r.table());
        List<String> cols = new ArrayList<>(r.values().keySet());
        String sql = "INSERT INTO " + r.table() + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < cols.size(); i++) {
                bindValue(ps, i + 1, def.column(cols.get(i)).orElse(null), r.values().get(cols.get(i)));
            }
            ps.executeUpdate();
        }
    }
}
