package dev.tpmconsole.model.source;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A few idle connections of one source, handed out again instead of opening one per query: opening an SQLite
 * connection (with its 64 MiB page cache) or a MariaDB session costs more than most of the console's queries.
 * Closing a connection handed out returns it (rolled back to autocommit, its statements closed); at most
 * {@code maxIdle} wait, the others are closed.
 *
 * <p>With {@code cacheStatements}, a connection also keeps the statements it prepared, by their SQL: a run
 * prepares the same few statements tens of thousands of times. Closing such a statement only clears it.
 *
 * <p>With {@code validate}, an idle connection is asked whether it still works before it is handed out again (a
 * server's session can end while it waits: {@code wait_timeout}, a restart, a tunnel closed); one that does not is
 * closed and the next one tried, or a new one opened.
 */
public final class ConnectionPool implements AutoCloseable {

    /** Opens a new connection of the source. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final int maxIdle;
    private final boolean cacheStatements;
    private final boolean validate;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Map<Connection, Map<String, PreparedStatement>> prepared = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public ConnectionPool(Opener opener, int maxIdle, boolean cacheStatements) {
        this(opener, maxIdle, cacheStatements, false);
    }

    public ConnectionPool(Opener opener, int maxIdle, boolean cacheStatements, boolean validate) {
        this.opener = opener;
        this.maxIdle = maxIdle;
        this.cacheStatements = cacheStatements;
        this.validate = validate;
    }

    /** How long a server has to answer whether an idle connection still works, in seconds. */
    private static final int VALIDATION_TIMEOUT_S = 2;

    /** An idle connection, or a new one; close it to hand it back. */
    public Connection borrow() throws SQLException {
        if (closed.get()) {
            throw new SQLException("the connections of this source have been closed");
        }
        Connection c = idle.pollFirst();
        while (c != null && (c.isClosed() || validate && !c.isValid(VALIDATION_TIMEOUT_S))) {
            forget(c);
            try {
                c.close();
            } catch (SQLException ignored) {
                // a session that ended: nothing to keep
            }
            c = idle.pollFirst();
        }
        return lend(c != null ? c : opener.open());
    }

    private Connection lend(Connection raw) {
        Map<String, PreparedStatement> cache = cacheStatements
                ? prepared.computeIfAbsent(raw, k -> new HashMap<>()) : null;
        List<Statement> opened = new ArrayList<>();
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (returned.compareAndSet(false, true)) {
                                giveBack(raw, opened);
                            }
                            return null;
                        case "isClosed":
                            return returned.get() || raw.isClosed();
                        case "prepareStatement":
                            if (cache != null && args != null && args.length == 1) {
                                PreparedStatement ps = cache.get((String) args[0]);
                                if (ps == null || ps.isClosed()) {
                                    ps = raw.prepareStatement((String) args[0]);
                                    cache.put((String) args[0], ps);
                                }
                                return reusable(ps);
                            }
                            break;
                        default:
                            break;
                    }
                    if (returned.get()) {
                        throw new SQLException("this connection was closed");
                    }
                    Object result = call(raw, method, args);
                    if (result instanceof Statement st) {
                        opened.add(st);
                    }
                    return result;
                });
    }

    private void giveBack(Connection raw, List<Statement> opened) throws SQLException {
        try {
            for (Statement st : opened) {
                st.close();
            }
            if (!raw.getAutoCommit()) {
                raw.rollback();
                raw.setAutoCommit(true);
            }
        } catch (SQLException e) {
            forget(raw);
            raw.close();
            return;
        }
        if (closed.get() || idle.size() >= maxIdle) {
            forget(raw);
            raw.close();
        } else {
            idle.addFirst(raw);
            if (closed.get() && idle.remove(raw)) {
                // the pool closed while this one came back: close() may have drained the idle ones before it
                forget(raw);
                raw.close();
            }
        }
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A cached statement whose close() only clears its parameters. */
    private static PreparedStatement reusable(PreparedStatement ps) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        ps.clearParameters();
                        return null;
                    }
                    return call(ps, method, args);
                });
    }

    private void forget(Connection raw) {
        Map<String, PreparedStatement> cache = prepared.remove(raw);
        if (cache != null) {
            for (PreparedStatement ps : cache.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // the connection goes too
                }
            }
        }
    }

    /** Closes the idle connections; those lent out are closed when they come back. */
    @Override
    public void close() {
        closed.set(true);
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            forget(c);
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing an idle connection: nothing to keep
            }
        }
    }
}
