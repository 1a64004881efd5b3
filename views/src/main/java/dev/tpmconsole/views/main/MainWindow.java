package dev.tpmconsole.views.main;

import dev.tpmconsole.model.stats.SourceSummary;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.browse.BrowseView;
import dev.tpmconsole.views.browse.BrowseViewModel;
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

/**
 * The main window: menus, an error banner, the browse views in tabs (VMs, Hosts, Key providers) and the
 * summary of the open source (its layout and row counts) as the last tab, a busy indicator while a source
 * opens, and a status bar. File opens snapshots, live databases (a dialog asks for URL, user and password)
 * and imports dumps (in a window of their own, with progress and Cancel). Every action is in a menu with its shortcut. Thin: state is in
 * {@link MainViewModel} and {@link BrowseViewModel}.
 */
public final class MainWindow {

    private static final PseudoClass WRITABLE = PseudoClass.getPseudoClass("writable");

    private final MainViewModel vm;
    private final BrowseViewModel browseVm;
    private final BrowseView browse;
    private final Appearance appearance;
    private final ObjectProperty<Theme> theme;
    private final Runnable quit;
    private final Actions actions;
    private final BorderPane root = new BorderPane();
    private final MenuBar menuBar;
    private final dev.tpmconsole.views.overview.OverviewView overview;
    private Tab summaryTab;
    private Stage importStage;

    /**
     * @param appearance the theme and font size of every window; the View menu changes them
     */
    public MainWindow(MainViewModel vm, BrowseViewModel browseVm, Appearance appearance, Actions actions) {
        this(vm, browseVm, appearance, actions, null);
    }

