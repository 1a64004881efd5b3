package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.run.ItemRow;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Preview, confirm and run a plan from the window, with a real failure on one backup (an SQLite trigger
 * refuses its delete): the error panel lists it with its cause, the TPM step is skipped, and once the cause
 * is gone Retry failed finishes the run with no residue.
 */
class RunWindowTest extends WindowFixture {

    /** VM uuids as ZStack writes them: their TPM state folders are named after them. */
    static final String AAA = "a".repeat(32);
    static final String BBB = "b".repeat(32);

    @BeforeAll
    static void build() throws Exception {
        snapshot = SqliteTestDatabase.create(dir.resolve("run.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false).host("h2", false);
            for (String v : new String[] {AAA, BBB}) {
                r.vm(v, true).tpm(v + "_tpm", v).keyRef(v.equals(AAA) ? 1 : 2, "TpmVO", v + "_tpm", "p", "nkp", "kek");
                r.hostFile(v + "_f", v, "h1", "TpmState").backup(v + "_b", v, "TpmState");
            }
            r.keyRef(3, "VmHostBackupFileVO", AAA + "_b", "p", "nkp", "kek").keyRef(4, "VmHostBackupFileVO", BBB + "_b", "p", "nkp", "kek");
        });
        TestSnapshots.exec(snapshot, "CREATE TRIGGER protect_aaa_b BEFORE DELETE ON VmHostBackupFileVO"
                + " WHEN old.uuid = '" + AAA + "_b' BEGIN SELECT RAISE(ABORT, 'injected: backup aaa_b is protected'); END");
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void runWithAFailureThenRetry(FxRobot robot) throws Exception {
        openSnapshot(robot);
        TableView<VmRow> vms = robot.lookup("#vmTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vms.getItems().size() == 2);
        robot.interact(() -> {
            vms.requestFocus();
            vms.getSelectionModel().selectAll();
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> gui.previewViewModel() != null && gui.previewViewModel().previewProperty().get() != null
                && gui.previewStage().isShowing());
        int rows = gui.previewViewModel().previewProperty().get().plan().deletes().size();

        robot.clickOn("#runPlan");
        WaitForAsyncUtils.waitForFxEvents();
        // the confirmation names the count and the target; its button is named for the action
        assertThat(robot.lookup("#confirmDialog .content").queryAs(Label.class).getText())
                .contains("deletes " + rows + " rows", snapshot.toString());
        robot.clickOn(dev.tpmconsole.views.preview.PreviewViewModel.actionLabel(gui.previewViewModel().previewProperty().get().plan()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.runViewModel() != null && gui.runStage().isShowing()
                && (gui.runViewModel().outcomeProperty().get() != null || !gui.runViewModel().errorProperty().get().isEmpty()));
        assertThat(gui.runViewModel().errorProperty().get()).isEmpty();
        // the preview does not offer its plan again: the run deletes the rows it describes
        assertThat(robot.lookup("#runPlan").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(gui.previewViewModel().statusProperty().get()).isEqualTo(
                "This plan was handed to a run, which deletes or changes its rows: preview again to see what is left.");
        waitUntil(() -> gui.runViewModel().residueTextProperty().get().startsWith("Re-audit"));

        assertThat(gui.runViewModel().outcomeProperty().get()).isEqualTo(RunEvent.Outcome.FAILED);
        TableView<ItemRow> failures = robot.lookup("#failureTable").queryTableView();
        assertThat(robot.lookup("#errorPanel").tryQuery()).as("the error panel shows once there is a failure").isPresent();
        assertThat(failures.getItems()).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo("VmHostBackupFileVO/" + AAA + "_b");
            assertThat(f.cause()).contains("injected: backup aaa_b is protected");
        });
        assertThat(gui.runViewModel().items()).filteredOn(r -> r.step() == dev.tpmconsole.model.plan.Plan.StepName.DELETE_TPM).isNotEmpty()
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(ItemRow.State.SKIPPED));
        assertThat(robot.lookup("#runSummary").queryAs(Label.class).getText()).startsWith("5 items done, 1 failed, 2 skipped");
        assertThat(robot.lookup("#runResidue").queryAs(Label.class).getText()).as("what is left is consistent, not dirty")
                .isEqualTo("Re-audit: no residue on the 2 VMs touched.");
        // how to undo it, as the confirmation promised, and a button that copies the command
        java.nio.file.Path journal = gui.runViewModel().journalProperty().get();
        assertThat(robot.lookup("#runUndo").queryAs(Label.class).getText())
                .isEqualTo("To undo this run: tpm-console undo " + journal.toAbsolutePath());
        robot.clickOn("#runCopyUndo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS)).isEqualTo("tpm-console undo " + journal.toAbsolutePath());
        robot.clickOn("#failureTable .table-row-cell");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#failureDetail").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("injected: backup aaa_b is protected", "SQLite");
        assertThat(TestSnapshots.count(snapshot, "SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE resourceUuid = '" + AAA + "_b'"))
                .as("the key copy stays with its backup").isEqualTo(1);

        // the cause goes away; Retry failed resumes the journal and finishes with no residue
        TestSnapshots.exec(snapshot, "DROP TRIGGER protect_aaa_b");
        assertThat(robot.lookup("#retryFailed").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#retryFailed");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.runViewModel().outcomeProperty().get()
                == RunEvent.Outcome.DONE);
        waitUntil(() -> gui.runViewModel().residueTextProperty().get().startsWith("Re-audit: no residue"));
        assertThat(failures.getItems()).isEmpty();
        // no failure left: the error panel gives its room back to the items
        assertThat(failures.getScene()).isNull();
        assertThat(robot.lookup("#errorPanel").tryQuery()).isEmpty();
        assertThat(gui.runViewModel().items()).allSatisfy(r -> assertThat(r.state()).isEqualTo(
                r.step() == dev.tpmconsole.model.plan.Plan.StepName.HOST_WORK ? ItemRow.State.EXPORTED : ItemRow.State.DONE));
        assertThat(TestSnapshots.count(snapshot, "SELECT count(*) FROM TpmVO")).isZero();
        assertThat(TestSnapshots.count(snapshot, "SELECT count(*) FROM EncryptedResourceKeyRefVO")).isZero();
        assertThat(robot.lookup("#retryFailed").tryQuery()).as("nothing to retry: the error panel is gone").isEmpty();
        // the main window counts the rows again: no TPM is left
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.viewModel().summaryProperty().get().counted()
                && gui.viewModel().summaryProperty().get().count("TpmVO") == 0);
        // and no longer says read-only: a run from this window changed the file
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gui.stage().getTitle()).isEqualTo("run.sqlite (changed by a run) — TPM Console");
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("changed by a run");
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getAccessibleHelp())
                .isEqualTo("A run or a repair from this window changed this source. Its run folder holds the rows it"
                        + " deleted or changed, and undo puts them back.");

        // the event log tells the story: start, the failed item with its cause, the ends
        assertThat(gui.eventLog().snapshot()).filteredOn(e -> e.category().equals("run"))
                .extracting(e -> e.level() + " " + e.message())
                .anyMatch(m -> m.equals("INFO Run of Remove TPM on " + snapshot + " started"))
                .anyMatch(m -> m.startsWith("WARNING Failed: ") && m.contains("VmHostBackupFileVO/" + AAA + "_b")
                        && m.contains("injected: backup aaa_b is protected"))
                .anyMatch(m -> m.startsWith("WARNING Run of Remove TPM on " + snapshot + " ended: failed. 5 items done, 1 failed, 2 skipped"))
                .anyMatch(m -> m.startsWith("INFO Run of Remove TPM on " + snapshot + " ended: done.") && m.contains("Journal: "));
    }
}
