package dev.tpmconsole.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.views.prefs.Confirmations;
import dev.tpmconsole.views.prefs.PreferencesView;
import dev.tpmconsole.views.prefs.PreferencesViewModel;
import dev.tpmconsole.views.util.Appearance;
import dev.tpmconsole.views.util.ClassSnapshot;
import dev.tpmconsole.views.util.I18n;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window changes language at once, open: on a real demo snapshot, choosing 简体中文 in the
 * preferences (wired to the windows' language as the console wires it) turns the menus, tabs, column headers,
 * counts and status bar Chinese, and choosing English turns them back, without reopening anything.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowLanguageTest {

    @RegisterExtension
    static final ClassSnapshot demo = ClassSnapshot.demo("small.sqlite", 20, 2);

    ShownMainWindow main;
    PreferencesViewModel preferences;
    Language before;

    @Start
    void start(Stage stage) {
        before = I18n.languageProperty().get();
        I18n.languageProperty().set(Language.EN);
        main = new ShownMainWindow(stage, new SnapshotService(demo.path()),
                new MainWindow.Actions(() -> { }, () -> { }, (operation, vms) -> { }, () -> { }, () -> { }, () -> { },
                        () -> { }, () -> { }));
        // the preferences, wired to the windows' language as ConsoleGui wires them
        preferences = new PreferencesViewModel(main.appearance, Confirmations.all(), Language.EN);
        preferences.languageProperty().addListener((o, a, b) -> I18n.languageProperty().set(preferences.effectiveLanguage()));
        Stage prefsStage = new Stage();
        prefsStage.setScene(main.appearance.style(new Scene(new PreferencesView(preferences, null, prefsStage::close).root())));
        prefsStage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> I18n.languageProperty().set(before)).get(10, TimeUnit.SECONDS);
        main.close();
    }

    @Test
    void theOpenWindowSwitchesToChineseAndBack(FxRobot robot) throws Exception {
        try {
            robot.interact(main.vm::openDemo);
            TableView<?> vms = robot.lookup("#vmTable").queryTableView();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vms.getItems().isEmpty()
                    && main.vm.summaryProperty().get() != null && main.vm.summaryProperty().get().counted());
            WaitForAsyncUtils.waitForFxEvents();
            assertEnglish(robot, vms);

            ChoiceBox<Language> choice = robot.lookup("#prefLanguage").query();
            assertThat(choice.getItems()).extracting(Language::nativeName).containsExactly("English", "简体中文");
            robot.interact(() -> choice.setValue(Language.ZH_CN));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(I18n.languageProperty().get()).isEqualTo(Language.ZH_CN);
            assertThat(preferences.languageProperty().get()).as("the choice is what is saved").isEqualTo(Language.ZH_CN);

            MenuBar bar = robot.lookup("#menuBar").query();
            assertThat(bar.getMenus()).extracting(Menu::getText)
                    .containsExactly("文件(_F)", "查看(_V)", "云主机(_M)", "工具(_T)", "帮助(_H)");
            assertThat(item(bar, "menuOpenSnapshot")).isEqualTo("打开数据库快照(_O)…");
            assertThat(column(vms, "vmNameColumn")).isEqualTo("名称");
            assertThat(column(vms, "vmStateColumn")).isEqualTo("状态");
            assertThat(column(vms, "vmHostColumn")).isEqualTo("物理机");
            // ZStack's states in the window's language, as ZStack's Chinese console words them
            List<String> states = cells(robot, "vmStateColumn");
            assertThat(states).as("the states shown").isNotEmpty()
                    .allSatisfy(t -> assertThat(t).matches(".*[\\u4e00-\\u9fff].*"))
                    .noneMatch(dev.tpmconsole.model.browse.BrowseQueries.VM_STATES::contains);
            dev.tpmconsole.views.util.CheckMenuButton<String> stateFilter = robot.lookup("#vmStateFilter").query();
            assertThat(stateFilter.converter().toString("Running")).isEqualTo("运行中");
            assertThat(stateFilter.converter().toString("VolumeMigrating")).isEqualTo("云盘迁移中");
            assertThat(stateFilter.converter().toString("SomethingNew")).as("a state ZStack may add").isEqualTo("SomethingNew");
            assertThat(stateFilter.getText()).isEqualTo("任意状态");
            assertThat(stateFilter.getItems()).extracting(i -> ((javafx.scene.control.Labeled)
                    ((javafx.scene.control.CustomMenuItem) i).getContent()).getText())
                    .startsWith("（已软删除）", "已创建").contains("运行中");
            // the key states read whole in Chinese too, a lost provider's among them
            assertThat(cells(robot, "vmKeyStateColumn")).contains("提供者已丢失");
            assertThat(robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> c.getTableColumn() != null && "vmKeyStateColumn".equals(c.getTableColumn().getId()))
                    .filter(c -> !c.isEmpty() && c.isVisible() && dev.tpmconsole.views.util.WholeTextTooltip.isCut(c))
                    .map(TableCell::getText).toList()).as("key states shown cut").isEmpty();
            robot.interact(() -> main.window.browse().tabs().getSelectionModel().select(1));
            TableView<?> hosts = robot.lookup("#hostTable").queryTableView();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !hosts.getItems().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(cells(robot, "hostStateColumn")).isNotEmpty()
                    .allSatisfy(t -> assertThat(t).matches("(启用|停用|准备维护|维护模式)(（已删除）)?"));
            assertThat(cells(robot, "hostStatusColumn")).isNotEmpty().allSatisfy(t -> assertThat(t).isIn("连接中", "已连接",
                    "已断开"));
            robot.interact(() -> main.window.browse().tabs().getSelectionModel().select(0));
            assertThat(main.window.browse().tabs().getTabs()).extracting(javafx.scene.control.Tab::getText)
                    .containsExactly("云主机", "物理机", "密钥提供者", "概要");
            assertThat(robot.lookup("#vmCount").queryAs(Label.class).getText()).endsWith("台云主机");
            assertThat(robot.lookup("#statusRows").queryAs(Label.class).getText()).contains("台云主机", "个 TPM");
            assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("只读");
            assertThat(robot.lookup("#statusMode").queryAs(Label.class).getAccessibleHelp()).startsWith("控制台以只读方式打开此数据源");
            assertThat(main.stage.getTitle()).isEqualTo("small.sqlite（只读）— TPM Console");
            assertThat(main.window.root().getStyleClass()).as("Chinese in a font that has it").contains(Appearance.CHINESE);
            assertThat(Shortcuts.of(main.window.commands())).extracting(Shortcuts.Shortcut::where).contains("文件", "查看 › 主题");
            assertThat(Shortcuts.of(main.window.commands())).extracting(Shortcuts.Shortcut::action).contains("打开数据库快照");

            robot.interact(() -> choice.setValue(Language.EN));
            WaitForAsyncUtils.waitForFxEvents();
            assertEnglish(robot, vms);
            assertThat(main.window.root().getStyleClass()).doesNotContain(Appearance.CHINESE);
        } finally {
            robot.interact(() -> I18n.languageProperty().set(before));
        }
    }

    /**
     * A VM's last host is marked "(last)" (Chinese: "（上次）"), and the mark stays whole where the host column is too
     * narrow for the name: the name gives way.
     */
    @Test
    void theLastHostsMarkStaysWholeInANarrowColumn(FxRobot robot) throws Exception {
        eachLastHostCell(robot, dev.tpmconsole.views.util.Em.of(8), (language, c) -> {
            assertThat(dev.tpmconsole.views.util.WholeTextTooltip.isCut(c)).as("the name is cut").isTrue();
            assertThat(shown(c)).as("what the cell shows").startsWith(c.getEllipsisString()).endsWith(mark(language));
        });
    }

    static String mark(Language language) {
        return language == Language.EN ? "(last)" : "（上次）";
    }

    /**
     * At the host column's own width, in a window of 1280 px, what tells a last host apart shows with its "(last)"
     * mark, in English and in Chinese: of a name as the demo's hosts have (kvm-a2-0002), its zone, cluster and number;
     * the column's width is bounded by the list's other columns, whose headers show whole at that size (BrowseGuiTest).
     */
    @Test
    void aLastHostsZoneClusterAndNumberShowAtTheColumnsOwnWidth(FxRobot robot) throws Exception {
        eachLastHostCell(robot, -1, (language, c) -> {
            String item = (String) c.getItem();
            assertThat(item).matches("kvm-[a-z][0-9]-[0-9]{4} ?" + java.util.regex.Pattern.quote(mark(language)));
            assertThat(shown(c)).as(language + ": what the cell shows").endsWith(item.substring(4));
        });
    }

    /**
     * Opens the demo, sets the host column's width ({@code width}; its own when negative) and checks each shown cell
     * of a last host, in English and then in Chinese.
     */
    void eachLastHostCell(FxRobot robot, double width,
                          java.util.function.BiConsumer<Language, TableCell<?, ?>> check) throws Exception {
        try {
            robot.interact(main.vm::openDemo);
            TableView<?> vms = robot.lookup("#vmTable").queryTableView();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vms.getItems().isEmpty());
            TableColumn<?, ?> host = vms.getColumns().stream().filter(c -> "vmHostColumn".equals(c.getId()))
                    .findFirst().orElseThrow();
            if (width >= 0) {
                robot.interact(() -> host.setPrefWidth(width));
            }
            for (Language language : List.of(Language.EN, Language.ZH_CN)) {
                robot.interact(() -> I18n.languageProperty().set(language));
                WaitForAsyncUtils.waitForFxEvents();
                // the list fills over a few pulses, and its cells are made again in the new language
                java.util.function.Supplier<List<TableCell<?, ?>>> lastHosts = () -> robot.lookup(".table-cell")
                        .queryAllAs(TableCell.class).stream()
                        .filter(c -> c.getTableColumn() == host && !c.isEmpty() && c.isVisible())
                        .<TableCell<?, ?>>map(c -> c).filter(c -> ((String) c.getItem()).endsWith(mark(language)))
                        .toList();
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lastHosts.get().isEmpty());
                WaitForAsyncUtils.waitForFxEvents();
                for (TableCell<?, ?> c : lastHosts.get()) {
                    check.accept(language, c);
                }
            }
        } finally {
            robot.interact(() -> I18n.languageProperty().set(before));
        }
    }

    static String shown(TableCell<?, ?> cell) {
        return ((javafx.scene.text.Text) cell.lookup(".text")).getText();
    }

    void assertEnglish(FxRobot robot, TableView<?> vms) {
        MenuBar bar = robot.lookup("#menuBar").query();
        assertThat(bar.getMenus()).extracting(Menu::getText).containsExactly("_File", "_View", "V_M", "_Tools", "_Help");
        assertThat(item(bar, "menuOpenSnapshot")).isEqualTo("_Open snapshot…");
        assertThat(column(vms, "vmNameColumn")).isEqualTo("Name");
        assertThat(main.window.browse().tabs().getTabs()).extracting(javafx.scene.control.Tab::getText)
                .containsExactly("VMs", "Hosts", "Key providers", "Summary");
        assertThat(robot.lookup("#vmCount").queryAs(Label.class).getText()).endsWith("VMs");
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("read-only");
        // the badge says what read-only means: nothing but a confirmed run writes to the source
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getAccessibleHelp())
                .isEqualTo("The console opened this source to read it: browsing, audits and previews change nothing. A run"
                        + " you confirm in a preview, or a repair, does write to it, after saving the rows it deletes or"
                        + " changes in its run folder.");
        assertThat(main.stage.getTitle()).isEqualTo("small.sqlite (read-only) — TPM Console");
    }

    static String item(MenuBar bar, String id) {
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow().getText();
    }

    /** The texts of a column's cells that show a row. */
    static List<String> cells(FxRobot robot, String columnId) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .filter(c -> !c.isEmpty() && c.isVisible() && c.getText() != null).map(TableCell::getText).toList();
    }

    static String column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).map(TableColumn::getText)
                .findFirst().orElseThrow();
    }
}
