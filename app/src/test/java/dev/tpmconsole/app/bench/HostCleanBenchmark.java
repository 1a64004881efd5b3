package dev.tpmconsole.app.bench;

import dev.tpmconsole.model.hosts.HostPaths;
import dev.tpmconsole.model.hosts.SshHostMover;
import dev.tpmconsole.model.pipeline.Journal;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.run.RunView;
import dev.tpmconsole.views.run.RunViewModel;
import dev.tpmconsole.views.run.SourceRunService;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.Themes;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Benchmark of host work over SSH (issue "host work done for real": clean 1,000 state folders on 20 fake hosts
 * through the pipeline at most 1.5 times OpenSSH's {@code sftp -b} doing the same renames, one batch per host,
 * hosts in parallel, in the same run; every FX pulse of the run window at most 50 ms while it runs).
 *
 * <p>Starts the real OpenSSH server on HOSTS loopback addresses (127.0.0.101, ...; root needed) with FOLDERS TPM
 * state folders and a snapshot whose TpmState rows name them, and alternates, RUNS times: {@code sftp -b} per host
 * (in parallel) making the trash folders and renaming each state folder into them; and the pipeline's "reset TPM"
 * of every VM, its host work over SSH, shown in the real run window. Between runs the folders are put back.
 * Prints the best and median of the sftp time, of the pipeline's host-work step (from its journal) and of the
 * whole run (backup, check, the database's deletes), their ratios, and the longest gap between FX pulses.
 * Usage: HostCleanBenchmark WORK [HOSTS] [FOLDERS] [RUNS]
 */
public final class HostCleanBenchmark {

    private HostCleanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int hostCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int folders = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < hostCount; i++) {
            addresses.add("127.0.0." + (101 + i));
        }
        List<Long> sftp = new ArrayList<>();
        List<Long> step = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        AtomicLong longestGap = new AtomicLong();
        PulseWatch runWindow = new PulseWatch();
        PulseWatch controlWindow = new PulseWatch();
        dev.tpmconsole.app.PrismOptions.startJavaFx(() -> { });
        Platform.setImplicitExit(false); // each run's window closes; the toolkit stays for the next
        try (OpenSshHosts hosts = OpenSshHosts.start(addresses)) {
            List<String> vms = new ArrayList<>();
            for (int i = 0; i < folders; i++) {
                String vm = String.format("%032x", 0xce000000L + i);
                vms.add(vm);
                hosts.stateFolder(addresses.get(i % hostCount), HostPaths.hyphenated(vm));
            }
            Path pristine = SqliteTestDatabase.create(work.resolve("pristine.sqlite"), sink -> {
                Rows r = new Rows(sink);
                for (int h = 0; h < hostCount; h++) {
                    r.host(String.format("%032x", 0xa6000000L + h), false, addresses.get(h));
                }
                for (int i = 0; i < vms.size(); i++) {
                    r.vm(vms.get(i), true).hostFile(String.format("%032x", 0xf3000000L + i), vms.get(i),
                            String.format("%032x", 0xa6000000L + i % hostCount), "TpmState");
                }
            });
            Plan plan;
            try (Source s = SqliteSnapshot.open(pristine, OpenOptions.readOnly())) {
                plan = new Planner(s, Clock.systemUTC()).reset(vms).plan();
            }
            System.out.printf("%d hosts, %,d state folders; the plan: %,d items, %,d host paths%n", hostCount, folders,
                    plan.steps().stream().mapToInt(x -> x.items().size()).sum(), plan.hostWork().size());
            for (int run = 1; run <= runs; run++) {
                // the control: a plain window with a spinning progress indicator on the same display while sftp -b
                // does the renames, so that what the machine alone does to the FX pulses is measured in the same run
                Stage control = onFx(() -> {
                    Stage st = new Stage();
                    ProgressIndicator spinner = new ProgressIndicator();
                    st.setScene(new Scene(new StackPane(spinner), 1200, 760));
                    st.show();
                    return st;
                });
                controlWindow.start();
                long s = sftpRenames(hosts, addresses, vms, "sftp-" + run, work);
                controlWindow.stop();
                onFx(() -> {
                    control.close();
                    return null;
                });
                sftp.add(s);
                putBack(hosts, addresses, "sftp-" + run);
                long[] p = pipeline(hosts, pristine, work.resolve("run-" + run), plan, longestGap, runWindow);
                step.add(p[0]);
                whole.add(p[1]);
                putBack(hosts, addresses, null);
                System.out.printf("run %d: sftp -b %,d ms; pipeline: host-work step %,d ms, whole run %,d ms%n", run,
                        s / 1_000_000, p[0] / 1_000_000, p[1] / 1_000_000);
            }
        }
        long sb = best(sftp);
        long sm = median(sftp);
        System.out.printf("%n%-42s %9s %9s %11s %12s%n", "", "best ms", "median ms", "ratio best", "ratio median");
        System.out.printf("%-42s %,9d %,9d%n", "sftp -b renames, one batch per host", sb / 1_000_000, sm / 1_000_000);
        System.out.printf("%-42s %,9d %,9d %11.2f %12.2f%n", "pipeline: host-work step over SSH", best(step) / 1_000_000,
                median(step) / 1_000_000, (double) best(step) / sb, (double) median(step) / sm);
        System.out.printf("%-42s %,9d %,9d %11.2f %12.2f%n", "pipeline: whole run (with the database)",
                best(whole) / 1_000_000, median(whole) / 1_000_000, (double) best(whole) / sb, (double) median(whole) / sm);
        System.out.printf("longest gap between FX pulses while the run window ran: %d ms (target at most 50)%n",
                longestGap.get() / 1_000_000);
        System.out.printf("FX pulses, the run window while the pipeline ran:          %s%n", runWindow.summary());
        System.out.printf("FX pulses, a plain window (a spinner) while sftp -b ran:   %s%n", controlWindow.summary());
        Platform.exit();
        System.exit(0);
    }

    /** One sftp -b per host, all at once: make the trash folders, rename each state folder into them. */
    static long sftpRenames(OpenSshHosts hosts, List<String> addresses, List<String> vms, String runId, Path work)
            throws Exception {
        Path batches = Files.createDirectories(work.resolve("batches-" + runId));
        for (int h = 0; h < addresses.size(); h++) {
            StringBuilder b = new StringBuilder("-mkdir /var/lib/libvirt/swtpm/" + HostPaths.TRASH + "\n")
                    .append("mkdir /var/lib/libvirt/swtpm/" + HostPaths.TRASH + "/" + runId + "\n");
            for (int i = h; i < vms.size(); i += addresses.size()) {
                String name = HostPaths.hyphenated(vms.get(i));
                b.append("rename /var/lib/libvirt/swtpm/").append(name).append(" /var/lib/libvirt/swtpm/")
                        .append(HostPaths.TRASH).append('/').append(runId).append('/').append(name).append('\n');
            }
            Files.writeString(batches.resolve(addresses.get(h)), b);
        }
        long start = System.nanoTime();
        List<Process> ps = new ArrayList<>();
        for (String a : addresses) {
            ps.add(new ProcessBuilder("sftp", "-q", "-F", hosts.sshConfig().toString(), "-b",
                    batches.resolve(a).toString(), a).redirectErrorStream(true)
                    .redirectOutput(work.resolve("sftp-" + a + ".out").toFile()).start());
        }
        for (Process p : ps) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("sftp failed: " + Files.readString(work.resolve("sftp-"
                        + addresses.get(ps.indexOf(p)) + ".out")));
            }
        }
        return System.nanoTime() - start;
    }

    /** The pipeline in the real run window: returns the host-work step's time (from the journal) and the whole run's. */
    static long[] pipeline(OpenSshHosts hosts, Path pristine, Path folder, Plan plan, AtomicLong longestGap,
            PulseWatch watch) throws Exception {
        Files.createDirectories(folder);
        Path snapshot = Files.copy(pristine, folder.resolve("cloud.sqlite"), StandardCopyOption.REPLACE_EXISTING);
        Plan onCopy = new Plan(plan.operation(), snapshot.toString(), plan.createdAt(), plan.vmUuids(), plan.steps(),
                plan.deletes(), plan.updates(), plan.hostWork(), plan.kept(), plan.fingerprint());
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<RunViewModel> model = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] elapsed = new long[1];
        AtomicLong last = new AtomicLong();
        SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE);
        Platform.runLater(() -> {
            try {
                Source shown = SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
                RunViewModel vm = new RunViewModel(new SourceRunService(shown, folder, Schedulers.io(),
                        runId -> new SshHostMover(ssh, runId, Integer.getInteger("bench.parallelism", 20)), () -> null, w -> { }),
                        FxSchedulers.javafx(), Schedulers.computation(),
                        onCopy);
                vm.hostWorkOverSshProperty().set(true);
                model.set(vm);
                Stage stage = new Stage();
                Scene scene = new Scene(new RunView(vm, stage::close).root(), 1200, 760);
                Themes.apply(scene, Theme.LIGHT);
                stage.setScene(scene);
                stage.show();
                AnimationTimer pulses = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        long prev = last.getAndSet(now);
                        if (prev != 0 && vm.runningProperty().get()) {
                            watch.gap(now - prev);
                            longestGap.accumulateAndGet(now - prev, Math::max);
                            if (now - prev > 50_000_000L) {
                                System.out.printf("  pulse gap %d ms at %.1f s (%s)%n", (now - prev) / 1_000_000,
                                        (now - elapsed[0]) / 1e9, vm.statusProperty().get());
                            }
                        }
                    }
                };
                pulses.start();
                vm.outcomeProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        elapsed[0] = System.nanoTime() - elapsed[0];
                        pulses.stop();
                        stage.close();
                        shown.close();
                        finished.countDown();
                    }
                });
                javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long[] fxCpu = new long[1];
                vm.outcomeProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        watch.end();
                        System.out.printf("  the FX thread's CPU time while the run went: %,d ms%n",
                                (threads.getCurrentThreadCpuTime() - fxCpu[0]) / 1_000_000);
                    }
                });
                settle.setOnFinished(e -> {
                    fxCpu[0] = threads.getCurrentThreadCpuTime();
                    watch.begin();
                    elapsed[0] = System.nanoTime();
                    vm.start();
                });
                settle.play();
            } catch (Exception e) {
                failure.set(e);
                finished.countDown();
            }
        });
        if (!finished.await(30, TimeUnit.MINUTES) || failure.get() != null) {
            throw new IllegalStateException("the run did not finish", failure.get());
        }
        if (Boolean.getBoolean("bench.threads")) {
            // where the JVM's CPU went during the run: its busiest threads
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.Arrays.stream(mx.dumpAllThreads(false, false))
                    .map(t -> java.util.Map.entry(t.getThreadName(), mx.getThreadCpuTime(t.getThreadId())))
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                    .forEach(e -> System.out.printf("  thread %-40s %,d ms CPU%n", e.getKey(), e.getValue() / 1_000_000));
        }
        ssh.close();
        RunViewModel vm = model.get();
        if (vm.outcomeProperty().get() != RunEvent.Outcome.DONE) {
            throw new IllegalStateException("the run ended " + vm.outcomeProperty().get() + ": " + vm.failuresText());
        }
        Instant stepStart = null;
        Instant stepEnd = null;
        for (RunEvent e : Journal.read(vm.journalProperty().get())) {
            if (e instanceof RunEvent.StepStarted s && s.step() == Plan.StepName.HOST_WORK) {
                stepStart = Instant.parse(s.at());
            } else if (e instanceof RunEvent.StepEnded s && s.step() == Plan.StepName.HOST_WORK) {
                stepEnd = Instant.parse(s.at());
            }
        }
        return new long[] {Duration.between(stepStart, stepEnd).toNanos(), elapsed[0]};
    }

    /** Moves every trashed state folder back (locally: the fake hosts' roots are this machine's folders). */
    static void putBack(OpenSshHosts hosts, List<String> addresses, String runId) throws Exception {
        for (String a : addresses) {
            Path swtpm = hosts.root(a).resolve("var/lib/libvirt/swtpm");
            Path trash = swtpm.resolve(HostPaths.TRASH);
            if (!Files.isDirectory(trash)) {
                continue;
            }
            try (Stream<Path> runFolders = Files.list(trash)) {
                for (Path run : runFolders.filter(r -> runId == null || r.getFileName().toString().equals(runId)).toList()) {
                    try (Stream<Path> moved = Files.list(run)) {
                        for (Path f : moved.toList()) {
                            Files.move(f, swtpm.resolve(f.getFileName()));
                        }
                    }
                    Files.delete(run);
                }
            }
        }
    }

    /** Runs on the FX thread and waits for its result. */
    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        return task.get(1, TimeUnit.MINUTES);
    }

    /**
     * The gaps between FX pulses while something runs, with the time the JVM's collectors spent in the same while:
     * a gap may be the FX thread's own work, a collection, or the machine's other processes holding the CPU.
     */
    static final class PulseWatch {
        private final List<Long> gaps = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong last = new AtomicLong();
        private long gcMillis;
        private long gcStart;
        private AnimationTimer timer;

        void gap(long nanos) {
            gaps.add(nanos);
        }

        /** The while begins: from here the collectors' time counts. */
        void begin() {
            gcStart = gcMillis();
        }

        /** The while ends. */
        void end() {
            gcMillis += gcMillis() - gcStart;
        }

        /** Starts its own timer (for a window that has none). */
        void start() throws Exception {
            begin();
            last.set(0);
            timer = onFx(() -> {
                AnimationTimer t = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        long prev = last.getAndSet(now);
                        if (prev != 0) {
                            gap(now - prev);
                        }
                    }
                };
                t.start();
                return t;
            });
        }

        void stop() throws Exception {
            AnimationTimer t = timer;
            onFx(() -> {
                t.stop();
                return null;
            });
            end();
        }

        static long gcMillis() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        }

        String summary() {
            List<Long> s;
            synchronized (gaps) {
                s = gaps.stream().sorted().toList();
            }
            if (s.isEmpty()) {
                return "no pulses";
            }
            long over = s.stream().filter(g -> g > 50_000_000L).count();
            return String.format("%,d pulses, longest %d ms, 99th percentile %d ms, %.1f %% over 50 ms%s", s.size(),
                    s.get(s.size() - 1) / 1_000_000, s.get((int) Math.min(s.size() - 1, Math.floor(s.size() * 0.99)))
                            / 1_000_000, 100.0 * over / s.size(),
                    String.format(", the JVM's collections took %,d ms in all", gcMillis));
        }
    }

    static long best(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    static long median(List<Long> xs) {
        List<Long> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}
