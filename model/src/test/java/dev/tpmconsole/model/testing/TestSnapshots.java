package dev.tpmconsole.model.testing;

import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.schema.ZStackSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Real SQLite files for tests: built from the DDL, or demo snapshots; plus byte and content fingerprints. */
public final class TestSnapshots {

    private TestSnapshots() {
    }

    /** An empty ZStack database built from the canonical DDL (optionally with its foreign keys). */
    public static Path fromDdl(Path file, boolean withForeignKeys) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String ddl : ZStackSchema.canonical().sqliteDdl(withForeignKeys)) {
                st.execute(ddl);
            }
        }
        return file;
    }

    /** Runs statements on a file (to build hand-made cases). */
    public static void exec(Path file, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    public static Path demo(Path file, int vms, long seed) throws Exception {
        DemoGenerator.writeSnapshot(file, new DemoOptions(vms, seed), false);
        return file;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the files in a folder, to prove that nothing was created beside a source. */
    public static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A digest of the contents of every table of the schema, rows in primary-key order. */
    public static String contentDigest(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (var t : ZStackSchema.canonical().tables()) {
                md.update(t.name().getBytes());
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t.name() + " ORDER BY "
                        + String.join(", ", t.primaryKey()))) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            byte[] v = rs.getBytes(i);
                            md.update(v == null ? new byte[] {0x7f, 0x00} : v);
                            md.update((byte) 0x1f);
                        }
                        md.update((byte) 0x1e);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static long count(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
