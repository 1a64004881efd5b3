package dev.tpmconsole.views.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SmallDisk;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.util.FxSchedulers;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run view-model on a real snapshot through the real pipeline, synchronously. */
class RunViewModelTest {

    /** A VM uuid as ZStack writes it: its TPM state folder is named after it. */
    static final String V = "c0ffee00".repeat(4);
    static final String W = "decade00".repeat(4);

    @TempDir
    Path dir;

    /** A snapshot whose VM V's host-file row refuses its delete (a trigger), and the plan removing V's TPM. */
    record FailingRemove(Path file, Plan plan) {
        static FailingRemove in(Path dir) throws Exception {
            Path file = SqliteTestDatabase.create(dir.resolve("s.sqlite"), sink -> {
                Rows r = new Rows(sink);
                r.provider("p", "nkp").host("h", false);
                r.vm(V, true).tpm("t", V).keyRef(1, "TpmVO", "t", "p", "nkp", "kek");
                r.hostFile("f", V, "h", "TpmState").backup("b", V, "TpmState");
            });
            TestSnapshots.exec(file, "CREATE TRIGGER stop BEFORE DELETE ON VmHostFileVO BEGIN SELECT RAISE(ABORT, 'no'); END");
            try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
                return new FailingRemove(file, new Planner(s, Clock.systemUTC()).remove(List.of(V)).plan());
            }
        }
    }

    @Test
    void whoeverListensToTheOutcomeFindsTheFailuresOfTheRunsLastBatch() throws Exception {
        // a timer that never fires: the whole run arrives as one batch, its failure and its end together
        FailingRemove failing = FailingRemove.in(dir);
        try (Source shown = SqliteSnapshot.open(failing.file(), OpenOptions.readOnly());
             RunViewModel vm = new RunViewModel(new SourceRunService(shown, dir, Schedulers.trampoline()),
                     FxSchedulers.synchronous(), new io.reactivex.rxjava3.schedulers.TestScheduler(), failing.plan())) {
            List<String> seen = new java.util.ArrayList<>();
            vm.outcomeProperty().addListener((o, a, b) -> {
                if (b != null) {
                    seen.add(b + " " + vm.failures().size() + " " + vm.progressProperty().get());
                }
            });
            vm.start();
            assertThat(seen).containsExactly("FAILED 1 1.0");
        }
    }

    /**
     * The outcome is told once the run has let go of the database: a retry, the re-audit or the main window's
     * recount started on it finds no run holding the lock, and SQLite's connections closed.
     */
    @Test
    void whoeverListensToTheOutcomeFindsTheRunsDatabaseLetGo() throws Exception {
        FailingRemove failing = FailingRemove.in(dir);
        try (Source shown = SqliteSnapshot.open(failing.file(), OpenOptions.readOnly());
             RunViewModel vm = new RunViewModel(new SourceRunService(shown, dir, Schedulers.trampoline()),
                     FxSchedulers.synchronous(), null, failing.plan())) {
            List<String> seen = new java.util.ArrayList<>();
            vm.outcomeProperty().addListener((o, a, b) -> {
                if (b != null) {
                    try (Source w = shown.reopen(OpenOptions.writableOptions());
                         dev.tpmconsole.model.pipeline.RunLock lock = dev.tpmconsole.model.pipeline.RunLock.acquire(w,
                                 "test", Clock.systemUTC())) {
                        seen.add(b + " lock taken");
                    } catch (Exception e) {
                        seen.add(b + " " + e.getMessage());
                    }
                }
            });
            vm.start();
            assertThat(seen).containsExactly("FAILED lock taken");
        }
    }

    /**
     * A run settles once its re-audit has ended: whoever waits for the run's end to read the source again (the main
     * window) comes after the re-audit, and a retry unsettles it until its own re-audit.
     */
    @Test
    void aRunSettlesOnceItsReauditHasEnded() throws Exception {
        FailingRemove failing = FailingRemove.in(dir);
        try (Source shown = SqliteSnapshot.open(failing.file(), OpenOptions.readOnly());
             RunViewModel vm = new RunViewModel(new SourceRunService(shown, dir, Schedulers.trampoline()),
                     FxSchedulers.synchronous(), null, failing.plan())) {
            List<String> seen = new java.util.ArrayList<>();
            vm.outcomeProperty().addListener((o, a, b) -> {
                if (b != null) {
                    seen.add("outcome " + b + ", settled " + vm.settledProperty().get() + ": "
                            + vm.residueTextProperty().get());
                }
            });
            vm.settledProperty().addListener((o, a, b) -> seen.add("settled " + b + ": "
                    + vm.residueTextProperty().get()));
            vm.start();
            // what the failed item left is consistent, not dirty: no residue
            assertThat(seen).containsExactly("outcome FAILED, settled null: ",
                    "settled FAILED: Re-audit: no residue on the VM touched.");

            TestSnapshots.exec(failing.file(), "DROP TRIGGER stop");
            seen.clear();
            vm.retryFailed();
            assertThat(seen).containsExactly("settled null: ", "outcome DONE, settled null: ",
                    "settled DONE: Re-audit: no residue on the VM touched.");
        }
    }

    /** A run whose re-audit fails settles too, once the failure is shown: the main window is read again anyway. */
    @Test
    void aRunWhoseReauditFailsSettlesToo() throws Exception {
        FailingRemove failing = FailingRemove.in(dir);
        try (Source shown = SqliteSnapshot.open(failing.file(), OpenOptions.readOnly())) {
            RunService real = new SourceRunService(shown, dir, Schedulers.trampoline());
            RunService reauditFails = new RunService() {
                @Override
                public Started start(Plan plan, boolean hostWorkOverSsh) throws Exception {
                    return real.start(plan, hostWorkOverSsh);
                }

                @Override
                public Started resume(Path journal) throws Exception {
                    return real.resume(journal);
                }

                @Override
                public List<dev.tpmconsole.model.audit.Finding> residue(List<String> vmUuids) {
                    throw new IllegalStateException("the snapshot went away");
                }
            };
            try (RunViewModel vm = new RunViewModel(reauditFails, FxSchedulers.synchronous(), null, failing.plan())) {
                List<String> seen = new java.util.ArrayList<>();
                vm.settledProperty().addListener((o, a, b) -> seen.add("settled " + b + ": "
                        + vm.residueTextProperty().get()));
                vm.start();
                assertThat(seen).containsExactly("settled FAILED: Re-audit failed: the snapshot went away");
            }
        }
    }

    @Test
    void failureRetryAndReaudit() throws Exception {
        FailingRemove failing = FailingRemove.in(dir);
        Path file = failing.file();
        Plan plan = failing.plan();
        try (Source shown = SqliteSnapshot.open(file, OpenOptions.readOnly());
             RunViewModel vm = new RunViewModel(new SourceRunService(shown, dir, Schedulers.trampoline()),
                     FxSchedulers.synchronous(), null, plan)) {
            assertThat(vm.items()).extracting(ItemRow::item).containsExactly("VmHostFileVO/f", "VmHostBackupFileVO/b",
                    "VmHostFileVO/f", "TpmVO/t");
            assertThat(vm.canRetryBinding().get()).isFalse();
            vm.start();
            assertThat(vm.outcomeProperty().get()).isEqualTo(RunEvent.Outcome.FAILED);
            assertThat(vm.progressProperty().get()).isEqualTo(1.0);
            assertThat(vm.failures()).extracting(ItemRow::item).containsExactly("VmHostFileVO/f");
            assertThat(vm.failures().get(0).cause()).contains("no");
            assertThat(vm.items().get(3).state()).isEqualTo(ItemRow.State.SKIPPED);
            assertThat(vm.summaryProperty().get()).startsWith("2 items done, 1 failed, 1 skipped.");
            assertThat(vm.failuresText()).startsWith("delete-host-files\tVmHostFileVO/f\t");
            assertThat(vm.canRetryBinding().get()).isTrue();

            TestSnapshots.exec(file, "DROP TRIGGER stop");
            vm.retryFailed();
            assertThat(vm.outcomeProperty().get()).isEqualTo(RunEvent.Outcome.DONE);
            assertThat(vm.failures()).isEmpty();
            // host work that was only exported says so; the rest is done
            assertThat(vm.items()).allSatisfy(r -> assertThat(r.state()).isEqualTo(
                    r.step() == dev.tpmconsole.model.plan.Plan.StepName.HOST_WORK ? ItemRow.State.EXPORTED
                            : ItemRow.State.DONE));
            assertThat(vm.items().get(0).cause()).contains("exported into host-", ".sh in the run folder", "nothing was done");
            assertThat(vm.residueTextProperty().get()).isEqualTo("Re-audit: no residue on the VM touched.");
            assertThat(vm.summaryProperty().get()).as("exported host work is done in the journal, not on the host")
                    .endsWith(" Of them, 1 host item was exported as scripts: nothing was done on that host.");
            assertThat(vm.undoCommand()).isEqualTo("tpm-console undo " + vm.journalProperty().get().toAbsolutePath());
            assertThat(vm.canRetryBinding().get()).isFalse();
        }
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM TpmVO")).isZero();
    }

    @Test
    void aRunThatCannotWriteItsQuarantineStops_andRetryFinishesItOnceThereIsRoom() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 4L << 20)) {
            Path file = SqliteTestDatabase.create(disk.path().resolve("s.sqlite"), sink -> {
                Rows r = new Rows(sink);
                r.provider("p", "nkp").host("h", false);
                r.vm(V, true).tpm("t", V).keyRef(1, "TpmVO", "t", "p", "nkp", "kek");
                r.hostFile("f", V, "h", "TpmState").backup("b", V, "TpmState");
            });
            // the backup's content is large: its quarantine line will not fit
            TestSnapshots.exec(file, "UPDATE VmHostFileContentVO SET content = randomblob(300000) WHERE uuid = 'b'");
            Plan plan;
            try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
                plan = new Planner(s, Clock.systemUTC()).remove(List.of(V)).plan();
            }
            // room for the backup of the snapshot and the plan, not for the quarantine
            disk.fill(java.nio.file.Files.size(file) + 100_000);
            try (Source shown = SqliteSnapshot.open(file, OpenOptions.readOnly());
                 RunViewModel vm = new RunViewModel(new SourceRunService(shown, dir, Schedulers.trampoline()),
                         FxSchedulers.synchronous(), null, plan)) {
                vm.start();
                assertThat(vm.errorProperty().get()).startsWith("The run stopped: cannot write the quarantine bundle")
                        .contains("No space left on device", "Retry failed finishes the run");
                assertThat(vm.statusProperty().get()).isEqualTo("Stopped");
                assertThat(vm.settledProperty().get()).as("settled: the main window reads what the run changed")
                        .isEqualTo(RunEvent.Outcome.FAILED);
                assertThat(vm.canRetryBinding().get()).isTrue();
                assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostBackupFileVO")).isEqualTo(1);

                disk.unfill();
                vm.retryFailed();
                assertThat(vm.outcomeProperty().get()).isEqualTo(RunEvent.Outcome.DONE);
                assertThat(vm.errorProperty().get()).isEmpty();
            }
            assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostBackupFileVO")).isZero();
        }
    }

    @Test
    void aStalePlanIsRefusedWithTheRowsNamed() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("t.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.host("h", false).vm(V, true).tpm("t", V).hostFile("f", V, "h", "TpmState");
        });
        Plan plan;
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            plan = new Planner(s, Clock.systemUTC()).remove(List.of(V)).plan();
        }
        TestSnapshots.exec(file, "UPDATE TpmVO SET lastOpDate = '2026-11-25 00:00:00'");
        try (Source shown = SqliteSnapshot.open(file, OpenOptions.readOnly());
             RunViewModel vm = new RunViewModel(new SourceRunService(shown, dir, Schedulers.trampoline()),
                     FxSchedulers.synchronous(), null, plan)) {
            vm.start();
            assertThat(vm.errorProperty().get()).contains("stale", "TpmVO/t has changed");
            assertThat(vm.statusProperty().get()).isEqualTo("Refused");
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.items()).allSatisfy(r -> assertThat(r.state()).isEqualTo(ItemRow.State.PENDING));
        }
    }

    @Test
    void cancelStopsBetweenItems_theJournalShowsWhatWasNotDone_andRetryFinishesTheRun() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("c.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h", false);
            for (String vm : List.of(V, W)) {
                r.vm(vm, true).tpm("t" + vm, vm).keyRef(vm.equals(V) ? 1 : 2, "TpmVO", "t" + vm, "p", "nkp", "kek");
                r.hostFile("f" + vm, vm, "h", "TpmState").backup("b" + vm, vm, "TpmState");
            }
        });
        Plan plan;
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            plan = new Planner(s, Clock.systemUTC()).remove(List.of(V, W)).plan();
        }
        // each event handed to the "FX thread" holds the run's thread until the test has shown it
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ExecutorService items = java.util.concurrent.Executors.newSingleThreadExecutor();
        dev.tpmconsole.views.util.SteppedFx fx = new dev.tpmconsole.views.util.SteppedFx();
        List<Throwable> undeliverable = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.reactivex.rxjava3.plugins.RxJavaPlugins.setErrorHandler(undeliverable::add);
        try (Source shown = SqliteSnapshot.open(file, OpenOptions.readOnly());
             RunViewModel vm = new RunViewModel(new SourceRunService(shown, dir, Schedulers.from(items)),
                     new FxSchedulers(Schedulers.from(background), Schedulers.from(fx)), null, plan)) {
            // the person presses Cancel as the first backup shows done: while the run's thread still waits for the
            // window to have shown it, so that what the run does next does not race the Cancel
            java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            vm.items().stream().filter(r -> r.step() == Plan.StepName.DELETE_BACKUPS).forEach(r ->
                    r.stateProperty().addListener((o, a, b) -> {
                        if (b == ItemRow.State.DONE && cancelled.compareAndSet(false, true)) {
                            vm.cancel();
                        }
                    }));
            vm.start();
            while (!cancelled.get()) {
                assertThat(fx.step()).as("the first backup is deleted").isTrue();
            }
            fx.release();
            background.submit(() -> { }).get(60, java.util.concurrent.TimeUnit.SECONDS);
            items.submit(() -> { }).get(60, java.util.concurrent.TimeUnit.SECONDS);
            fx.drain();

            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.outcomeProperty().get()).isEqualTo(RunEvent.Outcome.CANCELLED);
            assertThat(vm.settledProperty().get()).as("settled: the main window reads what the run changed")
                    .isEqualTo(RunEvent.Outcome.CANCELLED);
            assertThat(vm.statusProperty().get()).isEqualTo("Cancelled; Retry failed resumes the run");
            assertThat(vm.canRetryBinding().get()).isTrue();
            List<RunEvent> journal = dev.tpmconsole.model.pipeline.Journal.read(vm.journalProperty().get());
            assertThat(journal.stream().filter(e -> e instanceof RunEvent.ItemStarted i
                    && i.step() == Plan.StepName.DELETE_BACKUPS)).as("the second backup was never started").hasSize(1);
            assertThat(journal).as("nothing after the first backup").noneMatch(e -> e instanceof RunEvent.RunEnded
                    || e instanceof RunEvent.StepStarted st && st.step() == Plan.StepName.DELETE_HOST_FILES);
            assertThat(vm.items()).filteredOn(r -> r.step() != Plan.StepName.HOST_WORK && r.state() == ItemRow.State.PENDING)
                    .as("the items not done show as pending").hasSize(5);
            assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostBackupFileVO")).isEqualTo(1);
            assertThat(TestSnapshots.count(file, "SELECT count(*) FROM TpmVO")).isEqualTo(2);

            vm.retryFailed();
            while (vm.runningProperty().get()) {
                assertThat(fx.step()).as("the resumed run goes on").isTrue();
            }
            assertThat(vm.outcomeProperty().get()).isEqualTo(RunEvent.Outcome.DONE);
            assertThat(undeliverable).as("the run stopping is no error for anyone (the window shows those)").isEmpty();
        } finally {
            background.shutdownNow();
            items.shutdownNow();
            io.reactivex.rxjava3.plugins.RxJavaPlugins.setErrorHandler(null);
        }
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostBackupFileVO")).isZero();
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM TpmVO")).isZero();
    }
}
