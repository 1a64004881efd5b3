package dev.tpmconsole.views.util;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * One of the console's secondary windows and the view-model it shows: the window is made through {@link Windows}
 * the first time it is asked for and brought forward after that. A window that shows one job at a time (a preview,
 * a run, a repair) is given a new view-model each time it is asked for, and the one it showed is closed then;
 * {@link #close} closes the last one when the console goes. FX thread only.
 *
 * @param <M> the view-model (none for a window that only shows something, such as About)
 */
public final class WindowSlot<M extends AutoCloseable> {

    private final Windows windows;
    private final String title;
    private Stage stage;
    private M model;

    /** @param title the bundle key of the window's title, or null when its content binds one */
    public WindowSlot(Windows windows, String title) {
        this.windows = windows;
        this.title = title;
    }

    /** Brings the window forward; the first time, makes it with {@code model}'s view ({@code model} may give null). */
    public Stage showOnce(Supplier<M> model, BiFunction<M, Stage, Scene> content) {
        if (stage == null) {
            stage = windows.stage(title);
            this.model = model.get();
            stage.setScene(content.apply(this.model, stage));
        }
        return Windows.bringForward(stage);
    }

    /** Shows {@code next} in the window (made the first time, else given {@code next}'s view), closing what it showed. */
    public Stage showNew(M next, BiFunction<M, Stage, Scene> content) {
        close();
        model = next;
        if (stage == null) {
            stage = windows.stage(title);
        }
        stage.setScene(content.apply(next, stage));
        return Windows.bringForward(stage);
    }

    /** The window, or null before it was first asked for. */
    public Stage stage() {
        return stage;
    }

    /** What the window shows, or null. */
    public M model() {
        return model;
    }

    /** Closes the view-model the window shows (its job stops); the window stays as it is. */
    public void close() {
        if (model != null) {
            try {
                model.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
