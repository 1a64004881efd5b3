package dev.tpmconsole.views.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.LightStage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In a real window 640 px wide: the preview's red line is read whole when it runs longer than the window (a reset
 * that deletes key material and leaves the TPM no usable key says both), and so is the chosen kept row's reason.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewStatusWrapTest {

    @TempDir
    static Path dir;
    static Source source;
    PreviewViewModel vm;

    @BeforeAll
    static void build() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("wrap.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.host("h", false);
            PreviewViewModelTest.lostKeyVm(r);
        });
        source = SqliteSnapshot.open(file, OpenOptions.readOnly());
    }

    @AfterAll
    static void close() {
        source.close();
    }

    @Start
    void start(Stage stage) {
        vm = new PreviewViewModel(source, FxSchedulers.synchronous(), Clock.systemUTC());
        PreviewView view = new PreviewView(vm, () -> { }, (plan, overSsh) -> { }, null, new SimpleBooleanProperty());
        LightStage.show(stage, view.root(), 640, 600);
    }

    @Test
    void theRedLineWrapsWhole(FxRobot robot) throws Exception {
        robot.interact(() -> vm.load(PreviewViewModel.Operation.RESET, List.of("lost")));
        Label status = robot.lookup("#previewStatus").queryAs(Label.class);
        assertThat(status.getText()).contains("Keeps 1 TPM with no key it can unwrap").hasSizeGreaterThan(130);
        // laid out in the window's width (longer than it: about three lines), on more lines than one
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getWidth() > 0 && status.getWidth() < 640
                && status.getHeight() > status.getFont().getSize() * 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Text) status.lookup(".text")).getText()).as("shown whole").isEqualTo(status.getText());
    }

    @Test
    void theChosenKeptRowsReasonReadsWholeUnderItsList(FxRobot robot) throws Exception {
        robot.interact(() -> vm.load(PreviewViewModel.Operation.RESET, List.of("lost")));
        robot.clickOn("#tabKept");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<dev.tpmconsole.model.plan.Plan.Kept> kept =
                robot.lookup("#keptTable").queryTableView();
        int lost = kept.getItems().stream().map(dev.tpmconsole.model.plan.Plan.Kept::key).toList().indexOf("3");
        assertThat(lost).isNotNegative();
        robot.interact(() -> kept.getSelectionModel().select(lost));
        Label reason = robot.lookup("#keptReason").queryAs(Label.class);
        // in a window too small for the list, the line still takes all its lines
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reason.isVisible()
                && reason.getHeight() > reason.getFont().getSize() * 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reason.getText()).startsWith("a reset keeps the TPM's key, but its key provider nkp-old is gone")
                .endsWith("until that provider is restored and the ref relinked");
        assertThat(((Text) reason.lookup(".text")).getText()).as("shown whole").isEqualTo(reason.getText());
    }
}
