package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.events.Event;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.main.Shortcuts;
import dev.tpmconsole.views.prefs.Confirmations;
import dev.tpmconsole.views.prefs.UiPreferences;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.UncaughtErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop application around the views, in a real window (Monocle): preferences changed at run time
 * (theme and font size reach every open window and are stored), a damaged preferences file (a notice, the
 * defaults, the app usable), the event log window, the dialog for an uncaught error, the shortcut list
 * and the About box.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFeaturesTest {

    @TempDir
    Path dir;

    ConsoleGui gui;
    JsonPreferencesStore store;
    EventLog events;
    UncaughtErrors uncaught;

    @Start
    void start(Stage stage) {
        // mounted per test in open(), which may first damage the preferences file
    }

    ConsoleGui open(FxRobot robot) throws Exception {
        store = new JsonPreferencesStore(dir.resolve("config"));
        events = new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC(), dir.resolve("data/events.log"));
        gui = WaitForAsyncUtils.asyncFx(() -> ConsoleGui.show(new Stage(), new ConsoleGui.Setup(dir.resolve("data"),
                store, store.file(), FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx(), events)))
                .get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return gui;
    }

    @AfterEach
    void closeAll() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (uncaught != null) {
                uncaught.close();
            }
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s) {
                    s.close();
                }
            }
        }).get(10, TimeUnit.SECONDS);
        events.close();
    }

    void keys(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The background of the main window's status bar as CSS resolved it (the token -tpm-bg-subtle). */
    static javafx.scene.paint.Paint statusBarColour(FxRobot robot, Parent root) {
        javafx.scene.layout.Region bar = robot.lookup("#statusBar").queryAs(javafx.scene.layout.Region.class);
        robot.interact(root::applyCss);
        return bar.getBackground().getFills().get(0).getFill();
    }

    @Test
    void themeAndFontSizeChangeEveryOpenWindowAtRunTimeAndAreStored(FxRobot robot) throws Exception {
        open(robot);
        Path snapshot = TestSnapshots.demo(dir.resolve("small.sqlite"), 20, 2);
        robot.interact(() -> gui.viewModel().open(snapshot));
        waitUntil(() -> gui.viewModel().sourceProperty().get() != null);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        waitUntil(() -> gui.auditStage() != null && gui.auditStage().isShowing());
        Parent main = gui.stage().getScene().getRoot();
        Parent audit = gui.auditStage().getScene().getRoot();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        assertThat(statusBarColour(robot, main)).as("Primer light's -color-bg-subtle").isEqualTo(Color.web("#f6f8fa"));
        TableView<?> vms = robot.lookup("#vmTable").queryTableView();
        TableColumn<?, ?> first = vms.getColumns().get(0);
        double widthBefore = first.getWidth();
        double cellBefore = vms.getFixedCellSize();

        robot.interact(() -> gui.stage().toFront());
        keys(robot, KeyCode.CONTROL, KeyCode.COMMA);
        waitUntil(() -> gui.preferencesStage() != null && gui.preferencesStage().isShowing());
        robot.clickOn("#prefThemeDark");
        WaitForAsyncUtils.waitForFxEvents();
        for (Parent root : List.of(main, audit, gui.preferencesStage().getScene().getRoot())) {
            assertThat(root.getStylesheets()).as("every window").anyMatch(s -> s.endsWith("console.css"));
        }
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(statusBarColour(robot, main)).as("the console's tokens follow Primer dark's -color-bg-subtle")
                .isEqualTo(Color.web("#161b22"));

        Spinner<Integer> size = robot.lookup("#prefFontSize").query();
        robot.interact(() -> size.getValueFactory().setValue(21));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gui.appearance().fontSizeProperty().get()).isEqualTo(21);
        for (Parent root : List.of(main, audit)) {
            assertThat(root.getStyle()).isEqualTo("-fx-font-size: 21px;");
        }
        robot.interact(() -> main.applyCss());
        assertThat(robot.lookup("#statusSource").queryAs(Label.class).getFont().getSize()).isEqualTo(21.0);
        assertThat(first.getPrefWidth()).as("columns keep their proportion to the text").isCloseTo(widthBefore * 1.5,
                org.assertj.core.data.Offset.offset(2.0));
        assertThat(vms.getFixedCellSize()).as("rows grow with the text").isCloseTo(cellBefore * 1.5,
                org.assertj.core.data.Offset.offset(1.0));

        robot.clickOn("#prefConfirmQuitWhileBusy");
        WaitForAsyncUtils.waitForFxEvents();
        // saved as they change, once they stop changing
        waitUntil(() -> store.load().confirmations().equals(new Confirmations(true, false)));
        UiPreferences saved = store.load();
        assertThat(saved.theme()).isEqualTo("DARK");
        assertThat(saved.fontSize()).isEqualTo(21);
        assertThat(saved.confirmations()).isEqualTo(new Confirmations(true, false));
        assertThat(events.snapshot()).extracting(Event::message).contains("Theme: dark", "Font size: 21 px");

        // View menu keys: smaller, and back to the default size
        robot.interact(() -> gui.stage().toFront());
        keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertThat(gui.appearance().fontSizeProperty().get()).isEqualTo(20);
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(gui.appearance().fontSizeProperty().get()).isEqualTo(14);
        keys(robot, KeyCode.CONTROL, KeyCode.ADD);
        assertThat(gui.appearance().fontSizeProperty().get()).as("the keypad's +").isEqualTo(15);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS);
        assertThat(gui.appearance().fontSizeProperty().get()).as("Ctrl++ as typed").isEqualTo(16);
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);

        robot.interact(() -> gui.stage().close());
        assertThat(store.load().fontSize()).isEqualTo(14);
        ConsoleGui again = open(robot);
        assertThat(again.theme().get()).isEqualTo(Theme.DARK);
        assertThat(again.preferences().confirmQuitWhileBusyProperty().get()).isFalse();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(statusBarColour(robot, again.stage().getScene().getRoot())).isEqualTo(Color.web("#161b22"));
        // the window icon, in every size: read once the window opens nothing (decision 0052)
        waitUntil(() -> again.stage().getIcons().size() == 8);
    }

    /**
     * Preferences shows all of itself: every text whole and every button inside the window, at the default font size,
     * at a large one chosen in the window itself, and in Chinese (it opened at 46 x 22 em, cutting off its buttons and
     * the ends of its notes).
     */
    @Test
    void thePreferencesWindowShowsAllOfItsContentAtAnyFontSizeAndInEitherLanguage(FxRobot robot) throws Exception {
        open(robot);
        keys(robot, KeyCode.CONTROL, KeyCode.COMMA);
        waitUntil(() -> gui.preferencesStage() != null && gui.preferencesStage().isShowing());
        Stage prefs = gui.preferencesStage();
        allShown(robot, prefs, "at 14 px");
        Spinner<Integer> size = robot.lookup("#prefFontSize").query();
        robot.interact(() -> size.getValueFactory().setValue(21));
        allShown(robot, prefs, "at 21 px");
        try {
            robot.interact(() -> gui.preferences().languageProperty().set(dev.tpmconsole.model.i18n.Language.ZH_CN));
            allShown(robot, prefs, "in Chinese at 21 px");
        } finally {
            robot.interact(() -> gui.preferences().languageProperty().set(dev.tpmconsole.model.i18n.Language.EN));
        }
        robot.interact(() -> size.getValueFactory().setValue(14));
        allShown(robot, prefs, "back at 14 px");
    }

    /** Every text of the window is shown whole (not cut to "...") and every labelled control lies inside the window. */
    static void allShown(FxRobot robot, Stage stage, String when) throws Exception {
        // the window refits after the pulse that laid its content out at the new size
        WaitForAsyncUtils.waitForFxEvents(4);
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            List<String> found = new java.util.ArrayList<>();
            List<javafx.scene.Node> nodes = new java.util.ArrayList<>(List.of(root));
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) instanceof Parent p) {
                    nodes.addAll(p.getChildrenUnmodifiable());
                }
            }
            for (javafx.scene.Node n : nodes) {
                if (!(n instanceof javafx.scene.control.Labeled l) || !l.isVisible() || l.getText() == null
                        || l.getText().isEmpty()) {
                    continue;
                }
                String full = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
                javafx.scene.Node text = l.lookup(".text");
                if (text instanceof javafx.scene.text.Text t && !t.getText().equals(full)) {
                    found.add("cut: \"" + full + "\" shows \"" + t.getText() + "\"");
                }
                javafx.geometry.Bounds b = l.localToScene(l.getLayoutBounds());
                if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > stage.getScene().getWidth() + 0.5
                        || b.getMaxY() > stage.getScene().getHeight() + 0.5) {
                    found.add("outside the window: \"" + full + "\" at " + b);
                }
            }
            return found;
        }).get(10, TimeUnit.SECONDS);
        assertThat(problems).as(when).isEmpty();
    }

    @Test
    void damagedPreferencesGiveANoticeAndTheDefaults(FxRobot robot) throws Exception {
        Path file = dir.resolve("config/preferences.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"theme\": \"DARK\", \"fontSize\": 18, \"recent\": [");
        open(robot);

        org.controlsfx.control.NotificationPane notice = robot.lookup("#noticeBanner")
                .queryAs(org.controlsfx.control.NotificationPane.class);
        waitUntil(notice::isShowing);
        assertThat(robot.lookup("#noticeText").queryAs(Label.class).getText())
                .contains(file.toString(), "could not be read", "the defaults are used", "preferences.json.corrupt");
        assertThat(gui.theme().get()).isEqualTo(Theme.LIGHT);
        assertThat(gui.appearance().fontSizeProperty().get()).isEqualTo(14);
        assertThat(events.snapshot()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(Event.Level.WARNING);
            assertThat(e.category()).isEqualTo("preferences");
        });
        assertThat(Files.readString(dir.resolve("config/preferences.json.corrupt"))).startsWith("{\"theme\": \"DARK\"");

        // the pane's own close button (it slides in: pressed once it is there, rather than clicked where it was)
        Button close = robot.lookup("#noticeBanner .close-button").queryAs(Button.class);
        assertThat(close.isVisible()).isTrue();
        robot.interact(close::fire);
        waitUntil(() -> gui.viewModel().noticeProperty().get().isEmpty());
        assertThat(notice.isShowing()).as("dismissed").isFalse();
        robot.interact(() -> gui.viewModel().openDemo());
        waitUntil(() -> gui.viewModel().summaryProperty().get() != null);
        robot.interact(() -> gui.stage().close());
        assertThat(Files.readString(file)).as("a good file again").startsWith("{");
        assertThat(store.load().window()).isNotNull();
        assertThat(store.loadProblem()).isNull();
    }

    @Test
    void anUncaughtErrorIsLoggedAndShownAndTheConsoleCarriesOn(FxRobot robot) throws Exception {
        open(robot);
        uncaught = WaitForAsyncUtils.asyncFx(() -> gui.catchUncaughtErrors()).get(10, TimeUnit.SECONDS);
        Platform.runLater(() -> {
            throw new IllegalStateException("boom in a handler");
        });
        waitUntil(() -> gui.errorDialog().showing() != null);
        DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("IllegalStateException: boom in a handler");
        TextArea details = robot.lookup("#errorDialogDetails").queryAs(TextArea.class);
        assertThat(details.getText()).contains("Thread: JavaFX Application Thread", "TPM Console: ", "JavaFX: ",
                "java.lang.IllegalStateException: boom in a handler", "at dev.tpmconsole.app.DesktopFeaturesTest");
        assertThat(events.snapshot()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(Event.Level.ERROR);
            assertThat(e.message()).contains("IllegalStateException: boom in a handler");
            assertThat(e.details()).contains("at dev.tpmconsole.app.DesktopFeaturesTest");
        });
        assertThat(Files.readString(dir.resolve("data/events.log"))).contains("boom in a handler");

        // an error on another thread, while the dialog is open: counted in it, logged
        Thread t = new Thread(() -> {
            throw new IllegalArgumentException("second, from a worker");
        }, "worker-7");
        t.start();
        t.join();
        waitUntil(() -> robot.lookup("#errorDialogMore").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#errorDialogMore").queryAs(Label.class).getText()).isEqualTo("1 more error since; the event log has each.");
        assertThat(events.snapshot()).anySatisfy(e -> assertThat(e.message()).contains("thread worker-7", "second, from a worker"));

        robot.clickOn("#errorDialogCopy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS))
                .isEqualTo(details.getText());
        robot.clickOn("#errorDialogEventLog");
        waitUntil(() -> gui.eventLogStage() != null && gui.eventLogStage().isShowing());
        robot.interact(() -> gui.errorDialog().showing().close());

        // the same error again and again (thrown on every frame, say): counted, not logged again
        long errorsBefore = events.snapshot().stream().filter(e -> e.level() == Event.Level.ERROR).count();
        IllegalStateException again = new IllegalStateException("the same, every frame");
        for (int i = 0; i < 50; i++) {
            Platform.runLater(() -> {
                throw again;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events.snapshot().stream().filter(e -> e.level() == Event.Level.ERROR).count())
                .isEqualTo(errorsBefore + 1);

        // RxJava errors no subscriber takes: a closed connection after a cancel is a warning; a bug is an error
        io.reactivex.rxjava3.plugins.RxJavaPlugins.onError(new java.io.UncheckedIOException(
                new java.io.IOException("stream closed after cancel")));
        io.reactivex.rxjava3.plugins.RxJavaPlugins.onError(new IllegalArgumentException("an Rx bug"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events.snapshot()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(Event.Level.WARNING);
            assertThat(e.message()).isEqualTo("An error came after its work was cancelled: UncheckedIOException:"
                    + " java.io.IOException: stream closed after cancel");
        });
        assertThat(events.snapshot()).anySatisfy(e -> {
            assertThat(e.level()).isEqualTo(Event.Level.ERROR);
            assertThat(e.message()).contains("IllegalArgumentException: an Rx bug");
        });

        // the console carries on
        robot.interact(() -> gui.viewModel().openDemo());
        waitUntil(() -> gui.viewModel().summaryProperty().get() != null);
        assertThat(gui.stage().isShowing()).isTrue();
    }

    @Test
    void eventLogWindowShowsWhatHappenedFiltersAndCopies(FxRobot robot) throws Exception {
        open(robot);
        Path snapshot = TestSnapshots.demo(dir.resolve("small.sqlite"), 20, 2);
        robot.interact(() -> gui.viewModel().open(snapshot));
        waitUntil(() -> gui.viewModel().summaryProperty().get() != null && gui.viewModel().summaryProperty().get().counted());
        Path junk = Files.writeString(dir.resolve("junk.db"), "not SQLite");
        robot.interact(() -> gui.viewModel().open(junk));
        waitUntil(() -> gui.viewModel().hasErrorBinding().get());

        keys(robot, KeyCode.CONTROL, KeyCode.L);
        waitUntil(() -> gui.eventLogStage() != null && gui.eventLogStage().isShowing());
        TableView<Event> table = robot.lookup("#eventTable").queryTableView();
        waitUntil(() -> table.getItems().size() >= 3);
        assertThat(table.getItems()).extracting(Event::message).anyMatch(m -> m.equals("Opened " + snapshot + " (sqlite, read-only)"))
                .anyMatch(m -> m.matches(java.util.regex.Pattern.quote(snapshot.toString()) + ": \\d+ VMs, \\d+ TPMs, \\d+ rows; backups by .*"))
                .anyMatch(m -> m.contains("junk.db") && m.contains("not an SQLite database"));
        assertThat(robot.lookup("#eventCount").queryAs(Label.class).getText()).matches("\\d+ events · 0 errors · 1 warning");
        assertThat(robot.lookup("#eventLogFile").queryAs(Label.class).getText()).contains("events.log");

        robot.interact(() -> gui.eventLogViewModel().minimumLevelProperty().set(Event.Level.WARNING));
        assertThat(table.getItems()).singleElement().satisfies(e -> assertThat(e.message()).contains("junk.db"));
        assertThat(robot.lookup("#eventCount").queryAs(Label.class).getText()).endsWith(" · 1 shown");
        TextArea details = robot.lookup("#eventDetails").queryAs(TextArea.class);
        assertThat(details.getText()).as("nothing chosen yet").isEmpty();
        assertThat(details.getPromptText()).as("what the empty pane is for")
                .isEqualTo("Choose an event to read all of it here (a stack trace, say).");
        assertThat(details.isWrapText()).as("a long line read without scrolling sideways").isTrue();
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(details.getText()).contains("WARNING", "junk.db");
        robot.clickOn("#copyEvents");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).contains("WARNING", "source", "junk.db").doesNotContain("Opened ");

        // a new event shows while the window is open
        events.info("app", "written from another thread");
        waitUntil(() -> gui.eventLogViewModel().countBinding().get().startsWith((events.snapshot().size()) + " events"));
    }

    @Test
    void shortcutListHoldsEveryMenuShortcutAndTheAboutBoxTheVersions(FxRobot robot) throws Exception {
        open(robot);
        keys(robot, KeyCode.F1);
        waitUntil(() -> robot.lookup("#shortcutTable").tryQuery().isPresent());
        TableView<Shortcuts.Shortcut> table = robot.lookup("#shortcutTable").queryTableView();
        assertThat(table.getItems()).contains(
                new Shortcuts.Shortcut("Tools", "Audit", "Ctrl+Shift+A"),
                new Shortcuts.Shortcut("File", "Open snapshot", "Ctrl+O"),
                new Shortcuts.Shortcut("View › Theme", "Switch theme", "Ctrl+T"),
                new Shortcuts.Shortcut("Help", "Keyboard shortcuts", "F1"),
                new Shortcuts.Shortcut("Tools", "Preferences", "Ctrl+,"));
        assertThat(table.getItems()).containsAll(Shortcuts.inViews());
        assertThat(table.getItems()).as("the window's commands, read off its actions, then the views' keys")
                .containsExactlyElementsOf(Shortcuts.all(gui.window().commands()));
        long accelerators = gui.window().menuBar().getMenus().stream().flatMap(m -> items(m).stream())
                .filter(i -> i.getAccelerator() != null).count();
        assertThat(Shortcuts.of(gui.window().commands())).as("one line per menu item with keys").hasSize((int) accelerators);
        // no label or button of the main window takes a menu's Alt+letter (it would win over the menu); the
        // views' mnemonics are registered once they are shown, so with a source open, on each tab
        Path snapshot = TestSnapshots.demo(dir.resolve("small.sqlite"), 20, 2);
        robot.interact(() -> gui.viewModel().open(snapshot));
        TableView<?> vms = robot.lookup("#vmTable").queryTableView();
        waitUntil(() -> !vms.getItems().isEmpty());
        for (int tab = 0; tab < 4; tab++) {
            int shown = tab;
            robot.interact(() -> gui.window().browse().tabs().getSelectionModel().select(shown));
        }
        robot.interact(() -> gui.window().browse().tabs().getSelectionModel().select(0));
        java.util.Set<String> menuLetters = new java.util.HashSet<>();
        for (javafx.scene.control.Menu m : gui.window().menuBar().getMenus()) {
            String t = m.getText();
            menuLetters.add(t.substring(t.indexOf('_') + 1, t.indexOf('_') + 2).toUpperCase());
        }
        assertThat(menuLetters).containsExactlyInAnyOrder("F", "V", "M", "T", "H");
        List<String> clashes = WaitForAsyncUtils.asyncFx(() -> gui.stage().getScene().getMnemonics().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(mn -> Map.entry(e.getKey(), mn.getNode())))
                .filter(e -> !isInMenuBar(e.getValue()))
                .filter(e -> menuLetters.contains(mnemonicLetter(e.getKey())))
                .map(e -> e.getKey().getDisplayText() + " on " + e.getValue())
                .toList()).get(5, TimeUnit.SECONDS);
        assertThat(clashes).isEmpty();

        // its filter is named beside it (the prompt hides while the field has the focus), and its rows are the
        // height of the VM list's
        Label find = robot.lookup("#shortcutFilterLabel").queryAs(Label.class);
        assertThat(find.getText()).isEqualTo("Find");
        assertThat(find.getLabelFor()).isSameAs(robot.lookup("#shortcutFilter").query());
        assertThat(table.getFixedCellSize()).isPositive().isEqualTo(vms.getFixedCellSize());
        robot.clickOn("#shortcutFilter").write("repair");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(Shortcuts.Shortcut::keys).containsExactly("Ctrl+Shift+K");
        robot.clickOn("#shortcutsClose");

        robot.interact(() -> gui.showAbout());
        waitUntil(() -> gui.aboutStage().isShowing());
        String about = dev.tpmconsole.views.main.AboutView.text(VersionProvider.versions(), List.of());
        assertThat(about).contains("JavaFX: 21.", "Hibernate ORM: 7.", "SQLite: 3.", "SQLite JDBC: 3.", "MariaDB Connector/J: 3.",
                "Apache MINA SSHD: 2.", "Flyway: 1")
                .doesNotContain("unknown", "not started");
        assertThat(robot.lookup("#aboutVersion").queryAs(Label.class).getText()).isEqualTo(VersionProvider.version());
        robot.clickOn("#aboutCopy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS))
                .contains("Java: 17", "Data folder: " + dir.resolve("data").toAbsolutePath(),
                        "Event log: " + dir.resolve("data/events.log").toAbsolutePath(), "Operating system: Linux");
        assertThat(VersionProvider.text()).as("an error report's, in English").contains("Operating system: Linux");
        try {
            robot.interact(() -> gui.preferences().languageProperty().set(dev.tpmconsole.model.i18n.Language.ZH_CN));
            List<String> keys = WaitForAsyncUtils.asyncFx(() -> gui.aboutStage().getScene().getRoot()
                    .lookupAll(".form-heading").stream().map(n -> ((Label) n).getText()).toList()).get(5, TimeUnit.SECONDS);
            assertThat(keys).as("the About box in Chinese").contains("操作系统", "数据目录").doesNotContain("Operating system");
            allShown(robot, gui.aboutStage(), "the About box in Chinese");
        } finally {
            robot.interact(() -> gui.preferences().languageProperty().set(dev.tpmconsole.model.i18n.Language.EN));
        }
        robot.clickOn("#aboutClose");
    }

    @Test
    void aRunOnASnapshotIsNotAskedWhenThePreferencesSaySoAndTheLogSaysSo(FxRobot robot) throws Exception {
        open(robot);
        Path snapshot = TestSnapshots.demo(dir.resolve("run.sqlite"), 20, 2);
        robot.interact(() -> gui.viewModel().open(snapshot));
        TableView<?> vms = robot.lookup("#vmTable").queryTableView();
        waitUntil(() -> !vms.getItems().isEmpty());
        robot.interact(() -> gui.preferences().confirmRunOnSnapshotProperty().set(false));
        robot.interact(() -> {
            vms.requestFocus();
            vms.getSelectionModel().select(0);
        });
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
        waitUntil(() -> gui.previewViewModel() != null && gui.previewViewModel().previewProperty().get() != null);
        robot.clickOn("#runPlan");
        waitUntil(() -> gui.runViewModel() != null && gui.runViewModel().outcomeProperty().get() != null);
        assertThat(robot.lookup("#confirmDialog").tryQuery()).as("no confirmation was shown").isEmpty();
        assertThat(events.snapshot()).extracting(Event::message)
                .anyMatch(m -> m.startsWith("Not asked, as the preferences say for snapshots: "));
        assertThat(store.load().confirmations().runOnSnapshot()).isFalse();
    }

    @Test
    void quittingWhileAnImportIsGoingAsksFirst(FxRobot robot) throws Exception {
        open(robot);
        // a named pipe nobody writes to: the import blocks on it, so it is going for as long as the test needs
        Path fifo = dir.resolve("slow-dump.sql");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        robot.interact(() -> gui.window().showImport(fifo, dir.resolve("imported.sqlite"), true));
        waitUntil(() -> gui.viewModel().importer().runningProperty().get());
        robot.interact(() -> gui.stage().toFront());

        keys(robot, KeyCode.CONTROL, KeyCode.Q);
        DialogPane ask = robot.lookup("#confirmDialog").queryAs(DialogPane.class);
        assertThat(ask.getHeaderText()).isEqualTo("Quit while an import is going?");
        robot.clickOn("#confirmCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gui.stage().isShowing()).as("Cancel keeps the console open").isTrue();

        keys(robot, KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn("#confirmAction");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(gui.stage().isShowing()).isFalse();
        assertThat(events.snapshot()).extracting(Event::message).contains("Quit while an import was going");
        // let the blocked reader go (the window is closed, nobody listens): a writer that closes at once gives
        // it an empty file, which it refuses without writing a snapshot
        try (var release = Files.newOutputStream(fifo)) {
            release.flush();
        }
        // (the window is gone, and with it the import's view-model: the importing thread itself is awaited)
        waitUntil(() -> Thread.getAllStackTraces().values().stream().flatMap(java.util.Arrays::stream)
                .noneMatch(f -> f.getClassName().equals(dev.tpmconsole.model.dump.DumpImporter.class.getName())));
        assertThat(JsonPreferencesStoreTest.TestFiles.names(dir)).as("no snapshot left behind, whole or partial")
                .noneMatch(n -> n.startsWith("imported"));
    }

    @Test
    void quittingWhileNothingIsGoingDoesNotAsk(FxRobot robot) throws Exception {
        open(robot);
        keys(robot, KeyCode.CONTROL, KeyCode.Q);
        assertThat(robot.lookup("#confirmDialog").tryQuery()).isEmpty();
        assertThat(gui.stage().isShowing()).isFalse();
    }

    /** The letter of a mnemonic's key combination (written "Alt+'f'"), in upper case. */
    static String mnemonicLetter(javafx.scene.input.KeyCombination keys) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'(.)'").matcher(keys.toString());
        return m.find() ? m.group(1).toUpperCase() : "";
    }

    static boolean isInMenuBar(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.MenuBar) {
                return true;
            }
        }
        return false;
    }

        static List<javafx.scene.control.MenuItem> items(javafx.scene.control.Menu menu) {
        List<javafx.scene.control.MenuItem> out = new java.util.ArrayList<>();
        for (javafx.scene.control.MenuItem i : menu.getItems()) {
            if (i instanceof javafx.scene.control.Menu m) {
                out.addAll(items(m));
            } else {
                out.add(i);
            }
        }
        return out;
    }
}
