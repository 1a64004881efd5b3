package dev.tpmconsole.views.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.LightStage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The audit window on a demo snapshot: a change of language reaches its buttons, columns and status at once. */
@ExtendWith(ApplicationExtension.class)
class AuditViewLanguageTest {

    @TempDir
    static Path dir;
    static Source source;

    final SimpleObjectProperty<Source> open = new SimpleObjectProperty<>();
    AuditViewModel vm;

    @BeforeAll
    static void demo() throws Exception {
        source = SqliteSnapshot.open(TestSnapshots.demo(dir.resolve("demo.sqlite"), 300, 21), OpenOptions.readOnly());
    }

    @AfterAll
    static void close() {
        source.close();
    }

    @Start
    void start(Stage stage) {
        vm = new AuditViewModel(open, FxSchedulers.javafx(), uuid -> { });
        LightStage.show(stage, new AuditView(vm).root(), 1400, 800);
    }

    @AfterEach
    void closeViewModel() {
        vm.close();
    }

    @Test
    void switchingToChineseRewritesTheOpenWindow(FxRobot robot) throws Exception {
        runAudit(robot);
        TableView<RuleRow> rules = robot.lookup("#ruleTable").queryTableView();
        TableView<?> findings = robot.lookup("#findingTable").queryTableView();
        assertThat(robot.lookup("#runAudit").queryButton().getText()).isEqualTo("Run audit");
        assertThat(headers(rules)).containsExactly("Rule", "Severity", "Rows");
        assertThat(robot.lookup("#auditStatus").queryAs(Label.class).getText()).contains("findings", "13 rules");
        RuleRow fired = rules.getItems().stream().filter(r -> r.count() > 0).findFirst().orElseThrow();
        robot.interact(() -> rules.getSelectionModel().select(fired));
        WaitForAsyncUtils.waitForFxEvents();
        Finding first = (Finding) findings.getItems().get(0);
        String english = first.message().in(Messages.english());
        String chinese = first.message().in(Messages.of(Language.ZH_CN));
        assertThat(chinese).isNotEqualTo(english).containsPattern("\\p{IsHan}");
        // a console list makes its first rows over a few pulses
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellTexts(robot).contains(english));
        assertThat(cellTexts(robot)).contains(english).doesNotContain(chinese);
        try {
            robot.interact(() -> I18n.languageProperty().set(Language.ZH_CN));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#runAudit").queryButton().getText()).isEqualTo("运行审计");
            assertThat(robot.lookup("#cancelAudit").queryButton().getText()).isEqualTo("取消");
            assertThat(robot.lookup("#exportJson").queryButton().getText()).isEqualTo("导出 JSON…");
            assertThat(robot.lookup("#showVm").queryAs(Button.class).getText()).isEqualTo("显示云主机");
            assertThat(robot.lookup("#acknowledgeFindings").queryAs(Button.class).getText()).isEqualTo("确认…");
            assertThat(headers(rules)).containsExactly("规则", "严重程度", "行数");
            assertThat(headers(findings)).containsExactly("主键", "状态", "详情", "修复", "重新关联到");
            assertThat(robot.lookup("#auditStatus").queryAs(Label.class).getText())
                    .contains("个发现项", "共 13 条规则");
            assertThat(robot.lookup(".column-header .label").queryAllAs(Label.class))
                    .extracting(Label::getText).contains("规则", "严重程度");
            assertThat(cellTexts(robot)).as("the finding's sentence, translated in the open window")
                    .contains(chinese).doesNotContain(english);
        } finally {
            robot.interact(() -> I18n.languageProperty().set(Language.EN));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#runAudit").queryButton().getText()).isEqualTo("Run audit");
        assertThat(headers(findings)).containsExactly("Key", "Status", "Detail", "Repair", "Relink to");
        assertThat(robot.lookup("#auditStatus").queryAs(Label.class).getText()).contains("findings", "13 rules");
    }

