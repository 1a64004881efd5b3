package dev.tpmconsole.views.main;

import dev.tpmconsole.model.stats.SourceSummary;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.browse.BrowseView;
import dev.tpmconsole.views.browse.BrowseViewModel;
import dev.tpmconsole.views.util.Busy;
import dev.tpmconsole.views.util.ErrorBanner;
import dev.tpmconsole.views.preview.PreviewViewModel;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.collections.ObservableList;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleGroup;
import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.scene.Scene;
import dev.tpmconsole.views.importdump.ImportView;
import dev.tpmconsole.views.prefs.RecentDatabase;
import dev.tpmconsole.views.util.Appearance;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.FirstFill;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Tables;
import dev.tpmconsole.views.util.LazyTabs;
import dev.tpmconsole.views.util.Commands;
import dev.tpmconsole.views.util.Windows;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The main window: menus, an error banner, the browse views in tabs (VMs, Hosts, Key providers) and the
 * summary of the open source (its layout and row counts) as the last tab, a busy indicator while a source
 * opens, and a status bar. File opens snapshots, live databases (a dialog asks for URL, user and password)
 * and imports dumps (in a window of their own, with progress and Cancel). Every action is in a menu with its shortcut. Thin: state is in
 * {@link MainViewModel} and {@link BrowseViewModel}.
 */
public final class MainWindow {

    private static final PseudoClass WRITABLE = PseudoClass.getPseudoClass("writable");

    private static final PseudoClass LONG_WAIT = PseudoClass.getPseudoClass("long-wait");

