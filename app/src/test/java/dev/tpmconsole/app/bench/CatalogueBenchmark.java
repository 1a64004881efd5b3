package dev.tpmconsole.app.bench;

import dev.tpmconsole.app.ConsoleGui;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.AuditSink;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.catalogue.Audit;
import dev.tpmconsole.model.catalogue.AuditRecording;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.KnownFindings;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.views.overview.OverviewViewModel;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;

/**
 * The catalogue's figures (run on demand by bench/catalogue.sh, never by the test suite).
 * <ul>
 *   <li>{@code heap SNAPSHOT CATALOGUE}: the heap the catalogue costs an audit: the peak heap (pool peaks after a
 *       collection) of the audit with its findings only counted, against the same audit recorded in the catalogue
 *       (statuses looked up, findings kept for the recording, the recording); and the heap of the overview of the
 *       cloud (its history, the last audit's changes, the acknowledgements).</li>
 *   <li>{@code seed SNAPSHOT CATALOGUE N}: records N audits of the snapshot's cloud, made from one real audit of it
 *       (each drops a different twentieth of the findings, so that findings are resolved and come back), as a
 *       cloud audited N times.</li>
 *   <li>{@code overview SNAPSHOT CATALOGUE}: the real window on the snapshot with the catalogue: first the time from
 *       opening the source in a fresh window (its catalogue opening at the same time) to the Summary tab's chart
 *       holding every audit, then from asking for the overview again to the same (median of 5).</li>
 * </ul>
 */
public final class CatalogueBenchmark {

