package dev.tpmconsole.app;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.audit.AuditView;
import dev.tpmconsole.views.audit.AuditViewModel;
import dev.tpmconsole.views.browse.BrowseViewModel;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.views.overview.OverviewViewModel;
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
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.views.log.EventLogView;
import dev.tpmconsole.views.log.EventLogViewModel;
import dev.tpmconsole.views.main.AboutView;
import dev.tpmconsole.views.main.Shortcuts;
import dev.tpmconsole.views.main.ShortcutsView;
import dev.tpmconsole.views.prefs.PreferencesView;
import dev.tpmconsole.views.prefs.PreferencesViewModel;
import dev.tpmconsole.views.util.AppIcons;
import dev.tpmconsole.views.util.Appearance;
import dev.tpmconsole.views.util.DialogService;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.ErrorDialog;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.UncaughtErrors;
import dev.tpmconsole.views.util.Windows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Builds the main window and wires it: view-models get their collaborators through their constructors,
 * every source is guarded against queries on the FX thread, the preferences (window geometry, theme, font
 * size, confirmations, recent snapshots, table layouts) are applied on start and stored when they change or
 * the window closes, what happens is written to the event log, and the secondary windows (audit, preview,
 * run, repair, preferences, event log, shortcuts, About) are opened from here. Used by the {@code gui}
 * command and by the UI tests, which mount it on their own stage.
 */
public final class ConsoleGui {

    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;
    /** How many events the event log window keeps. */
    public static final int EVENTS_KEPT = 5000;

    /**
     * What the window needs from whoever starts it.
     *
     * @param dataDir   where the demo snapshot and the event log file are kept
     * @param store     the preferences
     * @param preferencesFile where the store keeps them (shown in the preferences window), or null
     * @param guard     refuses queries on the FX thread
     * @param schedulers background and FX schedulers
     * @param events    the event log
     * @param catalogueFile the console's catalogue (history, acknowledgements, runs), or null for none
     * @param ssh       how hosts and management nodes are reached by SSH (the person's ~/.ssh by default)
     */
    public record Setup(Path dataDir, PreferencesStore store, Path preferencesFile, QueryGuard guard,
                        FxSchedulers schedulers, EventLog events, Path catalogueFile,
                        java.util.function.Supplier<dev.tpmconsole.model.ssh.SshSettings> ssh) {

        public Setup {
            ssh = ssh == null ? dev.tpmconsole.model.ssh.SshSettings::defaults : ssh;
        }

        /** With the person's own SSH setup. */
        public Setup(Path dataDir, PreferencesStore store, Path preferencesFile, QueryGuard guard,
                     FxSchedulers schedulers, EventLog events, Path catalogueFile) {
            this(dataDir, store, preferencesFile, guard, schedulers, events, catalogueFile, null);
        }

        /** Without a catalogue, with the person's own SSH setup. */
        public Setup(Path dataDir, PreferencesStore store, Path preferencesFile, QueryGuard guard,
                     FxSchedulers schedulers, EventLog events) {
            this(dataDir, store, preferencesFile, guard, schedulers, events, null);
        }
    }

    private final MainViewModel viewModel;
    private final BrowseViewModel browseViewModel;
    private final MainWindow window;
    private final Stage stage;
    private final Appearance appearance;
    private final PreferencesViewModel preferences;
    private final ConsoleEvents events;
    private final Setup setup;
    /** Opens every window of the console. */
    private final Windows windows;
    private final PreferencesBinder prefs;

    private final FxSchedulers schedulers;
    private final Path dataDir;
    private final AuditViewModel auditViewModel;
    private final dev.tpmconsole.model.pipeline.Runs.HostWork sshHostWork;
    private final javafx.beans.property.ObjectProperty<Catalogue> catalogue;
    private final OverviewViewModel overview;
    private Stage auditStage;
    private Stage previewStage;
    private Stage runStage;
    private Stage repairStage;
    private RepairViewModel repairViewModel;
    private RunViewModel runViewModel;
    private PreviewViewModel previewViewModel;
    private Stage preferencesStage;
    private Stage eventLogStage;
    private EventLogViewModel eventLogViewModel;
    private Stage shortcutsStage;
    private Stage aboutStage;
    private ErrorDialog errorDialog;

