package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reactivex.rxjava3.core.Single;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FX scheduler's queue: what it was given reaches the FX thread through {@code Platform.runLater} as before, in
 * order, each task once; and the FX thread can run what waits at once (as the console does before its window first
 * shows), after which the tasks' own turns find nothing left to run.
 */
@ExtendWith(ApplicationExtension.class)
class FxQueueTest {

    @Start
    void start(Stage stage) {
        // the toolkit is all this needs
    }

    @Test
    void tasksRunOnTheFxThreadInOrderEachOnce() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        var fx = FxSchedulers.javafx().fx();
        for (int i = 0; i < 50; i++) {
            String name = "task " + i;
            fx.scheduleDirect(() -> ran.add(name + (Platform.isFxApplicationThread() ? "" : " off the FX thread")));
        }
        fx.scheduleDirect(done::countDown);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).hasSize(50).allMatch(s -> !s.endsWith("thread"));
        assertThat(ran).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 50).mapToObj(i -> "task " + i).toList());
    }

    @Test
    void theFxThreadRunsWhatWaitsAtOnceAndTheirTurnsFindNothingLeft(FxRobot robot) throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        int[] early = new int[1];
        List<String> seenEarly = new java.util.ArrayList<>();
        robot.interact(() -> {
            // a result the background delivers while the FX thread is busy (as the first VM rows are while the window
            // is built): it waits behind the work in hand. One background thread for both, so that "rows" is handed
            // to the FX thread before "count" (on two threads either could come first)
            io.reactivex.rxjava3.core.Scheduler background = io.reactivex.rxjava3.schedulers.Schedulers.single();
            Single.fromCallable(() -> "rows").subscribeOn(background)
                    .observeOn(FxSchedulers.javafx().fx()).subscribe(value -> ran.add(value));
            Single.fromCallable(() -> "count").subscribeOn(background)
                    .observeOn(FxSchedulers.javafx().fx()).subscribe(value -> ran.add(value));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ran.isEmpty() && System.nanoTime() < until) {
                early[0] += FxQueue.runWaiting();
                Thread.onSpinWait();
            }
            // both arrive: what is waiting runs now, on this thread, in the order given
            until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ran.size() < 2 && System.nanoTime() < until) {
                early[0] += FxQueue.runWaiting();
            }
            seenEarly.addAll(ran);
        });
        assertThat(seenEarly).as("run by runWaiting, before the FX thread's queue came to them")
                .containsExactly("rows", "count");
        assertThat(early[0]).isPositive();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).as("their turns later ran nothing again").containsExactly("rows", "count");
    }

    @Test
    void aFailingTaskGoesToTheUncaughtHandlerAndTheRestStillRun(FxRobot robot) {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            Thread fxThread = Thread.currentThread();
            Thread.UncaughtExceptionHandler before = fxThread.getUncaughtExceptionHandler();
            fxThread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
            try {
                var executor = FxQueue.executor();
                executor.execute(() -> ran.add("first"));
                executor.execute(() -> {
                    throw new IllegalStateException("a task that fails");
                });
                executor.execute(() -> ran.add("third"));
                assertThat(FxQueue.runWaiting()).isEqualTo(3);
            } finally {
                fxThread.setUncaughtExceptionHandler(before);
            }
        });
        assertThat(ran).containsExactly("first", "third");
        assertThat(uncaught).singleElement().extracting(Throwable::getMessage).isEqualTo("a task that fails");
    }

    @Test
    void onlyTheFxThreadRunsWhatWaits() {
        assertThatThrownBy(FxQueue::runWaiting).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FxQueue");
    }
}
