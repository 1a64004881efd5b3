package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.browse.BrowseFixture;
import dev.tpmconsole.model.browse.Sort;
import dev.tpmconsole.model.browse.VmColumn;
import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.browse.BrowseView;
import dev.tpmconsole.views.prefs.TableLayout;
import dev.tpmconsole.views.prefs.UiPreferences;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console window, as the app wires it, driven by keyboard: open a snapshot, filter, select, go
 * through the tabs, sort, switch theme, close; the preferences come back in a new window. Every query is
 * checked by a recording guard: none may run on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class BrowseGuiTest {

    @TempDir
    static Path dir;
    static Path snapshot;

    JsonPreferencesStore store;
    QueryGuard guard;
    ConsoleGui gui;

    @BeforeAll
    static void fixture() throws Exception {
        snapshot = BrowseFixture.create(dir.resolve("fixture.sqlite"));
    }

    @Start
    void start(Stage stage) {
        store = new JsonPreferencesStore(dir.resolve("config"));
        guard = FxQueryGuard.create(QueryGuard.Mode.RECORD);
        gui = ConsoleGui.show(stage, dir.resolve("data"), store, guard, FxSchedulers.javafx());
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    void shortcut(FxRobot robot, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.press(all);
        KeyCode[] reversed = new KeyCode[all.length];
        for (int i = 0; i < all.length; i++) {
            reversed[i] = all[all.length - 1 - i];
        }
        robot.release(reversed);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void browseByKeyboardAndComeBackToTheSameLayout(FxRobot robot) throws Exception {
        robot.interact(() -> gui.viewModel().open(snapshot));
        TableView<VmRow> vms = robot.lookup("#vmTable").queryTableView();
        waitUntil(() -> vms.getItems().size() == 11);
        // the row counts come after the list's first screenful is made (decision 0046), not with its first rows
        waitUntil(() -> gui.viewModel().summaryProperty().get() != null
                && gui.viewModel().summaryProperty().get().counted());
        assertThat(CutTexts.inHeaders("#vmTable")).as("the VMs' headers (%.0f px wide)", vms.getWidth()).isEmpty();
        assertThat(gui.stage().getTitle()).isEqualTo("fixture.sqlite (read-only) — TPM Console");
        assertThat(robot.lookup("#statusMode").queryAs(Label.class).getText()).isEqualTo("read-only");
        assertThat(robot.lookup("#statusRows").queryAs(Label.class).getText()).startsWith("11 VMs · 9 TPMs");
        TabPane tabs = robot.lookup("#browseTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("vmsTab");

        shortcut(robot, KeyCode.F);
        robot.write("thet");
        waitUntil(() -> vms.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "theta".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#findingsTable").queryTableView().getItems()).hasSize(1);
        // the details' tables show what tells their rows apart whole; the last column takes the room left
        for (String table : List.of("#findingsTable", "#keyRefTable", "#hostFileTable", "#backupTable")) {
            assertThat(CutTexts.inAllButTheLastColumn(table)).as(table).isEmpty();
        }
        // a table of the details is remembered too: a column made wider comes back as wide
        TableView<?> refs = robot.lookup("#keyRefTable").queryTableView();
        robot.interact(() -> column(refs, "keyRefStateColumn").setPrefWidth(column(refs, "keyRefStateColumn")
                .getWidth() + 60));
        WaitForAsyncUtils.waitForFxEvents();

        shortcut(robot, KeyCode.SHIFT, KeyCode.X);
        waitUntil(() -> vms.getItems().size() == 11);
        shortcut(robot, KeyCode.SHIFT, KeyCode.D);
        waitUntil(() -> vms.getItems().size() == BrowseFixture.DIRTY.size());
        shortcut(robot, KeyCode.SHIFT, KeyCode.D);
        waitUntil(() -> vms.getItems().size() == 11);

        shortcut(robot, KeyCode.DIGIT2);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("hostsTab");
        waitUntil(() -> robot.lookup("#hostTable").queryTableView().getItems().size() == 2);
        assertThat(CutTexts.inHeaders("#hostTable")).as("the hosts' headers").isEmpty();
        robot.interact(() -> robot.lookup("#hostTable").queryTableView().getSelectionModel().select(0));
        waitUntil(() -> !robot.lookup("#hostFilesTable").queryTableView().getItems().isEmpty());
        assertThat(CutTexts.inHeaders("#hostFilesTable")).as("the host files' headers").isEmpty();
        robot.interact(() -> robot.lookup("#hostTable").queryTableView().getColumns().get(0).setPrefWidth(177));
        shortcut(robot, KeyCode.DIGIT3);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("providersTab");
        waitUntil(() -> robot.lookup("#providerTable").queryTableView().getItems().size() == 3);
        assertThat(CutTexts.inHeaders("#providerTable")).as("the providers' headers").isEmpty();
        robot.interact(() -> robot.lookup("#providerTable").queryTableView().getSelectionModel().select(0));
        waitUntil(() -> !robot.lookup("#providerRefsTable").queryTableView().getItems().isEmpty());
        assertThat(CutTexts.inHeaders("#providerRefsTable")).as("the provider's key refs' headers").isEmpty();
        shortcut(robot, KeyCode.DIGIT4);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("summaryTab");
        shortcut(robot, KeyCode.DIGIT1);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("vmsTab");

        Node keyHeader = robot.lookup("#vmTable .column-header").match(n -> "vmStateColumn".equals(n.getId())).query();
        robot.clickOn(keyHeader);
        waitUntil(() -> Sort.asc(VmColumn.STATE).equals(gui.browseViewModel().vms().sortProperty().get()));
        robot.sleep(600); // two clicks closer together are a double click, which the header does not count twice
        robot.clickOn(keyHeader);
        waitUntil(() -> Sort.desc(VmColumn.STATE).equals(gui.browseViewModel().vms().sortProperty().get()));
        robot.interact(() -> vms.getColumns().get(0).setPrefWidth(222));

        shortcut(robot, KeyCode.T);
        assertThat(gui.theme().get()).isEqualTo(Theme.DARK);
        shortcut(robot, KeyCode.F5);
        waitUntil(() -> vms.getItems().size() == 11 && !gui.browseViewModel().vms().rows().loadingProperty().get());

        assertThat(guard.violations()).isEmpty();
        robot.interact(() -> gui.stage().close());

        UiPreferences saved = store.load();
        assertThat(saved.theme()).isEqualTo("DARK");
        assertThat(saved.recent()).containsExactly(snapshot.toAbsolutePath().toString());
        TableLayout vmLayout = saved.tables().get("vmTable");
        assertThat(vmLayout.sortColumn()).isEqualTo("vmStateColumn");
        assertThat(vmLayout.sortAscending()).isFalse();
        assertThat(vmLayout.columns().get(0)).extracting(TableLayout.ColumnLayout::id, TableLayout.ColumnLayout::width)
                .containsExactly("vmNameColumn", 222.0);
        assertThat(saved.window()).isNotNull();
        assertThat(saved.tables().get("hostTable").columns().get(0).width()).isEqualTo(177.0);
        double stateWidth = saved.tables().get("keyRefTable").columns().stream()
                .filter(c -> c.id().equals("keyRefStateColumn")).findFirst().orElseThrow().width();
        assertThat(stateWidth).as("wider than the column's first width").isGreaterThan(Em.of(8) + 30);

        // A new window with the same preferences: same theme, sort, widths; the snapshot is in Open recent.
        ConsoleGui again = WaitForAsyncUtils.asyncFx(() -> ConsoleGui.show(new Stage(), dir.resolve("data"), store,
                guard, FxSchedulers.javafx())).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(again.theme().get()).isEqualTo(Theme.DARK);
        assertThat(again.browseViewModel().vms().sortProperty().get()).isEqualTo(Sort.desc(VmColumn.STATE));
        TableView<?> table = again.window().browse().rememberedTables().get("vmTable");
        assertThat(table).isNotNull();
        TableColumn<?, ?> first = table.getColumns().get(0);
        assertThat(first.getPrefWidth()).isEqualTo(222.0);
        // the Hosts page is made when first shown: until then its layout is kept as stored, then applied to it
        assertThat(again.window().browse().rememberedTables()).doesNotContainKey("hostTable");
        UiPreferences kept = WaitForAsyncUtils.asyncFx(() -> again.capture(store.load())).get(10, TimeUnit.SECONDS);
        assertThat(kept.tables().get("hostTable").columns().get(0).width()).isEqualTo(177.0);
        robot.interact(() -> again.window().browse().show(BrowseView.Page.HOSTS));
        TableView<?> hostTable = again.window().browse().rememberedTables().get("hostTable");
        assertThat(hostTable.getColumns().get(0).getPrefWidth()).isEqualTo(177.0);
        assertThat(again.viewModel().recent()).containsExactly(snapshot.toAbsolutePath());
        robot.interact(() -> {
            again.stage().toFront();
            again.viewModel().open(again.viewModel().recent().get(0));
        });
        waitUntil(() -> again.browseViewModel().vms().rows().rows().size() == 11);
        assertThat(again.browseViewModel().vms().rows().rows().get(0).state()).as("sorted as remembered")
                .isEqualTo("Stopped");
        // the details' tables are made once the first rows are painted: their layouts are applied as they come
        waitUntil(() -> again.window().browse().rememberedTables().containsKey("keyRefTable"));
        TableView<?> keyRefs = again.window().browse().rememberedTables().get("keyRefTable");
        assertThat(column(keyRefs, "keyRefStateColumn").getPrefWidth()).isEqualTo(stateWidth);
        assertThat(guard.violations()).isEmpty();
        robot.interact(() -> again.stage().close());
    }
}
