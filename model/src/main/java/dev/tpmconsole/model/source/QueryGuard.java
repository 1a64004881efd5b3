package dev.tpmconsole.model.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Checked before every query the console runs (see {@link GuardedSource}): the place where "no database
 * work on the UI thread" is enforced. The model knows nothing of a UI; whoever builds the guard says which
 * thread is forbidden, for instance the views with {@code Platform::isFxApplicationThread}.
 */
public final class QueryGuard {

    /** What a guard does when a query starts on the forbidden thread. */
    public enum Mode {
        /** Refuse the query with an {@link IllegalStateException} (the default of the application). */
        THROW,
        /** Let it run and remember it (tests drive the views and then read {@link #violations()}). */
        RECORD
    }

    private static final QueryGuard NONE = new QueryGuard(() -> false, "", Mode.RECORD);

    private final BooleanSupplier onForbiddenThread;
    private final String forbiddenThread;
    private final Mode mode;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param onForbiddenThread true when the calling thread must not query (e.g. {@code Platform::isFxApplicationThread})
     * @param forbiddenThread   how that thread is named in messages
     */
    public QueryGuard(BooleanSupplier onForbiddenThread, String forbiddenThread, Mode mode) {
        this.onForbiddenThread = Objects.requireNonNull(onForbiddenThread);
        this.forbiddenThread = Objects.requireNonNull(forbiddenThread);
        this.mode = Objects.requireNonNull(mode);
    }

    /** A guard that allows every thread. */
    public static QueryGuard none() {
        return NONE;
    }

    /**
     * Called before a query (or a connection) starts.
     *
     * @param what what is about to run, for the message
     * @throws IllegalStateException in {@link Mode#THROW} when called on the forbidden thread
     */
    public void check(String what) {
        if (!onForbiddenThread.getAsBoolean()) {
            return;
        }
        String message = "Database work on " + forbiddenThread + " (" + Thread.currentThread().getName() + "): " + what;
        if (mode == Mode.THROW) {
            throw new IllegalStateException(message);
        }
        StringBuilder where = new StringBuilder(message);
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (e.getClassName().startsWith("dev.tpmconsole.") && !e.getClassName().equals(QueryGuard.class.getName())) {
                where.append("\n    at ").append(e);
            }
        }
        violations.add(where.toString());
    }

    /** The queries that started on the forbidden thread (in {@link Mode#RECORD}), with where they came from. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }
}
