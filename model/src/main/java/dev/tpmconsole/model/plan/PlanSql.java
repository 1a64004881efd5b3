package dev.tpmconsole.model.plan;

import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A plan as SQL scripts for the {@code sqlite3} shell or the {@code mariadb} client: the forward script makes
 * the plan's changes (updates, then deletes, in order, in one transaction), the inverse script undoes them
 * (the rows as they are now inserted back, changed columns set back). Values are literals: strings quoted
 * (and backslashes escaped for MariaDB), blobs as {@code X'..'}, NULL as NULL.
 */
public final class PlanSql {

    private PlanSql() {
    }

    public static String forward(Plan plan, DatabaseKind kind) {
        StringBuilder sb = header(plan, "forward", kind);
        for (Plan.RowUpdate u : plan.updates()) {
            List<String> sets = new ArrayList<>();
            u.set().forEach((col, v) -> sets.add(col + " = " + literal(v, kind)));
            sb.append("UPDATE ").append(u.table()).append(" SET ").append(String.join(", ", sets)).append(" WHERE ")
                    .append(RowFingerprints.keyColumn(u.table())).append(" = ").append(key(u.table(), u.key(), kind))
                    .append(";\n");
        }
        for (Plan.RowRef r : plan.deletes()) {
            sb.append("DELETE FROM ").append(r.table()).append(" WHERE ").append(RowFingerprints.keyColumn(r.table()))
                    .append(" = ").append(key(r.table(), r.key(), kind)).append(";\n");
        }
        return sb.append("COMMIT;\n").toString();
    }

    /** Reads the planned rows as they are now (before the forward script runs) and writes their undoing. */
    public static String inverse(Plan plan, Source source) throws SQLException {
        DatabaseKind kind = source.kind();
        SqlDialect d = new SqlDialect(kind, source.layout());
        StringBuilder sb = header(plan, "inverse", kind);
        try (Connection c = source.connection()) {
            List<Plan.RowRef> deletes = new ArrayList<>(plan.deletes());
            java.util.Collections.reverse(deletes);
            for (Plan.RowRef r : deletes) {
                Map<String, String> row = read(c, d, r);
                if (row != null) {
                    sb.append("INSERT INTO ").append(r.table()).append(" (").append(String.join(", ", row.keySet()))
                            .append(") VALUES (").append(String.join(", ", row.values())).append(");\n");
                }
            }
            for (Plan.RowUpdate u : plan.updates()) {
                Map<String, String> row = read(c, d, new Plan.RowRef(u.table(), u.key()));
                if (row != null) {
                    List<String> sets = new ArrayList<>();
                    u.set().keySet().forEach(col -> sets.add(col + " = " + row.get(col)));
                    sb.append("UPDATE ").append(u.table()).append(" SET ").append(String.join(", ", sets))
                            .append(" WHERE ").append(RowFingerprints.keyColumn(u.table())).append(" = ")
                            .append(key(u.table(), u.key(), kind)).append(";\n");
                }
            }
        }
        return sb.append("COMMIT;\n").toString();
    }

    private static StringBuilder header(Plan plan, String which, DatabaseKind kind) {
        StringBuilder sb = new StringBuilder("-- TPM Console: the ").append(which).append(" script of a ")
                .append(plan.operation()).append(" plan made ").append(plan.createdAt()).append(" on ")
                .append(plan.source().replaceAll("[\\r\\n]", " ")).append('\n')
                .append("-- ").append(plan.summary()).append('\n');
        if (kind == DatabaseKind.MARIADB) {
            sb.append("SET SESSION foreign_key_checks = 0;\nSTART TRANSACTION;\n");
        } else {
            sb.append("BEGIN;\n");
        }
        return sb;
    }

    /** Column name → SQL literal of the row's current values; null when the row does not exist. */
    private static Map<String, String> read(Connection c, SqlDialect d, Plan.RowRef r) throws SQLException {
        TableDef def = ZStackSchema.canonical().requireTable(r.table());
        try (PreparedStatement ps = c.prepareStatement("SELECT " + d.wholeRow(def) + " FROM " + r.table() + " WHERE "
                + d.eqParam(RowFingerprints.keyColumn(r.table())))) {
            d.bind(ps, 1, r.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, String> out = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnLabel(i);
                    ColumnDef col = def.column(name).orElse(null);
                    ColumnDef.ValueKind kind = col == null ? ColumnDef.ValueKind.TEXT : col.kind();
                    if (kind == ColumnDef.ValueKind.BLOB) {
                        byte[] b = rs.getBytes(i);
                        out.put(name, b == null ? "NULL" : "X'" + HexFormat.of().formatHex(b) + "'");
                    } else if (kind == ColumnDef.ValueKind.INTEGER) {
                        long v = rs.getLong(i);
                        out.put(name, rs.wasNull() ? "NULL" : Long.toString(v));
                    } else {
                        String v = rs.getString(i);
                        if (v != null && kind == ColumnDef.ValueKind.TIMESTAMP && v.length() > 19 && v.charAt(19) == '.') {
                            v = v.substring(0, 19);
                        }
                        out.put(name, literal(v, d.kind()));
                    }
                }
                return out;
            }
        }
    }

    private static String key(String table, String key, DatabaseKind kind) {
        return RowFingerprints.keyColumn(table).equals("id") && key.matches("\\d+") ? key : literal(key, kind);
    }

    static String literal(String v, DatabaseKind kind) {
        if (v == null) {
            return "NULL";
        }
        String s = v.replace("'", "''");
        if (kind == DatabaseKind.MARIADB) {
            s = s.replace("\\", "\\\\");
        }
        return "'" + s + "'";
    }
}
