package dev.tpmconsole.views.util;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A view-model whose work is one {@link BackgroundTask} (the audit, a run, an import, a host scan): what its view
 * binds to (running, progress, the status line, the error) is the task's, read-only.
 */
public abstract class JobViewModel implements AutoCloseable {

    protected final BackgroundTask task;

    /** @param status the status line before anything ran */
    protected JobViewModel(FxSchedulers schedulers, String status) {
        this.task = new BackgroundTask(schedulers, status);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return task.runningProperty();
    }

    /** 0 to 1, or -1 while it cannot tell. */
    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return task.messageProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return task.errorProperty();
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
