package dev.tpmconsole.app.bench;

import dev.tpmconsole.app.ConsoleGui;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.browse.Sort;
import dev.tpmconsole.model.browse.VmColumn;
import dev.tpmconsole.model.browse.VmFilter;
import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.views.browse.BrowseViewModel;
import dev.tpmconsole.views.browse.VmListViewModel;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The browse benchmark (run on demand by bench/browse.sh, never by the test suite): opens a snapshot in the
 * real console window and measures, on the real FX thread,
 * <ul>
 *   <li>the time from asking to open the snapshot to the first VM rows painted (the first pulse after the
 *       table holds rows and shows them), in the window as the console starts it: on its built-in demo, as
 *       {@code gui} does (the console is never without a source once started); with {@code -Dbench.coldWindow=true},
 *       in a window that never showed a row (every class of the list, the driver and the first CSS of its
 *       cells loaded by this open: bench/browse.sh prints that figure from a second run);</li>
 *   <li>per filter keystroke (typed into the filter box at a person's pace), the time from the keystroke
 *       to the pulse that paints its result; median and worst; then the same filters' first pages read on the
 *       benchmark's thread without the window (the database's part of a keystroke, which on a live database
 *       moves with the server's speed);</li>
 *   <li>the same with "has dirty rows" on, and the first time that filter is turned on (it computes the set);</li>
 *   <li>a sort by key state, a selection's details, the next page when scrolling;</li>
 *   <li>the longest gap between two FX pulses while all this runs (an animation timer keeps pulses coming
 *       at 60 Hz, so a gap is a pulse, or other FX-thread work, that took that long), and the longest
 *       CSS + layout pass;</li>
 *   <li>the most heap used (sampled every 20 ms) and the JVM's heap limit.</li>
 * </ul>
 * Usage: {@code BrowseBenchmark SNAPSHOT}; run with {@code -Xmx512m}; {@code -Dbench.each=true} also prints each keystroke's time;
 * {@code -Dbench.repeat=N} types the filter's words N times (a profiler's samples; the keystroke figures are the first
 * time's, the phase's line covers them all).
 */
public final class BrowseBenchmark {

    private static final List<String> TYPED = List.of("w", "we", "web", "web-", "web-1", "web-12", "web-1", "web-", "web",
            "we", "w", "", "k", "k8", "k8s", "k8s-", "k8s-w", "k8s-wo", "k8s-wor", "k8s-work", "k8s-worke", "k8s-worker",
            "k8s-worker-", "k8s-worker-0", "k8s-worker-00", "k8s-worker-001", "", "7", "7a", "7a4", "7a48", "", "d", "db",
            "db-", "db-9", "db-99", "db-999", "db-9999", "");
    private static final List<String> TYPED_DIRTY = List.of("w", "we", "web", "", "d", "db", "db-", "", "a", "ap", "api", "");

    /** A snapshot's path, or a live database's jdbc: URL (user root, no password: this machine's test MariaDB). */
    private final String snapshot;
    private ConsoleGui gui;
    private BenchWindow window;
    private final AtomicLong maxHeap = new AtomicLong();

    private final List<String> phases = new ArrayList<>();

    /**
     * Ends a phase: notes its longest pulse gap, its longest layout pass and the FX thread's CPU in its busiest gap, and
     * starts counting afresh.
     */
    private void phase(String name) throws Exception {
        fx(() -> {
            phases.add(String.format("  %-34s longest pulse gap %4d ms, longest CSS+layout %4d ms,"
                    + " the FX thread's CPU in its busiest gap %4d ms, over the phase %5d ms (the renderer's %5d ms)",
                    name, ms(window.longestGap()), ms(window.longestLayout()), ms(window.busiestGapCpu()),
                    ms(window.cpuSinceReset()), ms(window.rendererCpuSinceReset())));
            overallGap.accumulateAndGet(window.longestGap(), Math::max);
            overallLayout.accumulateAndGet(window.longestLayout(), Math::max);
            overallGapCpu.accumulateAndGet(window.busiestGapCpu(), Math::max);
            window.reset();
        });
    }

    private final AtomicLong overallGap = new AtomicLong();
    private final AtomicLong overallLayout = new AtomicLong();
    private final AtomicLong overallGapCpu = new AtomicLong();

