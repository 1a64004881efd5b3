package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a recorded finding keeps of the audits that reported it: the severity, VM, sentence and message of the audit
 * that first reported it (the stage takes them only for findings no open one has: Ledger.stage), whatever the audits
 * after it say, until it is resolved; found again after that, it is a new finding with the sentence of the audit
 * that found it again. Two findings of one key in one audit: the first one's.
 */
class FindingSentencesTest extends CatalogueTestBase {

    /** A stale row {@code key} whose sentence names {@code owner} (so that each audit can say it differently). */
    static Catalogue.Reported stale(String key, String owner, String vm) {
        return new Catalogue.Reported(FindingKey.of("RESOURCE_ROW_STALE", "ResourceVO", key), "orphan", vm,
                Message.of("rule.RESOURCE_ROW_STALE.detail.unnamed", key, owner));
    }

    Catalogue.RecordedAudit record(Catalogue.Reported... findings) throws Exception {
        clock.advance(Duration.ofDays(1));
        return catalogue.record(new Catalogue.AuditToRecord(Audit.AUDIT, CatalogueMigrationTest.MARKERS,
                clock.instant(), 1, List.of("RESOURCE_ROW_STALE"), null,
                Map.of("RESOURCE_ROW_STALE", (long) findings.length), Arrays.asList(findings), null));
    }

    /** An open finding as the catalogue file holds it. */
    record Stored(String severity, String vmUuid, String detail, Message message, Instant firstSeen) {
    }

