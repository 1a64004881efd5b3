package dev.tpmconsole.model.source;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaInspector;
import dev.tpmconsole.model.schema.SchemaLayout;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A live ZStack MariaDB (or MySQL) database reached by a {@code jdbc:mariadb://} or {@code jdbc:mysql://} URL.
 * Read-only unless asked otherwise: connections are opened read-only, so the server refuses any write.
 * Sessions use UTC, so timestamps read as mysqldump writes them. The password is kept in memory only and
 * never appears in a message.
 */
public final class MariaDbSource extends DatabaseSource {

    private final String url;
    private final Properties credentials;
    /**
     * Read-only sessions reuse a few connections, each checked with a ping before it is used again: a session costs a
     * connect, a handshake and two statements (about 5 ms on the loopback), more than a page of the VM list's look-ups.
     */
    private final ConnectionPool pool;

    private MariaDbSource(String url, Properties credentials, boolean writable, SchemaLayout layout) {
        super(DatabaseKind.MARIADB, writable, layout);
        this.url = url;
        this.credentials = credentials;
        this.pool = new ConnectionPool(this::session, 4, false, true);
    }

    /** Opens a database; {@code user} and {@code password} may be null when the URL carries them. */
    public static MariaDbSource open(String url, String user, String password, OpenOptions options)
            throws SourceException {
        String jdbc = url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "5000");
        SchemaLayout layout;
        try (Connection c = DriverManager.getConnection(jdbc, p)) {
            if (c.getCatalog() == null || c.getCatalog().isBlank()) {
                throw new SourceException(SourceException.Reason.NOT_ZSTACK, Message.of("source.mariadb.noDatabase",
                        JdbcUrls.withoutPassword(url)));
            }
            layout = SchemaInspector.inspect(c, DatabaseKind.MARIADB);
        } catch (SQLException e) {
            throw new SourceException(SourceException.Reason.CONNECTION_FAILED, Message.of("source.cannotRead",
                    JdbcUrls.withoutPassword(url), redact(e.getMessage(), password)), e);
        }
        if (!layout.isZStack()) {
            throw new SourceException(SourceException.Reason.NOT_ZSTACK, Message.of("source.mariadb.notZStack",
                    JdbcUrls.withoutPassword(url), layout.problemMessage()));
        }
        return new MariaDbSource(jdbc, p, options.writable(), layout);
    }

    @Override
    public Source reopen(OpenOptions options) {
        return new MariaDbSource(url, credentials, options.writable(), layout());
    }

    @Override
    public String displayName() {
        return JdbcUrls.withoutPassword(url);
    }

    @Override
    public Connection connection() throws SQLException {
        requireOpen("the connection to " + displayName());
        return writable() ? session() : pool.borrow();
    }

    /** A new session: in UTC, and read-only unless the source is writable. */
    private Connection session() throws SQLException {
        Connection c = DriverManager.getConnection(url, credentials);
        try (java.sql.Statement st = c.createStatement()) {
            // Timestamps are read in UTC, whatever the server's zone: as mysqldump writes them by default
            // (--tz-utc), so that a live database and a snapshot imported from its dump show the same values
            // (and a plan made on one fingerprints the rows of the other alike).
            st.execute("SET time_zone = '+00:00'");
            if (!writable()) {
                // The driver's setReadOnly is only a hint on a single server; the session setting is enforced.
                st.execute("SET SESSION TRANSACTION READ ONLY");
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        if (!writable()) {
            c.setReadOnly(true);
        }
        return c;
    }

    @Override
    public SourceException failure(SQLException e) {
        return new SourceException(SourceException.Reason.CONNECTION_FAILED, Message.of("source.cannotRead",
                displayName(), redact(e.getMessage(), credentials.getProperty("password"))), e);
    }

    @Override
    public void close() {
        if (markClosed()) {
            pool.close();
        }
    }

    private static String redact(String message, String password) {
        if (message == null) {
            return "unknown error";
        }
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }
}
