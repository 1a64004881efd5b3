package dev.tpmconsole.app;

import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.audit.AuditView;
import dev.tpmconsole.views.audit.AuditViewModel;
import dev.tpmconsole.views.browse.BrowseViewModel;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.views.preview.PreviewView;
import dev.tpmconsole.views.repair.RepairView;
import dev.tpmconsole.views.repair.RepairViewModel;
import dev.tpmconsole.views.run.RunView;
import dev.tpmconsole.views.run.SourceRunService;
import dev.tpmconsole.views.run.RunViewModel;
import dev.tpmconsole.views.util.FxDialogService;
import io.reactivex.rxjava3.schedulers.Schedulers;
import dev.tpmconsole.views.preview.PreviewViewModel;
import java.time.Clock;
import dev.tpmconsole.views.main.GuardedSourceService;
import dev.tpmconsole.views.main.MainViewModel;
import dev.tpmconsole.views.main.MainWindow;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.prefs.RecentDatabase;
import dev.tpmconsole.views.prefs.TableLayout;
import dev.tpmconsole.views.prefs.TableLayouts;
import dev.tpmconsole.views.prefs.UiPreferences;
import dev.tpmconsole.views.prefs.WindowGeometry;
import dev.tpmconsole.views.prefs.WindowPlacement;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.Themes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Builds the main window and wires it: view-models get their collaborators through their constructors,
 * every source is guarded against queries on the FX thread, the preferences (window geometry, theme, recent
 * snapshots, table layouts) are applied on start and stored when the window closes. Used by the
 * {@code gui} command and by the UI tests, which mount it on their own stage.
 */
public final class ConsoleGui {

    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;

    private final MainViewModel viewModel;
    private final BrowseViewModel browseViewModel;
    private final MainWindow window;
    private final Stage stage;
    private final ObjectProperty<Theme> theme;

    private final FxSchedulers schedulers;
    private final Path dataDir;
    private final AuditViewModel auditViewModel;
    private Stage auditStage;
    private Stage previewStage;
    private Stage runStage;
    private Stage repairStage;
    private RepairViewModel repairViewModel;
    private RunViewModel runViewModel;
    private PreviewViewModel previewViewModel;

    private ConsoleGui(MainViewModel viewModel, BrowseViewModel browseViewModel, MainWindow window, Stage stage,
                       ObjectProperty<Theme> theme, FxSchedulers schedulers, Path dataDir) {
        this.dataDir = dataDir;
        this.viewModel = viewModel;
        this.browseViewModel = browseViewModel;
        this.window = window;
        this.stage = stage;
        this.theme = theme;
        this.schedulers = schedulers;
        this.auditViewModel = new AuditViewModel(viewModel.sourceProperty(), schedulers, vmUuid -> {
            window.browse().showVm(vmUuid);
            stage.toFront();
        });
        // the VM list marks the VMs the last audit found something about
        browseViewModel.vms().markedProperty().bind(auditViewModel.vmsWithFindingsProperty());
    }

    /** Opens (or brings forward) the audit window of the open source. */
    public void showAudit() {
        if (auditStage == null) {
            auditStage = new Stage();
            auditStage.initOwner(stage);
            auditStage.setScene(themed(new AuditView(auditViewModel).root(), 1200, 700));
            auditStage.titleProperty().bind(javafx.beans.binding.Bindings.concat("Audit — ", viewModel.titleBinding()));
        }
        auditStage.show();
        auditStage.toFront();
    }

    /** Opens the preview of a reset or remove of these VMs (replacing a previous preview). */
    public void showPreview(PreviewViewModel.Operation operation, List<String> vmUuids) {
        if (viewModel.sourceProperty().get() == null || vmUuids.isEmpty()) {
            return;
        }
        if (previewViewModel != null) {
            previewViewModel.close();
        }
        previewViewModel = new PreviewViewModel(viewModel.sourceProperty().get(), schedulers, Clock.systemUTC());
        if (previewStage == null) {
            previewStage = new Stage();
            previewStage.initOwner(stage);
        }
        Stage target = previewStage;
        previewStage.setScene(themed(new PreviewView(previewViewModel, target::close, this::showRun,
                new FxDialogService(target)).root(), 1200, 720));
        previewStage.titleProperty().bind(previewViewModel.titleProperty());
        previewViewModel.load(operation, vmUuids);
        previewStage.show();
        previewStage.toFront();
    }

