package dev.tpmconsole.app.bench;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.run.SourceRunService;
import dev.tpmconsole.views.run.RunView;
import dev.tpmconsole.views.run.RunViewModel;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.Themes;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark of the clean-up pipeline (issue "Run"): a bulk run over about 10,000 items on a demo snapshot,
 * shown in the real run window, against the same deletes done by plain SQL, one transaction per item, on a
 * copy of the same file in the same process. Prints both times, their ratio (target: at most 1.3) and the longest
 * gap between FX pulses while the run is shown (target: under 50 ms). Needs a display.
 * Usage: RunBenchmark DEMO_SNAPSHOT [ITEMS]; {@code -Dbench.settle=SECONDS} (default 1): how long the window is shown
 * before the run starts (longer: time to look at the shown window with {@code jcmd PID GC.class_histogram}).
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

        Path work = Files.createTempDirectory("tpm-run-bench");
        Path plain = Files.copy(demo, work.resolve("plain.sqlite"));
        Path plainAfter = Files.copy(demo, work.resolve("plain-after.sqlite"));
        Path piped = Files.copy(demo, work.resolve("pipeline.sqlite"));
        Plan pipedPlan = new Plan(plan.operation(), piped.toString(), plan.createdAt(), plan.vmUuids(), plan.steps(),
                plan.deletes(), plan.updates(), plan.hostWork(), plan.kept(), plan.fingerprint());

        long plainNanos = plainSql(plain, preview.rowsOfItem());
        System.out.printf("plain SQL, one transaction per item: %,d ms%n", plainNanos / 1_000_000);

        Platform.startup(() -> { });
        AtomicLong longestGap = new AtomicLong();
        List<String> slow = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> phases = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong last = new AtomicLong();
        // the FX thread's CPU time at the last pulse, and the most it used in one gap: a gap far longer than its CPU
        // is a pause of the collector or the machine's other work, not the window's
        AtomicLong lastCpu = new AtomicLong();
        AtomicLong longestGapCpu = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(1);
        long[] elapsed = new long[1];
        RunViewModel[] holder = new RunViewModel[1];
        Platform.runLater(() -> {
            try {
                Source shown = SqliteSnapshot.open(piped, OpenOptions.readOnly());
                RunViewModel vm = new RunViewModel(new SourceRunService(shown, work, Schedulers.io()), FxSchedulers.javafx(),
                        Schedulers.computation(), pipedPlan);
                holder[0] = vm;
                Stage stage = new Stage();
                Scene scene = new Scene(new RunView(vm, stage::close).root(), 1200, 760);
                Themes.apply(scene, Theme.LIGHT);
                stage.setScene(scene);
                stage.show();
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        long prev = last.getAndSet(now);
                        long cpu = BenchWindow.fxCpu();
                        long prevCpu = lastCpu.getAndSet(cpu);
                        if (prev != 0 && vm.runningProperty().get()) {
                            longestGap.accumulateAndGet(now - prev, Math::max);
                            longestGapCpu.accumulateAndGet(cpu - prevCpu, Math::max);
                            if (now - prev > 50_000_000L) {
                                slow.add(String.format("%.1f s: %d ms, the FX thread's CPU %d ms (%s)",
                                        (now - elapsed[0]) / 1e9, (now - prev) / 1_000_000,
                                        (cpu - prevCpu) / 1_000_000, vm.statusProperty().get()));
                            }
                        }
                    }
                }.start();
                // where the time goes: each status the window shows, and when it first showed it
                vm.statusProperty().addListener((o, a, b) -> {
                    if (elapsed[0] != 0 && b != null && vm.runningProperty().get()) {
                        phases.add(String.format("%,7d ms %s", (System.nanoTime() - elapsed[0]) / 1_000_000, b));
                    }
                });
                vm.outcomeProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        elapsed[0] = System.nanoTime() - elapsed[0];
                        finished.countDown();
                        shown.close();
                    }
                });
                // let the window settle before starting
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(Double.parseDouble(System.getProperty("bench.settle", "1"))));
                settle.setOnFinished(e -> {
                    elapsed[0] = System.nanoTime();
                    vm.start();
                });
                settle.play();
            } catch (Exception e) {
                e.printStackTrace();
                finished.countDown();
            }
        });
        if (!finished.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the run did not finish");
        }
        System.out.printf("pipeline (check, backup, quarantine, journal, per-item transactions, shown in the run window):"
                + " %,d ms, outcome %s%n", elapsed[0] / 1_000_000, holder[0].outcomeProperty().get());
        phases.forEach(x -> System.out.println("  " + x));
        // the machine is shared: the plain SQL runs before and after the pipeline, and the ratio takes their mean
        long plainAfterNanos = plainSql(plainAfter, preview.rowsOfItem());
        System.out.printf("plain SQL again, after the pipeline: %,d ms%n", plainAfterNanos / 1_000_000);
        System.out.printf("ratio pipeline / plain SQL (mean of the two): %.2f (target at most 1.3)%n",
                (double) elapsed[0] / ((plainNanos + plainAfterNanos) / 2.0));
        System.out.printf("longest gap between FX pulses while running: %d ms (target under 50); the FX thread's CPU"
                + " in its busiest gap: %d ms%n", longestGap.get() / 1_000_000, longestGapCpu.get() / 1_000_000);
        slow.forEach(x -> System.out.println("  pulse gap over 50 ms at " + x));
        Platform.exit();
        System.exit(0);
    }

    static PlanPreview plan(Path demo, int target) throws Exception {
        List<String> vms = new ArrayList<>();
        try (Source s = SqliteSnapshot.open(demo, OpenOptions.readOnly()); Connection c = s.connection();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT uuid FROM VmInstanceEO v WHERE"
                     + " EXISTS (SELECT 1 FROM TpmVO t WHERE t.vmInstanceUuid = v.uuid) ORDER BY uuid")) {
            while (rs.next()) {
                vms.add(rs.getString(1));
            }
        }
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
