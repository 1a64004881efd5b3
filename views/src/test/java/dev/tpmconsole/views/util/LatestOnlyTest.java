package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Latest wins: outdated requests never reach the database, outdated results never reach the view. */
class LatestOnlyTest {

    @Test
    void onlyTheLatestOfQueuedRequestsRunsAndOnlyItsResultArrives() {
        TestScheduler background = new TestScheduler();
        TestScheduler fx = new TestScheduler();
        List<String> ran = new ArrayList<>();
        List<String> delivered = new ArrayList<>();
        try (LatestOnly runner = new LatestOnly(new FxSchedulers(background, fx))) {
            for (String q : List.of("w", "we", "web")) {
                runner.submit(() -> {
                    ran.add(q);
                    return q.toUpperCase();
                }, delivered::add, t -> delivered.add("error " + t));
            }
            background.triggerActions();
            fx.triggerActions();
            assertThat(ran).containsExactly("web");
            assertThat(delivered).containsExactly("WEB");
        }
    }

    @Test
    void aResultThatArrivesAfterANewerRequestIsDropped() {
        TestScheduler background = new TestScheduler();
        TestScheduler fx = new TestScheduler();
        List<String> delivered = new ArrayList<>();
        try (LatestOnly runner = new LatestOnly(new FxSchedulers(background, fx))) {
            runner.submit(() -> "old", delivered::add, t -> delivered.add("error"));
            background.triggerActions(); // ran, its result waits for the FX thread
            runner.submit(() -> "new", delivered::add, t -> delivered.add("error"));
            fx.triggerActions();
            assertThat(delivered).isEmpty();
            background.triggerActions();
            fx.triggerActions();
            assertThat(delivered).containsExactly("new");
        }
    }

    @Test
    void failuresArriveAsErrorsAndFollowUpsOfAnOutdatedGenerationAreSkipped() {
        List<String> delivered = new ArrayList<>();
        try (LatestOnly runner = new LatestOnly(FxSchedulers.synchronous())) {
            runner.submit(() -> {
                throw new java.sql.SQLException("disk on fire");
            }, r -> delivered.add("value"), t -> delivered.add(BackgroundTask.messageOf(t)));
            int gen = runner.current();
            runner.next();
            runner.follow(gen, () -> "late page", delivered::add, t -> delivered.add("error"));
            runner.follow(runner.current(), () -> "page", delivered::add, t -> delivered.add("error"));
        }
        assertThat(delivered).containsExactly("disk on fire", "page");
    }

    @Test
    void aFinishedQueryIsNotKept() throws Exception {
        // what a finished query delivered to (and ran) can be collected once newer queries ran: the runner
        // holds no subscription of a finished query, however many a person's typing made
        java.lang.ref.WeakReference<Object> kept;
        List<String> delivered = new ArrayList<>();
        try (LatestOnly runner = new LatestOnly(FxSchedulers.synchronous())) {
            kept = submitHolding(runner, delivered);
            for (int i = 0; i < 100; i++) {
                runner.submit(() -> "later", delivered::add, t -> { });
            }
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (kept.get() != null && System.nanoTime() < until) {
                System.gc();
                byte[] pressure = new byte[1 << 20];
                assertThat(pressure).hasSize(1 << 20);
            }
            assertThat(kept.get()).as("the first query's consumer was let go while the runner is open").isNull();
        }
        assertThat(delivered).hasSize(101);
    }

    /** Submits a query that holds an object (in its work and its consumer); returns a weak reference to it. */
    private static java.lang.ref.WeakReference<Object> submitHolding(LatestOnly runner, List<String> delivered) {
        Object target = new Object();
        runner.submit(() -> target.toString(), r -> delivered.add("first " + target.hashCode()), t -> { });
        return new java.lang.ref.WeakReference<>(target);
    }
}
