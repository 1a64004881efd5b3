package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.views.audit.RuleRow;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The audit window driven through its controls on a real snapshot. */
class AuditWindowTest extends WindowFixture {

    @BeforeAll
    static void demo() throws Exception {
        demo("audit-demo.sqlite", 200, 8);
    }

    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void runsTheAuditAndDrillsIntoARule(FxRobot robot) throws Exception {
        openSnapshot(robot);
        robot.interact(gui::showAudit);
        waitUntil(() -> gui.auditStage().isShowing()); // a pulse or two later (WindowSlot)
        assertThat(gui.auditStage().getTitle()).startsWith("Audit — audit-demo.sqlite");
        // before the audit: what to do, whole in the narrow rules' pane, and no "no findings" about a rule not chosen
        Label noRules = robot.lookup("#auditRulesPlaceholder").queryAs(Label.class);
        assertThat(noRules.getText()).isEqualTo("Run the audit (Ctrl+R) to see what ZStack left behind.");
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.text.Text) noRules.lookup(".text")).getText())
                .get(5, TimeUnit.SECONDS)).as("shown whole").isEqualTo(noRules.getText());
        assertThat(robot.lookup("#auditFindingsPlaceholder").queryAs(Label.class).getText())
                .isEqualTo("Choose a rule on the left to see its findings.");

        // "Not run yet" beside the buttons, on their line (not lifted by an empty note under it)
        Label status = robot.lookup("#auditStatus").queryAs(Label.class);
        assertThat(status.getText()).isEqualTo("Not run yet");
        javafx.scene.Node run = robot.lookup("#runAudit").query();
        assertThat(status.localToScene(status.getLayoutBounds()).getCenterY())
                .isCloseTo(run.localToScene(run.getLayoutBounds()).getCenterY(), org.assertj.core.data.Offset.offset(2.0));

        robot.clickOn("#runAudit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.auditViewModel().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<RuleRow> rules = robot.lookup("#ruleTable").queryTableView();
        assertThat(rules.getItems()).hasSize(13);
        assertThat(rules.getFixedCellSize()).as("the rules' rows are as tall as the findings'").isPositive()
                .isEqualTo(robot.lookup("#findingTable").queryTableView().getFixedCellSize());
        assertThat(robot.lookup("#auditStatus").queryAs(Label.class).getText()).contains("findings", "13 rules");
        assertThat(CutTexts.in("#ruleTable")).as("the rules, every name whole").isEmpty();
        assertThat(robot.lookup("#exportJson").queryAs(Button.class).isDisabled()).isFalse();

        robot.interact(() -> rules.getSelectionModel().select(AuditRule.TPM_STATE_FILE_WITHOUT_TPM.ordinal()));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Finding> findings = robot.lookup("#findingTable").queryTableView();
        assertThat(robot.lookup("#auditFindingsPlaceholder").queryAs(Label.class).getText())
                .isEqualTo("No findings for this rule.");
        assertThat(findings.getItems()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.rule()).isEqualTo(AuditRule.TPM_STATE_FILE_WITHOUT_TPM));
        assertThat(CutTexts.inHeaders("#findingTable")).as("the findings' headers").isEmpty();
        assertThat(robot.lookup("#ruleExplanation").queryAs(Label.class).getText())
                .startsWith("TPM-state file of a VM without TPM (orphan).");
        assertThat(robot.lookup("#showVm").queryAs(Button.class).isDisabled()).isTrue();
        Label detail = robot.lookup("#findingDetail").queryAs(Label.class);
        assertThat(detail.isVisible()).as("no finding chosen").isFalse();
        robot.interact(() -> findings.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#showVm").queryAs(Button.class).isDisabled()).isFalse();
        // the chosen finding's sentence, whole, where the Detail column runs past the window's edge
        assertThat(detail.isVisible()).isTrue();
        assertThat(detail.getText()).isEqualTo(dev.tpmconsole.views.util.I18n.t(findings.getItems().get(0).message()))
                .startsWith("TpmState file /var/lib/libvirt/swtpm/");
        assertThat(dev.tpmconsole.views.util.WholeTextTooltip.isCut(detail)).isFalse();

        // Show VM drills into the browse view: that VM is selected and its details list the finding
        Finding chosen = findings.getItems().get(0);
        robot.clickOn("#showVm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            var d = gui.browseViewModel().details().detailsProperty().get();
            return d != null && d.vm().uuid().equals(chosen.vmUuid());
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.browseViewModel().details().findings().stream()
                .anyMatch(f -> f.key().equals(chosen.key()) && f.rule() == chosen.rule()));

        // the VM list marks the VMs with findings; with "has dirty rows" on, every listed row is marked
        assertThat(gui.browseViewModel().vms().markedProperty().get())
                .isEqualTo(gui.auditViewModel().vmsWithFindingsProperty().get()).contains(chosen.vmUuid());
        robot.interact(() -> gui.browseViewModel().vms().dirtyOnlyProperty().set(true));
        TableView<dev.tpmconsole.model.browse.VmRow> vms = robot.lookup("#vmTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vms.getItems().isEmpty()
                && vms.getItems().stream().allMatch(r -> gui.auditViewModel().vmsWithFindingsProperty().get().contains(r.uuid())));
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Set<javafx.scene.Node> rows = robot.lookup("#vmTable .table-row-cell").queryAll();
        assertThat(rows.stream().filter(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null))
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.getPseudoClassStates())
                        .contains(javafx.css.PseudoClass.getPseudoClass("has-findings")));

        // Escape closes the audit window once no audit runs, as it does the import window
        robot.interact(() -> javafx.event.Event.fireEvent(gui.auditStage().getScene().getRoot(),
                new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                        javafx.scene.input.KeyCode.ESCAPE, false, false, false, false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gui.auditStage().isShowing()).isFalse();
    }
}
