package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.views.preview.PreviewNode;
import dev.tpmconsole.views.preview.PreviewViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Preview remove on a multi-selection of the VM list, through the window's shortcut; the view shows the plan. */
class PreviewWindowTest extends WindowFixture {

    @BeforeAll
    static void build() throws Exception {
        snapshot = SqliteTestDatabase.create(dir.resolve("preview.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false).host("h2", false);
            r.vm("aaa_vm", true).tpm("aaa_tpm", "aaa_vm").keyRef(1, "TpmVO", "aaa_tpm", "p", "nkp", "kek");
            r.hostFile("aaa_f1", "aaa_vm", "h1", "TpmState", "2026-03-01 00:00:00");
            r.hostFile("aaa_f2", "aaa_vm", "h2", "TpmState", "2026-04-01 00:00:00");
            r.hostFile("aaa_nv", "aaa_vm", "h1", "NvRam");
            r.backup("aaa_b", "aaa_vm", "TpmState").keyRef(2, "VmHostBackupFileVO", "aaa_b", "p", "nkp", "kek");
            r.vm("bbb_vm", true).tpm("bbb_tpm", "bbb_vm").backup("bbb_b", "bbb_vm", "TpmState");
            r.vm("ccc_vm", true).tpm("ccc_tpm", "ccc_vm").hostFile("ccc_f", "ccc_vm", "h1", "TpmState");
        });
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void previewsTheRemoveOfTwoSelectedVms(FxRobot robot) throws Exception {
        openSnapshot(robot);
        TableView<VmRow> vms = robot.lookup("#vmTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vms.getItems().size() == 3);
        robot.interact(() -> {
            vms.requestFocus();
            vms.getSelectionModel().selectIndices(0, 1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gui.browseViewModel().vms().selectedUuids()).containsExactly("aaa_vm", "bbb_vm");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M).release(KeyCode.M, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> gui.previewViewModel() != null && gui.previewViewModel().previewProperty().get() != null
                && gui.previewStage().isShowing());
        PreviewViewModel vm = gui.previewViewModel();
        Plan plan = vm.previewProperty().get().plan();
        assertThat(plan.operation()).isEqualTo("remove-tpm");
        assertThat(plan.vmUuids()).containsExactly("aaa_vm", "bbb_vm");
        assertThat(gui.previewStage().getTitle()).isEqualTo("Preview: remove the TPM of 2 VMs");

        Label summary = robot.lookup("#previewSummary").queryAs(Label.class);
        assertThat(summary.getText()).isEqualTo("Will " + plan.summary().substring("will ".length()));
        robot.clickOn("#tabCounts");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<PreviewViewModel.TableCount> counts = robot.lookup("#countTable").queryTableView();
        assertThat(counts.getItems()).extracting(PreviewViewModel.TableCount::table, PreviewViewModel.TableCount::rows)
                .containsExactlyElementsOf(plan.deletesPerTable().entrySet().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue())).toList());
        assertThat(counts.getItems().stream().mapToLong(PreviewViewModel.TableCount::rows).sum())
                .isEqualTo(plan.deletes().size());
        assertThat(CutTexts.in("#countTable")).as("the counts' headers and cells").isEmpty();

        TreeTableView<PreviewNode> tree = robot.lookup("#planTree").queryAs(TreeTableView.class);
        List<TreeItem<PreviewNode>> steps = tree.getRoot().getChildren();
        assertThat(steps).extracting(s -> s.getValue().label()).containsExactly(
                "host work (2 items, 2 host paths)", "delete backups (2 items, 7 rows)", "delete host files (2 items, 6 rows)",
                "delete the TPM (2 items, 5 rows)");
        assertThat(steps.stream().mapToLong(s -> s.getValue().rowCount()).sum() - 2).as("all but host work are deletes")
                .isEqualTo(plan.deletes().size());
        assertThat(steps.get(1).getValue().emphasised()).as("key material").isTrue();
        // a chosen row's reason shows whole under the tree
        Label reason = robot.lookup("#planRowReason").queryAs(Label.class);
        assertThat(reason.isVisible()).as("no row chosen").isFalse();
        TreeItem<PreviewNode> hostRow = steps.get(0).getChildren().get(0).getChildren().get(0);
        robot.interact(() -> tree.getSelectionModel().select(hostRow));
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).isEqualTo(hostRow.getValue().reason())
                .startsWith("delete /var/lib/libvirt/swtpm/").contains(" on host host h1 (h1) at ");
        // a plan without steps says so in the console's words, not JavaFX's "No content in table"
        assertThat(((Label) tree.getPlaceholder()).getText()).isEqualTo("Nothing to delete");
        assertThat(tree.getPlaceholder().isVisible()).as("the spinner says a plan is being made until then").isTrue();
        assertThat(robot.lookup("#keptTable").tryQuery()).as("made when its tab is first chosen").isEmpty();
        robot.clickOn("#tabKept");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#keptTable").queryTableView().getItems()).hasSize(1);
        assertThat(CutTexts.in("#keptTable")).as("the kept rows' headers and cells").isEmpty();
        robot.clickOn("#tabHostWork");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#hostWorkTable").queryTableView().getItems()).hasSize(2);
        assertThat(CutTexts.in("#hostWorkTable")).as("the host work's headers and cells").isEmpty();
        // each host by its name, as the Deletes tab and the Hosts tab name it, beside its uuid
        assertThat(robot.lookup("#hostWorkTable .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && "hostWorkNameColumn".equals(c.getTableColumn().getId())
                        && !c.isEmpty()).map(javafx.scene.control.TableCell::getText).toList())
                .containsExactlyInAnyOrder("host h1", "host h2");
        assertThat(vm.hostWorkText()).isEqualTo(String.join("\n",
                "1\th1\t" + plan.hostWork().get(0).managementIp() + "\t/var/lib/libvirt/swtpm/aaa_vm/\taaa_vm",
                "2\th2\t" + plan.hostWork().get(1).managementIp() + "\t/var/lib/libvirt/swtpm/aaa_vm/\taaa_vm"));
        assertThat(robot.lookup("#previewStatus").queryAs(Label.class).getText())
                .isEqualTo("Deletes 2 key refs holding key material and 2 last TPM-state copies");

        Path out = dir.resolve("exported-plan.json");
        robot.interact(() -> vm.exportTo(out));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> out.toFile().exists());
        assertThat(dev.tpmconsole.model.plan.PlanJson.read(out)).isEqualTo(plan);
    }
}
