package dev.tpmconsole.model.source;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.ssh.SshConfigException;
import dev.tpmconsole.model.ssh.SshConnection;
import dev.tpmconsole.model.ssh.SshFailure;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.model.ssh.SshSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live database behind its management node (docs/hosts.md, "A live database behind its management node"): the
 * JDBC connection goes through a local port forward that SSH to an alias opens ({@code ssh -L}), with the same
 * configuration, host keys and authentication as the hosts. The URL's host and port are as the alias sees
 * them ({@code jdbc:mariadb://127.0.0.1:3306/zstack} is the node's own MariaDB). The forward is closed with the
 * source. Nothing of the tunnel is kept but the alias.
 */
public final class TunnelledSource implements Source {

    private static final Pattern URL = Pattern.compile(
            "^(jdbc:(?:mariadb|mysql)://)([^/@?]*@)?(\\[[^\\]/]+\\]|[^/:,?\\[\\]]+)(?::(\\d+))?(/.*)?$");

    private final Source database;
    /** The URL asked for (without password), as the database is named; it is opened at the tunnel's local end. */
    private final String url;
    private final String alias;
    private final AutoCloseable tunnel;

    private TunnelledSource(Source database, String url, String alias, AutoCloseable tunnel) {
        this.database = database;
        this.url = url;
        this.alias = alias;
        this.tunnel = tunnel;
    }

    /**
     * Opens {@code spec} (a {@code jdbc:} URL) through SSH to {@code alias}; the password as {@link Sources#open}
     * finds it.
     */
    public static Source open(String spec, OpenOptions options, Supplier<String> askPassword, SshSettings settings,
                              SshPrompts prompts, String alias) throws SourceException {
        return open(spec, settings, prompts, alias, local -> Sources.open(local, options, askPassword));
    }

    /** Opens a database by its URL (the local end of the tunnel); {@link #open(String, SshSettings, SshPrompts, String, Opener)}. */
    @FunctionalInterface
    public interface Opener {
        Source open(String localUrl) throws SourceException;
    }

    /**
     * Opens {@code spec} through SSH to {@code alias}: {@code opener} is given the URL rewritten to the local end
     * of the forward (user, password and parameters unchanged).
     */
    public static Source open(String spec, SshSettings settings, SshPrompts prompts, String alias, Opener opener)
            throws SourceException {
        Matcher m = URL.matcher(spec);
        if (!m.matches()) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("source.tunnel.oneServer",
                    JdbcUrls.withoutPassword(spec)));
        }
        String host = m.group(3).startsWith("[") ? m.group(3).substring(1, m.group(3).length() - 1) : m.group(3);
        int port = m.group(4) == null ? 3306 : Integer.parseInt(m.group(4));
        SshHosts ssh = null;
        SshConnection connection = null;
        SshConnection.LocalForward forward = null;
        try {
            ssh = new SshHosts(settings, prompts);
            connection = ssh.connect(alias);
            forward = connection.forward(host, port);
            String local = m.group(1) + (m.group(2) == null ? "" : m.group(2)) + "127.0.0.1:" + forward.address().getPort()
                    + (m.group(5) == null ? "/" : m.group(5));
            Source db;
            try {
                db = opener.open(local);
            } catch (SourceException e) {
                throw new SourceException(e.reason(), Message.of("source.tunnel.through", e.message().replacing(
                        JdbcUrls.withoutPassword(local), JdbcUrls.withoutPassword(spec)), alias), e);
            }
            SshHosts s = ssh;
            SshConnection c = connection;
            SshConnection.LocalForward f = forward;
            return new TunnelledSource(db, JdbcUrls.withoutPassword(spec), alias, () -> {
                f.close();
                c.close();
                s.close();
            });
        } catch (SshConfigException e) {
            close(forward, connection, ssh);
            throw new SourceException(SourceException.Reason.CONNECTION_FAILED, Message.of("source.tunnel.config",
                    e.message()), e);
        } catch (SshFailure e) {
            close(forward, connection, ssh);
            throw new SourceException(SourceException.Reason.CONNECTION_FAILED, Message.of("source.tunnel.failed",
                    alias, JdbcUrls.withoutPassword(spec), e.message()), e);
        } catch (SourceException | RuntimeException e) {
            close(forward, connection, ssh);
            throw e;
        }
    }

    private static void close(AutoCloseable... things) {
        for (AutoCloseable t : things) {
            if (t != null) {
                try {
                    t.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    /** The SSH alias the connection goes through. */
    public String alias() {
        return alias;
    }

    @Override
    public String displayName() {
        return url + " through ssh " + alias;
    }

    @Override
    public DatabaseKind kind() {
        return database.kind();
    }

    @Override
    public boolean writable() {
        return database.writable();
    }

    @Override
    public SchemaLayout layout() {
        return database.layout();
    }

    @Override
    public Connection connection() throws SQLException {
        return database.connection();
    }

    /** The same database through the same tunnel, which stays with this source (closing the other leaves it open). */
    @Override
    public Source reopen(OpenOptions options) throws SourceException {
        return new TunnelledSource(database.reopen(options), url, alias, () -> {
        });
    }

    /** The database's failure, naming the URL asked for rather than the tunnel's local end. */
    @Override
    public SourceException failure(SQLException e) {
        SourceException f = database.failure(e);
        return new SourceException(f.reason(), f.message().replacing(database.displayName(), displayName()), e);
    }

    @Override
    public void close() {
        database.close();
        close(tunnel);
    }
}
