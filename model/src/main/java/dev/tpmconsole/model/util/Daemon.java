package dev.tpmconsole.model.util;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Work started beside the caller's on a named daemon thread of its own (a start's snapshot, preferences and icons),
 * whose outcome is a future: its value, or what it threw, Errors included,
 * so that whoever waits for it is never left waiting.
 */
public final class Daemon {

    private Daemon() {
    }

    /** Starts {@code work} on a daemon thread named {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Callable<T> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                outcome.complete(work.call());
            } catch (Exception | Error e) {
                outcome.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return outcome;
    }
}
