package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The one background-job model: running, progress, message, error and Cancel, delivered on the FX scheduler. */
class BackgroundTaskTest {

    @Test
    void itemsThenTheEndArriveOnTheFxSchedulerWithRunningAlreadyFalse() {
        TestScheduler background = new TestScheduler();
        TestScheduler fx = new TestScheduler();
        BackgroundTask task = new BackgroundTask(new FxSchedulers(background, fx), BackgroundTask.verbatim("Not run yet"));
        List<String> seen = new ArrayList<>();
        assertThat(task.messageProperty().get()).isEqualTo("Not run yet");
        assertThat(task.start(BackgroundTask.verbatim("Working…"), Observable.just("a", "b"), seen::add,
                () -> seen.add("done, running " + task.isRunning()), t -> seen.add("failed"))).isTrue();
        assertThat(task.isRunning()).isTrue();
        assertThat(task.messageProperty().get()).isEqualTo("Working…");
        assertThat(task.start(BackgroundTask.verbatim("again"), Observable.just("c"), seen::add, () -> { }, t -> { }))
                .as("one job at a time").isFalse();
        background.triggerActions();
        assertThat(seen).as("nothing reaches the view-model off the FX thread").isEmpty();
        fx.triggerActions();
        assertThat(seen).containsExactly("a", "b", "done, running false");
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void aFailureSetsTheErrorAndTheNextStartClearsIt() {
        BackgroundTask task = new BackgroundTask(FxSchedulers.synchronous(), null);
        List<Throwable> failed = new ArrayList<>();
        task.start(null, Observable.error(new java.io.IOException()), x -> { }, () -> { }, t -> {
            failed.add(t);
            task.fail(t);
        });
        assertThat(failed).singleElement().isInstanceOf(java.io.IOException.class);
        assertThat(task.isRunning()).isFalse();
        assertThat(task.errorProperty().get()).as("an exception without a message shows its kind")
                .isEqualTo("java.io.IOException");
        task.start(null, Observable.empty(), x -> { }, () -> { }, t -> { });
        assertThat(task.errorProperty().get()).isEmpty();
    }

    @Test
    void cancelStopsTheWorkAndNothingOfItArrivesAfterwards() throws Exception {
        TestScheduler fx = new TestScheduler();
        BackgroundTask task = new BackgroundTask(new FxSchedulers(Schedulers.single(), fx), null);
        CountDownLatch working = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        List<Object> seen = new ArrayList<>();
        task.start(null, Observable.<Integer>create(emitter -> {
            emitter.setCancellable(() -> stopped.set(true));
            emitter.onNext(1);
            working.countDown();
            while (!emitter.isDisposed()) {
                Thread.onSpinWait();
            }
            emitter.onNext(2);
            ended.countDown();
        }), seen::add, () -> seen.add("done"), seen::add);
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(task.cancel()).isTrue();
        assertThat(task.isRunning()).isFalse();
        assertThat(stopped).as("the work was told to stop").isTrue();
        assertThat(ended.await(10, TimeUnit.SECONDS)).as("and it did").isTrue();
        fx.triggerActions();
        assertThat(seen).as("what was emitted before the cancel was dropped with it").isEmpty();
        assertThat(task.cancel()).as("nothing runs").isFalse();
    }

    @Test
    void endedMarksTheJobDoneBeforeItsStreamEnds() {
        TestScheduler fx = new TestScheduler();
        BackgroundTask task = new BackgroundTask(new FxSchedulers(Schedulers.trampoline(), fx), null);
        List<String> seen = new ArrayList<>();
        task.start(null, Observable.just("last event"), e -> {
            task.ended();
            seen.add(e);
        }, () -> seen.add("done"), t -> { });
        fx.triggerActions();
        assertThat(seen).containsExactly("last event", "done");
        assertThat(task.start(BackgroundTask.verbatim("next"), Observable.never(), x -> { }, () -> { }, t -> { })).isTrue();
        task.close();
        assertThat(task.isRunning()).isFalse();
    }
}
