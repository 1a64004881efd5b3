package dev.tpmconsole.app.bench;

import static dev.tpmconsole.app.bench.BenchWindow.await;
import static dev.tpmconsole.app.bench.BenchWindow.fx;

import dev.tpmconsole.app.ConsoleGui;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.views.run.RunViewModel;
import dev.tpmconsole.views.util.When;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Benchmark of the clean-up pipeline (issue "Run"): a bulk run over about 10,000 items on a demo snapshot,
 * shown in the real run window as the console opens it (from its main window, 1400 x 900, with the snapshot open
 * there; the run starts once the window shows), against the same deletes done by plain SQL, one transaction per
 * item, on copies of the same file in the same process, before and after. Prints both times, their ratio (target:
 * at most 1.3; the pipeline timed from its start to its outcome) and the longest gap between FX pulses from the run
 * window's opening until a second after the run's re-audit showed (the audit of the VMs it touched, which starts at
 * the run's end; target: under 50 ms), with the FX thread's CPU in each gap over 50 ms and in its busiest gap, and
 * how long after the run's end the re-audit showed. Needs a display. Usage: RunBenchmark DEMO_SNAPSHOT [ITEMS]
 */
public final class RunBenchmark {

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args[0]);
        int target = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        PlanPreview preview = plan(demo, target);
        Plan plan = preview.plan();
        int items = plan.steps().stream().mapToInt(s -> s.items().size()).sum();
        System.out.printf("plan: %,d VMs, %,d items, %,d rows deleted, %,d host paths%n", plan.vmUuids().size(), items,
                plan.deletes().size(), plan.hostWork().size());

        Path work = BenchWindow.tempFolder("tpm-run-bench");
        Path plain = Files.copy(demo, work.resolve("plain.sqlite"));
        Path plainAfter = Files.copy(demo, work.resolve("plain-after.sqlite"));
        Path piped = Files.copy(demo, work.resolve("pipeline.sqlite"));

        long plainNanos = plainSql(plain, preview.rowsOfItem());
        System.out.printf("plain SQL, one transaction per item: %,d ms%n", plainNanos / 1_000_000);

        // the run window as the console opens it: from its main window (1400 x 900, its styles already in use), with
        // the snapshot open there, the run starting once the window shows (ConsoleGui.showRun, as the preview's Run
        // button after the confirmation)
        BenchWindow window = BenchWindow.show();
        ConsoleGui gui = window.gui();
        Thread.sleep(1500); // the window settles
        fx(() -> {
            gui.viewModel().open(piped);
            return null;
        });
        await(() -> !gui.browseViewModel().vms().rows().rows().isEmpty(), "the VM list", Duration.ofMinutes(5));
        Thread.sleep(1500); // the first rows, the catalogue and the details' warm-up are done with

        List<String> phases = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch finished = new CountDownLatch(1);
        long[] asked = new long[1];
        long[] shownAfter = new long[1];
        long[] started = new long[1];
        long[] ended = new long[1];
        long[] reaudited = new long[1];
        CountDownLatch residueShown = new CountDownLatch(1);
        RunViewModel[] holder = new RunViewModel[1];
        fx(() -> {
            Source shown = gui.viewModel().sourceProperty().get();
            Plan pipedPlan = new Plan(plan.operation(), piped.toString(), plan.createdAt(), plan.vmUuids(),
                    plan.steps(), plan.deletes(), plan.updates(), plan.hostWork(), plan.kept(), plan.fingerprint());
            // the gaps counted from here, so that the first holds the making of the window; each over 50 ms noted
            // with the status the window shows
            window.reset();
            window.noteSlowGaps(() -> String.valueOf(holder[0].statusProperty().get()));
            asked[0] = System.nanoTime();
            gui.showRun(pipedPlan, shown, false);
            RunViewModel vm = gui.runViewModel();
            holder[0] = vm;
            When.firstTrue(gui.runStage().showingProperty(), () -> shownAfter[0] = System.nanoTime() - asked[0]);
            // the run starts 200 ms after the window shows (ConsoleGui.RUN_SETTLE, decision 0039): the pipeline's time
            // counts from then
            When.firstTrue(vm.runningProperty(), () -> started[0] = System.nanoTime());
            // where the time goes: each status the window shows, and when it first showed it
            vm.statusProperty().addListener((o, a, b) -> {
                if (started[0] != 0 && b != null && vm.runningProperty().get()) {
                    phases.add(String.format("%,7d ms %s", (System.nanoTime() - started[0]) / 1_000_000, b));
                }
            });
            // the re-audit of the VMs the run touched, which the run window shows after its end
            vm.residueMessageProperty().addListener((o, a, b) -> {
                if (b != null && !b.key().equals("ui.run.residue.auditing") && reaudited[0] == 0) {
                    reaudited[0] = System.nanoTime();
                    residueShown.countDown();
                }
            });
            vm.outcomeProperty().addListener((o, a, b) -> {
                if (b != null && ended[0] == 0) {
                    ended[0] = System.nanoTime();
                    finished.countDown();
                }
            });
            return null;
        });
        if (!finished.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the run did not finish");
        }
        // the outcome shown, the re-audit shown, and the main window's lists read again (the run changed the snapshot)
        if (!residueShown.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the re-audit did not end");
        }
        Thread.sleep(1000);
        long longestGap = window.longestGap();
        long longestGapCpu = window.busiestGapCpu();
        long rendered = window.rendererCpuSinceReset();
        List<String> slow = window.slowGaps();
        long elapsed = ended[0] - started[0];
        System.out.printf("pipeline (check, backup, quarantine, journal, per-item transactions, shown in the run window):"
                + " %,d ms, outcome %s; the run window showed %d ms after it was asked for%n", elapsed / 1_000_000,
                fx(() -> holder[0].outcomeProperty().get()), shownAfter[0] / 1_000_000);
        phases.forEach(x -> System.out.println("  " + x));
        System.out.printf("the re-audit's outcome showed %,d ms after the run's end: %s%n",
                (reaudited[0] - ended[0]) / 1_000_000, fx(() -> holder[0].residueTextProperty().get()));
        // the machine is shared: the plain SQL runs before and after the pipeline, and the ratio takes their mean
        long plainAfterNanos = plainSql(plainAfter, preview.rowsOfItem());
        System.out.printf("plain SQL again, after the pipeline: %,d ms%n", plainAfterNanos / 1_000_000);
        System.out.printf("ratio pipeline / plain SQL (mean of the two): %.2f (target at most 1.3)%n",
                (double) elapsed / ((plainNanos + plainAfterNanos) / 2.0));
        System.out.printf("longest gap between FX pulses from the run window's opening until a second after the run's"
                + " re-audit showed: %d ms (target under 50); the FX thread's CPU in its busiest gap: %d ms; the"
                + " renderer's CPU over the phase: %d ms%n", longestGap / 1_000_000, longestGapCpu / 1_000_000,
                rendered / 1_000_000);
        slow.forEach(x -> System.out.println("  pulse gap over 50 ms at " + x));
        Platform.exit();
        System.exit(0);
    }

    /** The uuids of a snapshot's first {@code limit} VMs that have a TPM, by uuid (the window benchmarks' too). */
    static List<String> vmsWithTpm(Path demo, int limit) throws Exception {
        List<String> vms = new ArrayList<>();
        try (Source s = SqliteSnapshot.open(demo, OpenOptions.readOnly()); Connection c = s.connection();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT uuid FROM VmInstanceEO v WHERE"
                     + " EXISTS (SELECT 1 FROM TpmVO t WHERE t.vmInstanceUuid = v.uuid) ORDER BY uuid LIMIT " + limit)) {
            while (rs.next()) {
                vms.add(rs.getString(1));
            }
        }
        return vms;
    }

    static PlanPreview plan(Path demo, int target) throws Exception {
        List<String> vms = vmsWithTpm(demo, Integer.MAX_VALUE);
        int n = Math.min(vms.size(), Math.max(1, target / 4));
        while (true) {
            PlanPreview p;
            try (Source s = SqliteSnapshot.open(demo, OpenOptions.readOnly())) {
                p = new Planner(s, Clock.systemUTC()).remove(vms.subList(0, n));
            }
            int items = p.plan().steps().stream().mapToInt(x -> x.items().size()).sum();
            if (items >= target || n == vms.size()) {
                return p;
            }
            n = Math.min(vms.size(), (int) (n * (double) target / items) + 10);
        }
    }

    /** The same deletes, by plain SQL: one transaction per item, rows by primary key. */
    static long plainSql(Path file, Map<String, List<Plan.RowRef>> rowsOfItem) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions()); Connection c = s.connection()) {
            long start = System.nanoTime();
            c.setAutoCommit(false);
            for (List<Plan.RowRef> rows : rowsOfItem.values()) {
                for (Plan.RowRef r : rows) {
                    String key = r.table().equals("EncryptedResourceKeyRefVO") ? "id" : "uuid";
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + r.table() + " WHERE " + key + " = ?")) {
                        ps.setString(1, r.key());
                        ps.executeUpdate();
                    }
                }
                c.commit();
            }
            return System.nanoTime() - start;
        }
    }
}
