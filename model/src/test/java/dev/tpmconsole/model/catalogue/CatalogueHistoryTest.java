package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A history across three snapshots of one cloud, audited by the real auditor and recorded: which findings are new,
 * seen and resolved, and when each was first seen, exactly; the statuses the report shows before each recording
 * agree with what the recording then counts.
 */
class CatalogueHistoryTest extends CatalogueTestBase {

    /** A snapshot of the test cloud (hosts h1 and h2 in zone z) with a stale ResourceVO row for each of {@code stale}. */
    Path snapshot(String name, boolean secondHost, String... stale) throws Exception {
        return SqliteTestDatabase.create(dir.resolve(name), sink -> {
            Rows r = new Rows(sink);
            r.host("h1", false);
            if (secondHost) {
                r.host("h2", false);
            }
            r.provider("p1", "nkp").vm("v1", true).tpm("t1", "v1").keyRef(1, "TpmVO", "t1", "p1", "nkp", "kek");
            for (String s : stale) {
                r.resource(s, "VmHostFileVO");
            }
        });
    }

    record Audited(Catalogue.RecordedAudit recorded, Map<String, FindingState> states) {
    }

    /** Audits a snapshot as the command does: statuses from what was known before, then the recording. */
    Audited audit(Path snapshot) throws Exception {
        clock.advance(Duration.ofDays(1));
        try (SqliteSnapshot source = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
            CloudMarkers markers = CloudMarkers.read(source);
            Instant started = clock.instant();
            KnownFindings known = catalogue.known(markers, Audit.AUDIT, started);
            AuditRecording recording = new AuditRecording();
            Map<String, FindingState> states = new LinkedHashMap<>();
            new Auditor(source, 1).run(Arrays.asList(AuditRule.values()), recording.and(f -> {
                if (f.rule() == AuditRule.RESOURCE_ROW_STALE) {
                    states.put(f.key(), known.of(f));
                }
            }));
            return new Audited(catalogue.record(recording.toRecord(markers, started, 12, "test")), states);
        }
    }

