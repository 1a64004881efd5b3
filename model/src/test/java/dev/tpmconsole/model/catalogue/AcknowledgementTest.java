package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.audit.FindingState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledgements: a reason is required, they hold across audits, and expire by themselves (a fixed clock). */
class AcknowledgementTest {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    static final FindingKey R1 = FindingKey.of("RESOURCE_ROW_STALE", "ResourceVO", "r1");

    @TempDir
    Path dir;

    @Test
    void anAcknowledgementHoldsUntilItExpires() throws Exception {
        TestClock clock = new TestClock(T);
        try (Catalogue c = Catalogue.open(dir.resolve("c.sqlite"), clock, "alice", 1000).catalogue()) {
            long cloud = c.record(CatalogueTroubleTest.audit(T)).cloudId();
            Catalogue.AckEntry ack = c.acknowledge(cloud, R1, "  kept on purpose: the NFS backup still uses it ",
                    T.plus(Duration.ofDays(7)));
            assertThat(ack.reason()).isEqualTo("kept on purpose: the NFS backup still uses it");
            assertThat(ack.by()).isEqualTo("alice");

            clock.advance(Duration.ofDays(6));
            assertThat(state(c, clock)).isEqualTo(new FindingState(FindingState.Status.ACKNOWLEDGED, T));
            assertThat(c.acknowledgements(cloud)).singleElement().satisfies(a -> assertThat(a.active()).isTrue());

            clock.advance(Duration.ofDays(1));
            assertThat(state(c, clock)).as("expired at the second it said").isEqualTo(
                    new FindingState(FindingState.Status.SEEN, T));
            assertThat(c.acknowledgements(cloud)).singleElement().satisfies(a -> {
                assertThat(a.active()).isFalse();
                assertThat(a.expiresAt()).isEqualTo(T.plus(Duration.ofDays(7)));
            });

            // acknowledged again, without expiry; then taken back
            c.acknowledge(cloud, R1, "accepted for good", null);
            clock.advance(Duration.ofDays(3650));
            assertThat(state(c, clock).status()).isEqualTo(FindingState.Status.ACKNOWLEDGED);
            assertThat(c.unacknowledge(cloud, R1)).isTrue();
            assertThat(c.unacknowledge(cloud, R1)).isFalse();
            assertThat(state(c, clock).status()).isEqualTo(FindingState.Status.SEEN);
        }
    }

    @Test
    void aReasonIsRequiredAndAnExpiryMustBeAhead() throws Exception {
        TestClock clock = new TestClock(T);
        try (Catalogue c = Catalogue.open(dir.resolve("c.sqlite"), clock).catalogue()) {
            long cloud = c.record(CatalogueTroubleTest.audit(T)).cloudId();
            assertThatThrownBy(() -> c.acknowledge(cloud, R1, "   ", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("reason");
            assertThatThrownBy(() -> c.acknowledge(cloud, R1, null, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.acknowledge(cloud, R1, "ok", T)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not in the future");
            assertThat(c.acknowledgements(cloud)).isEmpty();
        }
    }

    static FindingState state(Catalogue c, TestClock clock) throws Exception {
        return c.known(CatalogueMigrationTest.MARKERS, Audit.AUDIT, clock.instant()).state(R1);
    }
}