    /** The cloud's open findings now, by key, read from the catalogue's file. */
    Map<String, Stored> open(long cloud) throws Exception {
        Map<String, Stored> open = new java.util.TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + catalogue.file());
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT f.row_key, f.severity, f.vm_uuid, f.detail,"
                     + " f.message, a.started_at FROM finding f JOIN audit a ON a.id = f.first_seen_audit_id"
                     + " WHERE f.cloud_id = ? AND f.resolved_audit_id IS NULL")) {
            ps.setLong(1, cloud);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored was = open.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getString(4),
                            dev.tpmconsole.model.i18n.MessageJson.read(rs.getString(5)), Instant.parse(rs.getString(6))));
                    assertThat(was).as("one open finding of a key").isNull();
                }
            }
        }
        return open;
    }

    @Test
    void aFindingKeepsTheSentenceOfTheAuditThatFirstReportedIt() throws Exception {
        Catalogue.RecordedAudit first = record(stale("r1", "VmInstanceVO", "vm-1"), stale("r2", "VmInstanceVO", null),
                stale("r1", "TpmVO", "vm-9"));
        assertThat(first.findings()).as("r1 twice is one finding").isEqualTo(2);
        Map<String, Stored> open = open(first.cloudId());
        assertThat(open.get("r1").message()).as("the first of the two")
                .isEqualTo(Message.of("rule.RESOURCE_ROW_STALE.detail.unnamed", "r1", "VmInstanceVO"));
        assertThat(open.get("r1").vmUuid()).isEqualTo("vm-1");
        assertThat(open.get("r1").severity()).isEqualTo("orphan");
        assertThat(open.get("r1").detail()).isEqualTo(stale("r1", "VmInstanceVO", null).detail());
        assertThat(open.get("r2").vmUuid()).isNull();

        // seen again with other words, r3 new, r2 not reported: resolved
        Catalogue.RecordedAudit second = record(stale("r1", "KeyProviderVO", "vm-2"), stale("r3", "TpmVO", "vm-3"));
        assertThat(second.newFindings()).isEqualTo(1);
        assertThat(second.resolvedFindings()).isEqualTo(1);
        open = open(first.cloudId());
        assertThat(open).containsOnlyKeys("r1", "r3");
        assertThat(open.get("r1").message()).as("seen again: not rewritten")
                .isEqualTo(Message.of("rule.RESOURCE_ROW_STALE.detail.unnamed", "r1", "VmInstanceVO"));
        assertThat(open.get("r1").vmUuid()).isEqualTo("vm-1");
        assertThat(open.get("r3").message())
                .isEqualTo(Message.of("rule.RESOURCE_ROW_STALE.detail.unnamed", "r3", "TpmVO"));
        assertThat(open.get("r3").detail()).isEqualTo(stale("r3", "TpmVO", null).detail());
        assertThat(open.get("r3").vmUuid()).isEqualTo("vm-3");

        // r2 found again after it was resolved: a new finding, in this audit's words
        Catalogue.RecordedAudit third = record(stale("r1", "VmInstanceVO", "vm-1"), stale("r2", "HostEO", "vm-4"),
                stale("r3", "TpmVO", "vm-3"));
        assertThat(third.newFindings()).isEqualTo(1);
        open = open(first.cloudId());
        assertThat(open.get("r2").message()).isEqualTo(Message.of("rule.RESOURCE_ROW_STALE.detail.unnamed", "r2",
                "HostEO"));
        assertThat(open.get("r2").detail()).isEqualTo(stale("r2", "HostEO", null).detail());
        assertThat(open.get("r2").vmUuid()).isEqualTo("vm-4");
        assertThat(open.get("r2").firstSeen()).isEqualTo(T0.plus(Duration.ofDays(3)));
        Catalogue.Changes changes = catalogue.changes(third.auditId());
        assertThat(changes.added()).extracting(f -> f.key().key()).containsExactly("r2");
        assertThat(changes.added().get(0).message()).isEqualTo(open.get("r2").message());
    }

    @Test
    void anAuditThatFindsWhatTheLastOneFoundAddsNothing() throws Exception {
        Catalogue.Reported[] many = new Catalogue.Reported[2_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = stale(String.format("r%04d", i), "VmInstanceVO", "vm-" + i);
        }
        Catalogue.RecordedAudit first = record(many);
        assertThat(first.newFindings()).isEqualTo(2_000);
        Catalogue.RecordedAudit again = record(many);
        assertThat(again.findings()).isEqualTo(2_000);
        assertThat(again.newFindings()).isZero();
        assertThat(again.resolvedFindings()).isZero();
        Map<String, Stored> open = open(first.cloudId());
        assertThat(open).hasSize(2_000);
        assertThat(open.get("r1234").vmUuid()).isEqualTo("vm-1234");
        assertThat(open.get("r1234").firstSeen()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(open.get("r1234").message())
                .isEqualTo(Message.of("rule.RESOURCE_ROW_STALE.detail.unnamed", "r1234", "VmInstanceVO"));
    }
    /**
     * What the stage holds for an audit that finds two findings seen before and one new: every key, and the severity,
     * VM, sentence and message of the new one only (of the first of its two reports), in any kind of list.
     */
    @Test
    void aFindingSeenAgainIsStagedByItsKeyAlone() throws Exception {
        long cloud = record(stale("r1", "VmInstanceVO", "vm-1"), stale("r2", "VmInstanceVO", "vm-2")).cloudId();
        List<Catalogue.Reported> next = new java.util.LinkedList<>(List.of(stale("r1", "TpmVO", "vm-1"),
                stale("r3", "HostEO", "vm-3"), stale("r2", "TpmVO", "vm-2"), stale("r3", "TpmVO", "vm-9")));
        try (java.sql.Connection c = CatalogueConnections.open(catalogue.file(), 1000)) {
            c.setAutoCommit(false);
            try {
                Ledger.stage(c, 77, cloud, Audit.AUDIT.label(), next);
                List<String> staged = new java.util.ArrayList<>();
                try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT seq,"
                        + " row_key, severity, vm_uuid, detail, message FROM temp.staged_finding WHERE batch = 77"
                        + " ORDER BY seq")) {
                    while (rs.next()) {
                        staged.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                                + " " + (rs.getString(5) != null) + " " + (rs.getString(6) != null));
                    }
                }
                assertThat(staged).containsExactly("0 r1 null null false false", "1 r3 orphan vm-3 true true",
                        "2 r2 null null false false", "3 r3 null null false false");
            } finally {
                c.rollback();
            }
        }
    }
}
