package dev.tpmconsole.model.source;

import dev.tpmconsole.model.util.Backoff;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

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
 *
 * <p>With a {@link Retry}, a query its statements run that fails as the retry says is run again, after a short
 * wait, until the retry's time is up: SQLite refuses a read-only connection's read when it looks at the rollback
 * journal of a writer's transaction that began while it looked ({@code SQLITE_READONLY_ROLLBACK}), a race its
 * busy handler does not wait out.
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
    private final Retry retry;

    /**
     * Which failures of a query to try again ({@code when}), and for how long at most: a query that still fails
     * then fails with its last error. A query is a statement's {@code executeQuery} or {@code execute}: a read,
     * on the connections this is for, which did nothing when it failed.
     */
    public record Retry(Predicate<SQLException> when, long forMillis) {
    }

    public ConnectionPool(Opener opener, int maxIdle, boolean cacheStatements) {
        this(opener, maxIdle, cacheStatements, false);
    }

    public ConnectionPool(Opener opener, int maxIdle, boolean cacheStatements, boolean validate) {
        this(opener, maxIdle, cacheStatements, validate, null);
    }

    public ConnectionPool(Opener opener, int maxIdle, boolean cacheStatements, boolean validate, Retry retry) {
        if (cacheStatements && retry != null) {
            // a statement that failed may be finalized by the driver: a retry prepares another, which a cache would not know
            throw new IllegalArgumentException("a pool that keeps its statements does not retry their queries");
        }
        this.opener = opener;
        this.maxIdle = maxIdle;
        this.cacheStatements = cacheStatements;
        this.validate = validate;
        this.retry = retry;
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
        return lend(c != null ? c : open());
    }

    /** A new connection: opening reads the file too (its settings), and is tried again as a query would be. */
    private Connection open() throws SQLException {
        try {
            return retried(opener::open);
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new SQLException(t);
        }
    }

    private Connection lend(Connection raw) {
        Map<String, PreparedStatement> cache = cacheStatements
                ? prepared.computeIfAbsent(raw, k -> new HashMap<>()) : null;
        OpenStatements opened = new OpenStatements();
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
                        if (retry == null || method.getName().equals("prepareCall")) {
                            return st;
                        }
                        return st instanceof PreparedStatement ps
                                ? retrying(ps, () -> (PreparedStatement) call(raw, method, args), opened)
                                : retrying(st);
                    }
                    return result;
                });
    }

    /**
     * The statements a lent connection made, which it closes when it is given back: those closed already are
     * dropped as more are made, so that a connection held for thousands of queries (a plan of 10,000 items makes
     * some 18,000 statements on one) does not keep them all, each with its SQL and its result set, until then.
     */
    static final class OpenStatements {
        /** Made statements from which closed ones are dropped once there are this many, and then at twice as many. */
        static final int PRUNE_AT = 64;
        private final List<Statement> statements = new ArrayList<>();
        private int pruneAt = PRUNE_AT;

        void add(Statement st) {
            statements.add(st);
            if (statements.size() >= pruneAt) {
                statements.removeIf(OpenStatements::closed);
                pruneAt = Math.max(PRUNE_AT, 2 * statements.size());
            }
        }

        /** The statements kept: every one not closed, and some closed since they were last looked at. */
        List<Statement> all() {
            return statements;
        }

        private static boolean closed(Statement st) {
            try {
                return st.isClosed();
            } catch (SQLException e) {
                return false; // closed when the connection is given back, as before
            }
        }
    }

    private void giveBack(Connection raw, OpenStatements opened) throws SQLException {
        try {
            for (Statement st : opened.all()) {
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

    /** Something done with a connection, which may fail. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws Throwable;
    }

    /** {@code attempt}, tried again while it fails as {@link #retry} says and its time is not up. */
    private <T> T retried(Attempt<T> attempt) throws Throwable {
        if (retry == null) {
            return attempt.run();
        }
        Backoff backoff = new Backoff(retry.forMillis());
        while (true) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!retry.when().test(e) || !pause(backoff)) {
                    throw e;
                }
            }
        }
    }

    private static boolean pause(Backoff backoff) throws SQLException {
        try {
            return backoff.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to read again", e);
        }
    }

    /** A statement, its queries tried again as {@link #retry} says (the driver prepares it again for each). */
    private Statement retrying(Statement st) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "executeQuery", "execute" -> retried(() -> call(st, method, args));
                    case "equals" -> proxy == args[0]; // itself, as the statement is: whoever keeps it in a set finds it
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> call(st, method, args);
                });
    }

    /** A statement's own settings, which a statement prepared again takes as well as its parameters. */
    private static final Set<String> STATEMENT_SETTINGS = Set.of("setFetchSize", "setFetchDirection", "setMaxRows",
            "setLargeMaxRows", "setMaxFieldSize", "setQueryTimeout", "setPoolable", "setCursorName",
            "setEscapeProcessing");

    /**
     * A prepared statement, its queries tried again as {@link #retry} says. SQLite's driver finalizes a statement
     * whose step failed (but for a few codes), so each try after a failure runs on a statement prepared again with
     * {@code prepare}, given the settings and parameters set so far.
     */
    private PreparedStatement retrying(PreparedStatement first, Attempt<PreparedStatement> prepare,
                                       OpenStatements opened) {
        PreparedStatement[] current = {first};
        boolean[] failed = {false};
        // the last of each setting and of each parameter's setter, {method, args}: a statement run in a loop sets
        // the same parameters again and again, and only the last counts
        Map<Object, Object[]> settings = new java.util.LinkedHashMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    switch (name) {
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "executeQuery", "execute":
                            if (args != null) { // Statement's execute(sql): prepared anew by the driver
                                return retried(() -> call(current[0], method, args));
                            }
                            return retried(() -> {
                                if (failed[0]) {
                                    PreparedStatement again = prepare.run();
                                    opened.add(again);
                                    for (Object[] set : settings.values()) {
                                        call(again, (java.lang.reflect.Method) set[0], (Object[]) set[1]);
                                    }
                                    current[0].close();
                                    current[0] = again;
                                    failed[0] = false;
                                }
                                try {
                                    return call(current[0], method, null);
                                } catch (SQLException e) {
                                    failed[0] = true;
                                    throw e;
                                }
                            });
                        case "clearParameters":
                            settings.keySet().removeIf(key -> key instanceof Integer);
                            return call(current[0], method, args);
                        default:
                            Object result = call(current[0], method, args);
                            if (name.startsWith("set")) {
                                // a parameter's setter by its index, a setting of the statement by its name
                                Object key = !STATEMENT_SETTINGS.contains(name) && args != null && args.length > 0
                                        && args[0] instanceof Integer index ? index : name;
                                settings.remove(key); // set again: it goes after the others, as it was made
                                settings.put(key, new Object[] {method, args});
                            }
                            return result;
                    }
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
