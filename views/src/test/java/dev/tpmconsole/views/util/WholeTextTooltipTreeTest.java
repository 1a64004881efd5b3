package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In a real window: a tree table's cell cut to "…" (the preview's reasons) says its whole text in a tooltip. */
@ExtendWith(ApplicationExtension.class)
class WholeTextTooltipTreeTest {

    static final String REASON = "delete /var/lib/libvirt/swtpm/5af9a3c8-c7f9-bcfe-b351-7875aaea239c/ on host"
            + " kvm-a0-0018";

    @Start
    void start(Stage stage) {
        TreeTableView<String> tree = Tables.longList(new TreeTableView<>());
        TreeTableColumn<String, String> reason = new TreeTableColumn<>("Reason");
        reason.setId("reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        reason.setPrefWidth(200);
        tree.getColumns().setAll(List.of(reason));
        TreeItem<String> root = new TreeItem<>("root");
        root.getChildren().add(new TreeItem<>(REASON));
        tree.setRoot(root);
        tree.setShowRoot(false);
        WholeTextTooltip.install(tree);
        LightStage.show(stage, tree, 400, 200);
    }

    @Test
    void aCutCellSaysItsWholeText(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableCell<?, ?> cell = robot.lookup(".tree-table-cell").match(n -> n instanceof TreeTableCell<?, ?> c
                && !c.isEmpty()).query();
        assertThat(WholeTextTooltip.isCut(cell)).isTrue();
        robot.moveTo(cell).moveBy(3, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WholeTextTooltipTest.shown().isPresent());
        assertThat(WholeTextTooltipTest.shown().orElseThrow().getText()).isEqualTo(REASON);

        // off the cut cell, the tooltip goes (and leaves no window over the next test's)
        robot.moveBy(0, 120);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WholeTextTooltipTest.shown().isEmpty());
    }
}