    private ConsoleGui(MainViewModel viewModel, BrowseViewModel browseViewModel, MainWindow window, Stage stage,
                       Appearance appearance, PreferencesViewModel preferences, Setup setup,
                       dev.tpmconsole.model.ssh.SshPrompts prompts,
                       javafx.beans.property.ObjectProperty<Catalogue> catalogue, OverviewViewModel overview,
                       Windows windows, PreferencesBinder prefs) {
        this.setup = setup;
        this.windows = windows;
        this.prefs = prefs;
        // a run's host work over SSH: an SSH client of the person's ~/.ssh for that run, asking over this window
        this.sshHostWork = runId -> dev.tpmconsole.model.hosts.SshHostMover.owning(
                new dev.tpmconsole.model.ssh.SshHosts(setup.ssh().get(), prompts), runId, 8);
        this.catalogue = catalogue;
        this.overview = overview;
        this.dataDir = setup.dataDir();
        this.viewModel = viewModel;
        this.browseViewModel = browseViewModel;
        this.window = window;
        this.stage = stage;
        this.appearance = appearance;
        this.preferences = preferences;
        this.schedulers = setup.schedulers();
        this.events = new ConsoleEvents(setup.events());
        this.auditViewModel = new AuditViewModel(viewModel.sourceProperty(), catalogue, Clock.systemUTC(), schedulers,
                vmUuid -> {
                    window.browse().showVm(vmUuid);
                    stage.toFront();
                });
        // the overview follows what the audit window recorded and acknowledged
        auditViewModel.recordedProperty().addListener((o, a, b) -> overview.refresh());
        auditViewModel.ackChangedProperty().addListener((o, a, b) -> overview.refresh());
        // the VM list marks the VMs the last audit found something about
        browseViewModel.vms().markedProperty().bind(auditViewModel.vmsWithFindingsProperty());
        events.watch(viewModel);
        events.watch(auditViewModel);
        events.watch(appearance);
    }

    /** Opens (or brings forward) the audit window of the open source. */
    public void showAudit() {
        if (auditStage == null) {
            auditStage = windows.stage(null);
            auditStage.setScene(windows.scene(new AuditView(auditViewModel, new FxDialogService(auditStage, appearance)).root(),
                    86, 50));
            auditStage.titleProperty().bind(I18n.computed(() -> I18n.t("ui.window.audit.title",
                    viewModel.titleBinding().get()), viewModel.titleBinding()));
        }
        Windows.bringForward(auditStage);
    }

