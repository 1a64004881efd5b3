package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/** For the audit's tests: a read-only source that hands out a real source's connections, each wrapped. */
final class WrappedSource implements Source {

    /** Wraps a connection as it is handed out. */
    @FunctionalInterface
    interface Wrap {
        Connection apply(Connection real) throws SQLException;
    }

    /** What a proxy made by {@link #proxy} does with a call before (or instead of) passing it on. */
    @FunctionalInterface
    interface Call {
        Object handle(Method method, Object[] args, Passed passed) throws Throwable;
    }

    /** The call passed on to the proxied object. */
    @FunctionalInterface
    interface Passed {
        Object call() throws Throwable;
    }

    private final Source real;
    private final Wrap wrap;

    WrappedSource(Source real, Wrap wrap) {
        this.real = real;
        this.wrap = wrap;
    }

    /**
     * A proxy of {@code type} over {@code target}: each call goes to {@code call}, which passes it on (the target's own
     * exception thrown as it came) or not.
     */
    static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(WrappedSource.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> call.handle(method, args, () -> {
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                })));
    }

    @Override
    public String displayName() {
        return real.displayName();
    }

    @Override
    public DatabaseKind kind() {
        return real.kind();
    }

    @Override
    public boolean writable() {
        return false;
    }

    @Override
    public SchemaLayout layout() {
        return real.layout();
    }

    @Override
    public Connection connection() throws SQLException {
        return wrap.apply(real.connection());
    }

    @Override
    public void close() {
    }
}
