package dev.tpmconsole.app.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Samples one thread's stack (the FX thread's) every millisecond into a ring of the last few seconds, and prints what
 * the samples of a span of time found it doing most: the phase of the pulse or task it was in, the console's innermost
 * frame and the method on top; and how many samples each phase had. Each sample stops the thread for a moment (a
 * handshake), so its figures are for telling what made a gap, not for timing it.
 */
final class FxStackSampler {

    private static final int RING = 8192;
    private final long[] times = new long[RING];
    /** The stacks as sampled: they are summed up only when a gap is printed, so that sampling costs a core little. */
    private final StackTraceElement[][] stacks = new StackTraceElement[RING][];
    /**
     * {@code -Dbench.gapStacksDepth=N}: also prints, for each gap, a few samples' stacks (N frames from the top, those
     * of the packages in {@link #SHOWN}).
     */
    private static final int DEPTH = Integer.getInteger("bench.gapStacksDepth", 0);
    private int next;

    /** Starts sampling {@code thread} on a daemon thread of its own. */
    void start(Thread thread) {
        Thread t = new Thread(() -> {
            while (thread.isAlive()) {
                StackTraceElement[] stack = thread.getStackTrace();
                synchronized (this) {
                    times[next % RING] = System.nanoTime();
                    stacks[next % RING] = stack;
                    next++;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-fx-stack-sampler");
        t.setDaemon(true);
        t.start();
    }

    /** Prints the five things most sampled between {@code from} and {@code to} (System.nanoTime()), with counts. */
    void print(long from, long to) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> phases = new LinkedHashMap<>();
        int all = 0;
        synchronized (this) {
            for (int i = Math.max(0, next - RING); i < next; i++) {
                long at = times[i % RING];
                if (at >= from && at <= to) {
                    counts.merge(summary(stacks[i % RING]), 1, Integer::sum);
                    phases.merge(phase(stacks[i % RING]), 1, Integer::sum);
                    all++;
                }
            }
        }
        if (DEPTH > 0) {
            printStacks(from, to);
        }
        System.out.println("    the FX thread in " + all + " samples: " + counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(5)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("; "))
                + " (by phase: " + phases.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
    }

    /** The packages whose frames {@link #printStacks} prints: JavaFX's, CSS's, class loading's, the console's. */
    private static final String[] SHOWN = {"javafx.", "com.sun.javafx.css", "dev.tpmconsole", "java.lang.ClassLoader",
        "jdk.internal.loader", "java.util.jar", "java.util.zip"};

    /** Prints the shown frames of up to eight busy samples (not waiting in the event loop) between two times. */
    private void printStacks(long from, long to) {
        int printed = 0;
        synchronized (this) {
            for (int i = Math.max(0, next - RING); i < next && printed < 8; i++) {
                StackTraceElement[] st = stacks[i % RING];
                if (times[i % RING] < from || times[i % RING] > to || st.length == 0
                        || st[0].getMethodName().equals("_runLoop") || st[0].getMethodName().equals("park")) {
                    continue;
                }
                StringBuilder line = new StringBuilder("      ");
                for (int j = 0; j < Math.min(DEPTH, st.length); j++) {
                    String c = st[j].getClassName();
                    for (String shown : SHOWN) {
                        if (c.startsWith(shown)) {
                            line.append(simpleName(c)).append('.').append(st[j].getMethodName()).append(" < ");
                            break;
                        }
                    }
                }
                System.out.println(line);
                printed++;
            }
        }
    }

    private static final String[][] PHASES = {
        {"doCSSPass", "css"}, {"doLayoutPass", "layout"}, {"synchronizeSceneNodes", "sync"},
        {"AnimationTimer", "timer"}, {"lambda$runLater", "runLater"},
    };

    /** "phase | console's innermost frame | top frame" of a stack. */
    static String summary(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "(no stack)";
        }
        String top = simpleName(stack[0].getClassName()) + "." + stack[0].getMethodName();
        String console = "-";
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("dev.tpmconsole")) {
                console = simpleName(e.getClassName()) + "." + e.getMethodName() + ":" + e.getLineNumber();
                break;
            }
        }
        return phase(stack) + " | " + console + " | " + top;
    }

    /** The phase of the pulse or task a stack is in ({@link #PHASES}; "-": none of them). */
    static String phase(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "(no stack)";
        }
        String phase = "-"; // the innermost phase: a timer's layout is layout
        for (int i = stack.length - 1; i >= 0; i--) {
            String frame = stack[i].getClassName() + "." + stack[i].getMethodName();
            for (String[] p : PHASES) {
                if (frame.contains(p[0])) {
                    phase = p[1];
                }
            }
        }
        return phase;
    }

    /** A class's name without its package ({@code Outer$Inner} stays whole). */
    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
