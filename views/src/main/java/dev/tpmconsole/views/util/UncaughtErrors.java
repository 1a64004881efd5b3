package dev.tpmconsole.views.util;

import dev.tpmconsole.model.events.EventLog;
import io.reactivex.rxjava3.exceptions.UndeliverableException;
import io.reactivex.rxjava3.functions.Consumer;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import javafx.application.Platform;

/**
 * What happens to an error nobody caught, on the FX thread, on any other thread, or an RxJava error that
 * came after its subscriber had gone: it is written to the event log with its stack trace and shown to the
 * person in a dialog (on the FX thread, one dialog at a time), instead of the console dying or the error
 * going to a terminal nobody reads. An I/O or SQL error delivered after its work was cancelled (a closed
 * connection, an interrupted read, anywhere in its causes) is expected and only logged, as a warning. The
 * same error again within {@link #REPEAT_WINDOW} (one thrown on every frame, say) is counted, not logged
 * and shown again, so that it cannot flood the log.
 */
public final class UncaughtErrors implements AutoCloseable {

    /** Shows an error to the person (called on the FX thread). */
    @FunctionalInterface
    public interface Presenter {
        void show(Throwable error, String thread);
    }

    private final EventLog log;
    private final Presenter presenter;
    private final Thread.UncaughtExceptionHandler previousDefault;
    private final Thread fxThread;
    private final Thread.UncaughtExceptionHandler previousFx;
    private final Consumer<? super Throwable> previousRx;

    /** How long the same error is only counted. */
    public static final java.time.Duration REPEAT_WINDOW = java.time.Duration.ofSeconds(10);
    private String lastSignature;
    private long lastLoggedNanos;
    private int repeats;

    private UncaughtErrors(EventLog log, Presenter presenter) {
        this.log = log;
        this.presenter = presenter;
        this.previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        this.fxThread = Thread.currentThread();
        this.previousFx = fxThread.getUncaughtExceptionHandler();
        this.previousRx = RxJavaPlugins.getErrorHandler();
    }

    /**
     * Installs the handlers (on the FX thread, whose own handler is set too). {@link #close} puts the previous
     * ones back.
     */
    public static UncaughtErrors install(EventLog log, Presenter presenter) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("install on the FX thread");
        }
        UncaughtErrors errors = new UncaughtErrors(log, presenter);
        Thread.UncaughtExceptionHandler handler = (thread, error) -> errors.uncaught(error, thread.getName());
        Thread.setDefaultUncaughtExceptionHandler(handler);
        errors.fxThread.setUncaughtExceptionHandler(handler);
        RxJavaPlugins.setErrorHandler(errors::undeliverable);
        return errors;
    }

    /** An error nobody caught: logged, then shown (or counted, when it is the same as the last one). */
    public void uncaught(Throwable error, String thread) {
        String trace = EventLog.stackTrace(error);
        int before;
        synchronized (this) {
            long now = System.nanoTime();
            if (trace.equals(lastSignature) && now - lastLoggedNanos < REPEAT_WINDOW.toNanos()) {
                repeats++;
                return;
            }
            before = trace.equals(lastSignature) ? repeats : 0;
            lastSignature = trace;
            lastLoggedNanos = now;
            repeats = 0;
        }
        try {
            log.error("app", "Unexpected error on thread " + thread + ": " + describe(error)
                    + (before > 0 ? " (it also came " + before + " more times in the " + REPEAT_WINDOW.toSeconds()
                    + " s before)" : ""), trace);
        } catch (RuntimeException logFailed) {
            error.addSuppressed(logFailed);
        }
        try {
            Platform.runLater(() -> {
                try {
                    presenter.show(error, thread);
                } catch (RuntimeException | Error showFailed) {
                    // never recurse into the handler: the log has it
                    System.err.println("tpm-console: cannot show an error: " + showFailed);
                    error.printStackTrace();
                }
            });
        } catch (IllegalStateException toolkitGone) {
            error.printStackTrace();
        }
    }

    /** An RxJava error with no subscriber left to take it. */
    void undeliverable(Throwable error) {
        Throwable cause = error instanceof UndeliverableException u && u.getCause() != null ? u.getCause() : error;
        if (expectedAfterCancel(cause)) {
            log.warning("app", "An error came after its work was cancelled: " + describe(cause),
                    EventLog.stackTrace(cause));
            return;
        }
        uncaught(cause, Thread.currentThread().getName());
    }

    /** Whether an I/O, SQL or interrupted error is anywhere in its causes (a source's own failures wrap them). */
    static boolean expectedAfterCancel(Throwable error) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException || t instanceof IOException
                    || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** "IllegalStateException: the message", the way a person can search for it. */
    public static String describe(Throwable error) {
        String message = error.getLocalizedMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    @Override
    public void close() {
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        fxThread.setUncaughtExceptionHandler(previousFx);
        RxJavaPlugins.setErrorHandler(previousRx);
    }
}
