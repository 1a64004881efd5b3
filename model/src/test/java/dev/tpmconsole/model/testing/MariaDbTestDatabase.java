package dev.tpmconsole.model.testing;

import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.snapshot.JdbcRowSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away ZStack database on this machine's MariaDB (127.0.0.1:3306, root, no password; override with
 * {@code -Dtpm.mariadb.url=...}), loaded from schema-mariadb.sql. Where no server answers, the test is
 * skipped with a visible message, except under {@code CI=true}, where it fails.
 */
public final class MariaDbTestDatabase implements AutoCloseable {

    /** The hosts a test user is made at: any, and the two names a client on this machine comes from. */
    private static final List<String> USER_HOSTS = List.of("%", "localhost", "127.0.0.1");

    private final String serverUrl;
    private final String name;
    private final List<String> users = new ArrayList<>();

    private MariaDbTestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    public static String serverUrl() {
        String url = System.getProperty("tpm.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        return url.endsWith("/") ? url : url + "/";
    }

    /** Creates a database with the ZStack schema, or skips (fails under CI) when no server answers. */
    public static MariaDbTestDatabase create(boolean keyRefResourceFk) throws SQLException {
        String server = serverUrl();
        try (Connection c = DriverManager.getConnection(server + "?user=root&connectTimeout=3000")) {
            c.isValid(2);
        } catch (SQLException e) {
            Requirements.unavailable("MariaDB is not reachable at " + server + " (" + e.getMessage() + ")");
        }
        String name = "tpmtest_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = root(server); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        MariaDbTestDatabase db = new MariaDbTestDatabase(server, name);
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String ddl : ddlStatements()) {
                st.execute(ddl);
            }
            if (keyRefResourceFk) {
                st.execute("ALTER TABLE EncryptedResourceKeyRefVO ADD CONSTRAINT " + ZStackSchema.KEY_REF_RESOURCE_FK
                        + " FOREIGN KEY (resourceUuid) REFERENCES ResourceVO (uuid) ON DELETE CASCADE");
            }
        }
        return db;
    }

    /** The statements of schema-mariadb.sql, as the {@code mariadb} client would run them. */
    static List<String> ddlStatements() {
        return List.of(ZStackSchema.canonicalDdl().replaceAll("(?m)^--.*$", "").split(";\\s*\\n")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .toList();
    }

    public String url() {
        return serverUrl + name + "?user=root";
    }

    public String name() {
        return name;
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /**
     * Fills the database through a row sink in one transaction, with foreign key checks off (dirty rows).
     * Timestamps are written as UTC, as the console reads them.
     */
    public void load(RowWriter writer) throws Exception {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("SET FOREIGN_KEY_CHECKS = 0");
            st.execute("SET time_zone = '+00:00'");
            c.setAutoCommit(false);
            try (JdbcRowSink sink = new JdbcRowSink(c)) {
                writer.write(sink);
                sink.flush();
            }
            c.commit();
        }
    }

    /** Runs statements (foreign key checks off, timestamps in UTC), to build hand-made cases and layouts. */
    public void exec(String... sql) throws SQLException {
        try (Connection c = connection(); Statement st = c.createStatement()) {
            st.execute("SET FOREIGN_KEY_CHECKS = 0");
            st.execute("SET time_zone = '+00:00'");
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /**
     * Dumps the database with this machine's real {@code mysqldump} (the MariaDB client's), with the given
     * options, into {@code out}. Skips the test (fails under CI=true) when there is no mysqldump.
     */
    public Path dump(Path out, String... options) throws IOException, InterruptedException {
        return dumpTables(out, List.of(), options);
    }

    /** Dumps only these tables (all when empty) with the real {@code mysqldump}, like {@link #dump}. */
    public Path dumpTables(Path out, List<String> tables, String... options) throws IOException, InterruptedException {
        String tool = findDumpTool();
        java.net.URI uri = java.net.URI.create(serverUrl.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(tool, "--host=" + uri.getHost(),
                "--port=" + (uri.getPort() < 0 ? 3306 : uri.getPort()), "--user=root"));
        command.addAll(List.of(options));
        command.add(name);
        command.addAll(tables);
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + err);
        }
        return out;
    }

    private static String findDumpTool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String tool : new String[] {"mysqldump", "mariadb-dump"}) {
                if (Files.isExecutable(Path.of(dir, tool))) {
                    return Path.of(dir, tool).toString();
                }
            }
        }
        Requirements.unavailable("no mysqldump (or mariadb-dump) on the PATH");
        return null;
    }

    /**
     * Makes a user of this database with a password, as a person's login is: {@code privileges} ("SELECT", "ALL
     * PRIVILEGES") on this database only, at every host a client on this machine may come from. Its name is
     * {@code prefix} and a random suffix; {@link #close} drops it with the database.
     */
    public String createUser(String prefix, String password, String privileges) throws SQLException {
        String user = prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        users.add(user);
        try (Connection c = root(serverUrl); Statement st = c.createStatement()) {
            for (String host : USER_HOSTS) {
                st.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '"
                        + password.replace("\\", "\\\\").replace("'", "''") + "'");
                st.execute("GRANT " + privileges + " ON " + name + ".* TO '" + user + "'@'" + host + "'");
            }
        }
        return user;
    }

    private static Connection root(String server) throws SQLException {
        return DriverManager.getConnection(server + "?user=root");
    }

    /** Writes rows into a sink. */
    @FunctionalInterface
    public interface RowWriter {
        void write(JdbcRowSink sink) throws Exception;
    }

    /** Drops the database and the users made for it. */
    @Override
    public void close() throws SQLException {
        try (Connection c = root(serverUrl); Statement st = c.createStatement()) {
            for (String user : users) {
                for (String host : USER_HOSTS) {
                    st.execute("DROP USER IF EXISTS '" + user + "'@'" + host + "'");
                }
            }
            st.execute("DROP DATABASE IF EXISTS " + name);
        }
    }
}
