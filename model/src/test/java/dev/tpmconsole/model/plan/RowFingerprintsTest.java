package dev.tpmconsole.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.sql.SqlDialect;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row's fingerprint is SHA-256 over its columns, each text value by its {@code String}'s UTF-8 bytes (plans made
 * by earlier versions carry fingerprints so made, and a run compares them): the same whatever the text holds, and
 * whether the snapshot stores its text in UTF-8 or UTF-16.
 */
class RowFingerprintsTest {

    /** Names that a text column may hold: empty, ASCII, other scripts, a NUL inside, a number, a lone high byte. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("vm", "");
        NAMES.put("a_vm", "web-01");
        NAMES.put("b_vm", "数据库 é");
        NAMES.put("c_vm", "nul\u0000inside");
        NAMES.put("d_vm", "CAST(42 AS INTEGER)");
        NAMES.put("e_vm", "CAST(X'6869FF' AS TEXT)"); // not UTF-8: "hi" and a byte no UTF-8 text has
        NAMES.put("f_vm", "NULL");
    }

    @Test
    void textIsHashedByItsStringsBytes_inUtf8AndUtf16Snapshots(@TempDir Path dir) throws Exception {
        Path utf8 = snapshotWithNames(dir.resolve("utf8.sqlite"));
        Path utf16 = dir.resolve("utf16.sqlite");
        copyAsUtf16(utf8, utf16);
        List<Plan.RowRef> rows = new ArrayList<>();
        for (String vm : NAMES.keySet()) {
            rows.add(new Plan.RowRef("VmInstanceEO", vm));
            rows.add(new Plan.RowRef("TpmVO", vm.replace("vm", "tpm")));
        }

        Map<String, String> expected = byStrings(utf8, rows);
        assertThat(expected).hasSize(rows.size());
        assertThat(expected.values()).doesNotHaveDuplicates();
        for (Path snapshot : List.of(utf8, utf16)) {
            try (Source s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly()); Connection c = s.connection()) {
                assertThat(RowFingerprints.read(c, new SqlDialect(s.kind(), s.layout()), rows))
                        .as(snapshot.getFileName().toString()).containsExactlyEntriesOf(expected);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + utf16);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA encoding")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the copy's encoding").startsWith("UTF-16");
        }
    }

    /** Six VMs with their TPMs, each VM with one of {@link #NAMES} (an SQL expression where it says so). */
    private static Path snapshotWithNames(Path file) throws Exception {
        SqliteTestDatabase.create(file, sink -> {
            Rows r = new Rows(sink);
            for (String vm : NAMES.keySet()) {
                r.vm(vm, true).tpm(vm.replace("vm", "tpm"), vm);
            }
        });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (Map.Entry<String, String> e : NAMES.entrySet()) {
                boolean isNull = e.getValue().equals("NULL");
                boolean expression = isNull || e.getValue().startsWith("CAST(");
                String set = expression ? e.getValue() : "?";
                // the name may not be NULL: a NULL goes in the description only
                try (PreparedStatement ps = c.prepareStatement("UPDATE VmInstanceEO SET name = "
                        + (isNull ? "name" : set) + ", description = " + set + " WHERE uuid = ?")) {
                    int p = 1;
                    if (!expression) {
                        ps.setString(p++, e.getValue());
                        ps.setString(p++, e.getValue());
                    }
                    ps.setString(p, e.getKey());
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
            }
        }
        return file;
    }

    /**
     * The same tables, views and rows in a new file whose text is stored in UTF-16 (SQLite attaches no database of
     * another encoding: the rows go through JDBC, each value as its type).
     */
    private static void copyAsUtf16(Path from, Path to) throws Exception {
        try (Connection in = DriverManager.getConnection("jdbc:sqlite:" + from);
             Connection out = DriverManager.getConnection("jdbc:sqlite:" + to);
             Statement read = in.createStatement(); Statement write = out.createStatement()) {
            write.execute("PRAGMA encoding = 'UTF-16le'");
            List<String[]> objects = new ArrayList<>();
            try (ResultSet rs = read.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                    + " ORDER BY type = 'table' DESC, type = 'view'")) {
                while (rs.next()) {
                    objects.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] o : objects) {
                write.execute(o[2]);
                if (!o[0].equals("table")) {
                    continue;
                }
                try (ResultSet rs = read.executeQuery("SELECT * FROM \"" + o[1] + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    try (PreparedStatement ps = out.prepareStatement("INSERT INTO \"" + o[1] + "\" VALUES ("
                            + "?, ".repeat(n - 1) + "?)")) {
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                ps.setObject(i, rs.getObject(i));
                            }
                            ps.executeUpdate();
                        }
                    }
                }
            }
        }
    }

    /**
     * The fingerprints as the console always made them, independently of it: each column of the table that the row
     * has, by name, a NUL, 'N' or 'V' and the value (text by its {@code String}'s UTF-8 bytes), and a record
     * separator.
     */
    private static Map<String, String> byStrings(Path snapshot, List<Plan.RowRef> rows) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + snapshot)) {
            for (Plan.RowRef row : rows) {
                TableDef def = ZStackSchema.canonical().requireTable(row.table());
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + row.table() + " WHERE "
                        + RowFingerprints.keyColumn(row.table()) + " = ?")) {
                    ps.setString(1, row.key());
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).as(row.id()).isTrue();
                        MessageDigest md = MessageDigest.getInstance("SHA-256");
                        for (ColumnDef col : def.columns()) {
                            md.update(col.name().getBytes(StandardCharsets.UTF_8));
                            md.update((byte) 0);
                            byte[] value = switch (col.kind()) {
                                case BLOB -> rs.getBytes(col.name());
                                case INTEGER -> {
                                    long v = rs.getLong(col.name());
                                    yield rs.wasNull() ? null : Long.toString(v).getBytes(StandardCharsets.UTF_8);
                                }
                                case TEXT, TIMESTAMP -> {
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
                        out.put(row.id(), HexFormat.of().formatHex(md.digest()));
                    }
                }
            }
        }
        return out;
    }
}