    /** Opens the guided repair of key refs on the open source. */
    public void showRepair() {
        Source shown = viewModel.sourceProperty().get();
        if (shown == null) {
            return;
        }
        if (repairViewModel != null) {
            repairViewModel.close();
        }
        repairViewModel = new RepairViewModel(shown, schedulers, Schedulers.computation(), Clock.systemUTC(),
                new SourceRunService(shown, dataDir, Schedulers.io()));
        repairViewModel.runProperty().addListener((o, a, run) -> run.outcomeProperty().addListener((p, x, b) -> {
            if (b != null) {
                databaseChanged();
            }
        }));
        if (repairStage == null) {
            repairStage = new Stage();
            repairStage.initOwner(stage);
        }
        Stage target = repairStage;
        repairStage.setScene(themed(new RepairView(repairViewModel, new FxDialogService(target), target::close).root(),
                1200, 760));
        repairStage.setTitle("Repair key refs — " + shown.displayName());
        repairStage.show();
        repairStage.toFront();
    }

    /** The database changed: the lists, the counts and any audit report are out of date. */
    private void databaseChanged() {
        browseViewModel.reload();
        viewModel.refreshCounts();
        auditViewModel.invalidate();
    }

    public RepairViewModel repairViewModel() {
        return repairViewModel;
    }

    /** Opens the run window for a confirmed plan and starts it. */
    public void showRun(Plan plan) {
        Source shown = viewModel.sourceProperty().get();
        if (shown == null) {
            return;
        }
        if (runViewModel != null) {
            runViewModel.close();
        }
        runViewModel = new RunViewModel(new SourceRunService(shown, dataDir, Schedulers.io()), schedulers, Schedulers.computation(), plan);
        runViewModel.outcomeProperty().addListener((o, a, b) -> {
            if (b != null) {
                databaseChanged();
            }
        });
        if (runStage == null) {
            runStage = new Stage();
            runStage.initOwner(stage);
            runStage.setTitle("Run");
        }
        Stage target = runStage;
        runStage.setScene(themed(new RunView(runViewModel, target::close).root(), 1200, 760));
        runStage.setTitle("Run: " + plan.operation() + " on " + shown.displayName());
        runStage.show();
        runStage.toFront();
        runViewModel.start();
    }

    public RunViewModel runViewModel() {
        return runViewModel;
    }

    public Stage runStage() {
        return runStage;
    }

    private Scene themed(javafx.scene.Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        Themes.apply(scene, theme.get());
        theme.addListener((o, a, b) -> Themes.apply(scene, b));
        return scene;
    }

    public AuditViewModel auditViewModel() {
        return auditViewModel;
    }

    public Stage auditStage() {
        return auditStage;
    }

    public PreviewViewModel previewViewModel() {
        return previewViewModel;
    }

    public Stage previewStage() {
        return previewStage;
    }

    /** The window with preferences in memory only and the guard that refuses queries on the FX thread. */
    public static ConsoleGui show(Stage stage, Path dataDir, FxSchedulers schedulers) {
        return show(stage, dataDir, PreferencesStore.inMemory(), FxQueryGuard.create(QueryGuard.Mode.THROW), schedulers);
    }

