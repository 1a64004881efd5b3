package dev.tpmconsole.app.tools;

import dev.tpmconsole.app.ConsoleGui;
import dev.tpmconsole.app.Launcher;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.views.preview.PreviewViewModel;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Takes the README's screenshots from the real console in a real window (run by docs/screenshots.sh under
 * Xvfb, where nothing else is on the screen): the main window on a demo snapshot with a VM's details, and a
 * run whose one backup fails (an SQLite trigger refuses its delete), with the error panel open. The
 * picture is what X shows, taken with ImageMagick's {@code import}, so the output scale
 * ({@code -Dglass.gtk.uiScale}) is the real one.
 *
 * <p>Usage: {@code Screenshots OUT_DIR WORK_DIR NAME_SUFFIX [main|run|all|error]}
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String suffix = args[2];
        String which = args.length > 3 ? args[3] : "all";
        Files.createDirectories(out);
        Files.createDirectories(work);
        Path demo = work.resolve("demo.sqlite");
        Path failing = work.resolve("failing-backup.sqlite");
        for (Path p : List.of(demo, failing)) {
            Files.deleteIfExists(p);
            if (Launcher.run("demo", "--out", p.toString(), "--vms", "400") != 0) {
                throw new IllegalStateException("demo failed");
            }
        }
        List<String> vms = protectOneBackup(failing);

        // fake KVM hosts (the real OpenSSH server on loopback addresses, root needed) for the run over SSH
        dev.tpmconsole.model.testing.OpenSshHosts hosts = which.equals("hosts")
                ? dev.tpmconsole.model.testing.OpenSshHosts.start(List.of("127.0.0.61", "127.0.0.62", "127.0.0.63"))
                : null;
        dev.tpmconsole.app.PrismOptions.startJavaFx(() -> { });
        EventLog events = new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC());
        ConsoleGui gui = fx(() -> {
            Stage stage = new Stage();
            ConsoleGui g = ConsoleGui.show(stage, new ConsoleGui.Setup(work.resolve("data"), PreferencesStore.inMemory(),
                    null, FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx(), events, null,
                    hosts == null ? null : hosts::settings));
            fill(stage);
            return g;
        });

        if (which.equals("all") || which.equals("main")) {
            fx(() -> {
                gui.viewModel().open(demo);
                return null;
            });
            waitFor(() -> gui.viewModel().summaryProperty().get() != null && gui.viewModel().summaryProperty().get().counted());
            TableView<?> table = gui.window().browse().rememberedTables().get("vmTable");
            waitFor(() -> table.getItems().size() > 20);
            // the first VM (by name) with a TPM and a backup: its details fill the right-hand side
            fx(() -> {
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (((dev.tpmconsole.model.browse.VmRow) table.getItems().get(i)).uuid().equals(vms.get(0))) {
                        table.requestFocus();
                        table.getSelectionModel().clearAndSelect(i);
                        table.scrollTo(Math.max(0, i - 3));
                        return null;
                    }
                }
                throw new IllegalStateException("VM " + vms.get(0) + " is not among the first rows");
            });
            waitFor(() -> !gui.browseViewModel().vms().selectedUuids().isEmpty());
            Thread.sleep(1500);
            capture(out.resolve("main-window" + suffix + ".png"));
        }

        if (which.equals("all") || which.equals("run")) {
            runWithAFailure(gui, failing, vms, false, out.resolve("run-with-error" + suffix + ".png"));
        }
        if (which.equals("hosts")) {
            // a run whose host work is done over SSH: three hosts, the third's state folder cannot be read
            Path cloud = hostCloud(work.resolve("hosts.sqlite"), hosts);
            List<String> hostVms = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                hostVms.add(String.format("c%031x", i));
            }
            runWithAFailure(gui, cloud, hostVms, true, out.resolve("run-over-ssh" + suffix + ".png"));
            hosts.close();
        }
        if (which.equals("error")) {
            // the dialog of an error nobody caught, as a person sees it (not in the README set)
            fx(() -> {
                gui.catchUncaughtErrors();
                return null;
            });
            Platform.runLater(() -> {
                throw new IllegalStateException("a bug, thrown on purpose for this screenshot");
            });
            waitFor(() -> gui.errorDialog().showing() != null);
            Thread.sleep(1000);
            capture(out.resolve("uncaught-error" + suffix + ".png"));
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * Opens {@code snapshot}, removes the TPM of {@code vms} in the run window (its host work over SSH or exported)
     * and, once the run has ended with its failure, captures the window with the failure selected.
     */
    static void runWithAFailure(ConsoleGui gui, Path snapshot, List<String> vms, boolean hostWorkOverSsh, Path png)
            throws Exception {
        fx(() -> {
            gui.viewModel().open(snapshot);
            return null;
        });
        waitFor(() -> gui.viewModel().summaryProperty().get() != null
                && gui.viewModel().summaryProperty().get().source().endsWith(snapshot.getFileName().toString()));
        fx(() -> {
            gui.showPreview(PreviewViewModel.Operation.REMOVE, vms);
            return null;
        });
        waitFor(() -> gui.previewViewModel().previewProperty().get() != null);
        fx(() -> {
            gui.showRun(gui.previewViewModel().previewProperty().get().plan(), gui.viewModel().sourceProperty().get(),
                    hostWorkOverSsh);
            fill(gui.runStage());
            return null;
        });
        waitFor(() -> gui.runViewModel().outcomeProperty().get() != null && gui.runStage().isShowing()
                && gui.runViewModel().residueTextProperty().get().startsWith("Re-audit"));
        fx(() -> {
            TableView<?> failures = (TableView<?>) gui.runStage().getScene().lookup("#failureTable");
            failures.getSelectionModel().select(0);
            gui.previewStage().hide();
            gui.runStage().toFront();
            return null;
        });
        Thread.sleep(1500);
        capture(png);
    }

    /** Three VMs with a TPM and two backups each; the first backup of the first refuses to be deleted. */
    static List<String> protectOneBackup(Path snapshot) throws Exception {
        List<String> vms = new ArrayList<>();
        String backup = null;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + snapshot);
             Statement s = c.createStatement()) {
            // TPM-state backups: NvRam backups are kept by a remove, so a trigger on one would never fire
            try (ResultSet r = s.executeQuery("SELECT b.resourceUuid, min(b.uuid) FROM VmHostBackupFileVO b"
                    + " JOIN TpmVO t ON t.vmInstanceUuid = b.resourceUuid JOIN VmInstanceEO v ON v.uuid = b.resourceUuid"
                    + " WHERE b.type = 'TpmState' AND v.deleted IS NULL GROUP BY b.resourceUuid"
                    + " ORDER BY v.name LIMIT 3")) {
                while (r.next()) {
                    vms.add(r.getString(1));
                    if (backup == null) {
                        backup = r.getString(2);
                    }
                }
            }
            s.execute("CREATE TRIGGER screenshot_protect BEFORE DELETE ON VmHostBackupFileVO WHEN old.uuid = '" + backup
                    + "' BEGIN SELECT RAISE(ABORT, 'the backup store on the host is read-only (injected for this"
                    + " screenshot)'); END");
        }
        return vms;
    }

    /** Nine VMs with a TPM, their state folders on three fake hosts; the third host's folder cannot be read. */
    static Path hostCloud(Path file, dev.tpmconsole.model.testing.OpenSshHosts hosts) throws Exception {
        List<String> addresses = List.of("127.0.0.61", "127.0.0.62", "127.0.0.63");
        Files.deleteIfExists(file);
        Path db = dev.tpmconsole.model.testing.SqliteTestDatabase.create(file, sink -> {
            dev.tpmconsole.model.testing.Rows r = new dev.tpmconsole.model.testing.Rows(sink);
            r.provider("nkp1", "nkp-default");
            for (int h = 0; h < 3; h++) {
                r.host("kvm-0" + (h + 1), false, addresses.get(h));
            }
            for (int i = 0; i < 9; i++) {
                String vm = String.format("c%031x", i);
                r.vm(vm, true).tpm("t" + vm.substring(1), vm).keyRef(100 + i, "TpmVO", "t" + vm.substring(1), "nkp1",
                        "nkp-default", "kek/" + i);
                r.hostFile("f" + vm.substring(1), vm, "kvm-0" + (i % 3 + 1), "TpmState");
                hosts.stateFolder(addresses.get(i % 3), dev.tpmconsole.model.hosts.HostPaths.hyphenated(vm));
            }
        });
        hosts.lockStateFolder(addresses.get(2));
        return db;
    }

    static void fill(Stage stage) {
        var bounds = Screen.getPrimary().getBounds();
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    static void capture(Path file) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file);
    }

    static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            if (fx(condition)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }
}