    private CatalogueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "heap" -> heap(Path.of(args[1]), Path.of(args[2]));
            case "seed" -> seed(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "overview" -> overview(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    private static long peakAfter(Runnable work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        work.run();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return peak - before;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Runnable unchecked(Work w) {
        return () -> {
            try {
                w.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static void heap(Path snapshot, Path catalogueFile) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
             Catalogue c = Catalogue.open(catalogueFile, Clock.systemUTC()).catalogue()) {
            List<AuditRule> rules = Arrays.asList(AuditRule.values());
            long[] findings = new long[1];
            AuditSink count = f -> findings[0]++;
            // warm both paths once, so that class loading is not counted
            new Auditor(s).run(rules, count);
            long without = Long.MAX_VALUE;
            long with = Long.MAX_VALUE;
            List<Long> auditMs = new ArrayList<>();
            List<Long> recordedMs = new ArrayList<>();
            List<Long> recordingMs = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                without = Math.min(without, peakAfter(unchecked(() -> new Auditor(s).run(rules, count))));
                auditMs.add((System.nanoTime() - t0) / 1_000_000);
                long[] recordingPart = new long[1];
                long t1 = System.nanoTime();
                with = Math.min(with, peakAfter(unchecked(() -> {
                    // as `audit` does: the cloud and what is known of it read while the rules run, the recording after
                    Instant at = Instant.now();
                    java.util.concurrent.CompletableFuture<Object[]> before =
                            java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                                try {
                                    CloudMarkers m = CloudMarkers.read(s);
                                    return new Object[] {m, c.known(m, Audit.AUDIT, at)};
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                    AuditRecording recording = new AuditRecording();
                    KnownFindings[] known = new KnownFindings[1];
                    new Auditor(s).run(rules, recording.and(f -> {
                        if (known[0] == null) {
                            known[0] = (KnownFindings) before.join()[1];
                        }
                        known[0].of(f);
                    }));
                    long p2 = System.nanoTime();
                    c.record(recording.toRecord((CloudMarkers) before.join()[0], at, 1, "bench"));
                    recordingPart[0] = (System.nanoTime() - p2) / 1_000_000;
                })));
                recordedMs.add((System.nanoTime() - t1) / 1_000_000);
                recordingMs.add(recordingPart[0]);
            }
            System.out.printf("findings per audit: %,d%n", findings[0] / 6);
            auditMs.sort(null);
            recordedMs.sort(null);
            recordingMs.sort(null);
            System.out.printf("in one JVM (no start-up), median of 5: audit %d ms; audit recorded %d ms; the recording"
                    + " after the audit %d ms; audit recorded / audit only = %.3f (target: at most 1.10)%n", auditMs.get(2),
                    recordedMs.get(2), recordingMs.get(2), (double) recordedMs.get(2) / auditMs.get(2));
            System.out.printf("heap, audit only: %d MB; audit recorded in the catalogue: %d MB; the catalogue's cost: %d MB"
                    + " (target: under 64 MB)%n", without >> 20, with >> 20, Math.max(0, with - without) >> 20);
            CloudMarkers m = CloudMarkers.read(s);
            long cloud = c.cloudOf(m).orElseThrow().id();
            c.history(cloud, Audit.AUDIT);
            long overview = peakAfter(unchecked(() -> {
                List<Catalogue.AuditEntry> h = c.history(cloud, Audit.AUDIT);
                c.changes(h.get(h.size() - 1).id());
                c.acknowledgements(cloud);
            }));
            System.out.printf("heap, the overview's history of %d audits: %d MB%n", c.history(cloud, Audit.AUDIT).size(),
                    overview >> 20);
        }
    }

    static void seed(Path snapshot, Path catalogueFile, int audits) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
             Catalogue c = Catalogue.open(catalogueFile, Clock.systemUTC()).catalogue()) {
            CloudMarkers m = CloudMarkers.read(s);
            List<Finding> all = new ArrayList<>();
            new Auditor(s).run(Arrays.asList(AuditRule.values()), all::add);
            Instant t = Instant.now().minus(Duration.ofDays(audits));
            long started = System.nanoTime();
            for (int i = 0; i < audits; i++) {
                List<Catalogue.Reported> reported = new ArrayList<>();
                Map<String, Long> counts = new java.util.LinkedHashMap<>();
                for (AuditRule r : AuditRule.values()) {
                    counts.put(r.name(), 0L);
                }
                for (int k = 0; k < all.size(); k++) {
                    if (k % 20 != i % 20) {
                        Finding f = all.get(k);
                        reported.add(Catalogue.Reported.of(f));
                        counts.merge(f.rule().name(), 1L, Long::sum);
                    }
                }
                c.record(new Catalogue.AuditToRecord(Audit.AUDIT, m, t.plus(Duration.ofDays(i)), 1000,
                        List.copyOf(counts.keySet()), null, counts, reported, "bench"));
            }
            System.out.printf("seeded %d audits of %,d findings each in %.1f s%n", audits, all.size() * 19 / 20,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    static void overview(Path snapshot, Path catalogueFile) throws Exception {
        Path data = BenchWindow.tempFolder("tpm-bench");
        CountDownLatch shown = new CountDownLatch(1);
        ConsoleGui[] gui = new ConsoleGui[1];
        dev.tpmconsole.app.PrismOptions.startJavaFx(() -> {
            gui[0] = ConsoleGui.show(new Stage(), new ConsoleGui.Setup(data, PreferencesStore.inMemory(), null,
                    FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx(),
                    new EventLog(100, Clock.systemUTC()), catalogueFile));
            gui[0].stage().setWidth(1400);
            gui[0].stage().setHeight(900);
            shown.countDown();
        });
        shown.await();
        // the first overview in a fresh window: from opening the source (the catalogue opens and warms up once the
        // first VMs are listed, as when the console starts with a file) to the Summary tab's chart holding every audit,
        // painted
        long opened = System.nanoTime();
        Platform.runLater(() -> gui[0].viewModel().open(snapshot));
        // the window shows the VM list for a source it opens; the Summary tab is asked for as soon as it can be
        waitFor(() -> gui[0].viewModel().sourceProperty().get() != null);
        Platform.runLater(() -> gui[0].window().showSummary());
        waitFor(() -> gui[0].catalogue() != null);
        OverviewViewModel vm = gui[0].overviewViewModel();
        LineChart<Number, Number> firstChart = gui[0].window().overview().findingsChart();
        waitFor(() -> onFx(() -> !vm.historyStatusProperty().get().startsWith("Reading")
                && !vm.audits().isEmpty() && !firstChart.getData().isEmpty()
                && firstChart.getData().get(0).getData().size() == vm.audits().size()));
        CountDownLatch firstPainted = new CountDownLatch(1);
        Platform.runLater(() -> Platform.runLater(firstPainted::countDown));
        firstPainted.await();
        long cold = (System.nanoTime() - opened) / 1_000_000;
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            warm.add(time(gui[0], vm));
        }
        warm.sort(null);
        System.out.printf("overview of %d audits: first, in a fresh window from opening the source, %d ms; again (the"
                + " Summary tab shown, the history read) median %d ms (best %d, worst %d) (target: under 1 s)%n",
                vm.audits().size(), cold, warm.get(2), warm.get(0), warm.get(4));
        Platform.exit();
    }

    /** Asks for the overview again and waits for its chart to hold every audit, painted (the next pulse). */
    private static long time(ConsoleGui gui, OverviewViewModel vm) throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        long[] start = new long[1];
        Platform.runLater(() -> {
            gui.window().showSummary();
            start[0] = System.nanoTime();
            vm.refresh();
            asked.countDown();
        });
        asked.await();
        LineChart<Number, Number> chart = gui.window().overview().findingsChart();
        waitFor(() -> onFx(() -> !vm.historyStatusProperty().get().startsWith("Reading")
                && !chart.getData().isEmpty() && chart.getData().get(0).getData().size() == vm.audits().size()
                && !vm.audits().isEmpty()));
        // painted: the next pulse after the data arrived
        CountDownLatch painted = new CountDownLatch(1);
        Platform.runLater(() -> Platform.runLater(painted::countDown));
        painted.await();
        return (System.nanoTime() - start[0]) / 1_000_000;
    }

    private static boolean onFx(java.util.function.BooleanSupplier check) {
        boolean[] r = new boolean[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            r[0] = check.getAsBoolean();
            done.countDown();
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return r[0];
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(5);
        }
    }
}