    private final MainViewModel vm;
    private final BrowseViewModel browseVm;
    private final BrowseView browse;
    private final Appearance appearance;
    private final Windows windows;
    private final ObjectProperty<Theme> theme;
    private final Runnable quit;
    private final Actions actions;
    private final BorderPane root = new BorderPane();
    private final MenuBar menuBar;
    /** A source has been opening for long enough to say so ({@link Busy}). */
    private final javafx.beans.property.ReadOnlyBooleanProperty longOpen;
    private final List<Shortcuts.Group> commands = new java.util.ArrayList<>();
    /** Made when the Summary tab is first shown (its charts cost the window's start time). */
    private dev.tpmconsole.views.overview.OverviewView overview;
    private final dev.tpmconsole.views.overview.OverviewViewModel overviewModel;
    private Tab summaryTab;
    /** Asks for a file in the platform's dialog (which headless tests do not have: they answer in its place). */
    FileAsk files = (chooser, save, owner) -> save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);

    /** Shows a file chooser over {@code owner}; the file chosen, or null. */
    @FunctionalInterface
    interface FileAsk {
        File ask(FileChooser chooser, boolean save, javafx.stage.Window owner);
    }
    private Stage importStage;

    /**
     * @param windows opens the windows (import) and dialogs over this one; its appearance (the theme and font
     *                size of every window) is what the View menu changes
     */
    public MainWindow(MainViewModel vm, BrowseViewModel browseVm, Windows windows, Actions actions) {
        this(vm, browseVm, windows, actions, null);
    }

    /**
     * @param overview the cloud's overview under the summary (history from the catalogue, charts), or null for none
     */
    public MainWindow(MainViewModel vm, BrowseViewModel browseVm, Windows windows, Actions actions,
                      dev.tpmconsole.views.overview.OverviewViewModel overview) {
        this.windows = windows;
        this.vm = vm;
        this.overviewModel = overview;
        this.browseVm = browseVm;
        this.browse = new BrowseView(browseVm);
        this.appearance = windows.appearance();
        this.theme = appearance.themeProperty();
        this.actions = actions;
        this.quit = actions.quit();
        root.setId("mainWindow");
        menuBar = buildMenuBar();
        root.setTop(new VBox(menuBar, errorBanner()));
        longOpen = Busy.longWait(vm.busyProperty());
        root.setCenter(notices(centre()));
        root.setBottom(statusBar());
    }

    /**
     * What the window asks its owner to do.
     *
     * @param quit      close the window
     * @param openAudit open the audit window
     * @param preview   open the preview of an operation on the selected VMs
     * @param openRepair open the guided repair of key refs
     * @param openPreferences open the preferences
     * @param openEventLog open the event log
     * @param showShortcuts show the keyboard shortcuts
     * @param showAbout show the About box
     */
    public record Actions(Runnable quit, Runnable openAudit,
                          BiConsumer<PreviewViewModel.Operation, List<String>> preview, Runnable openRepair,
                          Runnable openPreferences, Runnable openEventLog, Runnable showShortcuts, Runnable showAbout) {
    }

    /** The menu bar, whose accelerators are the console's shortcuts. */
    public MenuBar menuBar() {
        return menuBar;
    }

    public BrowseView browse() {
        return browse;
    }

    /** The cloud's overview on the Summary tab (made now if it was not yet), or null when the window has none. */
    public dev.tpmconsole.views.overview.OverviewView overview() {
        if (overview == null && overviewModel != null) {
            overview = new dev.tpmconsole.views.overview.OverviewView(overviewModel);
        }
        return overview;
    }

    /** Shows the Summary tab (the source's summary and its cloud's overview). */
    public void showSummary() {
        browse.tabs().getSelectionModel().select(summaryTab);
    }

    public Parent root() {
        return root;
    }

    private MenuBar buildMenuBar() {
        javafx.beans.value.ObservableNumberValue size = appearance.fontSizeProperty();
        javafx.beans.binding.BooleanBinding idle = vm.busyProperty().not();
        javafx.beans.binding.BooleanBinding sourceOpen = vm.sourceProperty().isNotNull();
        javafx.beans.binding.BooleanBinding browsing = browseVm.queriesProperty().isNotNull();
        ObservableList<String> chosen = browseVm.vms().selectedUuids();
        javafx.beans.binding.BooleanBinding vmsChosen = Bindings.isNotEmpty(chosen);

        Action open = command("menuOpenSnapshot", "ui.menu.file.openSnapshot", "Shortcut+O", MaterialDesignF.FOLDER_OPEN_OUTLINE,
                idle, this::chooseSnapshot);
        Action database = command("menuOpenDatabase", "ui.menu.file.openDatabase", "Shortcut+Shift+O", MaterialDesignD.DATABASE,
                idle, () -> showOpenDatabase(null));
        Action demo = command("menuOpenDemo", "ui.menu.file.openDemo", "Shortcut+D", null, idle, vm::openDemo);
        Action importDump = command("menuImportDump", "ui.menu.file.importDump", "Shortcut+I", MaterialDesignD.DATABASE_IMPORT,
                vm.importer().runningProperty().not(), this::chooseDump);
        Action exit = command("menuQuit", "ui.menu.file.quit", "Shortcut+Q", MaterialDesignE.EXIT_TO_APP, null, quit);
        Menu recent = menu("ui.menu.file.recent");
        recent.setId("menuOpenRecent");
        fillRecent(recent);
        vm.recent().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        vm.recentDatabases().addListener((ListChangeListener<RecentDatabase>) c -> fillRecent(recent));
        recent.disableProperty().bind(vm.busyProperty());
        Menu file = menu("ui.menu.file", Commands.menuItem(open), recent, Commands.menuItem(database),
                Commands.menuItem(demo), new SeparatorMenuItem(), Commands.menuItem(importDump), new SeparatorMenuItem(),
                Commands.menuItem(exit));
        file.setId("menuFile");

        Action vms = command("menuShowVms", "ui.menu.view.vms", "Shortcut+1", null, null, () -> browse.show(BrowseView.Page.VMS));
        Action hosts = command("menuShowHosts", "ui.menu.view.hosts", "Shortcut+2", null, null, () -> browse.show(BrowseView.Page.HOSTS));
        Action providers = command("menuShowProviders", "ui.menu.view.providers", "Shortcut+3", null, null,
                () -> browse.show(BrowseView.Page.PROVIDERS));
        Action summary = command("menuShowSummary", "ui.menu.view.summary", "Shortcut+4", null, null, this::showSummary);
        Action find = command("menuFind", "ui.menu.view.find", "Shortcut+F", MaterialDesignM.MAGNIFY, browsing, browse::focusFilter);
        Action clear = command("menuClearFilter", "ui.menu.view.clearFilter", "Shortcut+Shift+X", MaterialDesignF.FILTER_REMOVE_OUTLINE,
                null, browseVm.vms()::clearFilter);
        Action dirty = command("menuDirtyOnly", "ui.menu.view.dirtyOnly", "Shortcut+Shift+D", null, null, () -> { });
        dirty.selectedProperty().bindBidirectional(browseVm.vms().dirtyOnlyProperty());
        Action reload = command("menuReload", "ui.menu.view.reload", "F5", MaterialDesignR.REFRESH, browsing, browseVm::reload);
        ToggleGroup themes = new ToggleGroup();
        Menu themeMenu = menu("ui.menu.view.theme");
        themeMenu.setId("menuTheme");
        for (Theme t : Theme.values()) {
            RadioMenuItem r = I18n.bind(new RadioMenuItem(), t == Theme.LIGHT ? "ui.menu.view.theme.light" : "ui.menu.view.theme.dark");
            r.setId("menuTheme" + (t == Theme.LIGHT ? "Light" : "Dark"));
            r.setToggleGroup(themes);
            r.setSelected(theme.get() == t);
            r.setOnAction(e -> theme.set(t));
            theme.addListener((o, a, b) -> r.setSelected(b == t));
            themeMenu.getItems().add(r);
        }
        Action toggleTheme = command("menuToggleTheme", "ui.menu.view.theme.toggle", "Shortcut+T", MaterialDesignT.THEME_LIGHT_DARK,
                null, () -> theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        themeMenu.getItems().addAll(new SeparatorMenuItem(), Commands.menuItem(toggleTheme));
        Action larger = Commands.alsoOn(command("menuFontLarger", "ui.menu.view.fontLarger", "Shortcut+Equals",
                MaterialDesignF.FORMAT_FONT_SIZE_INCREASE,
                appearance.fontSizeProperty().lessThan(Appearance.MAX_FONT_SIZE),
                () -> appearance.fontSizeProperty().set(appearance.fontSizeProperty().get() + 1)),
                // Ctrl++ as people press it (Shift+= on most layouts) and the keypad's +
                "Shortcut+Shift+Equals", "Shortcut+Plus", "Shortcut+Add");
        Action smaller = Commands.alsoOn(command("menuFontSmaller", "ui.menu.view.fontSmaller", "Shortcut+Minus",
                MaterialDesignF.FORMAT_FONT_SIZE_DECREASE,
                appearance.fontSizeProperty().greaterThan(Appearance.MIN_FONT_SIZE),
                () -> appearance.fontSizeProperty().set(appearance.fontSizeProperty().get() - 1)), "Shortcut+Subtract");
        Action normal = command("menuFontDefault", "ui.menu.view.fontDefault", "Shortcut+0", null, null,
                () -> appearance.fontSizeProperty().set((int) Em.DEFAULT_FONT_SIZE));
        Menu view = menu("ui.menu.view", Commands.menuItem(vms), Commands.menuItem(hosts), Commands.menuItem(providers),
                Commands.menuItem(summary), new SeparatorMenuItem(), Commands.menuItem(find), Commands.menuItem(clear),
                Commands.checkMenuItem(dirty), Commands.menuItem(reload), new SeparatorMenuItem(), themeMenu,
                Commands.menuItem(larger), Commands.menuItem(smaller), Commands.menuItem(normal));
        view.setId("menuView");

        Action previewReset = command("menuPreviewReset", "ui.menu.vm.previewReset", "Shortcut+Shift+R",
                MaterialDesignR.RESTORE, vmsChosen,
                () -> actions.preview().accept(PreviewViewModel.Operation.RESET, List.copyOf(chosen)));
        Action previewRemove = command("menuPreviewRemove", "ui.menu.vm.previewRemove", "Shortcut+Shift+M",
                MaterialDesignD.DELETE_OUTLINE, vmsChosen,
                () -> actions.preview().accept(PreviewViewModel.Operation.REMOVE, List.copyOf(chosen)));
        Menu vmMenu = menu("ui.menu.vm", Commands.menuItem(previewReset), Commands.menuItem(previewRemove));
        vmMenu.setId("menuVm");

        Action audit = command("menuAudit", "ui.menu.tools.audit", "Shortcut+Shift+A", MaterialDesignC.CLIPBOARD_CHECK_OUTLINE,
                sourceOpen, actions.openAudit());
        Action repair = command("menuRepairKeys", "ui.menu.tools.repair", "Shortcut+Shift+K", MaterialDesignK.KEY_CHANGE,
                sourceOpen, actions.openRepair());
        Action preferences = command("menuPreferences", "ui.menu.tools.preferences", "Shortcut+Comma", MaterialDesignC.COG_OUTLINE,
                null, actions.openPreferences());
        Menu tools = menu("ui.menu.tools", Commands.menuItem(audit), Commands.menuItem(repair), new SeparatorMenuItem(),
                Commands.menuItem(preferences));
        tools.setId("menuTools");

        Action shortcuts = command("menuShortcuts", "ui.menu.help.shortcuts", "F1", MaterialDesignK.KEYBOARD_OUTLINE, null,
                actions.showShortcuts());
        Action eventLog = command("menuEventLog", "ui.menu.help.eventLog", "Shortcut+L", MaterialDesignT.TEXT_BOX_OUTLINE, null,
                actions.openEventLog());
        Action about = command("menuAbout", "ui.menu.help.about", null, MaterialDesignI.INFORMATION_OUTLINE, null,
                actions.showAbout());
        Menu help = menu("ui.menu.help", Commands.menuItem(shortcuts), Commands.menuItem(eventLog),
                new SeparatorMenuItem(), Commands.menuItem(about));
        help.setId("menuHelp");

        commands.add(new Shortcuts.Group("ui.shortcuts.where.file", List.of(open, database, demo, importDump, exit)));
        commands.add(new Shortcuts.Group("ui.shortcuts.where.view", List.of(vms, hosts, providers, summary, find, clear, dirty, reload)));
        commands.add(new Shortcuts.Group("ui.shortcuts.where.viewTheme", List.of(toggleTheme)));
        commands.add(new Shortcuts.Group("ui.shortcuts.where.view", List.of(larger, smaller, normal)));
        commands.add(new Shortcuts.Group("ui.shortcuts.where.vm", List.of(previewReset, previewRemove)));
        commands.add(new Shortcuts.Group("ui.shortcuts.where.tools", List.of(audit, repair, preferences)));
        commands.add(new Shortcuts.Group("ui.shortcuts.where.help", List.of(shortcuts, eventLog, about)));
        // the menus' accelerators are the scene's; their extra keys (Ctrl++) are handled here, by the same actions
        Commands.handleKeys(root, commands.stream().flatMap(g -> g.actions().stream()).toList(), true);
        MenuBar bar = new MenuBar(file, view, vmMenu, tools, help);
        bar.setId("menuBar");
        return bar;
    }

    /** A menu whose text is the bundle key {@code key}'s, following the language. */
    private static Menu menu(String key, MenuItem... items) {
        Menu menu = new Menu("", null, items);
        menu.textProperty().bind(I18n.text(key));
        return menu;
    }

    /** An action of the menus: enabled while {@code enabled} holds (always, when null). */
    private Action command(String id, String text, String keys, org.kordamp.ikonli.Ikon ikon,
                           javafx.beans.value.ObservableBooleanValue enabled, Runnable run) {
        Action action = Commands.action(id, text, keys, run);
        if (ikon != null) {
            Commands.icon(action, ikon, appearance.fontSizeProperty());
        }
        if (enabled != null) {
            Commands.enabledWhen(action, enabled);
        }
        return action;
    }

    /** The window's commands by menu, as the menus show them (the keyboard shortcut list reads them). */
    public List<Shortcuts.Group> commands() {
        return List.copyOf(commands);
    }

    /** The window's command whose menu item has {@code id}. */
    public Action command(String id) {
        return commands.stream().flatMap(g -> g.actions().stream()).filter(a -> id.equals(Commands.id(a))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command " + id));
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        int i = 0;
        for (Path p : vm.recent()) {
            i++;
            MenuItem item = new MenuItem((i < 10 ? "_" + i + "  " : "") + p.getFileName() + "  —  " + p.getParent());
            item.setId("menuRecent" + i);
            item.setOnAction(e -> vm.open(p));
            menu.getItems().add(item);
        }
        int d = 0;
        for (RecentDatabase db : vm.recentDatabases()) {
            i++;
            d++;
            if (d == 1 && i > 1) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            String prefix = i < 10 ? "_" + i + "  " : "";
            String name = MainViewModel.describeDatabase(db.url());
            MenuItem item = new MenuItem();
            item.textProperty().bind(I18n.computed(() -> prefix + I18n.t(db.user() == null
                    ? db.sshAlias() == null ? "ui.menu.file.recent.database" : "ui.menu.file.recent.databaseSsh"
                    : db.sshAlias() == null ? "ui.menu.file.recent.databaseUser" : "ui.menu.file.recent.databaseUserSsh",
                    name, db.user() == null ? "" : db.user(), db.sshAlias() == null ? "" : db.sshAlias())));
            item.setId("menuRecentDatabase" + d);
            item.setOnAction(e -> showOpenDatabase(db));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = I18n.bind(new MenuItem(), "ui.menu.file.recent.none");
            none.setDisable(true);
            menu.getItems().add(none);
        } else {
            MenuItem clear = I18n.bind(new MenuItem(), "ui.menu.file.recent.clear");
            clear.setId("menuClearRecent");
            clear.setOnAction(e -> vm.clearRecent());
            menu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void chooseSnapshot() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("ui.file.openSnapshot.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.t("ui.file.filter.snapshots"), "*.sqlite", "*.sqlite3", "*.db"),
                new FileChooser.ExtensionFilter(I18n.t("ui.file.filter.all"), "*"));
        SourceSummary current = vm.summaryProperty().get();
        if (current != null) {
            File dir = Path.of(current.source()).toAbsolutePath().getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File file = files.ask(chooser, false, window());
        if (file != null) {
            vm.open(file.toPath());
        }
    }

    /**
     * Asks for a live database (prefilled with one opened before, if given; the password is asked each time) and
     * opens it read-only. Returns the dialog, already showing.
     */
    public OpenDatabaseDialog showOpenDatabase(RecentDatabase prefill) {
        OpenDatabaseDialog dialog = new OpenDatabaseDialog(window(), prefill);
        windows.style(dialog.pane());
        dialog.show(login -> vm.openDatabase(login.url(), login.user(), login.password(), login.sshAlias()));
        return dialog;
    }

    private javafx.stage.Window window() {
        return root.getScene() != null ? root.getScene().getWindow() : null;
    }

    /** File > Import dump: the dump to read, then where to write the snapshot; then the import window. */
    private void chooseDump() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("ui.file.importDump.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.t("ui.file.filter.dumps"), "*.sql", "*.sql.gz", "*.gz"),
                new FileChooser.ExtensionFilter(I18n.t("ui.file.filter.all"), "*"));
        File dumpFile = files.ask(chooser, false, window());
        if (dumpFile == null) {
            return;
        }
        Path suggested = dev.tpmconsole.model.dump.DumpImporter.defaultSnapshot(dumpFile.toPath());
        FileChooser save = new FileChooser();
        save.setTitle(I18n.t("ui.file.importDump.saveTitle"));
        save.setInitialDirectory(suggested.getParent().toFile());
        save.setInitialFileName(suggested.getFileName().toString());
        save.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("ui.file.filter.snapshots"), "*.sqlite", "*.sqlite3", "*.db"));
        File target = files.ask(save, true, window());
        if (target != null) {
            // the save dialog asked before naming an existing file: replacing it is what the person chose
            showImport(dumpFile.toPath(), target.toPath(), true);
        }
    }

    /** Shows the import window and imports {@code dumpFile} into {@code target}; the result is then opened. */
    public Stage showImport(Path dumpFile, Path target, boolean overwrite) {
        if (importStage == null) {
            importStage = windows.stage("ui.window.import.title");
            importStage.setScene(windows.scene(new ImportView(vm.importer(), importStage::close).root(), 54, 43));
            importStage.setOnCloseRequest(e -> vm.importer().cancel());
        }
        Windows.bringForward(importStage);
        vm.importer().start(dumpFile, target, overwrite);
        return importStage;
    }

    /**
     * A notice (a damaged preferences file or catalogue set aside) slides in over the top of {@code content},
     * with a button to dismiss it; it is gone while there is none.
     */
    private Parent notices(Parent content) {
        NotificationPane pane = new NotificationPane(content);
        pane.setId("noticeBanner");
        pane.getStyleClass().add("notice-banner");
        pane.setShowFromTop(true);
        Label text = new Label();
        text.setId("noticeText");
        text.setWrapText(true);
        text.textProperty().bind(I18n.text(vm.noticeMessageProperty()));
        pane.setGraphic(text);
        pane.setCloseButtonVisible(true);
        javafx.beans.InvalidationListener follow = o -> {
            if (vm.noticeMessageProperty().get() == null) {
                pane.hide();
            } else {
                pane.show();
            }
        };
        vm.noticeMessageProperty().addListener(follow);
        // shown once the pane is in a window (a notice may come before)
        pane.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> follow.invalidated(null));
            }
        });
        // the close button (or Escape) hides it: the notice was dismissed
        pane.setOnHidden(e -> vm.dismissNotice());
        return pane;
    }

    private Parent errorBanner() {
        return ErrorBanner.of(vm.errorProperty(), vm::dismissError, "errorBanner", "errorText", "dismissError");
    }

    private Parent centre() {
        Label title = new Label();
        title.setId("sourceTitle");
        title.getStyleClass().add("title");
        title.textProperty().bind(I18n.computed(() -> vm.summaryProperty().get() == null
                ? I18n.t("ui.summary.noSource") : vm.summaryProperty().get().source(), vm.summaryProperty()));
        Label subtitle = new Label();
        subtitle.setId("layoutText");
        subtitle.getStyleClass().add("subtitle");
        subtitle.setWrapText(true);
        subtitle.textProperty().bind(I18n.computed(() -> vm.summaryProperty().get() == null
                ? I18n.t("ui.summary.howToOpen")
                : I18n.t("ui.summary.schema", vm.summaryProperty().get().layoutMessage()), vm.summaryProperty()));

        // its rows a few a pulse, as the lists' (decision 0049): the summary tab is laid out hidden behind the VMs too
        TableView<TableCountRow> table = Tables.sorted(FirstFill.on(new TableView<>()), vm.counts());
        table.setId("countsTable");
        table.getStyleClass().add("summary-table");
        TableColumn<TableCountRow, String> name = I18n.bindColumn(new TableColumn<>(), "ui.summary.tableColumn");
        name.setId("tableColumn");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        name.setPrefWidth(Em.of(18.5));
        TableColumn<TableCountRow, Long> rows = I18n.bindColumn(new TableColumn<>(), "ui.summary.rowsColumn");
        rows.setId("rowsColumn");
        rows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        rows.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : I18n.number(value));
            }
        });
        rows.setPrefWidth(Em.of(8.5));
        table.getColumns().add(name);
        table.getColumns().add(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(I18n.bind(new Label(), "ui.summary.noSource"));
        I18n.whenChanged(table, table::refresh);
        // the row height is in em, in the stylesheet (.summary-table); the table is as tall as its rows
        table.prefHeightProperty().bind(Bindings.size(table.getItems()).add(1.6).multiply(table.fixedCellSizeProperty()));

        VBox summary = new VBox(title, subtitle, table);
        summary.setId("summaryPane");
        summary.getStyleClass().add("welcome");
        summary.setFillWidth(false);
        summary.setMaxWidth(Region.USE_PREF_SIZE);

        // while a source opens, the lists still show the one it replaces: the overlay takes the pointer from them at
        // once, and covers them and says what is opening once the wait is long enough to say so
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("busyIndicator");
        progress.getStyleClass().add("large-busy");
        progress.visibleProperty().bind(longOpen);
        Label busyText = new Label();
        busyText.setId("busyMessage");
        busyText.textProperty().bind(I18n.text(vm.busyMessageProperty()));
        busyText.visibleProperty().bind(longOpen);
        VBox busy = new VBox(progress, busyText);
        busy.setId("busyOverlay");
        busy.setAlignment(Pos.CENTER);
        busy.getStyleClass().add("busy-overlay");
        busy.visibleProperty().bind(vm.busyProperty());
        busy.setMouseTransparent(false);
        longOpen.addListener((o, was, is) -> busy.pseudoClassStateChanged(LONG_WAIT, is));

        summaryTab = new Tab("");
        summaryTab.textProperty().bind(I18n.text("ui.tab.summary"));
        summaryTab.setId("summaryTab");
        browse.tabs().getTabs().add(summaryTab);
        LazyTabs.content(summaryTab, () -> summaryPage(summary, table));
        if (overviewModel != null) {
            // the overview reads only while it is shown
            overviewModel.activeProperty().bind(summaryTab.selectedProperty());
        }

        vm.sourceProperty().addListener((o, a, b) -> {
            if (b != null && browse.tabs().getSelectionModel().getSelectedItem() == summaryTab) {
                browse.show(BrowseView.Page.VMS);
            }
        });
        // the welcome page while nothing is open nor opening (a source opening at the start shows its VMs first)
        if (vm.sourceProperty().get() == null && !vm.busyProperty().get()) {
            browse.tabs().getSelectionModel().select(summaryTab);
        }
        vm.busyProperty().addListener((o, was, is) -> {
            if (!is && vm.sourceProperty().get() == null) {
                browse.tabs().getSelectionModel().select(summaryTab);
            }
        });

        StackPane centre = new StackPane(browse.tabs(), busy);
        return centre;
    }

    /**
     * The Summary tab's page, made when the tab is first shown: the source's summary, then its cloud's overview
     * (audits over time, key states, hosts) full width, then its row counts; without an overview, the summary.
     */
    private ScrollPane summaryPage(VBox summary, TableView<TableCountRow> table) {
        ScrollPane summaryScroll;
        if (overviewModel != null) {
            summary.getChildren().remove(table);
            Label rowsTitle = I18n.bind(new Label(), "ui.summary.rowsPerTable");
            rowsTitle.setId("countsTitle");
            rowsTitle.getStyleClass().add("section-title");
            VBox counts = new VBox(rowsTitle, table);
            counts.setFillWidth(false);
            counts.getStyleClass().addAll("overview", "gap-s");
            counts.visibleProperty().bind(vm.summaryProperty().isNotNull());
            counts.managedProperty().bind(counts.visibleProperty());
            VBox page = new VBox(summary, overview().root(), counts);
            page.setId("summaryPage");
            page.getStyleClass().addAll("summary-page", "gap-l");
            summaryScroll = new ScrollPane(page);
            summaryScroll.setFitToWidth(true);
        } else {
            summaryScroll = new ScrollPane(summary);
        }
        summaryScroll.setId("summaryScroll");
        return summaryScroll;
    }

    private Parent statusBar() {
        Label sourceLabel = new Label();
        sourceLabel.setId("statusSource");
        sourceLabel.textProperty().bind(I18n.computed(() -> vm.summaryProperty().get() == null
                ? I18n.t("ui.status.noSource") : vm.summaryProperty().get().source(), vm.summaryProperty()));
        Label mode = new Label();
        mode.setId("statusMode");
        mode.getStyleClass().add("badge");
        mode.textProperty().bind(vm.modeBinding());
        mode.visibleProperty().bind(vm.summaryProperty().isNotNull());
        // the badge and the counts show whole (at 150 % too, in either language); the path gives way
        mode.setMinWidth(Region.USE_PREF_SIZE);
        vm.modeProperty().addListener((obs, old, m) -> mode.pseudoClassStateChanged(WRITABLE,
                m != null && m != MainViewModel.Mode.READ_ONLY));
        // what the badge means, and that a confirmed run still writes to a source the window only reads
        javafx.beans.binding.StringBinding modeTip = I18n.computed(() -> vm.modeProperty().get() == null ? ""
                : I18n.t(vm.modeProperty().get().tip()), vm.modeProperty());
        dev.tpmconsole.views.util.HoverTooltip.bound(mode, modeTip, 32);
        mode.accessibleHelpProperty().bind(modeTip);
        Label layout = new Label();
        layout.setId("statusLayout");
        layout.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null ? ""
                : I18n.t(vm.summaryProperty().get().layoutMessage()), vm.summaryProperty()));
        Label rows = new Label();
        rows.setId("statusRows");
        rows.textProperty().bind(I18n.computed(() -> {
            SourceSummary s = vm.summaryProperty().get();
            if (s == null) {
                return "";
            }
            if (!s.counted()) {
                return I18n.t("ui.status.counting");
            }
            return I18n.t("ui.status.rows", s.count("VmInstanceEO"), s.count("TpmVO"),
                    s.counts().values().stream().mapToLong(Long::longValue).sum());
        }, vm.summaryProperty()));
        rows.setMinWidth(Region.USE_PREF_SIZE);
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        // the busy message and an indeterminate progress while a source opens for long enough to say so; nothing
        // otherwise
        bar.textProperty().bind(Bindings.when(longOpen).then(I18n.text(vm.busyMessageProperty())).otherwise(""));
        bar.progressProperty().bind(Bindings.when(longOpen).then(-1.0).otherwise(0.0));
        bar.getLeftItems().setAll(sourceLabel, mode);
        bar.getRightItems().setAll(layout, rows);
        return bar;
    }
}