    /** Mounts the main window on {@code stage} (on the FX thread) and shows it. */
    public static ConsoleGui show(Stage stage, Path dataDir, PreferencesStore store, QueryGuard guard,
                                  FxSchedulers schedulers) {
        UiPreferences prefs = store.load();
        List<Path> recent = prefs.recent().stream().map(Path::of).toList();
        MainViewModel vm = new MainViewModel(new GuardedSourceService(new DefaultSourceService(dataDir), guard),
                schedulers, recent, prefs.recentDatabases());
        BrowseViewModel browse = new BrowseViewModel(schedulers, s -> new BrowseQueries(s, new AuditDirtyVmIndex(s)));
        vm.sourceProperty().addListener((o, a, b) -> browse.setSource(b));
        ObjectProperty<Theme> theme = new SimpleObjectProperty<>(themeOf(prefs.theme()));
        java.util.concurrent.atomic.AtomicReference<ConsoleGui> self = new java.util.concurrent.atomic.AtomicReference<>();
        MainWindow window = new MainWindow(vm, browse, theme, new MainWindow.Actions(stage::close,
                () -> self.get().showAudit(), (operation, vms) -> self.get().showPreview(operation, vms),
                () -> self.get().showRepair()));

        WindowGeometry g = prefs.window() == null ? null : WindowPlacement.clamp(prefs.window(),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(), MIN_WIDTH, MIN_HEIGHT);
        Scene scene = new Scene(window.root(), g == null ? 1280 : g.width(), g == null ? 800 : g.height());
        Themes.apply(scene, theme.get());
        theme.addListener((o, a, b) -> Themes.apply(scene, b));
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleBinding());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (g != null) {
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setMaximized(g.maximized());
        }
        Map<String, TableView<?>> tables = window.browse().rememberedTables();
        tables.forEach((id, table) -> apply(table, prefs.tables().get(id)));
        if (prefs.vmSplit() != null && prefs.vmSplit() > 0.1 && prefs.vmSplit() < 0.9) {
            window.browse().vmSplit().setDividerPositions(prefs.vmSplit());
        }

        ConsoleGui gui = new ConsoleGui(vm, browse, window, stage, theme, schedulers, dataDir);
        self.set(gui);
        vm.recent().addListener((ListChangeListener<Path>) c -> gui.store(store, store.load()));
        vm.recentDatabases().addListener((ListChangeListener<RecentDatabase>) c -> gui.store(store, store.load()));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            gui.store(store, gui.capture(store.load()));
            gui.auditViewModel.close();
            if (gui.runViewModel != null) {
                gui.runViewModel.close();
            }
            browse.close();
            vm.close();
        });
        stage.show();
        return gui;
    }

    private static <T> void apply(TableView<T> table, TableLayout layout) {
        TableLayouts.apply(table, layout);
    }

    private static Theme themeOf(String name) {
        for (Theme t : Theme.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return Theme.LIGHT;
    }

    /** The preferences as the window stands now. */
    UiPreferences capture(UiPreferences base) {
        Map<String, TableLayout> layouts = new LinkedHashMap<>();
        window.browse().rememberedTables().forEach((id, table) -> layouts.put(id, TableLayouts.capture(table)));
        WindowGeometry geometry = stage.isMaximized() && base.window() != null
                ? new WindowGeometry(base.window().x(), base.window().y(), base.window().width(), base.window().height(), true)
                : new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        double[] dividers = window.browse().vmSplit().getDividerPositions();
        return base.withWindow(geometry).withTheme(theme.get().name()).withTables(layouts)
                .withVmSplit(dividers.length > 0 ? dividers[0] : null).withRecent(recentNames())
                .withRecentDatabases(List.copyOf(viewModel.recentDatabases()));
    }

    private List<String> recentNames() {
        return viewModel.recent().stream().map(Path::toString).toList();
    }

    private void store(dev.tpmconsole.views.prefs.PreferencesStore store, UiPreferences base) {
        try {
            store.save(base.withRecent(recentNames()).withRecentDatabases(List.copyOf(viewModel.recentDatabases())));
        } catch (IOException e) {
            System.err.println("tpm-console: cannot save preferences: " + e.getMessage());
        }
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public BrowseViewModel browseViewModel() {
        return browseViewModel;
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public ObjectProperty<Theme> theme() {
        return theme;
    }

    /** The visible bounds of the screens, for tests of the placement. */
    static List<Rectangle2D> screens() {
        return Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
    }
}
