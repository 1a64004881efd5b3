package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import javafx.scene.text.FontPosture;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The colours and fonts console.css gives to the cells of rows and cells in a state, as drawn with the real theme: a
 * row's state colours all its cells (over a state cell's own colour), a state cell in a row in no state (Tables.styled)
 * its own text, a selected row or state cell the selection's. Each expected colour is the console's token resolved in
 * the same scene, so that the test follows the theme; a change of how console.css writes these rules keeps the look.
 */
@ExtendWith(ApplicationExtension.class)
class TableStatesStyleTest {

    record Row(String name, List<String> states, String state) {
    }

    TableView<Row> vms;
    TableView<Row> events;
    TableView<Row> audit;
    TreeTableView<Row> plan;
    VBox root;

    @Start
    void start(Stage stage) {
        vms = table("vmTable", List.of(new Row("alpha", List.of("has-findings"), "key-materialized"),
                new Row("beta", List.of("gone"), "key-provider-lost"), new Row("gamma", List.of(), null),
                new Row("delta", List.of(), "key-materialized")));
        events = table("events", List.of(new Row("e", List.of("error"), null)));
        audit = table("rules", List.of(new Row("r", List.of("orphan"), null),
                new Row("acknowledged", List.of("acknowledged"), null)));
        plan = new TreeTableView<>(new TreeItem<>(new Row("root", List.of(), null)));
        plan.setShowRoot(false);
        plan.getRoot().getChildren().add(new TreeItem<>(new Row("key", List.of("emphasis"), null)));
        TreeTableColumn<Row, String> planName = new TreeTableColumn<>("Row");
        planName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().name()));
        plan.getColumns().add(planName);
        plan.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("emphasis"),
                        !empty && row != null && row.states().contains("emphasis"));
            }
        });
        VBox eventLog = new VBox(events);
        eventLog.getStyleClass().add("event-log-view");
        VBox auditView = new VBox(audit);
        auditView.getStyleClass().add("audit-view");
        VBox preview = new VBox(plan);
        preview.getStyleClass().add("preview-view");
        Label danger = token("danger", "-tpm-danger");
        Label muted = token("muted", "-tpm-fg-muted");
        Label success = token("success", "-tpm-success");
        Label plain = token("plain", "-color-fg-default");
        root = new VBox(vms, eventLog, auditView, preview, danger, muted, success, plain);
        LightStage.show(stage, root, 900, 900);
    }

    private static Label token(String id, String colour) {
        Label l = new Label(id);
        l.setId(id);
        l.setStyle("-fx-text-fill: " + colour + ";");
        return l;
    }

    private static TableView<Row> table(String id, List<Row> rows) {
        TableView<Row> t = new TableView<>(FXCollections.observableArrayList(rows));
        t.setId(id);
        t.getColumns().add(Tables.column(id + "Name", "ui.col.name", 10, Row::name));
        t.getColumns().add(Tables.styled(id + "State", "ui.col.key", 10, r -> r.state() == null ? "" : r.state(),
                Row::state));
        Tables.rows(t, Row::states, null);
        return t;
    }

    @Test
    void statesColourTheirCells(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Paint danger = colour(robot, "#danger");
        Paint muted = colour(robot, "#muted");
        Paint success = colour(robot, "#success");
        Paint plain = colour(robot, "#plain");
        assertThat(List.of(danger, muted, success)).doesNotHaveDuplicates().doesNotContain(plain);
        // a VM the last audit found something about: all its row's cells in the danger colour, its state cell too
        assertThat(cell(robot, "#vmTable", 0, 0).getTextFill()).isEqualTo(danger);
        assertThat(cell(robot, "#vmTable", 0, 1).getTextFill()).isEqualTo(danger);
        // a row of a thing that is gone: muted and in italics; its state cell (a lost provider) muted, in bold italics
        TableCell<?, ?> gone = cell(robot, "#vmTable", 1, 0);
        assertThat(gone.getTextFill()).isEqualTo(muted);
        assertThat(gone.getFont().getStyle()).isEqualTo("Italic");
        TableCell<?, ?> lost = cell(robot, "#vmTable", 1, 1);
        assertThat(lost.getTextFill()).isEqualTo(muted);
        assertThat(lost.getFont().getStyle()).isEqualTo("Bold Italic");
        // a row in no state: the theme's text colour, upright
        TableCell<?, ?> gamma = cell(robot, "#vmTable", 2, 0);
        assertThat(gamma.getTextFill()).isEqualTo(plain);
        assertThat(gamma.getFont().getStyle()).isEqualTo("Regular");
        // the event log's errors, the audit's orphan rules
        assertThat(cell(robot, "#events", 0, 0).getTextFill()).isEqualTo(danger);
        assertThat(cell(robot, "#events", 0, 0).getFont().getStyle()).isEqualTo("Bold");
        assertThat(cell(robot, "#rules", 0, 0).getTextFill()).isEqualTo(danger);
        // the preview's key material: danger, bold
        TreeTableCell<?, ?> key = robot.lookup(".preview-view .tree-table-cell").queryAllAs(TreeTableCell.class).stream()
                .filter(c -> "key".equals(c.getText())).findFirst().orElseThrow();
        assertThat(key.getTextFill()).isEqualTo(danger);
        assertThat(key.getFont().getStyle()).isEqualTo("Bold");

        // an acknowledged finding, selected: muted, its status cell too
        robot.interact(() -> audit.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell(robot, "#rules", 1, 0).getTextFill()).isEqualTo(muted);
        assertThat(cell(robot, "#rules", 1, 1).getTextFill()).isEqualTo(muted);

        // a selected row with findings: the selection's text colour over the row's
        robot.interact(() -> {
            vms.getSelectionModel().select(0);
            vms.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell(robot, "#vmTable", 0, 0).getTextFill()).isEqualTo(plain);
        assertThat(cell(robot, "#vmTable", 0, 1).getTextFill()).isEqualTo(plain);

        // a selected state cell (the VM list selects cells) keeps its state's colour, which reads on the pale selection
        assertThat(cell(robot, "#vmTable", 3, 1).getTextFill()).isEqualTo(success);
        robot.interact(() -> {
            vms.getSelectionModel().setCellSelectionEnabled(true);
            vms.getSelectionModel().clearAndSelect(3, vms.getColumns().get(1));
            vms.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell(robot, "#vmTable", 3, 1).isSelected()).isTrue();
        assertThat(cell(robot, "#vmTable", 3, 1).getTextFill()).isEqualTo(success);
    }

    private static Paint colour(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getTextFill();
    }

    private static TableCell<?, ?> cell(FxRobot robot, String table, int row, int column) {
        TableRow<?> r = robot.lookup(table + " .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(x -> x.getIndex() == row).findFirst().orElseThrow();
        return r.getChildrenUnmodifiable().stream().filter(n -> n instanceof TableCell<?, ?>)
                .map(n -> (TableCell<?, ?>) n).filter(c -> c.getTableColumn() == ((TableView<?>) r.getTableView())
                        .getColumns().get(column)).findFirst().orElseThrow();
    }
}
