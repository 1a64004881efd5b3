package dev.tpmconsole.views.util;

import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.function.Consumer;

/**
 * The schedulers a view-model needs: where background work runs, where results reach the FX thread, and what
 * waits for the next pulse to have painted them.
 * RxJavaFX is not published for RxJava 3, so the FX scheduler is {@code Schedulers.from} an executor that hands
 * its tasks to {@code Platform::runLater} ({@link FxQueue}, which the FX thread may also empty sooner).
 * Tests pass {@link #synchronous()}.
 */
public record FxSchedulers(Scheduler background, Scheduler fx, Consumer<Runnable> afterPaint) {

    /**
     * @param afterPaint runs work on the FX thread once JavaFX has laid out and painted what changed so far (after
     *                   the next pulse), and the tables that make their first screenful of rows over several pulses
     *                   have made them ({@link When#afterFirstFill}): work that would take a core from those pulses
     *                   waits for them
     */
    public FxSchedulers {
        java.util.Objects.requireNonNull(afterPaint);
    }

    /** Schedulers whose work after the next paint runs at once (tests with no pulses to wait for). */
    public FxSchedulers(Scheduler background, Scheduler fx) {
        this(background, fx, Runnable::run);
    }

    public static FxSchedulers javafx() {
        return new FxSchedulers(Schedulers.io(), Schedulers.from(FxQueue.executor()), When::afterFirstFill);
    }

    /** Everything on the calling thread, for view-model tests. */
    public static FxSchedulers synchronous() {
        return new FxSchedulers(Schedulers.trampoline(), Schedulers.trampoline());
    }
}
