package dev.tpmconsole.model.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Read once and kept; read again after forget; a read under way when forgotten is not kept. */
class KeptTest {

    @Test
    void readsOnceUntilForgotten() throws Exception {
        Kept<String> kept = new Kept<>();
        AtomicInteger reads = new AtomicInteger();
        assertThat(kept.get(() -> "v" + reads.incrementAndGet())).isEqualTo("v1");
        assertThat(kept.get(() -> "v" + reads.incrementAndGet())).isEqualTo("v1");
        kept.forget();
        assertThat(kept.get(() -> "v" + reads.incrementAndGet())).isEqualTo("v2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadUnderWayWhenForgottenIsReturnedButNotKept() throws Exception {
        Kept<String> kept = new Kept<>();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return kept.get(() -> {
                    reading.countDown();
                    try {
                        go.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "before";
                });
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        kept.forget(); // the database changed while the read was under way
        go.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        assertThat(kept.get(() -> "after")).as("the read under way was not kept").isEqualTo("after");
    }
}
