package dev.tpmconsole.views.util;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/** Work that waits for a condition. FX thread only. */
public final class When {

    private When() {
    }

    /**
     * Runs {@code action} once, the first time {@code condition} holds (now, if it does). The caller keeps
     * {@code condition} reachable until then: a binding is held only weakly by what it observes.
     */
    public static void firstTrue(ObservableBooleanValue condition, Runnable action) {
        if (condition.get()) {
            action.run();
            return;
        }
        condition.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) {
                    o.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /**
     * Runs {@code action} on the FX thread after the next pulse, that is once JavaFX has laid out and painted what
     * changed (an animation timer asks for a pulse if none is due). A task queued with {@code Platform.runLater}
     * alone may run right after the one before it, with no pulse between.
     */
    public static void afterNextPulse(Runnable action) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                Platform.runLater(action);
            }
        }.start();
    }

    /**
     * Runs {@code action} on the FX thread after the next pulse at whose end no table is still making its first
     * screenful of rows ({@link FirstFill#filling()}): after the pulse that paints what changed, or, while a table's
     * rows are being made a few a pulse, after the pulse that makes its last ones.
     */
    public static void afterFirstFill(Runnable action) {
        afterNextPulse(() -> {
            if (FirstFill.filling()) {
                afterFirstFill(action);
            } else {
                action.run();
            }
        });
    }
}