    /** Opens the preview of a reset or remove of these VMs (replacing a previous preview). */
    public void showPreview(PreviewViewModel.Operation operation, List<String> vmUuids) {
        Source shown = viewModel.sourceProperty().get();
        if (shown == null || vmUuids.isEmpty()) {
            return;
        }
        if (previewViewModel != null) {
            previewViewModel.close();
        }
        previewViewModel = new PreviewViewModel(shown, schedulers, Clock.systemUTC());
        events.watch(previewViewModel);
        if (previewStage == null) {
            previewStage = windows.stage(null);
        }
        Stage target = previewStage;
        // the plan runs on the source it was made on, whatever the main window shows by then
        previewStage.setScene(windows.scene(new PreviewView(previewViewModel, target::close,
                (plan, overSsh) -> showRun(plan, shown, overSsh), confirmations(target, shown),
                preferences.hostWorkOverSshProperty()).root(), 86, 51));
        previewStage.titleProperty().bind(previewViewModel.titleProperty());
        previewViewModel.load(operation, vmUuids);
        Windows.bringForward(previewStage);
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
                runService(shown));
        events.watch(repairViewModel);
        repairViewModel.runProperty().addListener((o, a, run) -> {
            events.watch(run, run.plan(), shown, "repair");
            run.outcomeProperty().addListener((p, x, b) -> {
                if (b != null) {
                    databaseChanged(shown);
                }
            });
        });
        if (repairStage == null) {
            repairStage = windows.stage(null);
        }
        Stage target = repairStage;
        repairStage.setScene(windows.scene(new RepairView(repairViewModel, confirmations(target, shown), target::close).root(),
                86, 54));
        repairStage.titleProperty().bind(I18n.text("ui.window.repair.title", shown.displayName()));
        Windows.bringForward(repairStage);
    }

    /**
     * A run or repair changed {@code changed}: if the window still shows it, its lists, counts and any audit report
     * are out of date and it is no longer read-only (the title and the badge say "changed by a run"); the overview
     * (the catalogue's runs) is out of date either way.
     */
    private void databaseChanged(Source changed) {
        if (viewModel.sourceProperty().get() != changed) {
            overview.refresh();
            return;
        }
        browseViewModel.reload();
        viewModel.sourceChangedByRun();
        auditViewModel.invalidate();
        overview.sourceChanged();
    }

    /** Runs on {@code shown}, recorded in the catalogue (a problem with it goes to the event log). */
    private SourceRunService runService(Source shown) {
        return new SourceRunService(shown, dataDir, Schedulers.io(), sshHostWork, catalogue::get,
                problem -> events.log().warning("catalogue", problem, null));
    }

    /** The console's catalogue, once open (null while it opens, or without one). */
    public Catalogue catalogue() {
        return catalogue.get();
    }

    public OverviewViewModel overviewViewModel() {
        return overview;
    }

    /**
     * Opens the catalogue once the first source's VMs are listed and painted (or it could not be opened): starting its
     * persistence layer takes seconds of CPU that would otherwise delay the first rows on a small machine. Until
     * then the overview says the catalogue is opening. The console always opens a source at its start (the demo
     * without one); a window that never opens one never opens the catalogue.
     */
    private void openCatalogueAfterFirstRows(Path file) {
        if (file == null) {
            return;
        }
        overview.catalogueOpeningProperty().set(true);
        // the first source's VMs are listed, or could not be; or the source could not be opened (an open that
        // fails always says why)
        javafx.beans.binding.BooleanBinding firstShown = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> browseViewModel.vms().rows().loadedProperty().get()
                        || !browseViewModel.vms().rows().errorProperty().get().isEmpty()
                        || !viewModel.errorProperty().get().isEmpty(),
                browseViewModel.vms().rows().loadedProperty(), browseViewModel.vms().rows().errorProperty(),
                viewModel.errorProperty());
        once(firstShown, () -> afterNextPulse(() -> openCatalogue(file)));
    }

    /** Runs {@code action} on the FX thread once the next pulse has laid out and painted the main window. */
    private void afterNextPulse(Runnable action) {
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(action);
            }
        });
        Platform.requestNextPulse();
    }

    /** Conditions {@link #once} waits for: their properties hold them only weakly. */
    private final List<javafx.beans.value.ObservableBooleanValue> awaited = new java.util.ArrayList<>();

    /** Runs {@code action} once, on the FX thread, the first time {@code condition} holds (now if it does). */
    private void once(javafx.beans.value.ObservableBooleanValue condition, Runnable action) {
        if (condition.get()) {
            action.run();
            return;
        }
        awaited.add(condition);
        condition.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) {
                    o.removeListener(this);
                    awaited.remove(condition);
                    action.run();
                }
            }
        });
    }

    /**
     * Shows the audit window and runs an audit once a source is open and the catalogue has opened (or there is
     * none), so that the audit is recorded in its history (the {@code --audit} of the {@code gui} command).
     */
    public void auditOnceOpen() {
        javafx.beans.binding.BooleanBinding ready = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.sourceProperty().get() != null && !overview.catalogueOpeningProperty().get(),
                viewModel.sourceProperty(), overview.catalogueOpeningProperty());
        once(ready, () -> {
            showAudit();
            auditViewModel.run();
        });
    }

    /**
     * Opens the catalogue in the background; a notice (a damaged one set aside, a newer console's left alone) goes
     * under the menu bar and into the event log.
     */
    private void openCatalogue(Path file) {
        if (file == null) {
            return;
        }
        overview.catalogueOpeningProperty().set(true);
        io.reactivex.rxjava3.core.Single.fromCallable(() -> {
                    Catalogue.Opened opened = Catalogue.open(file, Clock.systemUTC());
                    if (opened.usable()) {
                        try {
                            opened.catalogue().warmUp();
                        } catch (Catalogue.Failure | RuntimeException e) {
                            // the catalogue is used as it is: the overview says what it cannot read
                        }
                    }
                    return opened;
                })
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                .doFinally(() -> overview.catalogueOpeningProperty().set(false))
                .subscribe(opened -> {
                    if (opened.notice() != null) {
                        viewModel.showNotice(opened.why());
                        events.log().warning("catalogue", opened.notice(), null);
                    }
                    if (!closed) {
                        catalogue.set(opened.catalogue());
                    } else if (opened.catalogue() != null) {
                        opened.catalogue().close();
                    }
                }, t -> events.log().error("catalogue", I18n.t("ui.event.catalogueCannotOpen", String.valueOf(t)), t));
    }

    private boolean closed;

    /** Records a host scan of the Hosts tab (on the scan's thread); a problem with the catalogue goes to the event log. */
    private void recordHostScan(Source source, dev.tpmconsole.model.hosts.HostScanReport report, long durationMs) {
        Catalogue c = catalogue.get();
        if (c == null) {
            return;
        }
        try {
            c.recordHostScan(dev.tpmconsole.model.catalogue.CloudMarkers.read(source), report, durationMs);
            schedulers.fx().scheduleDirect(overview::refresh);
        } catch (Catalogue.Failure | java.sql.SQLException | RuntimeException e) {
            events.log().warning("catalogue", I18n.t("ui.event.hostScanNotRecorded", e instanceof Catalogue.Failure
                    ? e.getLocalizedMessage() : I18n.t("ui.event.catalogueFailed", String.valueOf(e))), null);
        }
    }

    public RepairViewModel repairViewModel() {
        return repairViewModel;
    }

    /** Opens the run window for a confirmed plan on the open source and starts it; its host work is exported. */
    public void showRun(Plan plan) {
        showRun(plan, viewModel.sourceProperty().get(), false);
    }

    /**
     * Opens the run window for a confirmed plan on {@code shown} (the source it was made on) and starts it, its host
     * work done over SSH or exported.
     */
    public void showRun(Plan plan, Source shown, boolean hostWorkOverSsh) {
        if (shown == null) {
            return;
        }
        if (runViewModel != null) {
            runViewModel.close();
        }
        runViewModel = new RunViewModel(runService(shown), schedulers, Schedulers.computation(), plan);
        runViewModel.hostWorkOverSshProperty().set(hostWorkOverSsh);
        events.watch(runViewModel, plan, shown, "run");
        runViewModel.outcomeProperty().addListener((o, a, b) -> {
            if (b != null) {
                databaseChanged(shown);
            }
        });
        if (runStage == null) {
            runStage = windows.stage(null);
        }
        Stage target = runStage;
        runStage.setScene(windows.scene(new RunView(runViewModel, target::close).root(), 86, 54));
        runStage.titleProperty().bind(I18n.text("ui.window.run.title", String.valueOf(plan.operation()),
                shown.displayName()));
        Windows.bringForward(runStage);
        runViewModel.start();
    }

    public RunViewModel runViewModel() {
        return runViewModel;
    }

    public Stage runStage() {
        return runStage;
    }

    /**
     * The confirmations of runs from {@code owner} on {@code source} (the window's own, not whatever the main
     * window shows by then): asked in a dialog, except a run on a snapshot when the preferences say not to
     * ask (a live database is always asked). A run started without asking says so in the event log.
     */
    private DialogService confirmations(Stage owner, Source source) {
        FxDialogService dialogs = new FxDialogService(owner, appearance);
        boolean snapshot = source.snapshotFile().isPresent();
        return new DialogService() {
            private boolean notAsked(String title, String action) {
                if (snapshot && !preferences.confirmRunOnSnapshotProperty().get()) {
                    events.log().info("run", I18n.t("ui.event.notAsked", title, action));
                    return true;
                }
                return false;
            }

            @Override
            public boolean confirm(String title, String message, String action) {
                return notAsked(title, action) || dialogs.confirm(title, message, action);
            }

            @Override
            public java.util.Optional<Boolean> confirm(String title, String message, String action, String choice,
                                                       boolean initial) {
                return notAsked(title, action) ? java.util.Optional.of(initial)
                        : dialogs.confirm(title, message, action, choice, initial);
            }
        };
    }

    /** Opens (or brings forward) the preferences window. */
    public void showPreferences() {
        if (preferencesStage == null) {
            preferencesStage = windows.stage("ui.window.preferences.title");
            Stage target = preferencesStage;
            preferencesStage.setScene(windows.scene(new PreferencesView(preferences, setup.preferencesFile(), target::close)
                    .root(), 46, 22));
        }
        Windows.bringForward(preferencesStage);
    }

    /** Opens (or brings forward) the event log window. */
    public void showEventLog() {
        if (eventLogStage == null) {
            eventLogStage = windows.stage("ui.window.eventLog.title");
            eventLogViewModel = new EventLogViewModel(events.log(), schedulers.fx());
            Stage target = eventLogStage;
            eventLogStage.setScene(windows.scene(new EventLogView(eventLogViewModel, target::close).root(), 80, 40));
        }
        Windows.bringForward(eventLogStage);
    }

    /** Shows the keyboard shortcuts: the menus' own, then those inside views. */
    public void showShortcuts() {
        if (shortcutsStage == null) {
            shortcutsStage = windows.stage("ui.window.shortcuts.title");
            Stage target = shortcutsStage;
            shortcutsStage.setScene(windows.scene(new ShortcutsView(() -> Shortcuts.all(window.commands()), target::close).root(),
                    56, 40));
        }
        Windows.bringForward(shortcutsStage);
    }

    /** Shows the About box: versions and where the console keeps its files. */
    public void showAbout() {
        if (aboutStage == null) {
            aboutStage = windows.stage("ui.window.about.title");
            Stage target = aboutStage;
            List<Map.Entry<String, String>> folders = new java.util.ArrayList<>();
            folders.add(Map.entry("ui.about.dataFolder", dataDir.toAbsolutePath().toString()));
            if (setup.catalogueFile() != null) {
                folders.add(Map.entry("ui.about.catalogue", setup.catalogueFile().toAbsolutePath().toString()));
            }
            if (setup.preferencesFile() != null) {
                folders.add(Map.entry("ui.about.preferences", setup.preferencesFile().toAbsolutePath().toString()));
            }
            if (events.log().file() != null) {
                folders.add(Map.entry("ui.about.eventLog", events.log().file().toAbsolutePath().toString()));
            }
            // as large as its content: the versions and paths decide
            aboutStage.setScene(windows.fitted(new AboutView(AppIcons.view(4), VersionProvider.versions(),
                    folders, target::close).root()));
            aboutStage.setResizable(false);
        }
        Windows.bringForward(aboutStage);
    }

    /**
     * Catches what nobody caught, from now on: errors are logged and shown in a dialog over the main window.
     * Call on the FX thread; close the result to put the previous handlers back.
     */
    public UncaughtErrors catchUncaughtErrors() {
        errorDialog = new ErrorDialog(stage, appearance, VersionProvider::text, this::showEventLog);
        return UncaughtErrors.install(events.log(), errorDialog::show);
    }

    /** A system property that chooses the language of this start, as {@code --lang} does (for launchers and tests). */
    public static final String LANGUAGE_PROPERTY = "tpm.console.lang";

    /**
     * The language a {@code --lang} chose for this start (the command line's, else {@link #LANGUAGE_PROPERTY}),
     * or null.
     */
    static Language languageOverride() {
        String tag = System.getProperty(LANGUAGE_PROPERTY);
        if (tag == null || tag.isBlank()) {
            return CommandLineLanguage.given().orElse(null);
        }
        try {
            return Language.of(tag);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Quits, after asking when a run, a repair or an import is going and the preferences say to ask. */
    public void requestQuit() {
        if (mayQuit()) {
            stage.close();
        }
    }

    private boolean mayQuit() {
        String busy = busyWith();
        if (busy == null || !preferences.confirmQuitWhileBusyProperty().get()) {
            return true;
        }
        String going = I18n.t(switch (busy) {
            case "a run" -> "ui.quit.busy.run";
            case "a repair" -> "ui.quit.busy.repair";
            default -> "ui.quit.busy.import";
        });
        boolean quit = new FxDialogService(stage, appearance).confirm(I18n.t("ui.quit.title", going),
                I18n.t("ui.quit.message", going), I18n.t("ui.quit.action"));
        if (quit) {
            events.log().warning("app", I18n.t("ui.event.quitWhileBusy", going), null);
        }
        return quit;
    }

    /** What is still going ("a run", "an import"), or null. */
    String busyWith() {
        if (runViewModel != null && runViewModel.runningProperty().get()) {
            return "a run";
        }
        if (repairViewModel != null && repairViewModel.runProperty().get() != null
                && repairViewModel.runProperty().get().runningProperty().get()) {
            return "a repair";
        }
        if (viewModel.importer().runningProperty().get()) {
            return "an import";
        }
        return null;
    }

    public Appearance appearance() {
        return appearance;
    }

    public PreferencesViewModel preferences() {
        return preferences;
    }

    public EventLog eventLog() {
        return events.log();
    }

    public EventLogViewModel eventLogViewModel() {
        return eventLogViewModel;
    }

    public ErrorDialog errorDialog() {
        return errorDialog;
    }

    public Stage preferencesStage() {
        return preferencesStage;
    }

    public Stage aboutStage() {
        return aboutStage;
    }

    public Stage eventLogStage() {
        return eventLogStage;
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

    /** The window with an event log in memory only. */
    public static ConsoleGui show(Stage stage, Path dataDir, PreferencesStore store, QueryGuard guard,
                                  FxSchedulers schedulers) {
        return show(stage, new Setup(dataDir, store, null, guard, schedulers, new EventLog(EVENTS_KEPT, Clock.systemUTC())));
    }

    /** Mounts the main window on {@code stage} (on the FX thread) and shows it. */
    public static ConsoleGui show(Stage stage, Setup setup) {
        return show(stage, setup, vm -> { });
    }

    /**
     * As {@link #show(Stage, Setup)}; {@code first} is given the main view-model before the window is made, to start
     * opening the first source (the window then starts on its VMs, not on the welcome page).
     */
    public static ConsoleGui show(Stage stage, Setup setup, java.util.function.Consumer<MainViewModel> first) {
        Path dataDir = setup.dataDir();
        PreferencesStore store = setup.store();
        FxSchedulers schedulers = setup.schedulers();
        QueryGuard guard = setup.guard();
        PreferencesBinder binder = new PreferencesBinder(store, e -> setup.events().warning("preferences",
                I18n.t("ui.event.preferencesNotSaved", e.getLocalizedMessage()), EventLog.stackTrace(e)));
        UiPreferences prefs = binder.current();
        String preferencesProblem = binder.loadProblem();
        List<Path> recent = prefs.recent().stream().map(Path::of).toList();
        Appearance appearance = new Appearance(themeOf(prefs.theme()),
                prefs.fontSize() == null ? (int) Em.DEFAULT_FONT_SIZE : prefs.fontSize());
        // passphrases and unknown host keys are asked over the main window, one dialog at a time
        dev.tpmconsole.model.ssh.SshPrompts prompts = new dev.tpmconsole.views.hosts.FxSshPrompts(
                () -> new FxDialogService(stage, appearance));
        MainViewModel vm = new MainViewModel(new GuardedSourceService(new DefaultSourceService(dataDir, setup.ssh(),
                prompts), guard), schedulers, recent, prefs.recentDatabases());
        BrowseViewModel browse = new BrowseViewModel(schedulers, s -> new BrowseQueries(s, new AuditDirtyVmIndex(s)),
                p -> new dev.tpmconsole.model.ssh.SshHosts(setup.ssh().get(), p), prompts);
        vm.sourceProperty().addListener((o, a, b) -> browse.setSource(b));
        first.accept(vm);
        javafx.beans.property.ObjectProperty<Catalogue> catalogue = new javafx.beans.property.SimpleObjectProperty<>();
        OverviewViewModel overview = new OverviewViewModel(vm.sourceProperty(), catalogue, schedulers);
        browse.scan().reportProperty().addListener((o, a, r) -> {
            if (r != null) {
                setup.events().info("hosts", I18n.t("ui.event.hostScan", r.source(), r.hosts().size(),
                        r.findings().size(), String.valueOf(r.counts())));
            }
        });
        browse.scan().errorProperty().addListener((o, a, e) -> {
            if (e != null && !e.isEmpty()) {
                setup.events().warning("hosts", I18n.t("ui.event.hostScanFailed", e), null);
            }
        });
        PreferencesViewModel preferences = new PreferencesViewModel(appearance, prefs.confirmations(),
                prefs.chosenLanguage());
        // the windows' language: a --lang of this start, else the preference (else the desktop's); choosing one in
        // the preferences applies it at once (and saves it), a --lang is never saved
        Language startLanguage = languageOverride();
        I18n.languageProperty().set(startLanguage != null ? startLanguage : preferences.effectiveLanguage());
        preferences.languageProperty().addListener((o, a, b) ->
                I18n.languageProperty().set(preferences.effectiveLanguage()));
        Windows windows = new Windows(appearance, () -> stage);
        java.util.concurrent.atomic.AtomicReference<ConsoleGui> self = new java.util.concurrent.atomic.AtomicReference<>();
        MainWindow window = new MainWindow(vm, browse, windows, new MainWindow.Actions(
                () -> self.get().requestQuit(),
                () -> self.get().showAudit(), (operation, vms) -> self.get().showPreview(operation, vms),
                () -> self.get().showRepair(), () -> self.get().showPreferences(), () -> self.get().showEventLog(),
                () -> self.get().showShortcuts(), () -> self.get().showAbout()), overview);

        WindowGeometry g = prefs.window() == null ? null : WindowPlacement.clamp(prefs.window(),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(), MIN_WIDTH, MIN_HEIGHT);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), g == null ? Windows.fit(Math.max(1280, windows.em(91)), screen.getWidth())
                : g.width(), g == null ? Windows.fit(Math.max(800, windows.em(57)), screen.getHeight()) : g.height());
        appearance.style(scene);
        stage.setScene(scene);
        stage.getIcons().setAll(windows.icons());
        stage.titleProperty().bind(vm.titleBinding());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (g != null) {
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setMaximized(g.maximized());
        }
        javafx.collections.ObservableMap<String, TableView<?>> tables = window.browse().rememberedTables();
        tables.forEach((id, table) -> apply(table, prefs.tables().get(id)));
        // a page made later (Hosts, Key providers) gets its tables' layouts as they are stored then
        tables.addListener((javafx.collections.MapChangeListener<String, TableView<?>>) c -> {
            if (c.wasAdded()) {
                apply(c.getValueAdded(), binder.current().tables().get(c.getKey()));
            }
        });
        if (prefs.vmSplit() != null && prefs.vmSplit() > 0.1 && prefs.vmSplit() < 0.9) {
            window.browse().vmSplit().setDividerPositions(prefs.vmSplit());
        }

        ConsoleGui gui = new ConsoleGui(vm, browse, window, stage, appearance, preferences, setup, prompts, catalogue,
                overview, windows, binder);
        self.set(gui);
        browse.scan().recordWith(gui::recordHostScan);
        gui.openCatalogueAfterFirstRows(setup.catalogueFile());
        vm.recent().addListener((ListChangeListener<Path>) c -> binder.update(gui::withRecent));
        vm.recentDatabases().addListener((ListChangeListener<RecentDatabase>) c -> binder.update(gui::withRecent));
        // saved as they change, once the person stops changing them (holding the font size's arrow saves once)
        javafx.animation.PauseTransition saveSoon = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
        saveSoon.setOnFinished(e -> binder.update(preferences::applyTo));
        for (javafx.beans.Observable o : preferences.dependencies()) {
            o.addListener(x -> saveSoon.playFromStart());
        }
        if (preferencesProblem != null) {
            vm.showNotice(preferencesProblem);
            setup.events().warning("preferences", preferencesProblem, null);
        }
        stage.setOnCloseRequest(e -> {
            if (!gui.mayQuit()) {
                e.consume();
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            binder.update(gui::capture);
            gui.auditViewModel.close();
            if (gui.runViewModel != null) {
                gui.runViewModel.close();
            }
            if (gui.eventLogViewModel != null) {
                gui.eventLogViewModel.close();
            }
            if (gui.repairViewModel != null) {
                gui.repairViewModel.close();
            }
            if (gui.previewViewModel != null) {
                gui.previewViewModel.close();
            }
            browse.close();
            overview.close();
            vm.close();
            gui.closed = true;
            if (catalogue.get() != null) {
                catalogue.get().close();
            }
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
        // the layouts of tables not made in this window (a page never shown) stay as they were stored
        Map<String, TableLayout> layouts = new LinkedHashMap<>(base.tables());
        window.browse().rememberedTables().forEach((id, table) -> layouts.put(id, TableLayouts.capture(table)));
        WindowGeometry geometry = stage.isMaximized() && base.window() != null
                ? new WindowGeometry(base.window().x(), base.window().y(), base.window().width(), base.window().height(), true)
                : new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        double[] dividers = window.browse().vmSplit().getDividerPositions();
        return preferences.applyTo(base).withWindow(geometry).withTables(layouts)
                .withVmSplit(dividers.length > 0 ? dividers[0] : null).withRecent(recentNames())
                .withRecentDatabases(List.copyOf(viewModel.recentDatabases()));
    }

    /** {@code base} with the recent snapshots and databases as the window has them now. */
    private UiPreferences withRecent(UiPreferences base) {
        return base.withRecent(recentNames()).withRecentDatabases(List.copyOf(viewModel.recentDatabases()));
    }

    private List<String> recentNames() {
        return viewModel.recent().stream().map(Path::toString).toList();
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
        return appearance.themeProperty();
    }

    /** The visible bounds of the screens, for tests of the placement. */
    static List<Rectangle2D> screens() {
        return Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
    }
}
