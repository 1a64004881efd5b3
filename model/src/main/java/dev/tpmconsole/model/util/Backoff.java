package dev.tpmconsole.model.util;

/**
 * Waits of 1, 2, 4 ... 32 ms between tries, for a given time at most: how the console looks again while another
 * process's write to a snapshot is under way (its reads, {@code ConnectionPool.Retry}; its open, the file check), as
 * SQLite's own busy handler waits for a lock.
 */
public final class Backoff {

    private static final long LONGEST_PAUSE_MS = 32;

    private final long until;
    private long pause = 1;

    /** Waits that end within {@code forMillis} from now. */
    public Backoff(long forMillis) {
        this.until = System.nanoTime() + forMillis * 1_000_000L;
    }

    /**
     * Sleeps the next wait and returns true; returns false at once when that wait would end after the time is up
     * (the caller gives up).
     */
    public boolean pause() throws InterruptedException {
        if (System.nanoTime() + pause * 1_000_000L > until) {
            return false;
        }
        Thread.sleep(pause);
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        return true;
    }
}
