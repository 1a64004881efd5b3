package dev.tpmconsole.views.util;

import dev.tpmconsole.model.i18n.Message;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One background job of a view-model, the way JabRef's {@code BackgroundTask} is one: whether it runs, its
 * progress, a message for the status line and the error of the last failure, as FX properties, and Cancel. The
 * work is an {@link Observable} subscribed on the background scheduler; what it emits, how it ends and how it
 * fails reach the view-model's callbacks on the FX scheduler, {@code running} already false when the end does.
 *
 * <p>One job at a time: {@link #start} does nothing while one runs. Cancel disposes the work (a job that can
 * stop between rows or items says so with {@code setCancellable} in its {@code Observable.create}); nothing it
 * emits after that reaches the view-model. Everything but the work itself is called on the FX thread.
 *
 * <p>The message and the error are {@link Message}s (key and arguments), so that a view shows them in the language
 * of the moment ({@code I18n.text(task.statusMessageProperty())}); {@link #messageProperty()} and
 * {@link #errorProperty()} are their texts in the language they were set in (what the event log records).
 */
public final class BackgroundTask implements AutoCloseable {

    private final FxSchedulers schedulers;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<Message> message;
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>(this, "errorMessage");
    private final ReadOnlyStringWrapper messageText = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "error", "");
    private Disposable job = Disposable.disposed();

    /** @param message the status line before anything ran */
    public BackgroundTask(FxSchedulers schedulers, Message message) {
        this.schedulers = Objects.requireNonNull(schedulers);
        this.message = new ReadOnlyObjectWrapper<>(this, "statusMessage", message);
        messageText.set(I18n.t(message));
        this.message.addListener((o, a, m) -> messageText.set(I18n.t(m)));
        error.addListener((o, a, m) -> errorText.set(I18n.t(m)));
    }

    /** A text that is not from a bundle (an exception's message, a path): shown as it is in every language. */
    public static Message verbatim(String text) {
        return Message.of("ui.job.text", text == null ? "" : text);
    }

    /**
     * Starts {@code work} in the background unless a job runs: the error is cleared, the message set, and each
     * item goes to {@code onItem}, then {@code onDone} or {@code onFailed}, all on the FX scheduler.
     *
     * @return whether it started
     */
    public <T> boolean start(Message starting, Observable<T> work, Consumer<? super T> onItem, Runnable onDone,
                             Consumer<? super Throwable> onFailed) {
        if (running.get()) {
            return false;
        }
        job.dispose();
        running.set(true);
        error.set(null);
        message.set(starting);
        job = work.subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                .subscribe(onItem::accept, t -> {
                    running.set(false);
                    onFailed.accept(t);
                }, () -> {
                    running.set(false);
                    onDone.run();
                });
        return true;
    }

    /** A job's body: emits what the view-model shows and returns when done; may throw. */
    @FunctionalInterface
    public interface Work<T> {
        void run(ObservableEmitter<T> emitter) throws Exception;
    }

    /**
     * The work of a job as an {@link Observable}: it completes when {@code body} returns; what {@code body} throws
     * fails it, unless the job was cancelled by then (a job stopped by its Cancel throws as it stops: that is
     * the Cancel, not an error for RxJava's undeliverable-error handler).
     */
    public static <T> Observable<T> work(Work<T> body) {
        return Observable.create(emitter -> {
            try {
                body.run(emitter);
                emitter.onComplete();
            } catch (Exception | LinkageError e) {
                emitter.tryOnError(e);
            }
        });
    }

    /** The work of a job that computes one value. */
    public static <T> Observable<T> call(java.util.concurrent.Callable<T> body) {
        return work(emitter -> emitter.onNext(body.call()));
    }

    /**
     * Stops the running job (its disposal cancels the work): nothing more of it arrives.
     *
     * @return whether a job was running
     */
    public boolean cancel() {
        if (!running.get()) {
            return false;
        }
        job.dispose();
        running.set(false);
        return true;
    }

    /** Marks the job ended before its stream does (its last event said so); what still comes is delivered. */
    public void ended() {
        running.set(false);
    }

    /** Sets the error shown for a failure: the exception's message, or its kind when it has none. */
    public void fail(Throwable t) {
        error.set(verbatim(messageOf(t)));
    }

    public void fail(Message text) {
        error.set(text);
    }

    public void dismissError() {
        error.set(null);
    }

    public void setMessage(Message text) {
        message.set(text);
    }

    /** 0 to 1, or -1 while it cannot tell. */
    public void setProgress(double value) {
        progress.set(value);
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The status line in the language it was set in. */
    public ReadOnlyStringProperty messageProperty() {
        return messageText.getReadOnlyProperty();
    }

    /** The error of the last failure in the language it was set in; empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** The status line as a message, for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> statusMessageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The error of the last failure as a message; null when there is none. */
    public ReadOnlyObjectProperty<Message> errorMessageProperty() {
        return error.getReadOnlyProperty();
    }

    /** A message for a person: the exception's own, or its kind when it has none. */
    public static String messageOf(Throwable t) {
        String m = t.getLocalizedMessage();
        return m != null && !m.isBlank() ? m : t.toString();
    }

    /** Disposes the job whether or not it runs (the window goes). */
    @Override
    public void close() {
        job.dispose();
        running.set(false);
    }
}
