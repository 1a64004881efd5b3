package dev.tpmconsole.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.preview.PreviewViewModel;
import dev.tpmconsole.views.util.Appearance;
import dev.tpmconsole.views.util.ClassSnapshot;
import dev.tpmconsole.views.util.Commands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.controlsfx.control.action.Action;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard shortcut list is read off the main window's actions, and every shortcut it lists does what
 * it says: in a real window on a real snapshot, each listed key combination is pressed and the action's
 * effect is seen (a tab shown, the theme switched, the owner asked to open the audit window...), while the
 * keys of a disabled action (no source open, no VM chosen, the largest text) do nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {

    @RegisterExtension
    static final ClassSnapshot demo = ClassSnapshot.demo("small.sqlite", 20, 2);

    /** What the window asked its owner to do, and which file choosers it opened. */
    final List<String> asked = new ArrayList<>();
    final SnapshotService service = new SnapshotService(demo.path());
    ShownMainWindow main;

    @Start
    void start(Stage stage) {
        main = new ShownMainWindow(stage, service, new MainWindow.Actions(() -> asked.add("quit"),
                () -> asked.add("audit"), (operation, vms) -> asked.add("preview " + operation + " " + vms),
                () -> asked.add("repair"), () -> asked.add("preferences"), () -> asked.add("event log"),
                () -> asked.add("shortcuts"), () -> asked.add("about")));
        main.window.files = (chooser, save, owner) -> {
            asked.add((save ? "save: " : "open: ") + chooser.getTitle());
            return null;
        };
    }

    @AfterEach
    void closeDialogs() throws Exception {
        main.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses {@code keys} as a person would, in the main window. */
    void press(FxRobot robot, KeyCombination keys) {
        robot.interact(() -> main.stage.toFront());
        List<KeyCode> codes = new ArrayList<>();
        if (keys.getShortcut() == KeyCombination.ModifierValue.DOWN || keys.getControl() == KeyCombination.ModifierValue.DOWN) {
            codes.add(KeyCode.CONTROL);
        }
        if (keys.getShift() == KeyCombination.ModifierValue.DOWN) {
            codes.add(KeyCode.SHIFT);
        }
        codes.add(((KeyCodeCombination) keys).getCode());
        robot.press(codes.toArray(KeyCode[]::new));
        for (int i = codes.size() - 1; i >= 0; i--) {
            robot.release(codes.get(i));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** How to see that an action did its work: set the scene, then check what changed. */
    record Effect(Runnable before, Callable<Boolean> after) {
    }

    @Test
    void everyListedShortcutDoesWhatItSaysAndDisabledOnesDoNothing(FxRobot robot) throws Exception {
        // with nothing open, the commands on a source are disabled: their keys do nothing
        for (String id : List.of("menuAudit", "menuRepairKeys", "menuPreviewReset", "menuPreviewRemove", "menuReload",
                "menuFind")) {
            assertThat(main.window.command(id).isDisabled()).as(id).isTrue();
            press(robot, main.window.command(id).getAccelerator());
        }
        assertThat(asked).as("no disabled action ran").isEmpty();

        robot.interact(() -> main.vm.open(demo.path()));
        TableView<?> vms = robot.lookup("#vmTable").queryTableView();
        waitUntil(() -> vms.getItems().size() > 1 && !main.vm.busyProperty().get());
        robot.interact(() -> vms.getSelectionModel().select(0));
        String chosen = List.copyOf(main.browse.vms().selectedUuids()).toString();
        AtomicInteger reloads = new AtomicInteger();
        main.browse.vms().rows().loadingProperty().addListener((o, was, loading) -> {
            if (loading) {
                reloads.incrementAndGet();
            }
        });
        javafx.scene.control.TabPane tabs = main.window.browse().tabs();

        Map<String, Effect> effects = new LinkedHashMap<>();
        effects.put("menuOpenSnapshot", asks("open: Open a ZStack snapshot"));
        effects.put("menuOpenDatabase", new Effect(() -> { }, () -> robot.lookup("#openDatabaseDialog").tryQuery().isPresent()));
        effects.put("menuOpenDemo", new Effect(() -> { }, () -> service.demoRequests.get() == 1));
        effects.put("menuImportDump", asks("open: Import a ZStack database dump"));
        effects.put("menuQuit", asks("quit"));
        effects.put("menuShowVms", new Effect(() -> tabs.getSelectionModel().select(3),
                () -> tabs.getSelectionModel().getSelectedIndex() == 0));
        effects.put("menuShowHosts", new Effect(() -> { }, () -> tabs.getSelectionModel().getSelectedIndex() == 1));
        effects.put("menuShowProviders", new Effect(() -> { }, () -> tabs.getSelectionModel().getSelectedIndex() == 2));
        effects.put("menuShowSummary", new Effect(() -> { }, () -> tabs.getSelectionModel().getSelectedIndex() == 3));
        effects.put("menuFind", new Effect(() -> tabs.getSelectionModel().select(0),
                () -> main.stage.getScene().getFocusOwner() instanceof javafx.scene.control.TextField f && f.getId().equals("vmFilter")));
        effects.put("menuClearFilter", new Effect(() -> main.browse.vms().textProperty().set("zzz"),
                () -> main.browse.vms().textProperty().get().isEmpty()));
        effects.put("menuDirtyOnly", new Effect(() -> { }, () -> main.browse.vms().dirtyOnlyProperty().get()));
        // (the list is whole again before the next)
        effects.put("menuReload", new Effect(() -> reloads.set(0), () -> reloads.get() > 0
                && !main.browse.vms().rows().loadingProperty().get() && vms.getItems().size() > 1));
        effects.put("menuToggleTheme", new Effect(() -> { }, () -> main.appearance.themeProperty().get() == Theme.DARK));
        effects.put("menuFontLarger", new Effect(() -> main.appearance.fontSizeProperty().set(14),
                () -> main.appearance.fontSizeProperty().get() == 15));
        effects.put("menuFontSmaller", new Effect(() -> main.appearance.fontSizeProperty().set(14),
                () -> main.appearance.fontSizeProperty().get() == 13));
        effects.put("menuFontDefault", new Effect(() -> main.appearance.fontSizeProperty().set(20),
                () -> main.appearance.fontSizeProperty().get() == 14));
        // (the filters changed the list since: choose the VM again)
        Runnable choose = () -> vms.getSelectionModel().select(0);
        effects.put("menuPreviewReset", new Effect(choose,
                () -> asked.contains("preview " + PreviewViewModel.Operation.RESET + " " + chosen)));
        effects.put("menuPreviewRemove", new Effect(choose,
                () -> asked.contains("preview " + PreviewViewModel.Operation.REMOVE + " " + chosen)));
        effects.put("menuAudit", asks("audit"));
        effects.put("menuRepairKeys", asks("repair"));
        effects.put("menuPreferences", asks("preferences"));
        effects.put("menuShortcuts", asks("shortcuts"));
        effects.put("menuEventLog", asks("event log"));

        // the list shows every command with keys, with all of its keys, in menu order
        List<Action> withKeys = main.window.commands().stream().flatMap(g -> g.actions().stream())
                .filter(a -> !Commands.keysOf(a).isEmpty()).toList();
        assertThat(withKeys).extracting(Commands::id).containsExactlyElementsOf(effects.keySet());
        List<Shortcuts.Shortcut> listed = Shortcuts.of(main.window.commands());
        assertThat(listed).extracting(Shortcuts.Shortcut::keys).as("no two commands share keys").doesNotHaveDuplicates();
        assertThat(listed).contains(new Shortcuts.Shortcut("Tools", "Audit", "Ctrl+Shift+A"),
                new Shortcuts.Shortcut("View › Theme", "Switch theme", "Ctrl+T"),
                new Shortcuts.Shortcut("View", "Larger text", "Ctrl+= or Ctrl+Shift+= or Ctrl++ or Ctrl+keypad +"));

        for (Action action : withKeys) {
            Effect effect = effects.get(Commands.id(action));
            for (KeyCombination keys : Commands.keysOf(action)) {
                asked.clear();
                robot.interact(effect.before());
                assertThat(effect.after().call()).as(Commands.id(action) + ": not done before " + keys).isFalse();
                press(robot, keys);
                try {
                    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, effect.after());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError(Commands.id(action) + ": " + Shortcuts.text(keys) + " did nothing", e);
                }
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(main::closeOtherWindows);
                if (Commands.id(action).equals("menuOpenDemo")) {
                    service.demoRequests.set(0);
                    waitUntil(() -> !main.vm.busyProperty().get() && vms.getItems().size() > 1);
                    robot.interact(() -> vms.getSelectionModel().select(0));
                }
                if (Commands.id(action).equals("menuDirtyOnly")) {
                    robot.interact(() -> main.browse.vms().dirtyOnlyProperty().set(false));
                    waitUntil(() -> !main.browse.vms().rows().loadingProperty().get() && vms.getItems().size() > 1);
                }
                if (Commands.id(action).equals("menuToggleTheme")) {
                    robot.interact(() -> main.appearance.themeProperty().set(Theme.LIGHT));
                }
            }
        }

        // at the largest text, Larger is disabled: its keys (all of them) leave the size alone
        robot.interact(() -> main.appearance.fontSizeProperty().set(Appearance.MAX_FONT_SIZE));
        assertThat(main.window.command("menuFontLarger").isDisabled()).isTrue();
        for (KeyCombination keys : Commands.keysOf(main.window.command("menuFontLarger"))) {
            press(robot, keys);
        }
        assertThat(main.appearance.fontSizeProperty().get()).isEqualTo(Appearance.MAX_FONT_SIZE);
        // with no VM chosen, the previews' keys ask for nothing
        asked.clear();
        robot.interact(() -> vms.getSelectionModel().clearSelection());
        press(robot, main.window.command("menuPreviewReset").getAccelerator());
        press(robot, main.window.command("menuPreviewRemove").getAccelerator());
        assertThat(asked).isEmpty();
        robot.interact(() -> main.appearance.fontSizeProperty().set(14));
    }

    /** The window asked its owner (or a file chooser) for {@code what}. */
    Effect asks(String what) {
        return new Effect(() -> { }, () -> asked.contains(what));
    }

    @Test
    void theViewsShortcutsSayWhereWhatAndWhichKeys() {
        assertThat(Shortcuts.inViews()).extracting(Shortcuts.Shortcut::keys)
                .contains("Ctrl+C", "Ctrl+Shift+C", "Ctrl+R", "Esc", "Enter", "Down or Enter");
    }

    @Test
    void menuTextWithoutMnemonicsAndEllipsis() {
        assertThat(Shortcuts.plain("_Open snapshot…")).isEqualTo("Open snapshot");
        assertThat(Shortcuts.plain("Open data_base…")).isEqualTo("Open database");
        assertThat(Shortcuts.plain("Save __as is")).isEqualTo("Save _as is");
        assertThat(Shortcuts.plain(null)).isEmpty();
    }
}
