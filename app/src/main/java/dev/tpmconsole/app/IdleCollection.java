package dev.tpmconsole.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A young collection while the console is idle (decision 0045). Once the process has used almost no processor time for
 * half a second and its young generation holds enough to be worth it, it asks the JVM for a collection (once, until
 * eden has held less than that again), which {@code -XX:+ExplicitGCInvokesConcurrent} makes a young one that starts a
 * concurrent cycle, not a full one. What the last piece of work left alive (a source's rows, a plan, a window's nodes)
 * is copied then, while nobody waits for a frame, instead of at the first collection of the next piece of work, a
 * window opening or a run starting. It runs only in a JVM that has that option and G1 (the window's second JVM and the
 * app image's launcher give them), and not with {@code -Dtpmconsole.idleCollection=false}.
 */
final class IdleCollection {

    /** {@code false}: never. */
    static final String PROPERTY = "tpmconsole.idleCollection";
    /** The JVM option that makes {@link System#gc()} a young collection and a concurrent cycle in G1. */
    static final String OPTION = "ExplicitGCInvokesConcurrent";
    static final long TICK_MS = 250;
    /** Ticks in a row the process must be quiet before a collection: half a second. */
    static final int QUIET_TICKS = 2;
    /** The most processor time the whole process may use in a quiet tick: 5% of one processor. */
    static final long QUIET_CPU_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MS) / 20;
    /** Less in the young generation than this is not worth a pause: it is collected with the next work's. */
    static final long MIN_EDEN_BYTES = 16L << 20;

    private final OperatingSystemMXBean os;
    private final MemoryPoolMXBean eden;
    private long lastCpu = -1;
    private int quiet;
    /** Cleared by a collection, set again once eden holds less than {@link #MIN_EDEN_BYTES}: one per filling. */
    private boolean armed = true;

    private IdleCollection(OperatingSystemMXBean os, MemoryPoolMXBean eden) {
        this.os = os;
        this.eden = eden;
    }

    /** Starts it on a daemon thread of its own, where this JVM allows (see the class); returns whether it started. */
    static boolean startIfAvailable() {
        MemoryPoolMXBean eden = available() ? edenPool() : null;
        if (eden == null) {
            return false;
        }
        IdleCollection idle = new IdleCollection(ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class),
                eden);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tpm-console idle collection");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        timer.scheduleWithFixedDelay(idle::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Whether this JVM collects with G1, makes {@link System#gc()} concurrent, and was not told not to. */
    static boolean available() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return false;
        }
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot != null && "true".equals(hotSpot.getVMOption(OPTION).getValue())
                    && "true".equals(hotSpot.getVMOption("UseG1GC").getValue());
        } catch (IllegalArgumentException e) {
            return false; // not HotSpot's options
        }
    }

    /** G1's eden, which {@link #tick} reads; null where G1 names its pools otherwise. */
    private static MemoryPoolMXBean edenPool() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().equals("G1 Eden Space")) {
                return pool;
            }
        }
        return null;
    }

    /** One look: a collection if the process has been quiet long enough with enough in eden. */
    void tick() {
        long cpu = os.getProcessCpuTime();
        quiet = lastCpu >= 0 && cpu - lastCpu <= QUIET_CPU_NANOS ? quiet + 1 : 0;
        lastCpu = cpu;
        long young = eden.getUsage().getUsed();
        if (young < MIN_EDEN_BYTES) {
            armed = true;
        } else if (armed && quiet >= QUIET_TICKS) {
            quiet = 0;
            armed = false;
            System.gc();
            // the collection's own processor time (and its concurrent marking's) is not the console's work
            lastCpu = -1;
        }
    }
}
