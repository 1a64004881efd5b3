package dev.tpmconsole.model.util;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A value read from the database once, when first asked, and kept until {@link #forget} says the database changed.
 * Asked from several threads, it is computed once; {@link #forget} never waits, and a computation already under way
 * when it is called returns its result to its caller but does not keep it.
 *
 * @param <T> what is kept
 */
public final class Kept<T> {

    /** How the value is read. */
    @FunctionalInterface
    public interface Read<T> {
        T read() throws SQLException;
    }

    private final Object lock = new Object();
    private final AtomicInteger forgotten = new AtomicInteger();
    private volatile T value;

    /** The kept value, read by {@code read} first if there is none. */
    public T get(Read<T> read) throws SQLException {
        T v = value;
        if (v != null) {
            return v;
        }
        synchronized (lock) {
            v = value;
            if (v == null) {
                int asked = forgotten.get();
                v = read.read();
                if (asked == forgotten.get()) {
                    value = v;
                }
            }
        }
        return v;
    }

    /** The kept value, or null when there is none (yet): never reads, never waits. */
    public T peek() {
        return value;
    }

    /** Forgets the value: the next {@link #get} reads it again. */
    public void forget() {
        forgotten.incrementAndGet();
        value = null;
    }
}