    @Test
    void detailCellsShowTheWholeSentenceInATooltipTheyKeep(FxRobot robot) throws Exception {
        runAudit(robot);
        TableView<RuleRow> rules = robot.lookup("#ruleTable").queryTableView();
        TableView<Finding> findings = robot.lookup("#findingTable").queryTableView();
        RuleRow most = rules.getItems().stream().max(java.util.Comparator.comparingLong(RuleRow::count)).orElseThrow();
        assertThat(most.count()).as("the demo has a rule with several findings").isGreaterThan(2);
        robot.interact(() -> rules.getSelectionModel().select(most));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(detailTooltips(robot)).as("cells make their tooltip when the pointer first enters them")
                .isNotEmpty().allSatisfy((cell, tip) -> assertThat(tip).isNull());
        for (javafx.scene.control.TableCell<?, ?> cell : detailTooltips(robot).keySet()) {
            robot.moveTo(cell);
        }
        WaitForAsyncUtils.waitForFxEvents();
        java.util.Map<javafx.scene.control.TableCell<?, ?>, javafx.scene.control.Tooltip> first = detailTooltips(robot);
        assertThat(first).isNotEmpty();
        first.forEach((cell, tip) -> assertThat(tip.getText()).isEqualTo(cell.getText()));
        java.util.Map<javafx.scene.control.TableCell<?, ?>, Object> shown = new java.util.HashMap<>();
        first.keySet().forEach(c -> shown.put(c, c.getTableRow().getItem()));

        // the same cells show other findings: sorted the other way round
        robot.interact(() -> {
            TableColumn<Finding, ?> key = findings.getColumns().get(0);
            key.setSortType(TableColumn.SortType.DESCENDING);
            findings.getSortOrder().setAll(List.of(key));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.getItems()).extracting(Finding::key)
                .as("the findings sorted by key, the other way round")
                .isSortedAccordingTo(java.util.Comparator.<String>naturalOrder().reversed());
        java.util.Map<javafx.scene.control.TableCell<?, ?>, javafx.scene.control.Tooltip> second = detailTooltips(robot);
        assertThat(second.keySet()).as("the cells are the same ones").containsAnyElementsOf(first.keySet());
        assertThat(second.keySet().stream().filter(shown::containsKey)
                .filter(c -> c.getTableRow().getItem() != shown.get(c)))
                .as("some cell shows another finding now").isNotEmpty();
        second.forEach((cell, tip) -> {
            assertThat(tip.getText()).as("the tooltip follows the row the cell shows now").isEqualTo(cell.getText());
            if (first.containsKey(cell)) {
                assertThat(tip).as("a cell keeps its tooltip from row to row").isSameAs(first.get(cell));
            }
        });
    }

    /** Opens the demo and runs its audit with the window's Run button; returns once its report is shown. */
    private void runAudit(FxRobot robot) throws Exception {
        robot.interact(() -> open.set(source));
        robot.clickOn("#runAudit");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The finding table's detail cells that show a sentence now, with their tooltips. */
    private static java.util.Map<javafx.scene.control.TableCell<?, ?>, javafx.scene.control.Tooltip> detailTooltips(
            FxRobot robot) {
        java.util.Map<javafx.scene.control.TableCell<?, ?>, javafx.scene.control.Tooltip> out = new java.util.HashMap<>();
        for (javafx.scene.control.TableCell<?, ?> c : robot.lookup("#findingTable .table-cell")
                .queryAllAs(javafx.scene.control.TableCell.class)) {
            if ("detailColumn".equals(c.getTableColumn() == null ? null : c.getTableColumn().getId())
                    && !c.isEmpty() && c.getText() != null) {
                out.put(c, c.getTooltip());
            }
        }
        return out;
    }

    /** The texts the finding table's cells show now. */
    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup("#findingTable .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(c -> c.getText() == null ? "" : c.getText()).toList();
    }

    private static List<String> headers(TableView<?> table) {
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }
}