    private BrowseBenchmark(String snapshot) {
        this.snapshot = snapshot;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BrowseBenchmark SNAPSHOT|jdbc:mariadb://127.0.0.1:3306/DB");
            System.exit(2);
        }
        new BrowseBenchmark(args[0]).run();
        Platform.exit();
        System.exit(0);
    }

    private void run() throws Exception {
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (true) {
                maxHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        window = BenchWindow.show();
        gui = window.gui();
        Thread.sleep(1500); // the window settles; its first pulses are not the browse view's
        fx(window::reset);

        VmListViewModel vms = gui.browseViewModel().vms();
        TableView<VmRow> table = lookup("#vmTable");
        TextField filter = lookup("#vmFilter");

        boolean cold = Boolean.getBoolean("bench.coldWindow");
        if (!cold) {
            // the console as it starts: on its built-in demo (generated in the data folder the first time)
            untilPainted(() -> gui.viewModel().openDemo(), () -> !table.getItems().isEmpty() && paintedRows(table) > 0,
                    System.nanoTime());
            Thread.sleep(1500); // the demo's warm-up is done with
            fx(window::reset);
        }

        // 1. open -> first rows painted: rows of the source opened now (the demo's are new objects' predecessors)
        Object shownBefore = fxGet(() -> gui.viewModel().sourceProperty().get());
        Object firstRowBefore = fxGet(() -> table.getItems().isEmpty() ? null : table.getItems().get(0));
        long t0 = System.nanoTime();
        long firstRows = untilPainted(() -> {
                    if (snapshot.startsWith("jdbc:")) {
                        gui.viewModel().openDatabase(snapshot, "root", "");
                    } else {
                        gui.viewModel().open(Path.of(snapshot));
                    }
                },
                () -> gui.viewModel().sourceProperty().get() != shownBefore && !table.getItems().isEmpty()
                        && table.getItems().get(0) != firstRowBefore && paintedRows(table) > 0, t0);
        long total = fxGet(() -> vms.rows().totalProperty().get());
        System.out.printf("snapshot: %s, %,d VMs%n", snapshot, total);
        System.out.printf("first rows painted after open%s: %d ms%n",
                cold ? " in a window that never showed a row" : "", ms(firstRows));
        if (cold) {
            // the first fill goes on after the first rows (the rest of the first screenful, the details' tables, the
            // warm-up of the details and the filter box, the row counts): the pulses until 1.5 s after them count
            Thread.sleep(1500);
            long gap = fxGet(window::longestGap);
            long gapCpu = fxGet(window::busiestGapCpu);
            System.out.printf("longest gap between FX pulses from the open until 1.5 s after the first rows, in a"
                    + " window that never showed a row: %d ms; the FX thread's CPU in its busiest gap: %d ms%n",
                    ms(gap), ms(gapCpu));
            fx(() -> gui.stage().close());
            return;
        }
        Thread.sleep(500);
        phase("open and first rows");

        // 2. filter keystrokes
        List<Long> latencies = typeAll(TYPED, filter, vms);
        // -Dbench.repeat=N types the words N times in all (a profiler's samples): the keystroke figures are the first
        // time's, the phase's line covers them all
        for (int again = 1; again < Integer.getInteger("bench.repeat", 1); again++) {
            typeAll(TYPED, filter, vms);
        }
        report("filter keystroke (" + latencies.size() + " keystrokes)", latencies);
        if (Boolean.getBoolean("bench.each")) {
            StringBuilder each = new StringBuilder("  each keystroke:");
            for (int i = 0; i < TYPED.size(); i++) {
                each.append(" '").append(TYPED.get(i)).append("' ").append(ms(latencies.get(i)));
            }
            System.out.println(each);
        }
        phase("typing in the filter");

        // 2b. the same filters' first pages, read as the list reads them but on this thread: the database's part
        BrowseQueries queries = fxGet(() -> gui.browseViewModel().queriesProperty().get());
        List<Long> alone = new ArrayList<>();
        for (String text : TYPED) {
            long t = System.nanoTime();
            queries.vms(VmFilter.none().withText(text), Sort.asc(VmColumn.NAME), 0, BrowseViewModel.PAGE_SIZE);
            alone.add(System.nanoTime() - t);
            Thread.sleep(120);
        }
        report("the same filters' first pages read without the window (" + alone.size() + ")", alone);
        fx(window::reset);

        // 3. dirty rows filter: first toggle computes the set, then keystrokes with it on
        long dirtyToggle = untilLoaded(() -> vms.dirtyOnlyProperty().set(true), vms);
        System.out.printf("'has dirty rows' on (computes the dirty set once): %d ms, %,d VMs%n", ms(dirtyToggle),
                fxGet(() -> vms.rows().totalProperty().get()));
        List<Long> dirtyLatencies = typeAll(TYPED_DIRTY, filter, vms);
        report("filter keystroke with 'has dirty rows' on (" + dirtyLatencies.size() + ")", dirtyLatencies);
        untilLoaded(() -> vms.dirtyOnlyProperty().set(false), vms);
        phase("'has dirty rows' and typing");

        // 4. sort, details, next page
        long sort = untilLoaded(() -> vms.sortBy(Sort.desc(VmColumn.KEY_STATE)), vms);
        System.out.printf("sort by key state (whole table, by the database): %d ms%n", ms(sort));
        long sortName = untilLoaded(() -> vms.sortBy(Sort.asc(VmColumn.NAME)), vms);
        System.out.printf("sort by name: %d ms%n", ms(sortName));
        long details = untilPainted(() -> table.getSelectionModel().clearAndSelect(3, table.getVisibleLeafColumn(0)),
                () -> !gui.browseViewModel().details().loadingProperty().get()
                        && gui.browseViewModel().details().presentBinding().get(), System.nanoTime());
        System.out.printf("select a VM -> details painted: %d ms%n", ms(details));
        int before = fxGet(() -> table.getItems().size());
        long page = untilPainted(() -> table.scrollTo(before - 1), () -> table.getItems().size() > before, System.nanoTime());
        System.out.printf("scroll to the end of the loaded rows -> next page painted: %d ms (%d -> %d rows)%n", ms(page),
                before, fxGet(() -> table.getItems().size()));

        phase("sort, details, next page");
        System.out.printf("longest gap between FX pulses (the longest pulse or FX-thread task): %d ms;"
                + " longest CSS + layout pass: %d ms; the FX thread's CPU in its busiest gap: %d ms; by phase:%n",
                ms(overallGap.get()), ms(overallLayout.get()), ms(overallGapCpu.get()));
        phases.forEach(System.out::println);
        long pools = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                pools += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("max heap used: %d MB sampled (sum of pool peaks %d MB), heap limit -Xmx: %d MB%n",
                maxHeap.get() >> 20, pools >> 20, Runtime.getRuntime().maxMemory() >> 20);
        fx(() -> gui.stage().close());
    }

    private List<Long> typeAll(List<String> texts, TextField filter, VmListViewModel vms) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String text : texts) {
            out.add(untilLoaded(() -> filter.setText(text), vms));
            Thread.sleep(120); // a person's typing pace
        }
        return out;
    }

    /** Runs {@code action} on the FX thread and waits for the pulse that paints the list it reloads. */
    private long untilLoaded(Runnable action, VmListViewModel vms) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong took = new AtomicLong();
        fx(() -> {
            long t0 = System.nanoTime();
            javafx.beans.value.ChangeListener<Boolean> l = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (!now) {
                        vms.rows().loadingProperty().removeListener(this);
                        window.onNextFrame(() -> window.onNextFrame(() -> {
                            took.set(System.nanoTime() - t0);
                            done.countDown();
                        }));
                    }
                }
            };
            vms.rows().loadingProperty().addListener(l);
            action.run();
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the list did not load");
        }
        return took.get();
    }

    /** Runs {@code action} on the FX thread, then waits for a pulse after which {@code condition} holds. */
    private long untilPainted(Runnable action, java.util.function.BooleanSupplier condition, long t0) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong took = new AtomicLong();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (condition.getAsBoolean()) {
                // painted in the pulse after the one that laid it out
                window.onNextFrame(() -> {
                    took.set(System.nanoTime() - t0);
                    done.countDown();
                });
            } else {
                window.onNextFrame(check[0]);
            }
        };
        fx(() -> {
            action.run();
            window.onNextFrame(check[0]);
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("nothing was painted");
        }
        return took.get();
    }

    private static int paintedRows(TableView<?> table) {
        int n = 0;
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getItem() != null && row.isVisible()) {
                n++;
            }
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private <T> T lookup(String id) throws Exception {
        return fxGet(() -> (T) gui.stage().getScene().lookup(id));
    }

    private static void fx(Runnable r) throws Exception {
        CountDownLatch l = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                l.countDown();
            }
        });
        l.await();
    }

    private static <T> T fxGet(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        fx(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                err.set(e);
            }
        });
        if (err.get() != null) {
            throw err.get();
        }
        return out.get();
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long p90 = sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.9)));
        System.out.printf("%s: median %d ms, 90th percentile %d ms, worst %d ms, best %d ms%n", what, ms(median), ms(p90),
                ms(sorted.get(sorted.size() - 1)), ms(sorted.get(0)));
    }
}
