package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.views.repair.RepairViewModel;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The guided repair on a live MariaDB opened in the window: the confirmation states that the management
 * nodes are stopped, the touched rows are dumped into the run folder first, and the key findings are gone.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRepairWizardTest {

    @TempDir
    Path dataDir;

    ConsoleGui gui;
    MariaDbTestDatabase db;

    @Start
    void start(Stage stage) {
        gui = ConsoleGui.show(stage, dataDir, FxSchedulers.javafx());
    }

    @AfterEach
    void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void repairKeysOnALiveDatabase(FxRobot robot) throws Exception {
        db = MariaDbTestDatabase.create(false);
        db.load(sink -> {
            Rows r = new Rows(sink);
            r.provider("prov1", "nkp-default").host("h", false).vm("v", true).tpm("t", "v");
            r.keyRef(1, "TpmVO", "t", null, "nkp-default", "kek");
            r.keyRef(2, "TpmVO", "gone", "prov1", "nkp-default", "kek");
        });
        String url = MariaDbTestDatabase.serverUrl() + db.name();
        robot.interact(() -> gui.viewModel().openDatabase(url, "root", null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.viewModel().sourceProperty().get() != null);
        // not asking before runs on snapshots never skips the confirmation of a live database
        robot.interact(() -> gui.preferences().confirmRunOnSnapshotProperty().set(false));
        robot.interact(gui::showRepair);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#repairAudit").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        RepairViewModel vm = gui.repairViewModel();
        robot.clickOn("#repairAudit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.pageProperty().get() == RepairViewModel.Page.CHOOSE);
        // the page's buttons come with the page, on the next pulse
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#repairPlan").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#repairPlan");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.pageProperty().get() == RepairViewModel.Page.PLAN);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#runPlan");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#confirmDialog .content").queryAs(Label.class).getText())
                .contains("live database", "management node is stopped");
        robot.clickOn("Delete 1 row, change 1 row (management nodes are stopped)");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.pageProperty().get() == RepairViewModel.Page.RESULT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#repairResult").queryAs(Label.class).getText()).startsWith("The 2 chosen findings are gone");
        assertThat(LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO")).isEqualTo(1);
        assertThat(LiveApplyTest.count(db, "SELECT COUNT(*) FROM EncryptedResourceKeyRefVO WHERE providerUuid = 'prov1'"))
                .isEqualTo(1);
        try (Stream<Path> files = Files.walk(dataDir.resolve("runs"))) {
            List<Path> dumps = files.filter(f -> f.getFileName().toString().equals("backup-touched-rows.sql")).toList();
            assertThat(dumps).singleElement().satisfies(f -> assertThat(Files.readString(f))
                    .contains("INSERT INTO EncryptedResourceKeyRefVO", "UPDATE EncryptedResourceKeyRefVO SET providerUuid = NULL"));
        }
    }
}
