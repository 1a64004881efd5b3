package dev.tpmconsole.model.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named moments of a run where the fault suite kills a real console process (SIGKILL, from outside): the
 * process stops at the moment and says so, and the test kills it there. Off unless the environment variable
 * {@code TPM_CONSOLE_FAULT} is set to {@code POINT:N:FILE}: at the N-th time POINT is reached, the process
 * writes FILE and waits for its end. A point that writes ({@link #cut}) first writes part of what it writes, so
 * that the kill leaves a cut line. Nothing else changes; unset, each point is one comparison.
 *
 * <p>The points: {@code backup} (the run's backup is being written), {@code quarantine-write} (in the middle
 * of a quarantine line), {@code item-delete} (an item's deletes are made but not committed), {@code
 * item-committed} (committed, not yet in the journal), {@code journal-write} (in the middle of a journal line),
 * {@code host-moved} (a TPM state folder moved into the trash on its host, not yet in the journal).
 */
public final class FaultPoints {

    private static final String SPEC = System.getenv("TPM_CONSOLE_FAULT");
    private static final String POINT;
    private static final int AT;
    private static final Path SIGNAL;
    private static final ConcurrentHashMap<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

    static {
        String[] parts = SPEC == null ? new String[0] : SPEC.split(":", 3);
        POINT = parts.length == 3 ? parts[0] : null;
        AT = parts.length == 3 ? Integer.parseInt(parts[1]) : 0;
        SIGNAL = parts.length == 3 ? Path.of(parts[2]) : null;
    }

    private FaultPoints() {
    }

    /** A moment: when armed for it and this is the N-th time, the process waits here to be killed. */
    public static void reach(String point) {
        if (POINT != null && POINT.equals(point) && hit(point)) {
            stop(point);
        }
    }

    /**
     * A write of {@code length} bytes at {@code point}: how many to write before {@link #stop} (half of them)
     * when armed for it and this is the N-th time; -1 otherwise (write them all).
     */
    public static int cut(String point, int length) {
        if (POINT != null && POINT.equals(point) && hit(point)) {
            return length / 2;
        }
        return -1;
    }

    private static boolean hit(String point) {
        return HITS.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet() == AT;
    }

    /** Says the moment is reached and waits for the kill (never returns). */
    public static void stop(String point) {
        try {
            Files.writeString(SIGNAL, point + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("fault point " + point + ": cannot write " + SIGNAL, e);
        }
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // waits for SIGKILL, whatever else happens
            }
        }
    }
}
