package dev.tpmconsole.model.plan;

import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.sql.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fingerprint of a row as read: SHA-256 over its columns (name, kind and value; blobs by their bytes,
 * timestamps as ZStack's text, NULL distinct from empty), the same on SQLite and MariaDB for the same data.
 * A plan stores one per planned row; applying it re-reads and compares them first.
 */
public final class RowFingerprints {

    private RowFingerprints() {
    }

    /** The primary-key column of a table of the TPM schema. */
    public static String keyColumn(String table) {
        return ZStackSchema.canonical().requireTable(table).primaryKey().get(0);
    }

    /** Fingerprints of the rows that exist, keyed by {@code table/key}; vanished rows are absent. */
    public static Map<String, String> read(Connection c, SqlDialect d, List<Plan.RowRef> rows) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Plan.RowRef row : rows) {
            TableDef def = ZStackSchema.canonical().requireTable(row.table());
            String key = keyColumn(row.table());
            try (PreparedStatement ps = c.prepareStatement("SELECT " + d.wholeRow(def) + " FROM " + row.table() + " WHERE "
                    + d.eqParam(key))) {
                d.bind(ps, 1, row.key());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.put(row.id(), hash(rs, def));
                    }
                }
            }
        }
        return out;
    }

    static String hash(ResultSet rs, TableDef def) throws SQLException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ResultSetMetaData meta = rs.getMetaData();
        Set<String> present = new HashSet<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            present.add(meta.getColumnLabel(i));
        }
        for (ColumnDef col : def.columns()) {
            if (!present.contains(col.name())) {
                continue;
            }
            md.update(col.name().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            byte[] value = switch (col.kind()) {
                case BLOB -> rs.getBytes(col.name());
                case INTEGER -> {
                    long v = rs.getLong(col.name());
                    yield rs.wasNull() ? null : Long.toString(v).getBytes(StandardCharsets.UTF_8);
                }
                case TIMESTAMP -> text(rs.getString(col.name()));
                case TEXT -> {
                    String v = rs.getString(col.name());
                    yield v == null ? null : v.getBytes(StandardCharsets.UTF_8);
                }
            };
            if (value == null) {
                md.update((byte) 'N');
            } else {
                md.update((byte) 'V');
                md.update(value);
            }
            md.update((byte) 0x1e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** MariaDB's driver may add a fraction (".0") to a timestamp; ZStack's text has none. */
    private static byte[] text(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        String t = timestamp.length() > 19 && timestamp.charAt(19) == '.' ? timestamp.substring(0, 19) : timestamp;
        return t.getBytes(StandardCharsets.UTF_8);
    }
}