    /**
     * @param overview the cloud's overview under the summary (history from the catalogue, charts), or null for none
     */
    public MainWindow(MainViewModel vm, BrowseViewModel browseVm, Appearance appearance, Actions actions,
                      dev.tpmconsole.views.overview.OverviewViewModel overview) {
        this.vm = vm;
        this.overview = overview == null ? null : new dev.tpmconsole.views.overview.OverviewView(overview);
        this.browseVm = browseVm;
        this.browse = new BrowseView(browseVm);
        this.appearance = appearance;
        this.theme = appearance.themeProperty();
        this.actions = actions;
        this.quit = actions.quit();
        root.setId("mainWindow");
        menuBar = buildMenuBar();
        root.setTop(new VBox(menuBar, noticeBanner(), errorBanner()));
        root.setCenter(centre());
        root.setBottom(statusBar());
        // Ctrl++ as people press it (Shift+= on most layouts) and the keypad's + and -, beside the menu's Ctrl+=
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            javafx.scene.input.KeyCode code = e.getCode();
            int step = code == javafx.scene.input.KeyCode.ADD || code == javafx.scene.input.KeyCode.PLUS
                    || (code == javafx.scene.input.KeyCode.EQUALS && e.isShiftDown()) ? 1
                    : code == javafx.scene.input.KeyCode.SUBTRACT ? -1 : 0;
            if (step != 0) {
                appearance.fontSizeProperty().set(appearance.fontSizeProperty().get() + step);
                e.consume();
            }
        });
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

    /** The cloud's overview on the Summary tab, or null when the window has none. */
    public dev.tpmconsole.views.overview.OverviewView overview() {
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
        MenuItem open = item("menuOpenSnapshot", "_Open snapshot…", "Shortcut+O", this::chooseSnapshot);
        Menu recent = new Menu("Open _recent");
        recent.setId("menuOpenRecent");
        fillRecent(recent);
        vm.recent().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        vm.recentDatabases().addListener((ListChangeListener<RecentDatabase>) c -> fillRecent(recent));
        MenuItem database = item("menuOpenDatabase", "Open data_base…", "Shortcut+Shift+O", () -> showOpenDatabase(null));
        MenuItem demo = item("menuOpenDemo", "Open _demo", "Shortcut+D", vm::openDemo);
        MenuItem importDump = item("menuImportDump", "_Import dump…", "Shortcut+I", this::chooseDump);
        MenuItem exit = item("menuQuit", "_Quit", "Shortcut+Q", quit);
        open.disableProperty().bind(vm.busyProperty());
        recent.disableProperty().bind(vm.busyProperty());
        database.disableProperty().bind(vm.busyProperty());
        demo.disableProperty().bind(vm.busyProperty());
        importDump.disableProperty().bind(vm.importer().runningProperty());
        Menu file = new Menu("_File", null, open, recent, database, demo, new SeparatorMenuItem(), importDump,
                new SeparatorMenuItem(), exit);
        file.setId("menuFile");

        MenuItem vms = item("menuShowVms", "_VMs", "Shortcut+1", () -> browse.show(BrowseView.Page.VMS));
        MenuItem hosts = item("menuShowHosts", "_Hosts", "Shortcut+2", () -> browse.show(BrowseView.Page.HOSTS));
        MenuItem providers = item("menuShowProviders", "_Key providers", "Shortcut+3",
                () -> browse.show(BrowseView.Page.PROVIDERS));
        MenuItem summary = item("menuShowSummary", "_Summary", "Shortcut+4",
                () -> browse.tabs().getSelectionModel().select(summaryTab));
        MenuItem find = item("menuFind", "_Find", "Shortcut+F", browse::focusFilter);
        MenuItem reload = item("menuReload", "_Reload", "F5", browseVm::reload);
        CheckMenuItem dirty = new CheckMenuItem("Only VMs with _dirty rows");
        dirty.setId("menuDirtyOnly");
        dirty.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dirty.selectedProperty().bindBidirectional(browseVm.vms().dirtyOnlyProperty());
        MenuItem clear = item("menuClearFilter", "_Clear filter", "Shortcut+Shift+X", browseVm.vms()::clearFilter);
        find.disableProperty().bind(browseVm.queriesProperty().isNull());
        reload.disableProperty().bind(browseVm.queriesProperty().isNull());
        ToggleGroup themes = new ToggleGroup();
        Menu themeMenu = new Menu("_Theme");
        themeMenu.setId("menuTheme");
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t == Theme.LIGHT ? "_Light" : "_Dark");
            r.setId("menuTheme" + (t == Theme.LIGHT ? "Light" : "Dark"));
            r.setToggleGroup(themes);
            r.setSelected(theme.get() == t);
            r.setOnAction(e -> theme.set(t));
            theme.addListener((o, a, b) -> r.setSelected(b == t));
            themeMenu.getItems().add(r);
        }
        MenuItem toggleTheme = item("menuToggleTheme", "_Switch theme", "Shortcut+T",
                () -> theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        themeMenu.getItems().addAll(new SeparatorMenuItem(), toggleTheme);
        MenuItem larger = item("menuFontLarger", "_Larger text", "Shortcut+Equals",
                () -> appearance.fontSizeProperty().set(appearance.fontSizeProperty().get() + 1));
        MenuItem smaller = item("menuFontSmaller", "S_maller text", "Shortcut+Minus",
                () -> appearance.fontSizeProperty().set(appearance.fontSizeProperty().get() - 1));
        MenuItem normal = item("menuFontDefault", "_Normal text size", "Shortcut+0",
                () -> appearance.fontSizeProperty().set((int) Em.DEFAULT_FONT_SIZE));
        larger.disableProperty().bind(appearance.fontSizeProperty().greaterThanOrEqualTo(Appearance.MAX_FONT_SIZE));
        smaller.disableProperty().bind(appearance.fontSizeProperty().lessThanOrEqualTo(Appearance.MIN_FONT_SIZE));
        Menu view = new Menu("_View", null, vms, hosts, providers, summary, new SeparatorMenuItem(), find, clear, dirty,
                reload, new SeparatorMenuItem(), themeMenu, larger, smaller, normal);
        view.setId("menuView");
        ObservableList<String> chosen = browseVm.vms().selectedUuids();
        MenuItem previewReset = item("menuPreviewReset", "Preview _reset TPM…", "Shortcut+Shift+R",
                () -> actions.preview().accept(PreviewViewModel.Operation.RESET, List.copyOf(chosen)));
        MenuItem previewRemove = item("menuPreviewRemove", "Preview re_move TPM…", "Shortcut+Shift+M",
                () -> actions.preview().accept(PreviewViewModel.Operation.REMOVE, List.copyOf(chosen)));
        previewReset.disableProperty().bind(Bindings.isEmpty(chosen));
        previewRemove.disableProperty().bind(Bindings.isEmpty(chosen));
        Menu vmMenu = new Menu("V_M", null, previewReset, previewRemove);
        vmMenu.setId("menuVm");
        MenuItem audit = item("menuAudit", "_Audit…", "Shortcut+Shift+A", actions.openAudit());
        audit.disableProperty().bind(vm.sourceProperty().isNull());
        MenuItem repair = item("menuRepairKeys", "_Repair key refs…", "Shortcut+Shift+K", actions.openRepair());
        repair.disableProperty().bind(vm.sourceProperty().isNull());
        MenuItem preferences = item("menuPreferences", "_Preferences…", "Shortcut+Comma", actions.openPreferences());
        Menu tools = new Menu("_Tools", null, audit, repair, new SeparatorMenuItem(), preferences);
        tools.setId("menuTools");
        MenuItem shortcuts = item("menuShortcuts", "_Keyboard shortcuts", "F1", actions.showShortcuts());
        MenuItem eventLog = item("menuEventLog", "_Event log", "Shortcut+L", actions.openEventLog());
        MenuItem about = item("menuAbout", "_About TPM Console", null, actions.showAbout());
        Menu help = new Menu("_Help", null, shortcuts, eventLog, new SeparatorMenuItem(), about);
        help.setId("menuHelp");
        MenuBar bar = new MenuBar(file, view, vmMenu, tools, help);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(true);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
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
            MenuItem item = new MenuItem((i < 10 ? "_" + i + "  " : "") + MainViewModel.describeDatabase(db.url())
                    + (db.user() != null ? " as " + db.user() : "")
                    + (db.sshAlias() != null ? " through ssh " + db.sshAlias() : "") + "  (live)…");
            item.setId("menuRecentDatabase" + d);
            item.setOnAction(e -> showOpenDatabase(db));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent snapshots or databases");
            none.setDisable(true);
            menu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("_Clear recent");
            clear.setId("menuClearRecent");
            clear.setOnAction(e -> vm.clearRecent());
            menu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void chooseSnapshot() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a ZStack snapshot");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("SQLite snapshots", "*.sqlite", "*.sqlite3", "*.db"),
                new FileChooser.ExtensionFilter("All files", "*"));
        SourceSummary current = vm.summaryProperty().get();
        if (current != null) {
            File dir = Path.of(current.source()).toAbsolutePath().getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File file = chooser.showOpenDialog(root.getScene() != null ? root.getScene().getWindow() : null);
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
        dialog.show(login -> vm.openDatabase(login.url(), login.user(), login.password(), login.sshAlias()));
        return dialog;
    }

    private javafx.stage.Window window() {
        return root.getScene() != null ? root.getScene().getWindow() : null;
    }

    /** File > Import dump: the dump to read, then where to write the snapshot; then the import window. */
    private void chooseDump() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a ZStack database dump");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("mysqldump output (*.sql, *.sql.gz, *.gz)", "*.sql", "*.sql.gz", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File dumpFile = chooser.showOpenDialog(window());
        if (dumpFile == null) {
            return;
        }
        Path suggested = dev.tpmconsole.model.dump.DumpImporter.defaultSnapshot(dumpFile.toPath());
        FileChooser save = new FileChooser();
        save.setTitle("Write the snapshot to");
        save.setInitialDirectory(suggested.getParent().toFile());
        save.setInitialFileName(suggested.getFileName().toString());
        save.getExtensionFilters().add(new FileChooser.ExtensionFilter("SQLite snapshots", "*.sqlite", "*.sqlite3", "*.db"));
        File target = save.showSaveDialog(window());
        if (target != null) {
            // the save dialog asked before naming an existing file: replacing it is what the person chose
            showImport(dumpFile.toPath(), target.toPath(), true);
        }
    }

    /** Shows the import window and imports {@code dumpFile} into {@code target}; the result is then opened. */
    public Stage showImport(Path dumpFile, Path target, boolean overwrite) {
        if (importStage == null) {
            importStage = new Stage();
            importStage.initOwner(window());
            importStage.setTitle("Import dump — TPM Console");
            Scene scene = new Scene(new ImportView(vm.importer(), importStage::close).root(), Em.of(54), Em.of(43));
            appearance.style(scene);
            importStage.setScene(scene);
            importStage.setOnCloseRequest(e -> vm.importer().cancel());
        }
        importStage.show();
        importStage.toFront();
        vm.importer().start(dumpFile, target, overwrite);
        return importStage;
    }

    private Parent noticeBanner() {
        javafx.scene.layout.HBox banner = ErrorBanner.of(vm.noticeProperty(), vm::dismissNotice, "noticeBanner",
                "noticeText", "dismissNotice");
        banner.getStyleClass().setAll("notice-banner");
        return banner;
    }

    private Parent errorBanner() {
        return ErrorBanner.of(vm.errorProperty(), vm::dismissError, "errorBanner", "errorText", "dismissError");
    }

    private Parent centre() {
        Label title = new Label();
        title.setId("sourceTitle");
        title.getStyleClass().add("title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null
                ? "No snapshot open" : vm.summaryProperty().get().source(), vm.summaryProperty()));
        Label subtitle = new Label();
        subtitle.setId("layoutText");
        subtitle.getStyleClass().add("subtitle");
        subtitle.setWrapText(true);
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null
                ? "Open a snapshot with File > Open snapshot (Ctrl+O), a live database with File > Open database"
                        + " (Ctrl+Shift+O), a dump with File > Import dump (Ctrl+I), or the demo with Ctrl+D."
                : "Schema: " + vm.summaryProperty().get().layoutLine(), vm.summaryProperty()));

        TableView<TableCountRow> table = new TableView<>(vm.counts());
        table.setId("countsTable");
        table.getStyleClass().add("summary-table");
        TableColumn<TableCountRow, String> name = new TableColumn<>("Table");
        name.setId("tableColumn");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        name.setPrefWidth(Em.of(18.5));
        TableColumn<TableCountRow, Long> rows = new TableColumn<>("Rows");
        rows.setId("rowsColumn");
        rows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        rows.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : NumberFormat.getIntegerInstance().format(value));
            }
        });
        rows.setPrefWidth(Em.of(8.5));
        table.getColumns().add(name);
        table.getColumns().add(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No snapshot open"));
        // the row height is in em, in the stylesheet (.summary-table); the table is as tall as its rows
        table.prefHeightProperty().bind(Bindings.size(table.getItems()).add(1.6).multiply(table.fixedCellSizeProperty()));

        VBox summary = new VBox(title, subtitle, table);
        summary.setId("summaryPane");
        summary.getStyleClass().add("welcome");
        summary.setFillWidth(false);
        summary.setMaxWidth(Region.USE_PREF_SIZE);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("busyIndicator");
        progress.getStyleClass().add("large-busy");
        Label busyText = new Label();
        busyText.setId("busyMessage");
        busyText.textProperty().bind(vm.busyMessageProperty());
        VBox busy = new VBox(progress, busyText);
        busy.setAlignment(Pos.CENTER);
        busy.getStyleClass().add("busy-overlay");
        busy.visibleProperty().bind(vm.busyProperty());
        busy.setMouseTransparent(false);

        ScrollPane summaryScroll;
        if (overview != null) {
            // the source, its cloud's overview (audits over time, key states, hosts), full width, then its row counts
            summary.getChildren().remove(table);
            Label rowsTitle = new Label("Rows per table");
            rowsTitle.setId("countsTitle");
            rowsTitle.getStyleClass().add("section-title");
            VBox counts = new VBox(rowsTitle, table);
            counts.setFillWidth(false);
            counts.getStyleClass().addAll("overview", "gap-s");
            counts.visibleProperty().bind(vm.summaryProperty().isNotNull());
            counts.managedProperty().bind(counts.visibleProperty());
            VBox page = new VBox(summary, overview.root(), counts);
            page.setId("summaryPage");
            page.getStyleClass().addAll("summary-page", "gap-l");
            summaryScroll = new ScrollPane(page);
            summaryScroll.setFitToWidth(true);
        } else {
            summaryScroll = new ScrollPane(summary);
        }
        summaryScroll.setId("summaryScroll");
        summaryTab = new Tab("Summary", summaryScroll);
        summaryTab.setId("summaryTab");
        browse.tabs().getTabs().add(summaryTab);
        vm.sourceProperty().addListener((o, a, b) -> {
            if (b != null && browse.tabs().getSelectionModel().getSelectedItem() == summaryTab) {
                browse.show(BrowseView.Page.VMS);
            }
        });
        if (vm.sourceProperty().get() == null) {
            browse.tabs().getSelectionModel().select(summaryTab);
        }

        StackPane centre = new StackPane(browse.tabs(), busy);
        return centre;
    }

    private Parent statusBar() {
        Label sourceLabel = new Label();
        sourceLabel.setId("statusSource");
        sourceLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null
                ? "No source" : vm.summaryProperty().get().source(), vm.summaryProperty()));
        Label mode = new Label();
        mode.setId("statusMode");
        mode.getStyleClass().add("badge");
        mode.textProperty().bind(vm.modeBinding());
        mode.visibleProperty().bind(vm.summaryProperty().isNotNull());
        vm.modeBinding().addListener((obs, old, m) -> mode.pseudoClassStateChanged(WRITABLE, !m.equals("read-only")));
        Label layout = new Label();
        layout.setId("statusLayout");
        layout.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null ? ""
                : vm.summaryProperty().get().layoutLine(), vm.summaryProperty()));
        Label rows = new Label();
        rows.setId("statusRows");
        rows.textProperty().bind(Bindings.createStringBinding(() -> {
            SourceSummary s = vm.summaryProperty().get();
            if (s == null) {
                return "";
            }
            if (!s.counted()) {
                return "counting rows…";
            }
            NumberFormat n = NumberFormat.getIntegerInstance();
            return n.format(s.count("VmInstanceEO")) + " VMs · " + n.format(s.count("TpmVO")) + " TPMs · "
                    + n.format(s.counts().values().stream().mapToLong(Long::longValue).sum()) + " rows";
        }, vm.summaryProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(sourceLabel, mode, spacer, layout, rows);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
