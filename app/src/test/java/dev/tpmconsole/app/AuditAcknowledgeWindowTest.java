package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.FindingKey;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.views.audit.RuleRow;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit window with a catalogue, through its controls: a first audit marks every finding new, the next one
 * seen; Acknowledge… asks the reason in a dialog (its button stays off while the reason is empty), the finding is
 * then marked acknowledged and the catalogue holds the reason; Un-acknowledge takes it back.
 */
class AuditAcknowledgeWindowTest extends WindowFixture {

    @BeforeAll
    static void demo() throws Exception {
        demo("ack-demo.sqlite", 150, 4);
    }

    @Start
    void start(Stage stage) throws Exception {
        gui = ConsoleGui.show(stage, new ConsoleGui.Setup(Files.createDirectories(dir.resolve("data")),
                PreferencesStore.inMemory(), null, FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx(),
                new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC()), dir.resolve("catalogue.sqlite")));
    }

    void audit(FxRobot robot) throws Exception {
        long before = gui.auditViewModel().marks().recordedProperty().get() == null ? 0
                : gui.auditViewModel().marks().recordedProperty().get().auditId();
        robot.clickOn("#runAudit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.auditViewModel().marks().recordedProperty().get() != null
                && gui.auditViewModel().marks().recordedProperty().get().auditId() != before
                && gui.auditViewModel().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void acknowledgesTheSelectedFindingWithAReason(FxRobot robot) throws Exception {
        openSnapshot(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.catalogue() != null);
        robot.interact(gui::showAudit);
        waitUntil(() -> gui.auditStage().isShowing());
        audit(robot);
        TableView<RuleRow> rules = robot.lookup("#ruleTable").queryTableView();
        robot.interact(() -> rules.getSelectionModel().select(AuditRule.RESOURCE_ROW_STALE.ordinal()));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Finding> findings = robot.lookup("#findingTable").queryTableView();
        assertThat(findings.getItems()).isNotEmpty();
        assertThat(statusCell(findings, 0)).isEqualTo("new");

        audit(robot);
        robot.interact(() -> rules.getSelectionModel().select(AuditRule.RESOURCE_ROW_STALE.ordinal()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statusCell(findings, 0)).startsWith("seen since ");
        Finding first = findings.getItems().get(0);

        javafx.scene.control.TableRow<?> shown = row(robot, first);
        assertThat(shown.getPseudoClassStates()).doesNotContain(ACKNOWLEDGED);
        robot.interact(() -> findings.getSelectionModel().select(0));
        robot.clickOn("#acknowledgeFindings");
        WaitForAsyncUtils.waitForFxEvents();
        Button confirm = robot.lookup("#ackConfirm").queryButton();
        assertThat(robot.lookup("#ackMessage").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo("An acknowledged finding stays"
                + " in every later audit of this cloud, marked with your reason, and no longer fails a scripted check"
                + " (audit --fail-on unacknowledged). Why is it accepted?");
        assertThat(confirm.isDisabled()).as("no reason yet").isTrue();
        robot.clickOn("#ackReason").write("the DR site restores this row next week");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#ackReason").queryAs(TextArea.class).getText())
                .isEqualTo("the DR site restores this row next week");
        assertThat(confirm.isDisabled()).isFalse();
        // a date reads as ack --until takes it, whatever the machine's locale writes
        javafx.scene.control.DatePicker until = robot.lookup("#ackUntil").query();
        robot.interact(() -> until.setValue(java.time.LocalDate.of(2099, 1, 31)));
        assertThat(until.getEditor().getText()).isEqualTo("2099-01-31");
        robot.interact(() -> until.setValue(null));
        robot.clickOn("#ackConfirm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.auditViewModel().marks().stateOf(first).status()
                == FindingState.Status.ACKNOWLEDGED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statusCell(findings, 0)).isEqualTo("acknowledged");
        // the row shown and its status cell restyle where they are: marked acknowledged, the reason in a tooltip
        assertThat(row(robot, first)).as("the same row").isSameAs(shown);
        assertThat(shown.getPseudoClassStates()).contains(ACKNOWLEDGED).doesNotContain(NEW);
        assertThat(statusTooltip(robot, shown)).contains("the DR site restores this row next week");
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
            long cloud = gui.catalogue().cloudOf(CloudMarkers.read(s)).orElseThrow().id();
            assertThat(gui.catalogue().acknowledgements(cloud)).singleElement().satisfies(a -> {
                assertThat(a.key()).isEqualTo(FindingKey.of(first));
                assertThat(a.reason()).isEqualTo("the DR site restores this row next week");
                assertThat(a.expiresAt()).isNull();
            });
            // the overview lists it once it is shown (it reads nothing while hidden)
            assertThat(gui.overviewViewModel().activeProperty().get()).isFalse();
            robot.interact(() -> gui.window().showSummary());
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.overviewViewModel().acknowledgements().size() == 1
                        || !gui.overviewViewModel().errorProperty().get().isEmpty());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("overview: " + gui.overviewViewModel().historyStatusProperty().get() + " / "
                        + gui.overviewViewModel().audits().size() + " audits / " + gui.overviewViewModel().cloudNameProperty().get(), e);
            }
            assertThat(gui.overviewViewModel().errorProperty().get()).isEmpty();

            robot.interact(() -> findings.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            Button unacknowledge = robot.lookup("#unacknowledgeFindings").queryButton();
            assertThat(unacknowledge.isDisabled()).as("the selected finding is acknowledged").isFalse();
            robot.clickOn(unacknowledge);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.auditViewModel().marks().stateOf(first).status()
                    == FindingState.Status.SEEN);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(row(robot, first).getPseudoClassStates()).doesNotContain(ACKNOWLEDGED, NEW);
            assertThat(statusTooltip(robot, row(robot, first))).isNull();
            assertThat(gui.catalogue().acknowledgements(cloud)).isEmpty();
        }
    }

    static final javafx.css.PseudoClass ACKNOWLEDGED = javafx.css.PseudoClass.getPseudoClass("acknowledged");
    static final javafx.css.PseudoClass NEW = javafx.css.PseudoClass.getPseudoClass("new");

    /** The row the findings table shows {@code f} in (not the one its layout measures with, out of sight). */
    static javafx.scene.control.TableRow<?> row(FxRobot robot, Finding f) {
        return robot.lookup("#findingTable .table-row-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n).filter(r -> r.getItem() == f && r.isVisible()
                        && r.getParent() != null && r.getParent().isVisible()).findFirst().orElseThrow();
    }

    /** The text of the tooltip of the status cell of {@code row} once the pointer is over it, or null. */
    static String statusTooltip(FxRobot robot, javafx.scene.control.TableRow<?> row) {
        javafx.scene.control.TableCell<?, ?> cell = row.lookupAll(".table-cell").stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> "statusColumn".equals(c.getTableColumn().getId())).findFirst().orElseThrow();
        robot.moveTo(cell);
        WaitForAsyncUtils.waitForFxEvents();
        return java.util.Optional.ofNullable(cell.getTooltip()).map(javafx.scene.control.Tooltip::getText).orElse(null);
    }

    /** What the status column shows for row {@code i}. */
    static String statusCell(TableView<Finding> table, int i) {
        return table.getColumns().stream().filter(c -> "statusColumn".equals(c.getId())).findFirst().orElseThrow()
                .getCellData(i).toString();
    }
}
