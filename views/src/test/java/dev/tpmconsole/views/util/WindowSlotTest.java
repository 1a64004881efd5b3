package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A window made once and brought forward after that; a window of one job at a time closes the job it showed when
 * it is given the next, keeps its stage, and closes the last one with {@link WindowSlot#close}.
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
    void theNextJobClosesTheOneShownAndKeepsTheWindow(FxRobot robot) {
        Job first = new Job("first");
        Job second = new Job("second");
        List<Stage> shown = new ArrayList<>();
        robot.interact(() -> {
            WindowSlot<Job> slot = new WindowSlot<>(windows, null);
            shown.add(slot.showNew(first, (job, s) -> windows.scene(new Label(job.name), 10, 5)));
            assertThat(first.closed).isZero();
            shown.add(slot.showNew(second, (job, s) -> windows.scene(new Label(job.name), 10, 5)));
            assertThat(first.closed).as("the job replaced").isEqualTo(1);
            assertThat(second.closed).isZero();
            assertThat(((Label) slot.stage().getScene().getRoot()).getText()).isEqualTo("second");
            assertThat(slot.model()).isSameAs(second);
            slot.close();
            shown.get(0).close();
        });
        assertThat(shown.get(1)).isSameAs(shown.get(0));
        assertThat(first.closed).as("closed once only").isEqualTo(1);
        assertThat(second.closed).isEqualTo(1);
    }
}
