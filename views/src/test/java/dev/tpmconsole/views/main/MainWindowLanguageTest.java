package dev.tpmconsole.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.browse.BrowseViewModel;
import dev.tpmconsole.views.prefs.Confirmations;
import dev.tpmconsole.views.prefs.PreferencesView;
import dev.tpmconsole.views.prefs.PreferencesViewModel;
import dev.tpmconsole.views.util.Appearance;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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

    @TempDir
    static Path shared;
    static Path demo;

    MainViewModel vm;
    BrowseViewModel browse;
    Appearance appearance;
    MainWindow window;
    PreferencesViewModel preferences;
    Stage stage;
    Stage prefsStage;
    Language before;

    @BeforeAll
    static void demo() throws Exception {
        demo = TestSnapshots.demo(shared.resolve("small.sqlite"), 20, 2);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        before = I18n.languageProperty().get();
        I18n.languageProperty().set(Language.EN);
        vm = new MainViewModel(new SourceService() {
            @Override
            public Source open(Path snapshot) throws dev.tpmconsole.model.source.SourceException {
                return SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
            }

            @Override
            public Path demoSnapshot() {
                return demo;
            }
        }, FxSchedulers.javafx());
        browse = new BrowseViewModel(FxSchedulers.javafx(), s -> new BrowseQueries(s, new AuditDirtyVmIndex(s)));
        vm.sourceProperty().addListener((o, a, b) -> browse.setSource(b));
        appearance = Appearance.detached(Theme.LIGHT);
        window = new MainWindow(vm, browse, new dev.tpmconsole.views.util.Windows(appearance, () -> stage),
                new MainWindow.Actions(() -> { }, () -> { }, (operation, vms) -> { }, () -> { }, () -> { }, () -> { },
                        () -> { }, () -> { }));
        stage.setScene(appearance.style(new Scene(window.root(), 1280, 800)));
        stage.titleProperty().bind(vm.titleBinding());
        stage.show();
        // the preferences, wired to the windows' language as ConsoleGui wires them
        preferences = new PreferencesViewModel(appearance, Confirmations.all(), Language.EN);
        preferences.languageProperty().addListener((o, a, b) -> I18n.languageProperty().set(preferences.effectiveLanguage()));
        prefsStage = new Stage();
        prefsStage.setScene(appearance.style(new Scene(new PreferencesView(preferences, null, prefsStage::close).root())));
        prefsStage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            I18n.languageProperty().set(before);
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            vm.close();
            browse.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theOpenWindowSwitchesToChineseAndBack(FxRobot robot) throws Exception {
        try {
            robot.interact(vm::openDemo);
            TableView<?> vms = robot.lookup("#vmTable").queryTableView();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vms.getItems().isEmpty()
                    && vm.summaryProperty().get() != null && vm.summaryProperty().get().counted());
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
            assertThat(window.browse().tabs().getTabs()).extracting(javafx.scene.control.Tab::getText)
                    .containsExactly("云主机", "物理机", "密钥提供者", "概要");
            assertThat(robot.lookup("#vmCount").queryAs(Label.class).getText()).endsWith("台云主机");
            assertThat(robot.lookup("#statusRows").queryAs(Label.class).getText()).contains("台云主机", "个 TPM");
            assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("只读");
            assertThat(stage.getTitle()).isEqualTo("small.sqlite（只读）— TPM Console");
            assertThat(window.root().getStyleClass()).as("Chinese in a font that has it").contains(Appearance.CHINESE);
            assertThat(Shortcuts.of(window.commands())).extracting(Shortcuts.Shortcut::where).contains("文件", "查看 › 主题");
            assertThat(Shortcuts.of(window.commands())).extracting(Shortcuts.Shortcut::action).contains("打开数据库快照");

            robot.interact(() -> choice.setValue(Language.EN));
            WaitForAsyncUtils.waitForFxEvents();
            assertEnglish(robot, vms);
            assertThat(window.root().getStyleClass()).doesNotContain(Appearance.CHINESE);
        } finally {
            robot.interact(() -> I18n.languageProperty().set(before));
        }
    }

    void assertEnglish(FxRobot robot, TableView<?> vms) {
        MenuBar bar = robot.lookup("#menuBar").query();
        assertThat(bar.getMenus()).extracting(Menu::getText).containsExactly("_File", "_View", "V_M", "_Tools", "_Help");
        assertThat(item(bar, "menuOpenSnapshot")).isEqualTo("_Open snapshot…");
        assertThat(column(vms, "vmNameColumn")).isEqualTo("Name");
        assertThat(window.browse().tabs().getTabs()).extracting(javafx.scene.control.Tab::getText)
                .containsExactly("VMs", "Hosts", "Key providers", "Summary");
        assertThat(robot.lookup("#vmCount").queryAs(Label.class).getText()).endsWith("VMs");
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("read-only");
        assertThat(stage.getTitle()).isEqualTo("small.sqlite (read-only) — TPM Console");
    }

    static String item(MenuBar bar, String id) {
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow().getText();
    }

    static String column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).map(TableColumn::getText)
                .findFirst().orElseThrow();
    }
}
