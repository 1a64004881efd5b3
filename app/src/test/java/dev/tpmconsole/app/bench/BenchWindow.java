package dev.tpmconsole.app.bench;

import dev.tpmconsole.app.ConsoleGui;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The window benchmarks' main window: the real console window at 1400 x 900 on a data folder of its own, with
 * an AnimationTimer that counts the longest gap between FX pulses (the longest pulse or FX-thread task) and the
 * longest CSS + layout pass of the main scene since the last {@link #reset} (and the FX thread's CPU time in its busiest
 * gap), and runs a hook on the next frame. With {@code -Dbench.gaps=true} it also prints each gap over 40 ms (or
 * {@code -Dbench.gapsOver=MS}) as it
 * ends: when it began, the CPU time of the FX thread, of the render thread and of the whole JVM in it (two cores give
 * at most twice the gap), and the four Java threads that used the most (what is left of the JVM's is the compilers'
 * and the collector's).
 */
final class BenchWindow {

    private final AtomicLong lastFrame = new AtomicLong();
    private final AtomicLong maxGap = new AtomicLong();
    /** The FX thread's CPU time at the last pulse, and the most it used between two pulses. */
    private final AtomicLong lastCpu = new AtomicLong();
    private final AtomicLong maxGapCpu = new AtomicLong();
    private final AtomicLong maxLayout = new AtomicLong();
    private final AtomicLong layoutStart = new AtomicLong();
    private final AtomicReference<Runnable> onNextFrame = new AtomicReference<>();
    private ConsoleGui gui;
    /** What is shown, for each gap over 50 ms since the last reset (null: such gaps are not noted). */
    private volatile java.util.function.Supplier<String> slowLabel;
    private final java.util.List<String> slow = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** {@code -Dbench.gaps=true}: prints each gap over {@link #GAPS_OVER} as it ends, with when it began. */
    private static final boolean GAPS = Boolean.getBoolean("bench.gaps");
    /** The gaps printed are those longer than this, in nanoseconds ({@code -Dbench.gapsOver=MS}, default 40 ms). */
    private static final long GAPS_OVER = Long.getLong("bench.gapsOver", 40) * 1_000_000L;
    /** {@code -Dbench.gapStacks=true}: samples the FX thread's stack each millisecond, for the gaps printed. */
    private static final boolean STACKS = GAPS && Boolean.getBoolean("bench.gapStacks");
    private final FxStackSampler sampler = STACKS ? new FxStackSampler() : null;
    private volatile long resetAt = System.nanoTime();
    private long lastRenderCpu;
    private long lastProcessCpu;
    private static long rendererId = -1;
    private java.util.Map<Long, Long> lastThreadCpu = java.util.Map.of();

    private BenchWindow() {
    }

    /**
     * A new folder in the temporary folder, deleted with what is in it when the JVM exits (a run's copies of a large
     * snapshot are hundreds of megabytes each).
     */
    static java.nio.file.Path tempFolder(String prefix) throws java.io.IOException {
        java.nio.file.Path folder = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dev.tpmconsole.model.util.PartialFiles.deleteTree(folder);
            } catch (java.io.IOException e) {
                System.err.println("could not delete " + folder + ": " + e.getMessage());
            }
        }, "bench-temp-folder"));
        return folder;
    }

    /** Starts JavaFX and shows the window (no source open); returns once it is shown. */
    static BenchWindow show() throws Exception {
        BenchWindow w = new BenchWindow();
        java.nio.file.Path data = tempFolder("tpm-bench");
        CountDownLatch shown = new CountDownLatch(1);
        dev.tpmconsole.app.PrismOptions.startJavaFx(() -> {
            w.gui = ConsoleGui.show(new Stage(), data, PreferencesStore.inMemory(),
                    FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx());
            w.gui.stage().setWidth(1400);
            w.gui.stage().setHeight(900);
            w.gui.stage().getScene().addPreLayoutPulseListener(() -> w.layoutStart.set(System.nanoTime()));
            w.gui.stage().getScene().addPostLayoutPulseListener(() ->
                    w.maxLayout.accumulateAndGet(System.nanoTime() - w.layoutStart.get(), Math::max));
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long cpu = fxCpu();
                    long render = GAPS ? rendererCpu() : 0;
                    long process = GAPS ? processCpu() : 0;
                    long lastRender = w.lastRenderCpu;
                    long lastProcess = w.lastProcessCpu;
                    w.lastRenderCpu = render;
                    w.lastProcessCpu = process;
                    java.util.Map<Long, Long> threads = GAPS ? threadCpu() : java.util.Map.of();
                    java.util.Map<Long, Long> lastThreads = w.lastThreadCpu;
                    w.lastThreadCpu = threads;
                    long last = w.lastFrame.getAndSet(t);
                    long lastCpu = w.lastCpu.getAndSet(cpu);
                    if (last != 0) {
                        w.maxGap.accumulateAndGet(t - last, Math::max);
                        w.maxGapCpu.accumulateAndGet(cpu - lastCpu, Math::max);
                        java.util.function.Supplier<String> label = w.slowLabel;
                        if (label != null && t - last > 50_000_000L) {
                            w.slow.add(String.format("%.1f s: %d ms, the FX thread's CPU %d ms (%s)",
                                    (last - w.resetAt) / 1e9, (t - last) / 1_000_000, (cpu - lastCpu) / 1_000_000,
                                    label.get()));
                        }
                        if (GAPS && t - last > GAPS_OVER) {
                            System.out.printf("  gap %d ms (CPU: the FX thread's %d ms, the renderer's %d ms, the"
                                    + " process's %d ms), %d ms after the reset (the JVM's uptime %.3f s at its end)%n",
                                    (t - last) / 1_000_000, (cpu - lastCpu) / 1_000_000,
                                    (render - lastRender) / 1_000_000, (process - lastProcess) / 1_000_000,
                                    (last - w.resetAt) / 1_000_000,
                                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
                            System.out.println("    busiest threads: " + busiest(lastThreads, threads));
                            if (w.sampler != null) {
                                w.sampler.print(last, t);
                            }
                        }
                    }
                    Runnable r = w.onNextFrame.getAndSet(null);
                    if (r != null) {
                        r.run();
                    }
                }
            }.start();
            if (w.sampler != null) {
                w.sampler.start(Thread.currentThread());
            }
            shown.countDown();
        });
        shown.await();
        return w;
    }

    ConsoleGui gui() {
        return gui;
    }

    /** The longest gap between pulses since the last reset, in nanoseconds. */
    long longestGap() {
        return maxGap.get();
    }

    /**
     * The most CPU time the FX thread used between two pulses since the last reset, in nanoseconds: the work of the
     * longest pulse or task, whatever else the machine ran meanwhile (the wall-clock gap counts the waits for a core).
     */
    long busiestGapCpu() {
        return maxGapCpu.get();
    }

    /** The FX thread's CPU time at the last reset. */
    private long resetCpu;

    /** The FX thread's CPU time since the last reset, in nanoseconds (called on it). */
    long cpuSinceReset() {
        return fxCpu() - resetCpu;
    }

    /** The render thread's CPU time at the last reset. */
    private long resetRenderCpu;

    /**
     * The render thread's CPU time since the last reset, in nanoseconds: drawing the frames, which the next pulse waits
     * for (JavaFX's scene waits for the last frame to be drawn before it hands it the next).
     */
    long rendererCpuSinceReset() {
        return rendererCpu() - resetRenderCpu;
    }

    /** The longest CSS + layout pass of the main scene since the last reset, in nanoseconds. */
    long longestLayout() {
        return maxLayout.get();
    }

    /** The FX thread's CPU time so far, in nanoseconds (called on it; RunBenchmark's run window uses it too). */
    static long fxCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The CPU time of JavaFX's render thread (Prism's QuantumRenderer) so far, in nanoseconds. */
    private static long rendererCpu() {
        if (rendererId < 0) {
            rendererId = Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> th.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(0);
        }
        return rendererId == 0 ? 0 : java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(rendererId);
    }

    /** Each Java thread's CPU time so far, in nanoseconds, by id. */
    private static java.util.Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            out.put(id, mx.getThreadCpuTime(id));
        }
        return out;
    }

    /** The four Java threads that used the most CPU between two readings, with their ms. */
    private static String busiest(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(java.util.Map.Entry.<Long, Long>comparingByValue().reversed()).limit(4)
                .map(e -> {
                    java.lang.management.ThreadInfo info = mx.getThreadInfo(e.getKey());
                    return (info == null ? "?" : info.getThreadName()) + " " + e.getValue() / 1_000_000 + " ms";
                }).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The whole JVM's CPU time so far, in nanoseconds: from the JDK's management extension where the runtime has it; the
     * app image's runtime does not (its modules are the console's), and there from the system's count, which moves in
     * steps of the kernel's clock tick (10 ms).
     */
    private static long processCpu() {
        if (ModuleLayer.boot().findModule("jdk.management").isPresent()) {
            return OsCpu.processCpu();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** Loaded only where the runtime has the module {@code jdk.management}. */
    private static final class OsCpu {
        static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /**
     * Starts counting afresh, on the FX thread: from now, so that the first gap counts what the FX thread does next (a
     * window shown by the task that follows), which a count from the next frame would leave out.
     */
    void reset() {
        slow.clear();
        maxGap.set(0);
        maxGapCpu.set(0);
        maxLayout.set(0);
        resetAt = System.nanoTime();
        lastFrame.set(resetAt);
        lastCpu.set(fxCpu());
        resetCpu = lastCpu.get();
        resetRenderCpu = rendererCpu();
        if (GAPS) {
            // the other threads' CPU counted from the same moment as the gap and the FX thread's
            lastRenderCpu = rendererCpu();
            lastProcessCpu = processCpu();
            lastThreadCpu = threadCpu();
        }
    }

    /**
     * From now on notes each gap over 50 ms ({@link #slowGaps}): when it began after the last reset, how long it was,
     * the FX thread's CPU in it, and {@code label} (read on the FX thread at its end: what the window showed).
     */
    void noteSlowGaps(java.util.function.Supplier<String> label) {
        slowLabel = label;
    }

    /** The gaps over 50 ms since the last reset, each as "S s: N ms, the FX thread's CPU M ms (label)". */
    java.util.List<String> slowGaps() {
        synchronized (slow) {
            return java.util.List.copyOf(slow);
        }
    }

    /** Runs {@code body} on the FX thread and waits (at most ten minutes) for its result. */
    static <T> T fx(java.util.concurrent.Callable<T> body) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(body);
        Platform.runLater(task);
        return task.get(10, java.util.concurrent.TimeUnit.MINUTES);
    }

    /** Waits until {@code condition}, read on the FX thread every 20 ms, holds; fails after {@code limit}. */
    static void await(java.util.function.BooleanSupplier condition, String what, java.time.Duration limit)
            throws Exception {
        long until = System.nanoTime() + limit.toNanos();
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException(what + " did not finish");
            }
            Thread.sleep(20);
        }
    }

    /** Runs {@code hook} in the next frame (replacing a hook not run yet). */
    void onNextFrame(Runnable hook) {
        onNextFrame.set(hook);
    }
}
