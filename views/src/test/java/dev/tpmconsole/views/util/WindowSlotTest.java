package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window made once and brought forward after that; a window of one job at a time closes the job it showed when
 * it is given the next, keeps its stage, and closes the last one with {@link WindowSlot#close}. A window shows a
 * pulse or two after it is asked for, styled and laid out by then, with its first focus and keyboard order JavaFX's
 * own; a new view replaces the one a window shows once it is styled.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSlotTest {

    Stage main;
    Windows windows;

    /** A job of a window: counts its closes. */
    static final class Job implements AutoCloseable {
        final String name;
        int closed;

        Job(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closed++;
        }
    }

    @Start
    void start(Stage stage) {
        main = stage;
        stage.setScene(new Scene(new Label("main"), 200, 100));
        stage.show();
        windows = new Windows(Appearance.detached(dev.tpmconsole.styles.Theme.LIGHT), () -> main);
    }

    @Test
    void aWindowIsMadeOnceAndBroughtForwardAfter(FxRobot robot) {
        AtomicInteger made = new AtomicInteger();
        List<Stage> shown = new ArrayList<>();
        robot.interact(() -> {
            WindowSlot<Job> slot = new WindowSlot<>(windows, "ui.window.about.title");
            for (int i = 0; i < 2; i++) {
                shown.add(slot.showOnce(() -> new Job("once"), (job, s) -> {
                    made.incrementAndGet();
                    return windows.scene(new Label(job.name), 10, 5);
                }));
            }
            shown.get(0).hide();
            shown.add(slot.showOnce(() -> new Job("again"), (job, s) -> {
                made.incrementAndGet();
                return windows.scene(new Label(job.name), 10, 5);
            }));
            assertThat(slot.model().name).isEqualTo("once");
        });
        assertThat(made).hasValue(1);
        assertThat(shown).containsOnly(shown.get(0));
        assertThat(shown.get(0).isShowing()).as("shown again after it was closed").isTrue();
        assertThat(shown.get(0).getOwner()).isSameAs(main);
        robot.interact(() -> shown.get(0).close());
    }

    @Test
    void theNextJobClosesTheOneShownAndKeepsTheWindow(FxRobot robot) throws Exception {
        Job first = new Job("first");
        Job second = new Job("second");
        List<Stage> shown = new ArrayList<>();
        List<String> viewsMade = new ArrayList<>();
        WindowSlot<Job> slot = new WindowSlot<>(windows, null);
        java.util.function.BiFunction<Job, Stage, Scene> view = (job, s) -> {
            viewsMade.add(job.name);
            return windows.scene(new Label(job.name), 10, 5);
        };
        robot.interact(() -> {
            shown.add(slot.showNew(first, view));
            assertThat(first.closed).isZero();
            shown.add(slot.showNew(second, view));
            assertThat(first.closed).as("the job replaced").isEqualTo(1);
            assertThat(second.closed).isZero();
            assertThat(slot.model()).isSameAs(second);
            assertThat(slot.stage().getScene()).as("the view is made in a turn after the one that asked").isNull();
            assertThat(viewsMade).isEmpty();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.get(0).isShowing());
        robot.interact(() -> {
            assertThat(((Label) slot.stage().getScene().getRoot()).getText()).isEqualTo("second");
            assertThat(viewsMade).as("the view of the job replaced before its turn is never made")
                    .containsExactly("second");
            slot.close();
            shown.get(0).close();
        });
        assertThat(shown.get(1)).isSameAs(shown.get(0));
        assertThat(first.closed).as("closed once only").isEqualTo(1);
        assertThat(second.closed).isEqualTo(1);
    }

    /**
     * A timer (to start) that adds "pulse" to {@code turns} at each pulse after something was noted there, once
     * between two notes, until {@code last} is noted.
     */
    static javafx.animation.AnimationTimer pulsesBetween(List<String> turns, String last) {
        return new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!turns.isEmpty() && !turns.get(turns.size() - 1).equals("pulse") && !turns.contains(last)) {
                    turns.add("pulse");
                }
            }
        };
    }

    /** A body (a text field) above a button, as the console's windows have their buttons below their content. */
    static BorderPane bodyAndButton(String name) {
        return bodyAndButton(name, null);
    }

    /** The same below {@code top} (none: null), the parts in that order in the root's children. */
    static BorderPane bodyAndButton(String name, javafx.scene.Node top) {
        BorderPane root = new BorderPane();
        root.setTop(top);
        TextField body = new TextField(name);
        body.setId("body");
        root.setCenter(body);
        Button button = new Button("Close");
        button.setId("button");
        root.setBottom(button);
        return root;
    }

    @Test
    void aWindowShowsAPulseOrTwoLaterStyledAndLaidOutWithItsFocusInItsBody(FxRobot robot) throws Exception {
        BorderPane root = bodyAndButton("body");
        TextField body = (TextField) root.getCenter();
        // what the window was doing when the body's skin was made and when it was first given a width
        AtomicReference<String> skinMade = new AtomicReference<>();
        AtomicReference<String> laidOut = new AtomicReference<>();
        List<String> order = new ArrayList<>();
        // the turns from the layout on, and the pulses between them
        List<String> turns = new ArrayList<>();
        javafx.animation.AnimationTimer pulses = pulsesBetween(turns, "job");
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            WindowSlot<Job> slot = new WindowSlot<>(windows, "ui.window.about.title");
            Stage made = slot.showOnce(() -> new Job("j"), (job, s) -> windows.scene(root, 20, 10));
            body.skinProperty().addListener((o, was, now) -> skinMade.compareAndSet(null,
                    made.isShowing() ? "showing" : "not showing"));
            body.widthProperty().addListener((o, was, now) -> {
                if (laidOut.compareAndSet(null, made.isShowing() ? "showing" : "not showing")) {
                    turns.add("laid out");
                }
            });
            made.showingProperty().addListener((o, was, now) -> {
                order.add("shown");
                turns.add("shown");
            });
            slot.afterShow(() -> {
                order.add("job, showing " + made.isShowing());
                turns.add("job");
            });
            pulses.start();
            assertThat(made.isShowing()).as("not in the task that asked for it").isFalse();
            assertThat(slot.aboutToShow()).isTrue();
            assertThat(body.getSkin()).as("not styled yet").isNull();
            return made;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stage::isShowing);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> order.size() == 2);
        Thread.sleep(300); // a few pulses more: the job runs once
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(skinMade.get()).as("styled before the show").isEqualTo("not showing");
        assertThat(laidOut.get()).as("laid out before the show").isEqualTo("not showing");
        assertThat(order).as("the work waiting for the show ran once, after it").containsExactly("shown",
                "job, showing true");
        assertThat(turns).as("each in a turn of its own, with a pulse between: laid out, shown, the job")
                .containsExactly("laid out", "pulse", "shown", "pulse", "job");
        robot.interact(pulses::stop);
        assertThat(stage.getScene().getFocusOwner()).as("the first focus, in the body").isSameAs(body);
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).as("Tab: from the body to the button below it")
                .isSameAs(root.getBottom());
        robot.interact(stage::close);
    }

    /** The work waiting for a show runs in a turn after it, and not at all when the window's job was closed first. */
    @Test
    void aJobClosedRightAfterItsWindowShowedDoesNotStart(FxRobot robot) throws Exception {
        List<String> jobs = new ArrayList<>();
        WindowSlot<Job> slot = new WindowSlot<>(windows, null);
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage made = slot.showNew(new Job("first"), (job, s) -> windows.scene(bodyAndButton(job.name), 20, 10));
            slot.afterShow(() -> jobs.add("first"));
            // closed in the task after the show's, before the pulse after it
            made.showingProperty().addListener((o, was, now) -> {
                if (now) {
                    javafx.application.Platform.runLater(slot::close);
                }
            });
            return made;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stage::isShowing);
        Thread.sleep(300); // a few pulses
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(slot.model().closed).isEqualTo(1);
        assertThat(jobs).as("closed before it started").isEmpty();
        robot.interact(() -> {
            slot.afterShow(() -> jobs.add("asked once shown"));
            stage.close();
        });
        assertThat(jobs).as("a window showing runs it at once").containsExactly("asked once shown");
    }

    /**
     * Work that waits a while after the show (a run, which would take the cores from the window's first frames) runs
     * that long after it, after the work that does not wait; not at all when the window's job is closed meanwhile; and
     * still when only the window was closed (hidden) meanwhile: a run the person confirmed starts.
     */
    @Test
    void workThatWaitsAfterTheShowRunsThatLongAfterIt_andNotAfterAClose(FxRobot robot) throws Exception {
        List<String> jobs = new java.util.concurrent.CopyOnWriteArrayList<>();
        WindowSlot<Job> slot = new WindowSlot<>(windows, null);
        long[] shownAt = new long[1];
        long[] ranAt = new long[1];
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage made = slot.showNew(new Job("first"), (job, s) -> windows.scene(bodyAndButton(job.name), 20, 10));
            made.showingProperty().addListener((o, was, now) -> shownAt[0] = System.nanoTime());
            slot.afterShow(() -> {
                ranAt[0] = System.nanoTime();
                jobs.add("first, after a while");
            }, javafx.util.Duration.millis(400));
            slot.afterShow(() -> jobs.add("first, at once"));
            return made;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs.size() == 2);
        assertThat(jobs).containsExactly("first, at once", "first, after a while");
        assertThat(TimeUnit.NANOSECONDS.toMillis(ranAt[0] - shownAt[0])).as("ms from the show").isGreaterThan(350);

        WaitForAsyncUtils.asyncFx(() -> {
            slot.showNew(new Job("second"), (job, s) -> windows.scene(bodyAndButton(job.name), 20, 10));
            slot.afterShow(() -> jobs.add("second, after a while"), javafx.util.Duration.millis(300));
            slot.afterShow(slot::close); // in the same turn, once the wait has begun: the window stays, its job goes
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> slot.model().closed == 1);
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(jobs).as("the closed job's work never runs").hasSize(2);

        WaitForAsyncUtils.asyncFx(() -> {
            slot.showNew(new Job("third"), (job, s) -> windows.scene(bodyAndButton(job.name), 20, 10));
            slot.afterShow(() -> jobs.add("third, after a while"), javafx.util.Duration.millis(300));
            slot.afterShow(stage::hide); // the person closes the window as it shows
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs.size() == 3);
        assertThat(stage.isShowing()).isFalse();
        assertThat(jobs).endsWith("third, after a while");
    }

    @Test
    void aWindowShowingKeepsItsViewUntilTheNextIsStyled(FxRobot robot) throws Exception {
        WindowSlot<Job> slot = new WindowSlot<>(windows, null);
        Stage stage = WaitForAsyncUtils.asyncFx(() -> slot.showNew(new Job("first"),
                (job, s) -> windows.scene(bodyAndButton(job.name), 20, 10))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stage::isShowing);
        Scene first = stage.getScene();
        BorderPane second = bodyAndButton("second");
        AtomicReference<Boolean> styledWhileFirstShown = new AtomicReference<>();
        List<String> jobs = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ((TextField) second.getCenter()).skinProperty().addListener((o, was, now) ->
                    styledWhileFirstShown.compareAndSet(null, stage.getScene() == first));
            slot.showNew(new Job("replaced"), (job, s) -> windows.scene(bodyAndButton(job.name), 20, 10));
            slot.afterShow(() -> jobs.add("replaced"));
            slot.showNew(new Job("second"), (job, s) -> windows.scene(second, 20, 10));
            slot.afterShow(() -> jobs.add("second, its view shown " + (stage.getScene().getRoot() == second)));
            assertThat(stage.getScene()).as("the view shown stays meanwhile").isSameAs(first);
            assertThat(jobs).as("not before its view shows, though the window shows").isEmpty();
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getScene().getRoot() == second);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(styledWhileFirstShown.get()).as("styled before it replaced the one shown").isTrue();
        assertThat(slot.aboutToShow()).isFalse();
        assertThat(jobs).as("the replaced view's work dropped with it").containsExactly("second, its view shown true");

        WaitForAsyncUtils.asyncFx(() -> {
            slot.showNew(new Job("third"), (job, s) -> windows.scene(bodyAndButton(job.name), 20, 10));
            slot.afterShow(() -> jobs.add("third"));
            slot.close(); // the console goes
            return null;
        }).get(10, TimeUnit.SECONDS);
        Thread.sleep(300); // a few pulses
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot()).as("a view still to show when the console goes never shows")
                .isSameAs(second);
        assertThat(jobs).hasSize(1);
        robot.interact(stage::close);
    }

    /**
     * A view whose root is a {@code BorderPane} is styled over two turns: the parts before its centre in the root's
     * children first, with the centre and the parts after it out of the scene; then those, put back in their order.
     */
    @Test
    void aBorderPanesCentreIsStyledInATurnAfterThePartsBeforeIt(FxRobot robot) throws Exception {
        BorderPane root = bodyAndButton("body");
        TextField body = (TextField) root.getCenter();
        Button button = (Button) root.getBottom();
        Button top = new Button("Top");
        root.setTop(top); // children: body, button, top
        BorderPane lead = new BorderPane();
        Button before = new Button("Before");
        lead.setTop(before);
        lead.setCenter(root); // children: before, root
        List<String> seen = new ArrayList<>();
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            WindowSlot<Job> slot = new WindowSlot<>(windows, "ui.window.about.title");
            Stage made = slot.showOnce(() -> new Job("j"), (job, s) -> windows.scene(lead, 20, 10));
            before.skinProperty().addListener((o, was, now) -> seen.add("before styled, the centre in the scene: "
                    + (root.getScene() != null)));
            body.skinProperty().addListener((o, was, now) -> seen.add("body styled, before styled: "
                    + (before.getSkin() != null) + ", showing: " + made.isShowing()));
            return made;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stage::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seen).containsExactly("before styled, the centre in the scene: false",
                "body styled, before styled: true, showing: false");
        assertThat(lead.getChildrenUnmodifiable()).as("the parts in their order").containsExactly(before, root);
        assertThat(root.getChildrenUnmodifiable()).containsExactly(body, button, top);
        assertThat(lead.getCenter()).isSameAs(root);
        assertThat(button.getSkin()).as("styled before the show").isNotNull();
        assertThat(top.getSkin()).isNotNull();
        assertThat(stage.getScene().getFocusOwner()).as("the first focus, in the lead's top").isSameAs(before);
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).as("Tab: then the body").isSameAs(body);
        robot.interact(stage::close);
    }

    /** Asked for again while its centre is out of the scene, a window shows at once, whole, its parts in order. */
    @Test
    void aWindowAskedForAgainWhileItsCentreIsOutShowsWhole(FxRobot robot) throws Exception {
        Button top = new Button("Top");
        top.setId("top");
        BorderPane root = bodyAndButton("body", top); // children: top, body, button, as the preview and run windows
        TextField body = (TextField) root.getCenter();
        List<javafx.scene.Node> order = List.copyOf(root.getChildrenUnmodifiable());
        WindowSlot<Job> slot = new WindowSlot<>(windows, "ui.window.about.title");
        AtomicReference<Stage> again = new AtomicReference<>();
        AtomicReference<Boolean> centreOut = new AtomicReference<>();
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage made = slot.showOnce(() -> new Job("j"), (job, s) -> windows.scene(root, 20, 10));
            body.sceneProperty().addListener((o, was, now) -> {
                // the centre taken out (in a pulse): asked again before the next pulse puts it back
                if (now == null && centreOut.get() == null) {
                    javafx.application.Platform.runLater(() -> {
                        centreOut.set(root.getCenter() == null);
                        again.set(slot.showOnce(() -> new Job("other"),
                                (job, s) -> windows.scene(new Label("other"), 20, 10)));
                    });
                }
            });
            return made;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> again.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(centreOut.get()).as("asked again while the centre was out").isTrue();
        assertThat(again.get()).isSameAs(stage);
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getScene().getRoot()).isSameAs(root);
        assertThat(root.getCenter()).isSameAs(body);
        assertThat(body.getScene()).isSameAs(stage.getScene());
        assertThat(root.getChildrenUnmodifiable()).as("in their order").containsExactlyElementsOf(order);
        assertThat(body.getSkin()).as("styled by the show").isNotNull();
        assertThat(slot.aboutToShow()).isFalse();
        robot.interact(stage::close);
    }

    /**
     * A view's long lists and text areas are styled each in a turn of its own, in their order in the view, after the
     * parts before the centre and then the rest of the centre, whether a pane, a split pane or a tab holds them; the
     * window shows them in their places. (A stylesheet of the test's marks the moment each is styled.)
     */
    @Test
    void longListsAndTextAreasAreStyledEachInATurnOfTheirOwn(FxRobot robot) throws Exception {
        Button top = new Button("Top");
        Label label = new Label("upper");
        TableView<String> upperList = Tables.longList(new TableView<>());
        TextArea detail = new TextArea();
        TableView<String> lowerList = Tables.longList(new TableView<>());
        Button below = new Button("Below");
        TableView<String> tabList = Tables.longList(new TableView<>());
        VBox upper = new VBox(label, upperList, detail);
        VBox lower = new VBox(lowerList, below);
        SplitPane split = new SplitPane(upper, lower);
        Tab tab = new Tab("Lists", tabList);
        BorderPane root = new BorderPane();
        root.setTop(top);
        root.setCenter(new VBox(split, new TabPane(tab)));
        String css = ".probe { -fx-opacity: 0.5; }";
        String probe = "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
        List<String> turns = new ArrayList<>();
        javafx.animation.AnimationTimer pulses = pulsesBetween(turns, "shown");
        List<Node> marked = List.of(top, label, upperList, detail, lowerList, tabList);
        List<String> names = List.of("top", "label", "upper list", "detail", "lower list", "tab's list");
        for (int i = 0; i < marked.size(); i++) {
            String name = names.get(i);
            marked.get(i).getStyleClass().add("probe");
            marked.get(i).opacityProperty().addListener((o, was, now) -> turns.add(name + " styled"));
        }
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            WindowSlot<Job> slot = new WindowSlot<>(windows, "ui.window.about.title");
            Stage made = slot.showOnce(() -> new Job("j"), (job, s) -> {
                turns.add("made");
                Scene scene = windows.scene(root, 40, 30);
                scene.getStylesheets().add(probe); // the root's are the theme's
                return scene;
            });
            made.showingProperty().addListener((o, was, now) -> turns.add("shown"));
            pulses.start();
            return made;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, stage::isShowing);
        robot.interact(pulses::stop);
        assertThat(turns).as("each in a turn of its own with a pulse between (the layout's turn has no mark)")
                .containsExactly("made", "pulse", "top styled", "pulse", "label styled", "pulse", "upper list styled",
                        "pulse", "detail styled", "pulse", "lower list styled", "pulse", "tab's list styled", "pulse",
                        "shown");
        assertThat(upper.getChildren()).as("in their places").containsExactly(label, upperList, detail);
        assertThat(lower.getChildren()).containsExactly(lowerList, below);
        assertThat(tab.getContent()).isSameAs(tabList);
        assertThat(split.getItems()).containsExactly(upper, lower);
        assertThat(detail.getScene()).isSameAs(stage.getScene());
        assertThat(tabList.getScene()).isSameAs(stage.getScene());
        robot.interact(stage::close);
    }

    /** Asked for again before its view was made, a window makes it and shows it at once, once. */
    @Test
    void aWindowAskedForAgainBeforeItsViewWasMadeMakesItAndShowsAtOnce(FxRobot robot) {
        List<String> made = new ArrayList<>();
        WindowSlot<Job> slot = new WindowSlot<>(windows, "ui.window.about.title");
        BorderPane root = bodyAndButton("body");
        robot.interact(() -> {
            Stage stage = slot.showOnce(() -> new Job("j"), (job, s) -> {
                made.add(job.name);
                return windows.scene(root, 20, 10);
            });
            assertThat(stage.isShowing()).isFalse();
            assertThat(made).isEmpty();
            assertThat(slot.showOnce(() -> new Job("other"), (job, s) -> windows.scene(new Label("other"), 20, 10)))
                    .isSameAs(stage);
            assertThat(stage.isShowing()).as("at once").isTrue();
            assertThat(stage.getScene().getRoot()).isSameAs(root);
            assertThat(made).containsExactly("j");
            assertThat(slot.aboutToShow()).isFalse();
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // a few pulses: the turns it skipped do nothing
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(made).as("made once").containsExactly("j");
        assertThat(slot.model().name).isEqualTo("j");
        robot.interact(() -> slot.stage().close());
    }
}
