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
 * connection, an interrupted read) is expected and only logged, as a warning.
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

    /** An error nobody caught: logged, then shown. */
    public void uncaught(Throwable error, String thread) {
        try {
            log.error("app", "Unexpected error on thread " + thread + ": " + describe(error), error);
        } catch (RuntimeException logFailed) {
            error.addSuppressed(logFailed);
        }
        Runnable show = () -> {
            try {
                presenter.show(error, thread);
            } catch (RuntimeException | Error showFailed) {
                // never recurse into the handler: the log has it
                System.err.println("tpm-console: cannot show an error: " + showFailed);
                error.printStackTrace();
            }
        };
        if (Platform.isFxApplicationThread()) {
            Platform.runLater(show);
        } else {
            try {
                Platform.runLater(show);
            } catch (IllegalStateException toolkitGone) {
                error.printStackTrace();
            }
        }
    }

    private void undeliverable(Throwable error) {
        Throwable cause = error instanceof UndeliverableException u && u.getCause() != null ? u.getCause() : error;
        if (cause instanceof InterruptedException || cause instanceof InterruptedIOException
                || cause instanceof IOException || cause instanceof SQLException) {
            log.warning("app", "An error came after its work was cancelled: " + describe(cause),
                    EventLog.stackTrace(cause));
            return;
        }
        uncaught(cause, Thread.currentThread().getName());
    }

    /** "IllegalStateException: the message", the way a person can search for it. */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    @Override
    public void close() {
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        fxThread.setUncaughtExceptionHandler(previousFx);
        RxJavaPlugins.setErrorHandler(previousRx);
    }
}
