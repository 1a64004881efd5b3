package dev.tpmconsole.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.views.util.ClassSnapshot;
import dev.tpmconsole.views.util.FirstFill;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The summary's table of row counts makes its rows a few a pulse ({@link FirstFill}), as the lists do: in a window
 * that showed its welcome page, then opened a snapshot, that table is in the summary tab, hidden behind the VM list,
 * yet laid out (a tab pane sizes all its tabs); its rows, made all in one pulse when the counts came, took 25 ms of a
 * cold JVM's FX thread in the pulses that made the VM list's first screenful (decision 0049).
 */
@ExtendWith(ApplicationExtension.class)
class SummaryCountsFillTest {

    @RegisterExtension
    static final ClassSnapshot demo = ClassSnapshot.demo("small.sqlite", 20, 2);

    ShownMainWindow main;
    /** The counts table's rows at the end of each pulse's layout. */
    final List<Integer> rowsByPulse = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        main = new ShownMainWindow(stage, new SnapshotService(demo.path()),
                new MainWindow.Actions(() -> { }, () -> { }, (operation, vms) -> { }, () -> { }, () -> { }, () -> { },
                        () -> { }, () -> { }));
    }

    @AfterEach
    void close() throws Exception {
        main.close();
    }

    @Test
    void theCountsComeAFewRowsAPulse_inTheSummaryHiddenBehindTheVms(FxRobot robot) throws Exception {
        TableView<?> counts = robot.lookup("#countsTable").queryTableView();
        assertThat(main.window.browse().tabs().getSelectionModel().getSelectedItem().getId())
                .as("the welcome page shows first").isEqualTo("summaryTab");
        robot.interact(() -> main.stage.getScene().addPostLayoutPulseListener(
                () -> rowsByPulse.add(counts.lookupAll(".table-row-cell").size())));

        robot.interact(main.vm::openDemo);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.vm.summaryProperty().get() != null
                && main.vm.summaryProperty().get().counted() && !counts.getItems().isEmpty());
        // a row for each table in the end (the table is as tall as its rows), a few a pulse
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> counts.lookupAll(".table-row-cell").size() >= counts.getItems().size()).get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(main.window.browse().tabs().getSelectionModel().getSelectedItem().getId())
                .as("the VMs show once the snapshot opens").isEqualTo("vmsTab");
        int tables = counts.getItems().size();
        assertThat(tables).as("the snapshot's tables").isGreaterThan(2 * FirstFill.FIRST_ROWS);
        List<Integer> filling = rowsByPulse.stream().filter(n -> n > 0).toList();
        assertThat(filling).as("rows in the pulses that made some").isNotEmpty();
        assertThat(filling.get(0)).as("the first pulse's rows, of %d counts", tables)
                .isLessThanOrEqualTo(FirstFill.FIRST_ROWS);
        for (int i = 1; i < filling.size(); i++) {
            assertThat(filling.get(i) - filling.get(i - 1)).as("rows made in pulse %d", i)
                    .isLessThanOrEqualTo(FirstFill.MAX_ROWS_PER_PULSE);
        }
    }
}
