package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.repair.RepairViewModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The guided repair driven through its pages on a demo snapshot: audit, classification, choice, plan with
 * relinks, confirmed run, and an audit afterwards in which only the findings that cannot be repaired here
 * remain, with the row counts per table before and after.
 */
class RepairWizardTest extends WindowFixture {

    @BeforeAll
    static void demo() throws Exception {
        demo("repair-demo.sqlite", 300, 4);
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void theWholeRepair(FxRobot robot) throws Exception {
        openSnapshot(robot);
        robot.interact(gui::showRepair);
        waitUntil(() -> robot.lookup("#repairAudit").tryQuery().isPresent());
        RepairViewModel vm = gui.repairViewModel();
        // the first page tells what follows, whole, and that nothing is changed until the plan is confirmed
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#repairAuditText", "#repairStep2", "#repairStep3", "#repairStep4", "#repairStep5",
                "#repairNothingYet")) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertThat(l.getText()).as(id).isNotBlank();
            assertThat(((javafx.scene.text.Text) l.lookup(".text")).getText()).as(id + " shown whole").isEqualTo(l.getText());
            javafx.geometry.Bounds b = l.localToScene(l.getLayoutBounds());
            assertThat(b.getMaxY()).as(id + " inside the window").isLessThanOrEqualTo(l.getScene().getHeight());
        }
        assertThat(robot.lookup("#repairStep2").queryAs(Label.class).getText()).startsWith("Choose: ");
        assertThat(robot.lookup("#repairNothingYet").queryAs(Label.class).getText())
                .isEqualTo("Nothing is changed until you confirm the plan.");

        robot.clickOn("#repairAudit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.pageProperty().get() == RepairViewModel.Page.CHOOSE);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<RepairViewModel.Row> rows = robot.lookup("#repairFindings").queryTableView();
        assertThat(rows.getItems()).extracting(RepairViewModel.Row::kind).contains(RepairViewModel.Kind.values());
        assertThat(rows.getStyleClass()).as("rows of the console's height, as every list's")
                .contains(dev.tpmconsole.views.util.Tables.STYLE_CLASS);
        assertThat(rows.getItems()).filteredOn(r -> r.kind() == RepairViewModel.Kind.LOST)
                .allSatisfy(r -> assertThat(r.chosenProperty().get()).as("cannot be repaired here").isFalse());
        long lost = rows.getItems().stream().filter(r -> r.kind() == RepairViewModel.Kind.LOST).count();
        assertThat(robot.lookup("#repairChosenCount").queryAs(Label.class).getText())
                .isEqualTo((rows.getItems().size() - lost) + " of " + rows.getItems().size() + " chosen");
        // a row cannot be chosen where it cannot be repaired; what to do instead reads whole under the table
        RepairViewModel.Row lostRow = rows.getItems().stream().filter(r -> r.kind() == RepairViewModel.Kind.LOST)
                .findFirst().orElseThrow();
        robot.interact(() -> rows.getSelectionModel().select(lostRow));
        assertThat(robot.lookup("#repairRowDetail").queryAs(Label.class).getText())
                .startsWith("What happens: " + lostRow.kind().action() + "\n");
        aKindsTwoButtonsWrapTogether(robot, rows);
        // what tells the rows apart shows whole (the long action of a ref that cannot be repaired is in its tooltip)
        assertThat(CutTexts.inColumns("#repairFindings", "repairKindColumn", "repairKeyRefColumn"))
                .as("the findings' headers and kinds").isEmpty();
        // three buttons read "None": each tells a screen reader whose it is
        assertThat(robot.lookup(".button-pair").queryAll()).extracting(pair -> ((javafx.scene.control.Button)
                ((javafx.scene.layout.HBox) pair).getChildren().get(1)).getAccessibleText())
                .containsExactly("None: orphaned key ref", "None: duplicate placeholder",
                        "None: provider back under the same name");

        robot.clickOn("#repairPlan");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.pageProperty().get() == RepairViewModel.Page.PLAN);
        WaitForAsyncUtils.waitForFxEvents();
        var plan = vm.preview().previewProperty().get().plan();
        assertThat(robot.lookup("#repairClose").query().isVisible()).as("the preview's Close is the page's").isFalse();
        assertThat(robot.lookup("#closePreview").query().isVisible()).isTrue();
        assertThat(plan.updates()).as("relinks").isNotEmpty();
        assertThat(robot.lookup("#previewSummary").queryAs(Label.class).getText()).contains("update");

        robot.clickOn("#runPlan");
        WaitForAsyncUtils.waitForFxEvents();
        // the confirmation says where the undo command will be: on the wizard's last page, not in a run window
        assertThat(robot.lookup("#confirmDialog .content").queryAs(Label.class).getText())
                .contains("so the run can be undone: the wizard's last page gives the command.")
                .doesNotContain("run window");
        robot.clickOn(dev.tpmconsole.views.preview.PreviewViewModel.actionLabel(plan));
        assertThat(dev.tpmconsole.views.preview.PreviewViewModel.actionLabel(plan))
                .isEqualTo("Delete " + plan.deletes().size() + " rows, change " + plan.updates().size() + " rows");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.pageProperty().get() == RepairViewModel.Page.RESULT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#repairResult").queryAs(Label.class).getText()).startsWith("The ")
                .contains("chosen findings are gone");
        // the confirmation said the run can be undone: the result says how (the run page was over at once)
        String undo = vm.runProperty().get().undoCommand();
        assertThat(undo).startsWith("tpm-console undo ").endsWith("journal.jsonl");
        assertThat(robot.lookup("#repairUndo").queryAs(Label.class).getText()).contains(undo);
        robot.clickOn("#repairCopyUndo");
        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS)).isEqualTo(undo);
        // the main window no longer says read-only: the repair changed the snapshot it shows
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.stage().getTitle().contains("changed by a run"));
        assertThat(gui.stage().getTitle()).isEqualTo("repair-demo.sqlite (changed by a run) — TPM Console");
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("changed by a run");
        TableView<RepairViewModel.TableChange> changes = robot.lookup("#repairChanges").queryTableView();
        assertThat(changes.getStyleClass()).contains(dev.tpmconsole.views.util.Tables.STYLE_CLASS);
        assertThat(CutTexts.in("#repairChanges")).as("the changes' headers and cells").isEmpty();
        // counts grouped as the summary writes them
        List<String> befores = robot.lookup("#repairChanges .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().filter(c -> c.getTableColumn() != null && "repairChangeBeforeColumn".equals(c.getTableColumn().getId())
                        && c.getText() != null).map(javafx.scene.control.TableCell::getText).toList();
        assertThat(befores).isNotEmpty().allSatisfy(t -> assertThat(t).matches("\\d{1,3}(,\\d{3})*"))
                .anySatisfy(t -> assertThat(t).contains(","));
        assertThat(changes.getItems()).filteredOn(c -> c.table().equals("EncryptedResourceKeyRefVO")).singleElement()
                .satisfies(c -> assertThat(c.after()).isLessThan(c.before()));
        assertThat(changes.getItems()).filteredOn(c -> c.table().equals("VmInstanceEO")).singleElement()
                .satisfies(c -> assertThat(c.after()).as("nothing else changed").isEqualTo(c.before()));

        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
            var report = new Auditor(s).run(RepairViewModel.KEY_RULES);
            assertThat(report.findings(AuditRule.KEY_REF_ORPHANED)).isEmpty();
            assertThat(report.findings(AuditRule.KEY_REF_DUPLICATE_PLACEHOLDER)).isEmpty();
            assertThat(report.findings(AuditRule.KEY_REF_PROVIDER_LOST)).as("only those that cannot be repaired here")
                    .hasSize((int) lost).allSatisfy(f -> assertThat(f.relinkTo()).isNull());
        }

        // what the wizard says to do: restore the provider of that name; then the refs are relinkable, and a
        // second pass ends with an audit that shows no key finding at all
        TestSnapshots.exec(snapshot, "INSERT INTO ResourceVO VALUES ('restoredprovider00000000000000001', 'kms-retired',"
                + " 'KeyProviderVO', 'org.zstack.header.keyprovider.KeyProviderVO')",
                "INSERT INTO KeyProviderVO (uuid, name, type, connected, createDate, lastOpDate) VALUES"
                        + " ('restoredprovider00000000000000001', 'kms-retired', 'KMS', 1, '2026-11-25 00:00:00',"
                        + " '2026-11-25 00:00:00')");
        robot.interact(gui::showRepair);
        waitUntil(() -> robot.lookup("#repairAudit").tryQuery().isPresent());
        RepairViewModel again = gui.repairViewModel();
        robot.clickOn("#repairAudit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> again.pageProperty().get() == RepairViewModel.Page.CHOOSE);
        assertThat(again.rows()).hasSize((int) lost)
                .allSatisfy(r -> assertThat(r.kind()).isEqualTo(RepairViewModel.Kind.RELINK));
        robot.clickOn("#repairPlan");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> again.pageProperty().get() == RepairViewModel.Page.PLAN);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#runPlan");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(dev.tpmconsole.views.preview.PreviewViewModel.actionLabel(again.preview().previewProperty().get().plan()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> again.pageProperty().get() == RepairViewModel.Page.RESULT);
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
            assertThat(new Auditor(s).run(RepairViewModel.KEY_RULES).findings()).as("zero key findings").isEmpty();
        }
    }

    /**
     * Each kind's "All: ..." and "None" stay side by side on one line at every width of the window: a "None" alone at
     * the start of a line would read as the next kind's.
     */
    private static void aKindsTwoButtonsWrapTogether(FxRobot robot, TableView<?> rows) {
        javafx.stage.Window window = rows.getScene().getWindow();
        double before = window.getWidth();
        for (int width = 500; width <= 1500; width += 25) {
            int w = width;
            robot.interact(() -> {
                window.setWidth(w);
                rows.getScene().getRoot().applyCss();
                rows.getScene().getRoot().layout();
            });
            for (RepairViewModel.Kind kind : RepairViewModel.Kind.values()) {
                if (!kind.repairable()) {
                    continue;
                }
                javafx.scene.Node all = robot.lookup("#choose" + kind.name()).query();
                javafx.scene.Node none = robot.lookup("#leave" + kind.name()).query();
                javafx.geometry.Bounds a = all.localToScene(all.getLayoutBounds());
                javafx.geometry.Bounds n = none.localToScene(none.getLayoutBounds());
                assertThat(Math.abs(a.getCenterY() - n.getCenterY())).as("%s at %d px", kind, w).isLessThan(2.0);
                assertThat(n.getMinX()).as("%s at %d px", kind, w).isGreaterThan(a.getMaxX());
            }
        }
        robot.interact(() -> window.setWidth(before));
    }
}
