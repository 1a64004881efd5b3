package dev.tpmconsole.views.util;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An FX thread the test drives, for cancelling a job at a known point: a background thread that hands work to it
 * waits until the test has run that work ({@link #step}), so between two deliveries the job stands still and the
 * test sees the view-model as the person would, and can press Cancel. After {@link #release} nothing waits.
 * Use it as {@code Schedulers.from(steppedFx)}.
 */
public final class SteppedFx implements Executor {

    private final BlockingQueue<Runnable> handed = new LinkedBlockingQueue<>();
    private final Semaphore resume = new Semaphore(0);
    private final Thread tester = Thread.currentThread();
    private volatile boolean free;

    @Override
    public void execute(Runnable work) {
        handed.add(work);
        if (!free && Thread.currentThread() != tester) {
            resume.acquireUninterruptibly();
        }
    }

    /** Runs the next hand-off on the test's thread and lets its sender go on; false when none came in 30 s. */
    public boolean step() throws InterruptedException {
        Runnable work = handed.poll(30, TimeUnit.SECONDS);
        if (work == null) {
            return false;
        }
        work.run();
        resume.release();
        return true;
    }

    /** From now on senders do not wait (those waiting go on); what they hand over waits for {@link #drain}. */
    public void release() {
        free = true;
        resume.release(Integer.MAX_VALUE / 2);
    }

    /** Runs what was handed over and not yet run. */
    public void drain() {
        Runnable work;
        while ((work = handed.poll()) != null) {
            work.run();
        }
    }
}
