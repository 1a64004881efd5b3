package dev.tpmconsole.views.util;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Where the FX scheduler of {@link FxSchedulers#javafx()} puts what it hands to the FX thread: every task goes to
 * {@code Platform.runLater} as before, through a queue of its own that the FX thread may also empty at once
 * ({@link #runWaiting}). The console does so just before its window is first shown: what the background read
 * meanwhile (the first VM rows) is then part of the window's first layout instead of waiting behind it (decision
 * 0030). Tasks run in the order they were given, each once, on the FX thread.
 */
public final class FxQueue {

    private static final Queue<Runnable> WAITING = new ConcurrentLinkedQueue<>();

    private FxQueue() {
    }

    /** The executor behind the FX scheduler. */
    static Executor executor() {
        return task -> {
            WAITING.add(task);
            // one run of the queue's head per task: a task run early by runWaiting leaves its turn with nothing to do
            Platform.runLater(FxQueue::runNext);
        };
    }

    private static void runNext() {
        Runnable task = WAITING.poll();
        if (task != null) {
            task.run();
        }
    }

    /**
     * Runs, on the FX thread and now, every task the FX scheduler was given and has not run yet, as their turns in
     * the FX thread's queue would have, in the same order; an exception of one goes to the thread's uncaught
     * exception handler, as under {@code Platform.runLater}, and the rest still run.
     *
     * @return how many tasks ran
     * @throws IllegalStateException off the FX thread
     */
    public static int runWaiting() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxQueue.runWaiting on " + Thread.currentThread().getName());
        }
        int ran = 0;
        for (Runnable task = WAITING.poll(); task != null; task = WAITING.poll()) {
            ran++;
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
        return ran;
    }
}
