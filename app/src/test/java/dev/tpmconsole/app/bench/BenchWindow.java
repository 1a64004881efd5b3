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
 * gap), and runs a hook on the next frame.
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

    private BenchWindow() {
    }

    /** Starts JavaFX and shows the window (no source open); returns once it is shown. */
    static BenchWindow show() throws Exception {
        BenchWindow w = new BenchWindow();
        java.nio.file.Path data = Files.createTempDirectory("tpm-bench");
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
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
                    long last = w.lastFrame.getAndSet(t);
                    long lastCpu = w.lastCpu.getAndSet(cpu);
                    if (last != 0) {
                        w.maxGap.accumulateAndGet(t - last, Math::max);
                        w.maxGapCpu.accumulateAndGet(cpu - lastCpu, Math::max);
                    }
                    Runnable r = w.onNextFrame.getAndSet(null);
                    if (r != null) {
                        r.run();
                    }
                }
            }.start();
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

    /** The longest CSS + layout pass of the main scene since the last reset, in nanoseconds. */
    long longestLayout() {
        return maxLayout.get();
    }

    /** The FX thread's CPU time so far, in nanoseconds (called on it; RunBenchmark's run window uses it too). */
    static long fxCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * Starts counting afresh, on the FX thread: from now, so that the first gap counts what the FX thread does next (a
     * window shown by the task that follows), which a count from the next frame would leave out.
     */
    void reset() {
        maxGap.set(0);
        maxGapCpu.set(0);
        maxLayout.set(0);
        lastFrame.set(System.nanoTime());
        lastCpu.set(fxCpu());
    }

    /** Runs {@code hook} in the next frame (replacing a hook not run yet). */
    void onNextFrame(Runnable hook) {
        onNextFrame.set(hook);
    }
}
