package dev.tpmconsole.views.util;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * One of the console's secondary windows and the view-model it shows: the window is made through {@link Windows}
 * the first time it is asked for and brought forward after that. A window that shows one job at a time (a preview,
 * a run, a repair) is given a new view-model each time it is asked for, and the one it showed is closed then;
 * {@link #close} closes the last one when the console goes.
 *
 * <p>A window's first show is spread over four turns of the FX thread with a pulse between each: the view is made
 * when the window is asked for, its styles are applied after the next pulse (which makes the controls' skins), it
 * is laid out after the one after, and shown after the next (laid out and shown in one turn, the run window took
 * 60-80 ms of the FX thread there). JavaFX otherwise makes the skins, styles and lays out a new scene in
 * the task that shows it, on top of making the view: 60-120 ms for the audit and preview windows, while the main
 * window could not paint (the target is 50 ms a pulse); the show's own pass of styles and layout then finds
 * little left to do. A view whose root is a {@code BorderPane} (the audit and preview windows' among others) is
 * styled over two turns instead of one, the parts before its centre and then the rest: styling it whole took 65-140
 * ms on a slower machine. The parts are whole and in their places from the start (the keyboard's order and the first
 * focus are JavaFX's own). A new view given to a window that is showing is styled and laid out the same way before
 * it replaces the one shown; a window closed meanwhile shows again with it. The work a view is shown for waits for
 * its show and the pulse after it ({@link #afterShow}). FX thread only.
 *
 * @param <M> the view-model (none for a window that only shows something, such as About)
 */
public final class WindowSlot<M extends AutoCloseable> {

    private final Windows windows;
    private final String title;
    private Stage stage;
    private M model;
    /** Shows at once what is being styled to show, or null when nothing is. */
    private Runnable pending;
    /** The centre of the view being styled to show, out of its scene for one turn (null: none). */
    private Centre staging;
    /** What is to run once that view has shown (dropped with it when another view replaces it first). */
    private final List<Runnable> afterShow = new ArrayList<>();
    /** The show that ran, while what was to run after it waits for the turn after its pulse (null: nothing waits). */
    private Runnable settling;

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
            showStaged(content.apply(this.model, stage));
            return stage;
        }
        if (pending != null) {
            pending.run();
            return stage;
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
        showStaged(content.apply(next, stage));
        return stage;
    }

    /** Whether the window is to show once its view is styled and laid out (a pulse or two from now). */
    public boolean aboutToShow() {
        return pending != null;
    }

    /**
     * Runs {@code job} once the view last given has shown: at once if it shows already, after the pulse after its
     * show if it is still to show (or has just shown), never if another view replaces it before that or {@link #close}
     * comes first. For the work a window is opened for (a plan, a run, an audit), which would otherwise take, on two
     * cores, the CPU that the window's first styling, layout and show need.
     */
    public void afterShow(Runnable job) {
        if (pending != null || settling != null) {
            afterShow.add(job);
        } else if (stage != null && stage.isShowing()) {
            job.run();
        }
    }

    /**
     * Styles {@code scene}'s view after the next pulse, lays it out after the one after, and shows it in the window
     * after the pulse after that; what waits for the show ({@link #afterShow}) runs after the pulse after the show
     * (each step left out when a later view was given meanwhile, or the window was closed). A view whose root is a
     * {@link BorderPane} is styled over two of those turns: the parts before its centre, then its centre (a window's
     * tables, the larger part) and the parts after it. A window not showing gets the scene at once, so that its stage
     * is complete; a window showing keeps the one it shows until the new one is ready.
     */
    private void showStaged(Scene scene) {
        afterShow.clear();
        settling = null;
        Stage window = stage;
        boolean replacing = window.isShowing();
        if (!replacing) {
            window.setScene(scene);
        }
        Parent root = scene.getRoot();
        putBackCentre(); // of a view replaced before it showed
        Centre centre = new Centre(root);
        staging = centre;
        Runnable show = new Runnable() {
            @Override
            public void run() {
                if (pending != this) {
                    return;
                }
                pending = null;
                putBackCentre(); // shown at once while its centre was out: JavaFX's own pass styles it
                if (replacing) {
                    window.setScene(scene);
                }
                Windows.bringForward(window);
                // the work waiting for the show starts in a turn of its own: the show (a native window, the
                // icons, the first focus) took a pulse's worth of the FX thread already
                settling = this;
                When.afterNextPulse(() -> {
                    if (settling != this) {
                        return;
                    }
                    settling = null;
                    List<Runnable> due = List.copyOf(afterShow);
                    afterShow.clear();
                    due.forEach(Runnable::run);
                });
            }
        };
        pending = show;
        // laid out in one turn and shown in the next: the two together took 60-80 ms of the FX thread for the run
        // window (its tables' first cells, then the native window and its icons)
        Runnable layOut = () -> {
            if (pending != show) {
                return;
            }
            if (scene.getWidth() > 0 && scene.getHeight() > 0) {
                root.resize(scene.getWidth(), scene.getHeight());
            } else {
                root.autosize(); // a scene sized to its content when shown (About)
            }
            root.layout();
            When.afterNextPulse(show);
        };
        When.afterNextPulse(() -> {
            if (pending != show) {
                return;
            }
            boolean split = centre.takeOut();
            root.applyCss();
            if (!split) {
                When.afterNextPulse(layOut);
                return;
            }
            When.afterNextPulse(() -> {
                if (pending != show) {
                    return;
                }
                centre.putBack();
                root.applyCss(); // the centre's styles: the rest is styled already
                When.afterNextPulse(layOut);
            });
        });
    }

    /**
     * The centre of a view's {@link BorderPane} root and the parts after it in the root's children, out of the scene
     * while the parts before it are styled: JavaFX styles a node from the topmost of its ancestors still to style, so
     * the only way to style part of a new scene in one turn and the rest in the next is to leave the rest out of the
     * scene for the first. They are put back in their order, which is the keyboard's (a part taken out alone would come
     * back after the others). A root with children that are not its parts is styled whole.
     */
    private static final class Centre {
        private final BorderPane root;
        private final List<ObjectProperty<Node>> parts = new ArrayList<>();
        private final List<Node> nodes = new ArrayList<>();

        Centre(Parent root) {
            this.root = root instanceof BorderPane pane ? pane : null;
        }

        /**
         * Takes the centre and the parts after it out, as they are now; false when the root is to be styled whole (not
         * a {@code BorderPane}, no centre, nothing before it, or children that are not its parts).
         */
        boolean takeOut() {
            if (root == null || root.getCenter() == null) {
                return false;
            }
            List<ObjectProperty<Node>> all = List.of(root.topProperty(), root.leftProperty(), root.centerProperty(),
                    root.rightProperty(), root.bottomProperty());
            List<Node> children = root.getChildren();
            int centre = children.indexOf(root.getCenter());
            if (centre <= 0 || all.stream().filter(p -> p.get() != null).count() != children.size()) {
                return false;
            }
            for (Node child : List.copyOf(children.subList(centre, children.size()))) {
                parts.add(all.stream().filter(p -> p.get() == child).findFirst().orElseThrow());
                nodes.add(child);
            }
            parts.forEach(p -> p.set(null));
            return true;
        }

        /** Puts what {@link #takeOut} took back, in its order; nothing when it took nothing or it is back. */
        void putBack() {
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).set(nodes.get(i));
            }
            parts.clear();
            nodes.clear();
        }
    }

    /** Puts the centre of the view being styled back in its place: it is to show at once, or not at all. */
    private void putBackCentre() {
        if (staging != null) {
            staging.putBack();
            staging = null;
        }
    }

    /** The window, or null before it was first asked for. */
    public Stage stage() {
        return stage;
    }

    /** What the window shows, or null. */
    public M model() {
        return model;
    }

    /**
     * Closes the view-model the window shows (its job stops); the window stays as it is, and one still to show does
     * not show (nor does what was to run after its show run).
     */
    public void close() {
        pending = null;
        settling = null;
        putBackCentre(); // a window shown again later shows its view whole
        afterShow.clear();
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
