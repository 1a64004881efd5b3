package dev.tpmconsole.app;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.hosts.SshHostMover;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.model.ssh.SshSettings;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.audit.AuditView;
import dev.tpmconsole.views.audit.AuditViewModel;
import dev.tpmconsole.views.browse.BrowseViewModel;
import dev.tpmconsole.views.hosts.FxSshPrompts;
import dev.tpmconsole.views.log.EventLogView;
import dev.tpmconsole.views.log.EventLogViewModel;
import dev.tpmconsole.views.main.AboutView;
import dev.tpmconsole.views.main.GuardedSourceService;
import dev.tpmconsole.views.main.MainViewModel;
import dev.tpmconsole.views.main.MainWindow;
import dev.tpmconsole.views.main.Shortcuts;
import dev.tpmconsole.views.main.ShortcutsView;
import dev.tpmconsole.views.overview.OverviewViewModel;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.prefs.PreferencesView;
import dev.tpmconsole.views.prefs.PreferencesViewModel;
import dev.tpmconsole.views.prefs.UiPreferences;
import dev.tpmconsole.views.preview.PreviewView;
import dev.tpmconsole.views.preview.PreviewViewModel;
import dev.tpmconsole.views.repair.RepairView;
import dev.tpmconsole.views.repair.RepairViewModel;
import dev.tpmconsole.views.run.RunView;
import dev.tpmconsole.views.run.RunViewModel;
import dev.tpmconsole.views.run.SourceRunService;
import dev.tpmconsole.views.util.AppIcons;
import dev.tpmconsole.views.util.Appearance;
import dev.tpmconsole.views.util.DialogService;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.ErrorDialog;
import dev.tpmconsole.views.util.FxDialogService;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.UncaughtErrors;
import dev.tpmconsole.views.util.WindowSlot;
import dev.tpmconsole.views.util.When;
import dev.tpmconsole.views.util.Windows;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Builds the main window and wires it: view-models get their collaborators through their constructors,
 * every source is guarded against queries on the FX thread, what happens is written to the event log, and the
 * secondary windows (audit, preview, run, repair, preferences, event log, shortcuts, About) are opened from here,
 * each in its {@link WindowSlot}. The window's stored state is {@link MainWindowState}'s, the catalogue
 * {@link ConsoleCatalogue}'s. Used by the {@code gui} command and by the UI tests, which mount it on their own
 * stage.
 */
