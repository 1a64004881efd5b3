package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.hosts.HostFinding;
import dev.tpmconsole.model.hosts.HostRule;
import dev.tpmconsole.model.hosts.HostScanReport;
import dev.tpmconsole.model.i18n.LocalizedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Host scans recorded from their reports: a scan resolves only the findings of the hosts it reached, so a host that
 * could not be scanned keeps its open findings (nothing is known of its files) and resolves its HOST_UNREACHABLE
 * finding once it is reached again.
 */
class HostScanRecordingTest extends CatalogueTestBase {

    static final CloudMarkers CLOUD = new CloudMarkers("/snapshots/c.sqlite", "c.sqlite",
            Set.of(new CloudMarkers.Marker("zone", "z1"), new CloudMarkers.Marker("host", "h1"),
                    new CloudMarkers.Marker("host", "h2")));
    static final String STATE_1 = "/var/lib/libvirt/swtpm/0b5c1b8f4bd34f3b9d4c2f0e1f1a2b3c/";
    static final String STATE_2 = "/var/lib/libvirt/swtpm/1c6d2c904ce45a4cae5d3a1f2a2b3c4d/";

    static HostFinding untracked(String host, String path) {
        return new HostFinding(HostRule.HOST_STATE_UNTRACKED, host, "127.0.0.11", path, null, null, null,
                LocalizedException.verbatim("no TpmState row names " + path), LocalizedException.verbatim("remove the folder"));
    }

    static HostFinding unreachable(String host) {
        return new HostFinding(HostRule.HOST_UNREACHABLE, host, "127.0.0.12", null, null, null, null,
                LocalizedException.verbatim("connection refused"), LocalizedException.verbatim("check the host"));
    }

    /** A report of the two hosts: each scanned, or unreachable (then its only finding says so). */
    HostScanReport report(boolean h2Reached, HostFinding... found) {
        List<HostFinding> findings = new ArrayList<>(List.of(found));
        List<HostScanReport.Host> hosts = new ArrayList<>();
        hosts.add(new HostScanReport.Host("h1", "host-1", "127.0.0.11", HostScanReport.Status.SCANNED, null, List.of(),
                findings.stream().filter(f -> f.hostUuid().equals("h1")).toList()));
        if (h2Reached) {
            hosts.add(new HostScanReport.Host("h2", "host-2", "127.0.0.12", HostScanReport.Status.SCANNED, null,
                    List.of(), findings.stream().filter(f -> f.hostUuid().equals("h2")).toList()));
        } else {
            HostFinding down = unreachable("h2");
            findings.add(down);
            hosts.add(new HostScanReport.Host("h2", "host-2", "127.0.0.12", HostScanReport.Status.UNREACHABLE,
                    LocalizedException.verbatim("connection refused"), List.of(), List.of(down)));
        }
        return new HostScanReport("c.sqlite", clock.advance(Duration.ofHours(1)).instant(), hosts, findings);
    }

    FindingState.Status status(HostFinding f) throws Exception {
        return catalogue.known(CLOUD, Audit.HOST_SCAN, clock.instant())
                .state(new FindingKey(f.rule().name(), f.table(), f.key(), f.hostUuid(), f.path())).status();
    }

    @Test
    void anUnreachableHostKeepsItsFindingsOpenUntilItIsReachedAgain() throws Exception {
        HostFinding onH1 = untracked("h1", STATE_1);
        HostFinding onH2 = untracked("h2", STATE_2);

        Catalogue.RecordedAudit first = catalogue.recordHostScan(CLOUD, report(true, onH1, onH2), 900);
        assertThat(first.newFindings()).isEqualTo(2);
        assertThat(first.resolvedFindings()).isZero();

        // h2 is down: its folder is not reported, but nothing is known of it, so its finding stays open;
        // h1's folder is gone and its finding is resolved
        Catalogue.RecordedAudit second = catalogue.recordHostScan(CLOUD, report(false), 700);
        assertThat(second.newFindings()).isEqualTo(1);
        assertThat(second.resolvedFindings()).isEqualTo(1);
        assertThat(status(onH1)).isEqualTo(FindingState.Status.NEW);
        assertThat(status(onH2)).isEqualTo(FindingState.Status.SEEN);
        assertThat(status(unreachable("h2"))).isEqualTo(FindingState.Status.SEEN);

        // h2 is back, its folder cleaned: both its findings are resolved by this scan
        Catalogue.RecordedAudit third = catalogue.recordHostScan(CLOUD, report(true), 800);
        assertThat(third.newFindings()).isZero();
        assertThat(third.resolvedFindings()).isEqualTo(2);
        assertThat(status(onH2)).isEqualTo(FindingState.Status.NEW);

        long cloud = catalogue.known(CLOUD, Audit.HOST_SCAN, clock.instant()).cloudId();
        List<Catalogue.AuditEntry> history = catalogue.history(cloud, Audit.HOST_SCAN);
        assertThat(history).extracting(Catalogue.AuditEntry::findings).containsExactly(2, 1, 0);
        assertThat(history).extracting(Catalogue.AuditEntry::durationMs).containsExactly(900L, 700L, 800L);
        assertThat(history.get(1).counts()).containsEntry("HOST_UNREACHABLE", 1L).containsEntry("HOST_STATE_UNTRACKED", 0L)
                .containsOnlyKeys(java.util.Arrays.stream(HostRule.values()).map(Enum::name).toList());
        // host scans and audits are separate histories of the same cloud
        assertThat(catalogue.history(cloud, Audit.AUDIT)).isEmpty();
    }
}
