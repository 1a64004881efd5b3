package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In a real window: a console table's cell or header cut to "…" says its whole text in a tooltip when the pointer
 * rests on it; a cell shown whole does not.
 */
@ExtendWith(ApplicationExtension.class)
class WholeTextTooltipTest {

    record File(String host, String path) {
    }

    static final String PATH = "/var/lib/libvirt/swtpm/5af9a3c8c7f9bcfeb3517875aaea239c";

    @Start
    void start(Stage stage) {
        TableView<File> table = Tables.table("fileTable", "ui.hosts.none");
        TableColumn<File, String> host = Tables.column("fileHost", "Host", 8, File::host);
        TableColumn<File, String> path = Tables.column("filePath", "The path of the TPM state folder", 8, File::path);
        table.getColumns().setAll(List.of(host, path));
        table.setItems(FXCollections.observableArrayList(new File("kvm-a", PATH)));
        LightStage.show(stage, table, 400, 200);
    }

    @Test
    void aCutCellOrHeaderSaysItsWholeTextAndAWholeOneNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node cut = cell(robot, "filePath");
        assertThat(WholeTextTooltip.isCut((TableCell<?, ?>) cut)).as("the path shows cut").isTrue();
        robot.moveTo(cut).moveBy(3, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown().isPresent());
        assertThat(shown().orElseThrow().getText()).isEqualTo(PATH);

        Node whole = cell(robot, "fileHost");
        assertThat(WholeTextTooltip.isCut((TableCell<?, ?>) whole)).isFalse();
        robot.moveTo(whole).moveBy(3, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown().isEmpty());
        robot.moveBy(2, 0).sleep(2500);
        assertThat(shown()).as("nothing for a cell shown whole").isEmpty();

        Node header = robot.lookup(".column-header").match(n -> "filePath".equals(n.getId())).query();
        robot.moveTo(header).moveBy(3, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown().isPresent());
        assertThat(shown().orElseThrow().getText()).isEqualTo("The path of the TPM state folder");
    }

    static Node cell(FxRobot robot, String columnId) {
        return robot.lookup(".table-cell").match(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                && columnId.equals(c.getTableColumn().getId()) && !c.isEmpty()).query();
    }

    static Optional<Tooltip> shown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> (Tooltip) w).findFirst()).get(5, TimeUnit.SECONDS);
    }
}
