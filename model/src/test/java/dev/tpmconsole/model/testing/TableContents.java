package dev.tpmconsole.model.testing;

import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of the schema's tables as comparable text, value for value: {@code NULL}, {@code s:text},
 * {@code i:123}, {@code x:hex} (blobs). Read from a snapshot, each value must also be stored in the SQLite
 * storage class of the snapshot format (text, integer, blob or null); read from MariaDB, each is read as the
 * console reads it, but timestamps as the server's text (MariaDB's JDBC driver reads the zero date as NULL). Rows are sorted by their text, so that the engines' orders (collations) do not matter.
 */
public final class TableContents {

    private TableContents() {
    }

    /** The columns of each schema table this SQLite file has, in its own order. */
    public static Map<String, List<String>> sqliteColumns(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String table : ZStackSchema.canonical().tableNames()) {
            List<String> cols = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA table_info(" + ZStackSchema.q(table) + ")")) {
                while (rs.next()) {
                    cols.add(rs.getString("name"));
                }
            }
            if (!cols.isEmpty()) {
                out.put(table, cols);
            }
        }
        return out;
    }

    /** The rows of these tables and columns, read from a snapshot, storage classes checked. */
    public static Map<String, List<String>> fromSqlite(Connection c, Map<String, List<String>> columns) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> t : columns.entrySet()) {
            StringBuilder sql = new StringBuilder("SELECT ");
            for (String col : t.getValue()) {
                sql.append(ZStackSchema.q(col)).append(", typeof(").append(ZStackSchema.q(col)).append("), ");
            }
            sql.setLength(sql.length() - 2);
            sql.append(" FROM ").append(ZStackSchema.q(t.getKey()));
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 0; i < t.getValue().size(); i++) {
                        String column = t.getValue().get(i);
                        ColumnDef.ValueKind kind = kind(t.getKey(), column);
                        String type = rs.getString(2 * i + 2);
                        String expected = switch (kind) {
                            case BLOB -> "blob";
                            case INTEGER -> "integer";
                            case TEXT, TIMESTAMP -> "text";
                        };
                        if (!type.equals("null") && !type.equals(expected)) {
                            throw new AssertionError(t.getKey() + "." + column + " holds a " + type + " where the"
                                    + " snapshot format stores " + expected);
                        }
                        row.append(type.equals("null") ? "NULL" : token(kind, rs, 2 * i + 1)).append(" | ");
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(Comparator.naturalOrder());
            out.put(t.getKey(), rows);
        }
        return out;
    }

    /** The rows of the same tables and columns, read from a live database through {@code c}. */
    public static Map<String, List<String>> fromMariaDb(Connection c, Map<String, List<String>> columns) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> t : columns.entrySet()) {
            // timestamps as the database's text: the driver reads MariaDB's zero date as NULL
            String sql = "SELECT " + String.join(", ", t.getValue().stream().map(col ->
                    kind(t.getKey(), col) == ColumnDef.ValueKind.TIMESTAMP ? "CAST(`" + col + "` AS CHAR)" : "`" + col + "`")
                    .toList()) + " FROM `" + t.getKey() + "`";
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 0; i < t.getValue().size(); i++) {
                        ColumnDef.ValueKind kind = kind(t.getKey(), t.getValue().get(i));
                        String value = token(kind, rs, i + 1);
                        row.append(rs.wasNull() ? "NULL" : value).append(" | ");
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(Comparator.naturalOrder());
            out.put(t.getKey(), rows);
        }
        return out;
    }

    /** The base tables of the connection's MariaDB database. */
    public static List<String> mariaDbTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        return out;
    }

    private static ColumnDef.ValueKind kind(String table, String column) {
        return ZStackSchema.canonical().requireTable(table).column(column).map(ColumnDef::kind)
                .orElse(ColumnDef.ValueKind.TEXT); // the zsv 5.0.0 backup owner, a uuid
    }

    private static String token(ColumnDef.ValueKind kind, ResultSet rs, int index) throws SQLException {
        return switch (kind) {
            case BLOB -> {
                byte[] b = rs.getBytes(index);
                yield b == null ? "NULL" : "x:" + HexFormat.of().formatHex(b);
            }
            case INTEGER -> {
                Object o = rs.getObject(index);
                yield o == null ? "NULL" : "i:" + (o instanceof Boolean bool ? (bool ? "1" : "0") : o.toString());
            }
            case TEXT, TIMESTAMP -> {
                String s = rs.getString(index);
                yield s == null ? "NULL" : "s:" + s;
            }
        };
    }
}