    @Test
    void newSeenAndResolvedAcrossThreeSnapshots() throws Exception {
        Path s1 = snapshot("monday.sqlite", false, "r1", "r2");
        // a host came, r2 was cleaned up, r3 appeared
        Path s2 = snapshot("tuesday.sqlite", true, "r1", "r3");
        // the first host went, r2 came back
        Path s3 = snapshot("wednesday.sqlite", false, "r1", "r2", "r3");

        Audited a1 = audit(s1);
        Instant d1 = T0.plus(Duration.ofDays(1));
        assertThat(a1.states()).containsExactly(Map.entry("r1", new FindingState(FindingState.Status.NEW, d1)),
                Map.entry("r2", new FindingState(FindingState.Status.NEW, d1)));
        assertThat(a1.recorded().findings()).isEqualTo(2);
        assertThat(a1.recorded().newFindings()).isEqualTo(2);
        assertThat(a1.recorded().resolvedFindings()).isZero();
        assertThat(a1.recorded().cloudName()).isEqualTo("monday.sqlite");

        Audited a2 = audit(s2);
        Instant d2 = d1.plus(Duration.ofDays(1));
        assertThat(a2.recorded().cloudId()).as("one cloud: the hosts and zone are shared").isEqualTo(a1.recorded().cloudId());
        assertThat(a2.states()).containsExactly(Map.entry("r1", new FindingState(FindingState.Status.SEEN, d1)),
                Map.entry("r3", new FindingState(FindingState.Status.NEW, d2)));
        assertThat(a2.recorded().newFindings()).isEqualTo(1);
        assertThat(a2.recorded().resolvedFindings()).as("r2").isEqualTo(1);

        Audited a3 = audit(s3);
        Instant d3 = d2.plus(Duration.ofDays(1));
        assertThat(a3.recorded().cloudId()).isEqualTo(a1.recorded().cloudId());
        assertThat(a3.states()).containsExactly(Map.entry("r1", new FindingState(FindingState.Status.SEEN, d1)),
                Map.entry("r2", new FindingState(FindingState.Status.NEW, d3)),
                Map.entry("r3", new FindingState(FindingState.Status.SEEN, d2)));
        assertThat(a3.recorded().newFindings()).as("r2 is back: new again").isEqualTo(1);
        assertThat(a3.recorded().resolvedFindings()).isZero();

        List<Catalogue.AuditEntry> history = catalogue.history(a1.recorded().cloudId(), Audit.AUDIT);
        assertThat(history).extracting(Catalogue.AuditEntry::source)
                .containsExactly(s1.toString(), s2.toString(), s3.toString());
        assertThat(history).extracting(Catalogue.AuditEntry::findings).containsExactly(2, 2, 3);
        assertThat(history).extracting(Catalogue.AuditEntry::newFindings).containsExactly(2, 1, 1);
        assertThat(history).extracting(Catalogue.AuditEntry::resolvedFindings).containsExactly(0, 1, 0);
        assertThat(history).extracting(e -> e.counts().get("RESOURCE_ROW_STALE")).containsExactly(2L, 2L, 3L);
        assertThat(history.get(0).counts()).containsOnlyKeys(Arrays.stream(AuditRule.values()).map(Enum::name).toList());

        Catalogue.Changes second = catalogue.changes(a2.recorded().auditId());
        assertThat(second.added()).extracting(f -> f.key().key()).containsExactly("r3");
        assertThat(second.resolved()).extracting(f -> f.key().key()).containsExactly("r2");
        assertThat(second.resolved().get(0).lastSeen()).isEqualTo(d1);
        Catalogue.Changes third = catalogue.changes(a3.recorded().auditId());
        assertThat(third.added()).extracting(f -> f.key().key()).containsExactly("r2");
        assertThat(third.added().get(0).firstSeen()).isEqualTo(d3);
        assertThat(third.resolved()).isEmpty();
    }

    @Test
    void anAuditOfSomeRulesResolvesOnlyTheirFindings() throws Exception {
        Path s1 = snapshot("one.sqlite", false, "r1");
        audit(s1);
        clock.advance(Duration.ofDays(1));
        try (SqliteSnapshot source = SqliteSnapshot.open(snapshot("two.sqlite", false), OpenOptions.readOnly())) {
            CloudMarkers markers = CloudMarkers.read(source);
            AuditRecording recording = new AuditRecording();
            new Auditor(source, 1).run(List.of(AuditRule.TPM_WITHOUT_VM), recording);
            Catalogue.RecordedAudit r = catalogue.record(recording.toRecord(markers, clock.instant(), 3, null));
            assertThat(r.resolvedFindings()).as("RESOURCE_ROW_STALE did not run").isZero();
            assertThat(catalogue.known(markers, Audit.AUDIT, clock.instant())
                    .state(FindingKey.of("RESOURCE_ROW_STALE", "ResourceVO", "r1")).status())
                    .isEqualTo(FindingState.Status.SEEN);
        }
    }

    @Test
    void anotherCloudIsAnotherCloud() throws Exception {
        Audited a = audit(snapshot("here.sqlite", false, "r1"));
        Path elsewhere = SqliteTestDatabase.create(dir.resolve("elsewhere.sqlite"), sink -> new Rows(sink)
                .host("other-host", false).resource("r1", "VmHostFileVO"));
        TestSnapshots.exec(elsewhere, "UPDATE HostEO SET zoneUuid = 'other-zone'");
        Audited b = audit(elsewhere);
        assertThat(b.recorded().cloudId()).isNotEqualTo(a.recorded().cloudId());
        assertThat(b.states().get("r1").status()).as("same key, other cloud").isEqualTo(FindingState.Status.NEW);
        assertThat(catalogue.clouds()).extracting(Catalogue.CloudEntry::displayName)
                .containsExactly("here.sqlite", "elsewhere.sqlite");
    }
}
