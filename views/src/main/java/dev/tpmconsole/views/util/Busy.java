package dev.tpmconsole.views.util;

import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ProgressIndicator;

/**
 * What says that the console is waiting: shown once a wait has lasted {@link #SHOWN_AFTER_MS}, hidden as soon as it
 * ends. A shorter wait (a filter keystroke's query, the next page, a VM's details, a snapshot that opens at once) shows
 * nothing: a spinner that comes and goes within a few frames is a flicker, not news. It is also work: an indeterminate
 * indicator changes the window at every step of its animation, and where JavaFX draws in software (Xvfb, a virtual
 * machine, {@code ssh -X}) every frame copies the whole window and sends it to the X server from the FX thread
 * ({@code UploadingPainter}), a few milliseconds each while the wait's own work wants the processor.
 * Decision 0042.
 */
public final class Busy {

    /** How long a wait lasts before it is shown. */
    public static final long SHOWN_AFTER_MS = 400;

    private Busy() {
    }

    /**
     * True once {@code busy} has held for {@link #SHOWN_AFTER_MS} without a break; false as soon as it ends. FX thread
     * only; the result lives as long as {@code busy} does (it listens to it).
     */
    public static ReadOnlyBooleanProperty longWait(ObservableBooleanValue busy) {
        return longWait(busy, SHOWN_AFTER_MS, Schedulers.computation(), Platform::runLater);
    }

    /**
     * {@link #longWait(ObservableBooleanValue)} with its delay, the scheduler that times it and the executor that
     * brings its end back to the thread {@code busy} changes on (tests: a {@code TestScheduler} and the calling thread).
     */
    static ReadOnlyBooleanProperty longWait(ObservableBooleanValue busy, long delayMs, Scheduler timer, Executor fx) {
        ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(busy, "longWait");
        // the wait a timer was started for: a timer of a wait that ended (or of one before it) does nothing
        long[] wait = {0};
        Runnable start = () -> {
            long mine = ++wait[0];
            timer.scheduleDirect(() -> fx.execute(() -> {
                if (wait[0] == mine && busy.get()) {
                    shown.set(true);
                }
            }), delayMs, TimeUnit.MILLISECONDS);
        };
        busy.addListener((o, was, is) -> {
            if (is) {
                start.run();
            } else {
                wait[0]++;
                shown.set(false);
            }
        });
        if (busy.get()) {
            start.run();
        }
        return shown.getReadOnlyProperty();
    }

    /** An indeterminate indicator ({@code styleClass}: small-busy or large-busy) shown while {@code busy} waits long. */
    public static ProgressIndicator indicator(String id, String styleClass, ObservableBooleanValue busy) {
        ProgressIndicator p = new ProgressIndicator();
        p.setId(id);
        p.getStyleClass().add(styleClass);
        p.visibleProperty().bind(longWait(busy));
        return p;
    }
}
