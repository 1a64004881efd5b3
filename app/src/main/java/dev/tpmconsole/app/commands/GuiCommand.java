package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.app.AppDirs;
import dev.tpmconsole.app.ConsoleGui;
import dev.tpmconsole.app.DefaultSourceService;
import dev.tpmconsole.app.JsonPreferencesStore;
import dev.tpmconsole.app.Relaunch;
import dev.tpmconsole.app.VersionProvider;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.util.Daemon;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.views.main.GuardedSourceService;
import dev.tpmconsole.views.util.FxQueryGuard;
import javafx.stage.WindowEvent;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import dev.tpmconsole.model.source.Source;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gui [SOURCE]}: starts the console window. Without a source it opens the built-in demo snapshot,
 * generating it in the data folder on the first start.
 */
@Command(name = "gui", mixinStandardHelpOptions = true)
public final class GuiCommand implements Callable<Integer> {

    /** Held so that the level set on it is not lost when JUL drops an unreferenced logger. */
    private static final java.util.logging.Logger PLATFORM_LOGGER =
            java.util.logging.Logger.getLogger("javafx");

    /** The event log's file in the data folder. */
    public static final String EVENT_LOG_FILE = "events.log";

    /** How long the window has to end after a signal before the process is ended anyway. */
    static final Duration SIGNAL_GRACE = Duration.ofSeconds(10);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code --catalogue} / {@code --no-catalogue}: accepted by every command. */
    @picocli.CommandLine.Mixin
    CatalogueOption catalogue;

    @Parameters(paramLabel = "SOURCE", arity = "0..1")
    String source;

    /** What the window opens first: the demo, a snapshot, or a live database by its URL. */
    sealed interface First permits Demo, Snapshot, Database {
        /** SOURCE as given ({@code null}: none), and whether {@code --demo} was. */
        static First of(String source, boolean demo) {
            if (source == null || demo) {
                return new Demo();
            }
            return source.regionMatches(true, 0, "jdbc:", 0, 5) ? new Database(source) : new Snapshot(Path.of(source));
        }
    }

    record Demo() implements First {
    }

    record Snapshot(Path file) implements First {
    }

    /**
     * A live database, opened read-only as File > Open database does: the URL names the user, the password is in it
     * or in {@code TPM_CONSOLE_DB_PASSWORD}.
     */
    record Database(String url) implements First {
    }

    /** The process that started this window's JVM and waits for it ({@link Relaunch#PARENT_PROPERTY}). */
    static java.util.OptionalLong parentOfThisWindow() {
        String pid = System.getProperty(Relaunch.PARENT_PROPERTY);
        try {
            return pid == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(pid.strip()));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    @Option(names = "--demo")
    boolean demo;

    @Option(names = "--audit")
    boolean audit;

    @Override
    public Integer call() throws InterruptedException {
        return show(catalogue.file(spec), spec.commandLine().getErr());
    }

    /**
     * The window of a start with no arguments or only a language, made without picocli's model of its command line
     * ({@link dev.tpmconsole.app.TpmConsoleCommand#window}): the window on the demo, the catalogue where the
     * environment or the data folder says; a window that cannot open says why on {@code err}.
     */
    public static int alone(java.io.PrintWriter err) throws InterruptedException {
        GuiCommand window = new GuiCommand();
        window.catalogue = new CatalogueOption();
        return window.show(window.catalogue.file(null), err);
    }

    private int show(Path catalogueFile, java.io.PrintWriter err) throws InterruptedException {
        Path dataDir = AppDirs.dataDir();
        CountDownLatch closed = new CountDownLatch(1);
        // what the console does, for the event log window and in a file that outlives a crash
        EventLog events = new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC(), dataDir.resolve(EVENT_LOG_FILE));
        // JavaFX warns when loaded from the class path, which is how the single jar runs; that is intended.
        PLATFORM_LOGGER.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(true);
        // the snapshot opens while JavaFX starts and the window is built, not after: the first rows come sooner. It
        // is guarded as every source the window opens is: no query of the views may run on the FX thread
        QueryGuard guard = FxQueryGuard.create(QueryGuard.Mode.THROW);
        First first = First.of(source, demo);
        CompletableFuture<Source> opening = first instanceof Database ? new CompletableFuture<>()
                : Daemon.start("first-source-open", () -> {
                    GuardedSourceService sources = new GuardedSourceService(new DefaultSourceService(dataDir), guard);
                    return sources.open(first instanceof Snapshot s ? s.file() : sources.demoSnapshot());
                });
        // the preferences are read while JavaFX starts, not on the FX thread before the window is built
        CompletableFuture<JsonPreferencesStore> preferences = Daemon.start("preferences-read",
                () -> new JsonPreferencesStore(AppDirs.configDir()).preload());
        // a signal ends the window as File > Quit does, on the FX thread, not under JavaFX's own shutdown hook
        AtomicReference<Stage> window = new AtomicReference<>();
        EndOnSignal ending = EndOnSignal.install(why -> Platform.runLater(() -> {
            events.info("app", why);
            Stage stage = window.get();
            if (stage != null && stage.isShowing()) {
                stage.hide();
            } else {
                closed.countDown();
            }
        }), SIGNAL_GRACE);
        // java -jar's window, in the JVM the first process started for it (decision 0029), ends with that process
        parentOfThisWindow().ifPresent(ending::endWith);
        try {
            dev.tpmconsole.app.PrismOptions.startJavaFx(() -> {
                // Ikonli reads its icon fonts at its first use: beside the window's making, not in the middle of it
                Daemon.start("icon-fonts", () -> {
                    dev.tpmconsole.views.util.Icons.preload();
                    return null;
                });
                Stage stage = new Stage();
                JsonPreferencesStore store = preferences.join();
                events.info("app", Messages.text("cli.event.started", VersionProvider.version(),
                        System.getProperty("java.version"), String.valueOf(System.getProperty("javafx.runtime.version")),
                        dataDir.toAbsolutePath().toString()));
                ConsoleGui gui = ConsoleGui.show(stage, new ConsoleGui.Setup(dataDir, store, store.file(),
                        guard, FxSchedulers.javafx(), events, catalogueFile),
                        vm -> {
                            if (first instanceof Snapshot s) {
                                vm.openFrom(s.file(), opening);
                            } else if (first instanceof Database d) {
                                // a password not in the URL comes from TPM_CONSOLE_DB_PASSWORD, as for every command
                                vm.openDatabase(d.url(), null, dev.tpmconsole.model.source.Sources.environmentPassword(d.url()));
                            } else {
                                vm.openDemoFrom(opening);
                            }
                        });
                gui.catchUncaughtErrors();
                stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                window.set(stage);
                if (audit) {
                    gui.auditOnceOpen();
                }
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            err.println("tpm-console: " + Messages.text(
                    String.valueOf(e.getMessage()).contains("GTK") ? "cli.gui.noWindowGtk" : "cli.gui.noWindow",
                    String.valueOf(e.getMessage())));
            err.flush();
            return 1;
        }
        closed.await();
        events.info("app", Messages.text("cli.event.quit"));
        events.close();
        Platform.exit();
        return ending.exitStatus(0);
    }
}
