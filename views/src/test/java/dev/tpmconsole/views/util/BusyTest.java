package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** A wait is shown only once it has lasted, and hidden as soon as it ends (the timer a test scheduler's). */
class BusyTest {

    private final TestScheduler timer = new TestScheduler();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyBooleanProperty shown = Busy.longWait(busy, 400, timer, Runnable::run);
    private final List<Boolean> changes = new ArrayList<>();

    {
        shown.addListener((o, was, is) -> changes.add(is));
    }

    private void after(long ms) {
        timer.advanceTimeBy(ms, TimeUnit.MILLISECONDS);
    }

    @Test
    void aLongWaitIsShownAfterTheDelayAndHiddenAtItsEnd() {
        busy.set(true);
        after(399);
        assertThat(shown.get()).as("not yet").isFalse();
        after(1);
        assertThat(shown.get()).isTrue();
        after(5_000);
        busy.set(false);
        assertThat(shown.get()).as("hidden at once").isFalse();
        after(5_000);
        assertThat(changes).containsExactly(true, false);
    }

    @Test
    void aShortWaitShowsNothing() {
        busy.set(true);
        after(150);
        busy.set(false);
        after(5_000);
        assertThat(changes).isEmpty();
    }

    @Test
    void aWaitThatStartsAgainIsTimedFromItsOwnStart() {
        busy.set(true);
        after(300);
        busy.set(false);
        after(50);
        busy.set(true); // the first wait's timer ends 50 ms from now: it must not show the second
        after(399);
        assertThat(shown.get()).isFalse();
        after(1);
        assertThat(shown.get()).isTrue();
        assertThat(changes).containsExactly(true);
    }

    @Test
    void aWaitUnderWayWhenWatchingStartsIsTimedFromThen() {
        SimpleBooleanProperty already = new SimpleBooleanProperty(true);
        ReadOnlyBooleanProperty late = Busy.longWait(already, 400, timer, Runnable::run);
        assertThat(late.get()).isFalse();
        after(400);
        assertThat(late.get()).isTrue();
    }

    @Test
    void theTimersEndComesBackThroughTheExecutorAndChecksTheWaitThere() {
        List<Runnable> fxQueue = new ArrayList<>();
        SimpleBooleanProperty b = new SimpleBooleanProperty();
        ReadOnlyBooleanProperty s = Busy.longWait(b, 400, timer, fxQueue::add);
        b.set(true);
        after(400);
        assertThat(s.get()).as("not until the FX thread runs it").isFalse();
        b.set(false); // the wait ends before the FX thread gets to the timer's end
        fxQueue.forEach(Runnable::run);
        assertThat(s.get()).isFalse();
    }
}