public final class ConsoleGui {

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
                        Supplier<SshSettings> ssh) {

        public Setup {
            ssh = ssh == null ? SshSettings::defaults : ssh;
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
    private final MainWindowState state;
    private final ConsoleCatalogue catalogue;
    private final AuditViewModel auditViewModel;
    private final Runs.HostWork sshHostWork;
    private final Windows windows;
    private final WindowSlot<AutoCloseable> audit;
    private final WindowSlot<PreviewViewModel> preview;
    private final WindowSlot<RunViewModel> run;
    private final WindowSlot<RepairViewModel> repair;
    private final WindowSlot<AutoCloseable> preferencesWindow;
    private final WindowSlot<EventLogViewModel> eventLog;
    private final WindowSlot<AutoCloseable> shortcuts;
    private final WindowSlot<AutoCloseable> about;
    private ErrorDialog errorDialog;

    private ConsoleGui(MainViewModel viewModel, BrowseViewModel browseViewModel, MainWindow window, Stage stage,
                       PreferencesViewModel preferences, Setup setup, SshPrompts prompts, ConsoleCatalogue catalogue,
                       Windows windows, MainWindowState state) {
        this.setup = setup;
        this.state = state;
        this.windows = windows;
        // a run's host work over SSH: an SSH client of the person's ~/.ssh for that run, asking over this window
        this.sshHostWork = runId -> SshHostMover.owning(new SshHosts(setup.ssh().get(), prompts), runId, 8);
        this.catalogue = catalogue;
        this.viewModel = viewModel;
        this.browseViewModel = browseViewModel;
        this.window = window;
        this.stage = stage;
        this.appearance = windows.appearance();
        this.preferences = preferences;
        this.events = new ConsoleEvents(setup.events());
        this.audit = new WindowSlot<>(windows, null);
        this.preview = new WindowSlot<>(windows, null);
        this.run = new WindowSlot<>(windows, null);
        this.repair = new WindowSlot<>(windows, null);
        this.preferencesWindow = new WindowSlot<>(windows, "ui.window.preferences.title");
        this.eventLog = new WindowSlot<>(windows, "ui.window.eventLog.title");
        this.shortcuts = new WindowSlot<>(windows, "ui.window.shortcuts.title");
        this.about = new WindowSlot<>(windows, "ui.window.about.title");
        this.auditViewModel = new AuditViewModel(viewModel.sourceProperty(), catalogue.property(), Clock.systemUTC(),
                setup.schedulers(), vmUuid -> {
                    window.browse().showVm(vmUuid);
                    stage.toFront();
                });
        // the overview follows what the audit window recorded and acknowledged
        auditViewModel.marks().recordedProperty().addListener((o, a, b) -> catalogue.overview().refresh());
        auditViewModel.marks().ackChangedProperty().addListener((o, a, b) -> catalogue.overview().refresh());
        // the VM list marks the VMs the last audit found something about
        browseViewModel.vms().markedProperty().bind(auditViewModel.vmsWithFindingsProperty());
        events.watch(viewModel);
        events.watch(auditViewModel);
        events.watch(appearance);
    }

    /** Opens (or brings forward) the audit window of the open source. */
    public void showAudit() {
        audit.showOnce(() -> null, (none, s) -> {
            s.titleProperty().bind(I18n.computed(() -> I18n.t("ui.window.audit.title", viewModel.titleBinding().get()),
                    viewModel.titleBinding()));
            return windows.scene(new AuditView(auditViewModel, new FxDialogService(s, appearance), s::close).root(),
                    86, 50);
        });
    }

    /** Opens the preview of a reset or remove of these VMs (replacing a previous preview), planned once it shows. */
    public void showPreview(PreviewViewModel.Operation operation, List<String> vmUuids) {
        Source shown = viewModel.sourceProperty().get();
        if (shown == null || vmUuids.isEmpty()) {
            return;
        }
        PreviewViewModel vm = new PreviewViewModel(shown, setup.schedulers(), Clock.systemUTC());
        events.watch(vm);
        // the plan runs on the source it was made on, whatever the main window shows by then
        preview.showNew(vm, (m, s) -> {
            s.titleProperty().bind(m.titleProperty());
            return windows.scene(new PreviewView(m, s::close, (plan, overSsh) -> showRun(plan, shown, overSsh),
                    confirmations(s, shown), preferences.hostWorkOverSshProperty()).root(), 86, 51);
        });
        preview.afterShow(() -> vm.load(operation, vmUuids));
    }

    /** Opens the guided repair of key refs on the open source. */
    public void showRepair() {
        Source shown = viewModel.sourceProperty().get();
        if (shown == null) {
            return;
        }
        // acknowledged findings are left unchosen: the catalogue open now says which
        RepairViewModel vm = new RepairViewModel(shown, setup.schedulers(), Schedulers.computation(), Clock.systemUTC(),
                runService(shown), catalogue());
        events.watch(vm);
        vm.runProperty().addListener((o, a, r) -> {
            events.watch(r, r.plan(), shown, "repair");
            r.settledProperty().addListener((p, x, b) -> changedByRun(b, shown));
        });
        repair.showNew(vm, (m, s) -> {
            s.titleProperty().bind(I18n.text("ui.window.repair.title", shown.displayName()));
            return windows.scene(new RepairView(m, confirmations(s, shown), s::close).root(), 86, 54);
        });
    }

    /** Opens the run window for a confirmed plan on the open source and starts it; its host work is exported. */
    public void showRun(Plan plan) {
        showRun(plan, viewModel.sourceProperty().get(), false);
    }

    /**
     * How long after its window shows a run starts: the run window's first frames have the two cores for that long, and
     * its check beside them made the window's longest gaps between pulses (decision 0039).
     */
    static final javafx.util.Duration RUN_SETTLE = javafx.util.Duration.millis(200);

    /**
     * Opens the run window for a confirmed plan on {@code shown} (the source it was made on) and starts the run
     * {@link #RUN_SETTLE} after the window shows, its host work done over SSH or exported.
     */
    public void showRun(Plan plan, Source shown, boolean hostWorkOverSsh) {
        if (shown == null) {
            return;
        }
        RunViewModel vm = new RunViewModel(runService(shown), setup.schedulers(), Schedulers.computation(), plan);
        vm.hostWorkOverSshProperty().set(hostWorkOverSsh);
        events.watch(vm, plan, shown, "run");
        vm.settledProperty().addListener((o, a, b) -> changedByRun(b, shown));
        run.showNew(vm, (m, s) -> {
            s.titleProperty().bind(I18n.text("ui.window.run.title", RunViewModel.operationName(plan.operation()),
                    shown.displayName()));
            return windows.scene(new RunView(m, s::close).root(), 86, 54);
        });
        run.afterShow(vm::start, RUN_SETTLE);
    }

    /**
     * A run or repair on {@code changed} ended, and its re-audit too ({@code outcome} not null): if the window still
     * shows that source, its lists, counts and any audit report are out of date and it is no longer read-only (the
     * title and the badge say "changed by a run"); the overview (the catalogue's runs) is out of date either way. The
     * lists are read again after the run window's re-audit, not beside it: the two shared the processors while the
     * run window showed its end, and made its longest pulses.
     */
    private void changedByRun(Object outcome, Source changed) {
        if (outcome == null) {
            return;
        }
        if (viewModel.sourceProperty().get() != changed) {
            catalogue.overview().refresh();
            return;
        }
        browseViewModel.reload();
        viewModel.sourceChangedByRun();
        auditViewModel.invalidate();
        catalogue.overview().sourceChanged();
    }

    /** Runs on {@code shown}, recorded in the catalogue (a problem with it goes to the event log). */
    private SourceRunService runService(Source shown) {
        return new SourceRunService(shown, setup.dataDir(), Schedulers.io(), sshHostWork, catalogue.property()::get,
                catalogue::warn);
    }

    /**
     * Shows the audit window and runs an audit once a source is open and the catalogue has opened (or there is
     * none), so that the audit is recorded in its history (the {@code --audit} of the {@code gui} command). The audit
     * starts when the window has shown, as from its Run button ({@link WindowSlot#afterShow}).
     */
    public void auditOnceOpen() {
        OverviewViewModel overview = catalogue.overview();
        catalogue.once(Bindings.createBooleanBinding(
                () -> viewModel.sourceProperty().get() != null && !overview.catalogueOpeningProperty().get(),
                viewModel.sourceProperty(), overview.catalogueOpeningProperty()), () -> {
                    showAudit();
                    audit.afterShow(auditViewModel::run);
                });
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
            public Optional<Boolean> confirm(String title, String message, String action, String choice,
                                             boolean initial) {
                return notAsked(title, action) ? Optional.of(initial)
                        : dialogs.confirm(title, message, action, choice, initial);
            }
        };
    }

    /** Opens (or brings forward) the preferences window. */
    public void showPreferences() {
        // as tall as the form and its notes need at its width, at any font size and in either language
        preferencesWindow.showOnce(() -> null, (none, s) -> windows.fittedToWidth(new PreferencesView(preferences,
                setup.preferencesFile(), s::close).root(), 46));
    }

    /** Opens (or brings forward) the event log window. */
    public void showEventLog() {
        eventLog.showOnce(() -> new EventLogViewModel(events.log(), setup.schedulers().fx()),
                (vm, s) -> windows.scene(new EventLogView(vm, s::close).root(), 80, 40));
    }

    /** Shows the keyboard shortcuts: the menus' own, then those inside views. */
    public void showShortcuts() {
        shortcuts.showOnce(() -> null, (none, s) -> windows.scene(new ShortcutsView(
                () -> Shortcuts.all(window.commands()), s::close).root(), 56, 40));
    }

    /** Shows the About box: versions and where the console keeps its files. */
    public void showAbout() {
        about.showOnce(() -> null, (none, s) -> {
            List<Map.Entry<String, String>> folders = new ArrayList<>();
            folders.add(Map.entry("ui.about.dataFolder", setup.dataDir().toAbsolutePath().toString()));
            if (setup.catalogueFile() != null) {
                folders.add(Map.entry("ui.about.catalogue", setup.catalogueFile().toAbsolutePath().toString()));
            }
            if (setup.preferencesFile() != null) {
                folders.add(Map.entry("ui.about.preferences", setup.preferencesFile().toAbsolutePath().toString()));
            }
            if (events.log().file() != null) {
                folders.add(Map.entry("ui.about.eventLog", events.log().file().toAbsolutePath().toString()));
            }
            s.setResizable(false);
            // as large as its content: the versions and paths decide
            return windows.fitted(new AboutView(AppIcons.view(4), VersionProvider.versions(), folders, s::close)
                    .root());
        });
    }

    /**
     * Catches what nobody caught, from now on: errors are logged and shown in a dialog over the main window.
     * Call on the FX thread; close the result to put the previous handlers back.
     */
    public UncaughtErrors catchUncaughtErrors() {
        errorDialog = new ErrorDialog(stage, appearance, VersionProvider::text, this::showEventLog);
        return UncaughtErrors.install(events.log(), errorDialog::show);
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
        String going = I18n.t(busy);
        boolean quit = new FxDialogService(stage, appearance).confirm(I18n.t("ui.quit.title", going),
                I18n.t("ui.quit.message", going), I18n.t("ui.quit.action"));
        if (quit) {
            events.log().warning("app", I18n.t("ui.event.quitWhileBusy", going), null);
        }
        return quit;
    }

    /** The bundle key of what is still going ("a run", "an import"), or null. */
    private String busyWith() {
        if (run.model() != null && run.model().runningProperty().get()) {
            return "ui.quit.busy.run";
        }
        if (repair.model() != null && repair.model().runProperty().get() != null
                && repair.model().runProperty().get().runningProperty().get()) {
            return "ui.quit.busy.repair";
        }
        return viewModel.importer().runningProperty().get() ? "ui.quit.busy.import" : null;
    }

    /** Closes what the windows show and the catalogue: the console goes. */
    private void closed() {
        state.save();
        auditViewModel.close();
        // every window, also those without a view-model: one still to show does not show once the console has gone
        for (WindowSlot<?> slot : List.of(run, eventLog, repair, preview, audit, preferencesWindow, shortcuts, about)) {
            slot.close();
        }
        browseViewModel.close();
        catalogue.close(); // the overview before the source it reads
        viewModel.close();
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
        return eventLog.model();
    }

    public ErrorDialog errorDialog() {
        return errorDialog;
    }

    public Stage preferencesStage() {
        return preferencesWindow.stage();
    }

    public Stage aboutStage() {
        return about.stage();
    }

    public Stage eventLogStage() {
        return eventLog.stage();
    }

    public AuditViewModel auditViewModel() {
        return auditViewModel;
    }

    public Stage auditStage() {
        return audit.stage();
    }

    public PreviewViewModel previewViewModel() {
        return preview.model();
    }

    public Stage previewStage() {
        return preview.stage();
    }

    public RepairViewModel repairViewModel() {
        return repair.model();
    }

    public RunViewModel runViewModel() {
        return run.model();
    }

    public Stage runStage() {
        return run.stage();
    }

    /** The console's catalogue, once open (null while it opens, or without one). */
    public Catalogue catalogue() {
        return catalogue.property().get();
    }

    public OverviewViewModel overviewViewModel() {
        return catalogue.overview();
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
    public static ConsoleGui show(Stage stage, Setup setup, Consumer<MainViewModel> first) {
        EventLog log = setup.events();
        PreferencesBinder binder = new PreferencesBinder(setup.store(), e -> log.warning("preferences",
                I18n.t("ui.event.preferencesNotSaved", e.getLocalizedMessage()), EventLog.stackTrace(e)));
        UiPreferences prefs = binder.current();
        Appearance appearance = new Appearance(themeOf(prefs.theme()),
                prefs.fontSize() == null ? (int) Em.DEFAULT_FONT_SIZE : prefs.fontSize());
        // before the first control is made, so that JavaFX never reads its default sheet
        appearance.applyUserAgentStylesheet();
        // passphrases and unknown host keys are asked over the main window, one dialog at a time
        SshPrompts prompts = new FxSshPrompts(() -> new FxDialogService(stage, appearance));
        MainViewModel vm = new MainViewModel(new GuardedSourceService(new DefaultSourceService(setup.dataDir(),
                setup.ssh(), prompts), setup.guard()), setup.schedulers(), prefs.recent().stream().map(Path::of).toList(),
                prefs.recentDatabases());
        BrowseViewModel browse = new BrowseViewModel(setup.schedulers(), s -> new BrowseQueries(s, new AuditDirtyVmIndex(s)),
                p -> new SshHosts(setup.ssh().get(), p), prompts);
        vm.sourceProperty().addListener((o, a, b) -> browse.setSource(b));
        // the first rows of a source come before its row counts (decision 0018): the counts start once the rows are
        // painted, not once they are read (the first source's are read before the window shows: decision 0030), as
        // the browse view says after the pulse that lays them out (decision 0040)
        vm.countAfter(browse.firstRowsShownProperty());
        first.accept(vm);
        // a source opened while JavaFX started is handed on now, and again just before the window shows if it was not
        // open yet: its first VM rows are then read while the window is built and laid out (decision 0030)
        vm.takeHeadStart();
        ConsoleCatalogue catalogue = new ConsoleCatalogue(vm, log, setup.schedulers());
        browse.scan().reportProperty().addListener((o, a, r) -> {
            if (r != null) {
                log.info("hosts", I18n.t("ui.event.hostScan", r.source(), r.hosts().size(), r.findings().size(),
                        String.valueOf(r.counts())));
            }
        });
        browse.scan().errorProperty().addListener((o, a, e) -> {
            if (e != null && !e.isEmpty()) {
                log.warning("hosts", I18n.t("ui.event.hostScanFailed", e), null);
            }
        });
        browse.scan().recordWith(catalogue::recordHostScan);
        PreferencesViewModel preferences = new PreferencesViewModel(appearance, prefs.confirmations(),
                prefs.chosenLanguage());
        // the windows' language: a --lang of this start, else the preference (else the desktop's); choosing one in
        // the preferences applies it at once (and saves it), a --lang is never saved
        Language startLanguage = CommandLineLanguage.forThisStart().orElse(null);
        I18n.languageProperty().set(startLanguage != null ? startLanguage : preferences.effectiveLanguage());
        preferences.languageProperty().addListener((o, a, b) ->
                I18n.languageProperty().set(preferences.effectiveLanguage()));
        Windows windows = new Windows(appearance, () -> stage);
        AtomicReference<ConsoleGui> self = new AtomicReference<>();
        MainWindow window = new MainWindow(vm, browse, windows, new MainWindow.Actions(
                () -> self.get().requestQuit(),
                () -> self.get().showAudit(), (operation, vms) -> self.get().showPreview(operation, vms),
                () -> self.get().showRepair(), () -> self.get().showPreferences(), () -> self.get().showEventLog(),
                () -> self.get().showShortcuts(), () -> self.get().showAbout()), catalogue.overview());
        MainWindowState state = new MainWindowState(binder, stage, window, vm, preferences);
        state.restore(windows);
        stage.titleProperty().bind(vm.titleBinding());
        ConsoleGui gui = new ConsoleGui(vm, browse, window, stage, preferences, setup, prompts, catalogue, windows, state);
        self.set(gui);
        // the first source's VMs are listed, or could not be (as the row counts wait for); or the source could not be
        // opened (an open that fails always says why)
        var shown = browse.firstRowsShownProperty();
        BooleanBinding settled = Bindings.createBooleanBinding(() -> shown.get() != null
                || !vm.errorProperty().get().isEmpty(), shown, vm.errorProperty());
        catalogue.openAfter(setup.catalogueFile(), settled);
        // the window manager's icons are read and scaled once that is so, or at once when no source is opening: beside
        // the first rows' pulses their decoding took a processor the FX thread needed (decision 0052). After a pulse:
        // they are scaled on the FX thread
        catalogue.once(Bindings.createBooleanBinding(() -> settled.get()
                        || vm.sourceProperty().get() == null && !vm.busyProperty().get(),
                settled, vm.sourceProperty(), vm.busyProperty()),
                () -> When.afterNextPulse(() -> windows.giveIcons(stage)));
        String preferencesProblem = binder.loadProblem();
        if (preferencesProblem != null) {
            vm.showNotice(preferencesProblem);
            log.warning("preferences", preferencesProblem, null);
        }
        stage.setOnCloseRequest(e -> {
            if (!gui.mayQuit()) {
                e.consume();
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> gui.closed());
        vm.takeHeadStart();
        // what the background read meanwhile (the first VM rows, most often) goes into the window's first layout
        dev.tpmconsole.views.util.FxQueue.runWaiting();
        stage.show();
        return gui;
    }

    private static Theme themeOf(String name) {
        for (Theme t : Theme.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return Theme.LIGHT;
    }

    /** {@code base} with the window as it stands now. */
    UiPreferences capture(UiPreferences base) {
        return state.capture(base);
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
}
