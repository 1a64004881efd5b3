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
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * One of the console's secondary windows and the view-model it shows: the window is made through {@link Windows}
 * the first time it is asked for and brought forward after that. A window that shows one job at a time (a preview,
 * a run, a repair) is given a new view-model each time it is asked for, and the one it showed is closed then;
 * {@link #close} closes the last one when the console goes.
 *
 * <p>A window's first show is spread over several turns of the FX thread with a pulse between each: the view-model
 * is given when the window is asked for, the view is made after the next pulse, its styles are applied after the one
 * after (which makes the controls' skins), it is laid out after the one after that, and shown after the next (laid
 * out and shown in one turn, the run window took 60-80 ms of the FX thread there). JavaFX otherwise makes the skins,
 * styles and lays out a new scene in the task that shows it, on top of making the view: 60-120 ms for the audit and
 * preview windows, while the main window could not paint (the target is 50 ms a pulse); the show's own pass
 * of styles and layout then finds little left to do. The run window's view-model and its view, made in one turn,
 * took 40-50 ms. A view whose root is a {@code BorderPane} (the audit and preview windows' among others) is styled
 * over two turns instead of one, the parts before its centre and then the rest: styling it whole took 65-140 ms on a
 * slower machine. Its long lists and text areas are then styled each in a turn of its own: the run window's centre
 * with its three lists and its text area took 44-65 ms to style, without them 17-21 ms, and each of them 3-17 ms. The
 * parts are whole and in their places when the window shows (the keyboard's order and the first focus are JavaFX's
 * own). A new view given to a window that is showing is made, styled and laid out the same way before it replaces the
 * one shown; a window closed meanwhile shows again with it. The work a view is shown for waits for its show and the
 * pulse after it ({@link #afterShow}). FX thread only.
 *
 * @param <M> the view-model (none for a window that only shows something, such as About)
 */
public final class WindowSlot<M extends AutoCloseable> {

    private final Windows windows;
    private final String title;
    private Stage stage;
    private M model;
    /** Shows at once what is being made and styled to show (making it first if need be), or null when nothing is. */
    private Runnable pending;
    /** The centre of the view being styled to show, out of its scene for one turn (null: none). */
    private Centre staging;
    /** The long lists and text areas of the view being styled to show, out of their places until their turns. */
    private DearParts stagingDear;
    /** What is to run once that view has shown (dropped with it when another view replaces it first). */
    private final List<Runnable> afterShow = new ArrayList<>();
    /** The show that ran, while what was to run after it waits for the turn after its pulse (null: nothing waits). */
    private Runnable settling;
    /** Counts the views given and the closes: what waits a while after a show runs only if none came meanwhile. */
    private long views;

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
            M made = this.model;
            Stage window = stage;
            showStaged(() -> content.apply(made, window));
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
        Stage window = stage;
        showStaged(() -> content.apply(next, window));
        return stage;
    }

    /** Whether the window is to show once its view is made, styled and laid out (a few pulses from now). */
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
     * Runs {@code job} {@code settle} after {@link #afterShow} would: for work whose threads would take the two cores
     * from the window's first frames, which are styled, laid out and painted for some 150 ms after its show (a run:
     * decision 0039). Never runs if the window is given another view or its job is closed meanwhile; a window hidden
     * meanwhile still runs it, as {@link #afterShow(Runnable)} does (a run the person confirmed starts).
     */
    public void afterShow(Runnable job, javafx.util.Duration settle) {
        afterShow(() -> {
            long shown = views;
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(settle);
            wait.setOnFinished(e -> {
                if (views == shown) {
                    job.run();
                }
            });
            wait.play();
        });
    }

    /**
     * Makes the view ({@code view}) after the next pulse, styles it after the one after, lays it out after the one
     * after that, and shows it in the window after the pulse after that; what waits for the show ({@link #afterShow})
     * runs after the pulse after the show (each step left out when a later view was given meanwhile, or the window was
     * closed; a window asked for again before its view was made makes it and shows it at once). A view whose root is a
     * {@link BorderPane} is styled over two of those turns: the parts before its centre, then its centre and the parts
     * after it; and each of its long lists and text areas in a turn of its own after that ({@link DearParts}). A window
     * not showing gets its scene once the view is made, so that its stage is complete; a window showing keeps the one
     * it shows until the new one is ready.
     */
    private void showStaged(Supplier<Scene> view) {
        views++;
        afterShow.clear();
        settling = null;
        Stage window = stage;
        boolean replacing = window.isShowing();
        putBackCentre(); // of a view replaced before it showed
        Scene[] made = new Scene[1];
        Runnable make = () -> {
            made[0] = view.get();
            if (!replacing) {
                window.setScene(made[0]);
            }
        };
        Runnable show = new Runnable() {
            @Override
            public void run() {
                if (pending != this) {
                    return;
                }
                pending = null;
                if (made[0] == null) {
                    make.run(); // asked for again before its view was made: made and shown at once
                }
                putBackCentre(); // shown at once while its centre was out: JavaFX's own pass styles it
                if (replacing) {
                    window.setScene(made[0]);
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
        // the view made in a turn of its own: the run window's view-model (given in the task that asked for the
        // window) and its view together took 40-50 ms of the FX thread there
        When.afterNextPulse(() -> {
            if (pending != show) {
                return;
            }
            make.run();
            styleLayOutAndShow(made[0], show);
        });
    }

    /** The turns after the view is made: {@code scene}'s view styled in parts, laid out, then {@code show}n. */
    private void styleLayOutAndShow(Scene scene, Runnable show) {
        Parent root = scene.getRoot();
        Centre centre = new Centre(root);
        DearParts dear = DearParts.in(root);
        staging = centre;
        stagingDear = dear;
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
            dear.takeOut();
            List<Runnable> later = new ArrayList<>();
            if (centre.takeOut()) {
                later.add(centre::putBack);
            }
            for (int i = 0; i < dear.size(); i++) {
                int part = i;
                later.add(() -> dear.putBack(part));
            }
            root.applyCss();
            styleInTurns(root, later, show, layOut);
        });
    }

    /**
     * Runs each of {@code later} (each puts a part of {@code root} back in its place) in a turn after the next pulse,
     * styling the part it put back (the rest is styled already), then lays the view out in the turn after that; each
     * step is left out once {@code show} is no longer the show pending.
     */
    private void styleInTurns(Parent root, List<Runnable> later, Runnable show, Runnable layOut) {
        if (later.isEmpty()) {
            When.afterNextPulse(layOut);
            return;
        }
        When.afterNextPulse(() -> {
            if (pending != show) {
                return;
            }
            later.get(0).run();
            root.applyCss();
            styleInTurns(root, later.subList(1, later.size()), show, layOut);
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

    /**
     * The dearest parts of a view's first styling, its long lists ({@link Tables#longList}: a table's skin, headers and
     * first rows' styles) and its text areas (whose skins are many nodes), each out of its place, a plain region
     * standing in for it, while the rest is styled, then put back and styled in a turn of its own. Only a part whose
     * place can be given to another node and back without the view noticing is taken out: a child of a {@link Pane}
     * other than a {@link BorderPane} (whose parts are its properties), or a tab's content; they are found through the
     * panes, split panes and tabs that hold them (a split pane's or a tab pane's nodes are not its children before its
     * skin is made, in the styling this is to spread).
     */
    private static final class DearParts {
        /** For each part, what puts its stand-in in its place (the part out) and what puts it back. */
        private final List<Runnable> outs = new ArrayList<>();
        private final List<Runnable> backs = new ArrayList<>();
        private boolean out;

        /** The dear parts of {@code root}'s view, in the order they come in it; none are taken out yet. */
        static DearParts in(Parent root) {
            DearParts found = new DearParts();
            found.look(root);
            return found;
        }

        private void look(Node node) {
            if (node instanceof javafx.scene.control.SplitPane split) {
                split.getItems().forEach(this::look);
            } else if (node instanceof javafx.scene.control.TabPane tabs) {
                for (javafx.scene.control.Tab tab : tabs.getTabs()) {
                    Node content = tab.getContent();
                    if (isDear(content)) {
                        Region stand = new Region();
                        swap(() -> tab.getContent() == content, () -> tab.setContent(stand),
                                () -> tab.getContent() == stand, () -> tab.setContent(content));
                    } else if (content != null) {
                        look(content);
                    }
                }
            } else if (node instanceof BorderPane border) {
                // its parts are its properties: one given another node in its children would be dropped from them
                for (Node part : List.copyOf(border.getChildren())) {
                    if (!isDear(part)) {
                        look(part);
                    }
                }
            } else if (node instanceof Pane pane) {
                List<Node> children = pane.getChildren();
                for (Node child : List.copyOf(children)) {
                    if (isDear(child)) {
                        Region stand = new Region();
                        swap(() -> children.contains(child), () -> children.set(children.indexOf(child), stand),
                                () -> children.contains(stand), () -> children.set(children.indexOf(stand), child));
                    } else {
                        look(child);
                    }
                }
            }
        }

        private static boolean isDear(Node node) {
            return node != null
                    && (node.getStyleClass().contains(Tables.STYLE_CLASS) || node instanceof javafx.scene.control.TextArea);
        }

        /** A part to take out when {@code inPlace} and put back when {@code standing} (its stand-in is in its place). */
        private void swap(java.util.function.BooleanSupplier inPlace, Runnable takeOut,
                          java.util.function.BooleanSupplier standing, Runnable putBack) {
            outs.add(() -> {
                if (inPlace.getAsBoolean()) {
                    takeOut.run();
                }
            });
            backs.add(() -> {
                if (standing.getAsBoolean()) {
                    putBack.run();
                }
            });
        }

        int size() {
            return outs.size();
        }

        /** Puts a stand-in in each part's place. */
        void takeOut() {
            outs.forEach(Runnable::run);
            out = true;
        }

        /** Puts the {@code i}th part back in its place (nothing if it is there). */
        void putBack(int i) {
            if (out) {
                backs.get(i).run();
            }
        }

        /** Puts every part back in its place: the view is to show at once, or not at all. */
        void putBackAll() {
            if (out) {
                backs.forEach(Runnable::run);
                out = false;
            }
        }
    }

    /** Puts the centre of the view being styled back in its place: it is to show at once, or not at all. */
    private void putBackCentre() {
        if (staging != null) {
            staging.putBack();
            staging = null;
        }
        if (stagingDear != null) {
            stagingDear.putBackAll();
            stagingDear = null;
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
        views++;
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
