package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging two clouds the console took for two computes the findings' history again over all their audits in the
 * order they ran, exactly; splitting them again gives each its own history back.
 */
class CloudMergeTest {

    static final Instant T = Instant.parse("2026-10-01T00:00:00Z");

    @TempDir
    Path dir;

    static CloudMarkers markers(String source, String zone) {
        return new CloudMarkers(source, source, Set.of(new CloudMarkers.Marker("zone", zone)));
    }

    static Catalogue.AuditToRecord audit(CloudMarkers m, Instant at, String... stale) {
        return new Catalogue.AuditToRecord(Audit.AUDIT, m, at, 1, List.of("RESOURCE_ROW_STALE"), null,
                Map.of("RESOURCE_ROW_STALE", (long) stale.length),
                java.util.Arrays.stream(stale).map(CatalogueMigrationTest::reported).toList(), null);
    }

    @Test
    void mergeAndSplitComputeTheHistoryAgain() throws Exception {
        try (Catalogue c = Catalogue.open(dir.resolve("c.sqlite"), new TestClock(T)).catalogue()) {
            CloudMarkers a = markers("/a.sqlite", "za");
            CloudMarkers b = markers("/b.sqlite", "zb");
            long ca = c.record(audit(a, T.plus(Duration.ofDays(1)), "r1", "r2")).cloudId();
            long cb = c.record(audit(b, T.plus(Duration.ofDays(2)), "r2", "r3")).cloudId();
            c.record(audit(a, T.plus(Duration.ofDays(3)), "r1", "r2"));
            assertThat(cb).isNotEqualTo(ca);
            assertThat(c.history(ca, Audit.AUDIT)).extracting(Catalogue.AuditEntry::newFindings).containsExactly(2, 0);

            c.merge(cb, ca);
            List<Catalogue.AuditEntry> merged = c.history(ca, Audit.AUDIT);
            assertThat(merged).extracting(Catalogue.AuditEntry::source)
                    .containsExactly("/a.sqlite", "/b.sqlite", "/a.sqlite");
            // day 1: r1, r2 new; day 2: r3 new, r1 resolved; day 3: r1 new again, r3 resolved
            assertThat(merged).extracting(Catalogue.AuditEntry::findings).containsExactly(2, 2, 2);
            assertThat(merged).extracting(Catalogue.AuditEntry::newFindings).containsExactly(2, 1, 1);
            assertThat(merged).extracting(Catalogue.AuditEntry::resolvedFindings).containsExactly(0, 1, 1);
            Catalogue.Changes day3 = c.changes(merged.get(2).id());
            assertThat(day3.added()).extracting(f -> f.key().key()).containsExactly("r1");
            assertThat(day3.resolved()).extracting(f -> f.key().key()).containsExactly("r3");
            assertThat(day3.resolved().get(0).lastSeen()).isEqualTo(T.plus(Duration.ofDays(2)));
            // the findings computed again keep their sentences as messages, to show in the reader's language
            assertThat(day3.added()).extracting(Catalogue.FindingEntry::message)
                    .containsExactly(CatalogueMigrationTest.reported("r1").message());
            assertThat(day3.resolved()).extracting(Catalogue.FindingEntry::message)
                    .containsExactly(CatalogueMigrationTest.reported("r3").message());
            assertThat(c.clouds()).hasSize(1);
            assertThat(c.known(b, Audit.AUDIT, T.plus(Duration.ofDays(4))).cloudId()).as("b's markers moved").isEqualTo(ca);

            Catalogue.CloudEntry split = c.split(ca, List.of("/b.sqlite"));
            assertThat(c.history(ca, Audit.AUDIT)).extracting(Catalogue.AuditEntry::newFindings).containsExactly(2, 0);
            assertThat(c.history(ca, Audit.AUDIT)).extracting(Catalogue.AuditEntry::resolvedFindings).containsExactly(0, 0);
            assertThat(c.history(split.id(), Audit.AUDIT)).extracting(Catalogue.AuditEntry::newFindings).containsExactly(2);
            assertThat(c.cloudOf(b).orElseThrow().id()).as("pinned to the new cloud").isEqualTo(split.id());
        }
    }
}
