package dev.tpmconsole.views.util;

import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;

/**
 * The two schedulers a view-model needs: where background work runs and where results reach the FX thread.
 * RxJavaFX is not published for RxJava 3, so the FX scheduler is {@code Schedulers.from} an executor that hands
 * its tasks to {@code Platform::runLater} ({@link FxQueue}, which the FX thread may also empty sooner).
 * Tests pass {@link #synchronous()}.
 */
public record FxSchedulers(Scheduler background, Scheduler fx) {

    public static FxSchedulers javafx() {
        return new FxSchedulers(Schedulers.io(), Schedulers.from(FxQueue.executor()));
    }

    /** Everything on the calling thread, for view-model tests. */
    public static FxSchedulers synchronous() {
        return new FxSchedulers(Schedulers.trampoline(), Schedulers.trampoline());
    }
}
