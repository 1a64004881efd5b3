package dev.tpmconsole.app.bench;

import static dev.tpmconsole.app.bench.BenchWindow.await;
import static dev.tpmconsole.app.bench.BenchWindow.fx;

import dev.tpmconsole.app.ConsoleGui;
import dev.tpmconsole.views.preview.PreviewViewModel;
import dev.tpmconsole.views.util.When;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Benchmark of the FX pulses in the console's other windows (issue "Faster than the tools people would use
 * instead": every FX pulse, in every phase of browse, audit, preview and run, at most 50 ms). On a snapshot,
 * shown in the real main window (1400 x 900): the audit window opens, runs the audit once it shows (as its Run
 * button does) and shows its findings; then the preview window plans "remove TPM" for VMS VMs with a TPM (the plan
 * starts once the window shows, as the console starts it) and shows the plan's tree. For each phase it prints how
 * long it took, the longest gap between FX pulses (the longest pulse or FX-thread task, {@link BenchWindow}) from
 * the phase's start until its window has shown the result for a second, the FX thread's CPU time in its busiest gap
 * (which the machine's other work does not lengthen: compare builds by it on a busy machine), how long the task that
 * asked for the window took (its view-model; the view is made in a turn after) and how long after it was asked for
 * the window showed. Needs a display.
 * Usage: WindowsBenchmark SNAPSHOT [VMS]
 */
public final class WindowsBenchmark {

    private static final java.time.Duration TEN_MINUTES = java.time.Duration.ofMinutes(10);

    private BenchWindow window;
    private ConsoleGui gui;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WindowsBenchmark SNAPSHOT [VMS]");
            System.exit(2);
        }
        new WindowsBenchmark().run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 2500);
        Platform.exit();
        System.exit(0);
    }

    private void run(Path snapshot, int previewVms) throws Exception {
        List<String> withTpm = RunBenchmark.vmsWithTpm(snapshot, previewVms);
        window = BenchWindow.show();
        gui = window.gui();
        Thread.sleep(1500); // the window settles
        fx(() -> {
            gui.viewModel().open(snapshot);
            return null;
        });
        await(() -> !gui.browseViewModel().vms().rows().rows().isEmpty(), "the VM list", TEN_MINUTES);
        Thread.sleep(1500); // the first rows, the catalogue and the details' warm-up are done with

        // 1. the audit window: the audit runs, its findings are listed
        long t0 = startPhase();
        AtomicLong auditShown = new AtomicLong();
        long auditMade = fx(() -> {
            long s = System.nanoTime();
            gui.showAudit();
            long made = System.nanoTime() - s;
            whenShown(gui.auditStage(), s, auditShown);
            return made;
        });
        // the audit is run from the window once it shows, as a person runs it (its Run button)
        await(() -> auditShown.get() > 0, "the audit window", TEN_MINUTES);
        fx(() -> {
            gui.auditViewModel().run();
            return null;
        });
        Thread.sleep(200);
        await(() -> !gui.auditViewModel().runningProperty().get(), "the audit", TEN_MINUTES);
        long audit = System.nanoTime() - t0;
        Thread.sleep(1000);
        int findings = fx(() -> gui.auditViewModel().findings().size());
        System.out.printf("audit window: %,d findings in %d ms; longest gap between FX pulses: %d ms (the FX thread's"
                + " CPU in its busiest gap: %d ms; the renderer's over the phase: %d ms); asking for the window took %d ms"
                + " of the FX thread (its view-model; the view is made in a turn after), and it showed %d ms after it was"
                + " asked for%n", findings, ms(audit), ms(window.longestGap()), ms(window.busiestGapCpu()),
                ms(window.rendererCpuSinceReset()), ms(auditMade), ms(auditShown.get()));
        fx(() -> {
            gui.auditStage().close();
            return null;
        });
        Thread.sleep(500);

        // 2. the preview window: the plan of removing the TPM of many VMs, shown as a tree
        t0 = startPhase();
        AtomicLong previewShown = new AtomicLong();
        long previewMade = fx(() -> {
            long s = System.nanoTime();
            gui.showPreview(PreviewViewModel.Operation.REMOVE, withTpm);
            long made = System.nanoTime() - s;
            whenShown(gui.previewStage(), s, previewShown);
            return made;
        });
        await(() -> gui.previewViewModel() != null && gui.previewViewModel().previewProperty().get() != null
                && !gui.previewViewModel().loadingProperty().get(), "the preview", TEN_MINUTES);
        long preview = System.nanoTime() - t0;
        Thread.sleep(1000);
        int items = fx(() -> gui.previewViewModel().previewProperty().get().plan().steps().stream()
                .mapToInt(s -> s.items().size()).sum());
        System.out.printf("preview window: %,d VMs, %,d items in %d ms; longest gap between FX pulses: %d ms (the FX"
                + " thread's CPU in its busiest gap: %d ms; the renderer's over the phase: %d ms); asking for the window"
                + " took %d ms of the FX thread (its view-model; the view is made in a turn after), and it showed %d ms"
                + " after it was asked for%n", withTpm.size(), items, ms(preview), ms(window.longestGap()),
                ms(window.busiestGapCpu()), ms(window.rendererCpuSinceReset()), ms(previewMade), ms(previewShown.get()));
        fx(() -> {
            gui.stage().close();
            return null;
        });
    }

    /** Sets {@code shown} to the time from {@code asked} until {@code stage} showed (at once if it shows already). */
    private static void whenShown(Stage stage, long asked, AtomicLong shown) {
        When.firstTrue(stage.showingProperty(), () -> shown.set(System.nanoTime() - asked));
    }

    /**
     * Starts counting pulse gaps afresh; returns the phase's start. With {@code -Dbench.gaps=true} it prints the JVM's
     * uptime then, to find the phase's collections in a {@code -Xlog:gc::uptime} log.
     */
    private long startPhase() throws Exception {
        fx(() -> {
            window.reset();
            return null;
        });
        if (Boolean.getBoolean("bench.gaps")) {
            System.out.printf("  a phase starts (the JVM's uptime %.3f s)%n",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        }
        return System.nanoTime();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
