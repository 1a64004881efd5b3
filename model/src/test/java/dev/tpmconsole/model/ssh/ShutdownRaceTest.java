package dev.tpmconsole.model.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.junit.jupiter.api.Test;

/** MINA's shutdown race (apache/mina-sshd#409) is dropped before the process's handler; every other error reaches it. */
class ShutdownRaceTest {

    /** The error MINA's own executor throws when a task comes after its shutdown, as a JDK channel thread gets it. */
    static Throwable minasRace() {
        java.util.concurrent.ExecutorService pool = Executors.newSingleThreadExecutor();
        CloseableExecutorService executor = new org.apache.sshd.common.util.threads.NoCloseExecutor(pool);
        executor.shutdown();
        pool.shutdown();
        return catchThrowable(() -> executor.execute(() -> { }));
    }

    @Test
    void onlyMinasExecutorAfterItsShutdownIsTheRace() {
        Throwable race = minasRace();
        assertThat(race).isInstanceOf(IllegalStateException.class).hasMessage("Executor has been shut down");
        assertThat(ShutdownRace.is(race)).isTrue();
        assertThat(ShutdownRace.is(new IllegalStateException("Executor has been shut down")))
                .as("the same words from elsewhere").isFalse();
        assertThat(ShutdownRace.is(new IllegalArgumentException("x"))).isFalse();
    }

    @Test
    void theFilterDropsTheRaceAndPassesEveryOtherErrorOn() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> reached = new CopyOnWriteArrayList<>();
        try {
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> reached.add(e));
            ShutdownRace.filter();
            ShutdownRace.filter(); // once in front, not twice
            assertThat(Thread.getDefaultUncaughtExceptionHandler()).isInstanceOf(ShutdownRace.Filter.class);
            assertThat(((ShutdownRace.Filter) Thread.getDefaultUncaughtExceptionHandler()).next())
                    .isNotInstanceOf(ShutdownRace.Filter.class);

            Throwable race = minasRace();
            IllegalStateException other = new IllegalStateException("something else");
            for (Throwable error : List.of(race, other)) {
                Thread t = new Thread(() -> {
                    throw (RuntimeException) error;
                });
                t.start();
                t.join();
            }
            assertThat(reached).containsExactly(other);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
