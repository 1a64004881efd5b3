package dev.tpmconsole.views.util;

import dev.tpmconsole.model.i18n.Message;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A view-model whose work is one {@link BackgroundTask} (the audit, a run, an import, a host scan): what its view
 * binds to (running, progress, the status line, the error) is the task's, read-only.
 */
public abstract class JobViewModel implements AutoCloseable {

    protected final BackgroundTask task;

    /** @param status the status line before anything ran */
    protected JobViewModel(FxSchedulers schedulers, Message status) {
        this.task = new BackgroundTask(schedulers, status);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return task.runningProperty();
    }

    /** 0 to 1, or -1 while it cannot tell. */
    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    /** The status line, in the language it was set in. */
    public ReadOnlyStringProperty statusProperty() {
        return task.messageProperty();
    }

    /** The error, in the language it was set in; empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return task.errorProperty();
    }

    /** The status line as a message: a view shows it with {@code I18n.text(...)}, following the language. */
    public ReadOnlyObjectProperty<Message> statusMessageProperty() {
        return task.statusMessageProperty();
    }

    /** The error as a message (null when there is none): a view shows it following the language. */
    public ReadOnlyObjectProperty<Message> errorMessageProperty() {
        return task.errorMessageProperty();
    }

    public void dismissError() {
        task.dismissError();
    }

    /** Stops the job whether or not it runs (the window goes). */
    @Override
    public void close() {
        task.close();
    }
}
