package dev.tpmconsole.model.plan;

import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.sql.InLists;
import dev.tpmconsole.model.sql.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Fingerprints of the rows that exist, keyed by {@code table/key} in the order asked; vanished rows are
     * absent. One query per table and {@link InLists#SIZE} keys ({@code IN}); a row counts under its key as
     * stored, so a key that MariaDB's {@code IN} matches by collation only ({@code VM} for {@code vm}) finds nothing.
     * The digests are held as bytes ({@link RowDigests}), not as text.
     */
    public static RowDigests read(Connection c, SqlDialect d, List<Plan.RowRef> rows) throws SQLException {
        // each table's keys, each with its first place among the rows
        Map<String, Map<String, Integer>> placesOfTable = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Plan.RowRef row = rows.get(i);
            placesOfTable.computeIfAbsent(row.table(), t -> new LinkedHashMap<>()).putIfAbsent(row.key(), i);
        }
        byte[] digests = new byte[rows.size() * RowDigests.SIZE];
        boolean[] found = new boolean[rows.size()];
        boolean utf8 = storesUtf8(c, d);
        for (Map.Entry<String, Map<String, Integer>> e : placesOfTable.entrySet()) {
            TableDef def = ZStackSchema.canonical().requireTable(e.getKey());
            String key = keyColumn(e.getKey());
            Map<String, Integer> places = e.getValue();
            for (List<String> chunk : InLists.chunks(List.copyOf(places.keySet()))) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + d.wholeRow(def) + " FROM " + e.getKey()
                        + " WHERE " + key + " IN " + InLists.placeholders(chunk.size()))) {
                    InLists.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        Hasher hasher = new Hasher(rs, def, utf8);
                        while (rs.next()) {
                            Integer at = places.get(rs.getString(key));
                            if (at != null) {
                                hasher.hash(rs, digests, at * RowDigests.SIZE);
                                found[at] = true;
                            }
                        }
                    }
                }
            }
        }
        // the rows found (each once), their digests moved up in place over those of the others
        List<Plan.RowRef> present = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (found[i]) {
                System.arraycopy(digests, i * RowDigests.SIZE, digests, present.size() * RowDigests.SIZE,
                        RowDigests.SIZE);
                present.add(rows.get(i));
            }
        }
        return new RowDigests(present, present.size() == rows.size() ? digests
                : java.util.Arrays.copyOf(digests, present.size() * RowDigests.SIZE));
    }

    /**
     * Whether the driver gives a text value's bytes ({@link ResultSet#getBytes}) in UTF-8: MariaDB's does (its
     * connection's character set is utf8mb4); SQLite's gives them in the database's encoding, which may be UTF-16.
     */
    private static boolean storesUtf8(Connection c, SqlDialect d) throws SQLException {
        if (d.kind() != dev.tpmconsole.model.schema.DatabaseKind.SQLITE) {
            return true;
        }
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA encoding")) {
            return rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
        }
    }

    /** Hashes the rows of one result set: its columns are looked up once. */
    private static final class Hasher {
        private final List<ColumnDef> columns = new java.util.ArrayList<>();
        /** Each column's name in UTF-8, made once for all the rows rather than once a row and column. */
        private final byte[][] names;
        private final int[] index;
        private final MessageDigest md;
        /** The driver gives text values' bytes in UTF-8 (as {@code storesUtf8} found). */
        private final boolean utf8;

        Hasher(ResultSet rs, TableDef def, boolean utf8) throws SQLException {
            this.utf8 = utf8;
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Integer> present = new HashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                present.put(meta.getColumnLabel(i), i);
            }
            List<Integer> at = new java.util.ArrayList<>();
            for (ColumnDef col : def.columns()) {
                Integer i = present.get(col.name());
                if (i != null) {
                    columns.add(col);
                    at.add(i);
                }
            }
            index = at.stream().mapToInt(Integer::intValue).toArray();
            names = columns.stream().map(col -> col.name().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes the digest of the current row into {@code into} from {@code offset}. */
        void hash(ResultSet rs, byte[] into, int offset) throws SQLException {
            md.reset();
            for (int n = 0; n < index.length; n++) {
                ColumnDef col = columns.get(n);
                int i = index[n];
                md.update(names[n]);
                md.update((byte) 0);
                byte[] value = switch (col.kind()) {
                    case BLOB -> rs.getBytes(i);
                    case INTEGER -> {
                        long v = rs.getLong(i);
                        yield rs.wasNull() ? null : Long.toString(v).getBytes(StandardCharsets.UTF_8);
                    }
                    case TIMESTAMP -> text(rs.getString(i));
                    case TEXT -> utf8(rs, i);
                };
                if (value == null) {
                    md.update((byte) 'N');
                } else {
                    md.update((byte) 'V');
                    md.update(value);
                }
                md.update((byte) 0x1e);
            }
            try {
                md.digest(into, offset, RowDigests.SIZE);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * A text value's UTF-8 bytes, as its {@code String}'s are. Where the driver gives them in UTF-8 and they are
         * all ASCII (UUIDs, names, paths: nearly every value), they are those bytes as read, without the
         * {@code String} and its copies (the driver's buffer, the decoded text, the bytes again: in
         * {@code bench/run-pipeline.sh}'s 10,000-item run the fingerprints allocated 118 MB against 165); any other
         * is read as a {@code String}, so that bytes that are not UTF-8 hash as they always did.
         */
        private byte[] utf8(ResultSet rs, int i) throws SQLException {
            if (utf8) {
                byte[] raw = rs.getBytes(i);
                if (raw != null ? ascii(raw) : rs.wasNull()) {
                    return raw;
                }
            }
            String v = rs.getString(i);
            return v == null ? null : v.getBytes(StandardCharsets.UTF_8);
        }

        private static boolean ascii(byte[] bytes) {
            for (byte b : bytes) {
                if (b < 0) {
                    return false;
                }
            }
            return true;
        }
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
