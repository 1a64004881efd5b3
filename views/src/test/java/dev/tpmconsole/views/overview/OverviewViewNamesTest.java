package dev.tpmconsole.views.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.stats.CloudStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host chart's categories: a category axis refuses two the same, so every host gets a name of its own. */
class OverviewViewNamesTest {

    @Test
    void hostsWithTheSameLongNameAndUuidStartGetNamesOfTheirOwn() {
        String name = "host a0000000000000000000000000000001";
        List<CloudStats.HostLoad> hosts = List.of(
                new CloudStats.HostLoad("a0000000000000000000000000000001", name, 1, 0, 0),
                new CloudStats.HostLoad("a0000000000000000000000000000002", name, 1, 0, 0),
                new CloudStats.HostLoad("a0000000000000000000000000000003", name, 1, 0, 0),
                new CloudStats.HostLoad("a0000000000000000000000000000003", name, 1, 0, 0),
                new CloudStats.HostLoad("b0000000", null, 1, 0, 0),
                new CloudStats.HostLoad("b0000000", null, 1, 0, 0),
                new CloudStats.HostLoad("c0000000", "", 1, 0, 0));
        List<String> names = new ArrayList<>();
        for (CloudStats.HostLoad h : hosts) {
            names.add(OverviewView.uniqueName(h, names));
        }
        assertThat(names).doesNotHaveDuplicates().containsExactly(
                "host a00000000000000000…",
                "host a00000000000000000… a0000000",
                "host a00000000000000000… a0000000000000000000000000000003",
                "host a00000000000000000… #2",
                "missing host b0000000",
                "missing host b0000000 b0000000",
                "c0000000");
    }

    /**
     * The title counts the hosts that hold files or backups, and says how many have no HostEO row: the chart counts
     * them, the Hosts list cannot, and "15 busiest; 36 more" beside a list of 50 hosts read as a miscount.
     */
    @Test
    void theHostChartsTitleSaysHowManyHostsAreMissing() {
        java.util.Map<dev.tpmconsole.model.browse.KeyState, Long> none = java.util.Map.of();
        List<CloudStats.HostLoad> fifteen = java.util.stream.IntStream.range(0, 15)
                .mapToObj(i -> new CloudStats.HostLoad("h" + i, "host " + i, 1, 0, 0)).toList();
        try {
            dev.tpmconsole.views.util.I18n.languageProperty().set(dev.tpmconsole.model.i18n.Language.EN);
            assertThat(OverviewView.hostChartTitle(new CloudStats(none, fifteen, 36, 1)))
                    .isEqualTo("Host files and backups per host (the 15 busiest of 51, 1 of them a missing host)");
            assertThat(OverviewView.hostChartTitle(new CloudStats(none, fifteen, 36, 2)))
                    .isEqualTo("Host files and backups per host (the 15 busiest of 51, 2 of them missing hosts)");
            assertThat(OverviewView.hostChartTitle(new CloudStats(none, fifteen, 1000, 0)))
                    .isEqualTo("Host files and backups per host (the 15 busiest of 1,015)");
            assertThat(OverviewView.hostChartTitle(new CloudStats(none, fifteen.subList(0, 3), 0, 1)))
                    .isEqualTo("Host files and backups per host (1 of them a missing host)");
            assertThat(OverviewView.hostChartTitle(new CloudStats(none, List.of(), 0, 0)))
                    .isEqualTo("Host files and backups per host");
            dev.tpmconsole.views.util.I18n.languageProperty().set(dev.tpmconsole.model.i18n.Language.ZH_CN);
            assertThat(OverviewView.hostChartTitle(new CloudStats(none, fifteen, 36, 1)))
                    .isEqualTo("每台物理机上的文件和备份（51 台中最多的 15 台；其中 1 台是缺失的物理机）");
            assertThat(OverviewView.hostChartTitle(new CloudStats(none, fifteen, 36, 0)))
                    .isEqualTo("每台物理机上的文件和备份（51 台中最多的 15 台）");
            assertThat(OverviewView.hostChartTitle(new CloudStats(none, fifteen.subList(0, 3), 0, 0)))
                    .isEqualTo("每台物理机上的文件和备份");
        } finally {
            dev.tpmconsole.views.util.I18n.languageProperty().set(dev.tpmconsole.model.i18n.Language.EN);
        }
    }

    /** The audits' axis says which time zone its times are in: the machine's (it said UTC in every zone). */
    @Test
    void theAuditAxisNamesTheMachinesTimeZone() {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T12:00:00Z");
        assertThat(OverviewView.auditAxisLabel(java.time.ZoneId.of("Asia/Shanghai"), now))
                .isEqualTo("Audit (UTC+08:00)");
        assertThat(OverviewView.auditAxisLabel(java.time.ZoneId.of("Etc/UTC"), now)).isEqualTo("Audit (UTC)");
        assertThat(OverviewView.auditAxisLabel(java.time.ZoneId.of("America/New_York"), now))
                .isEqualTo("Audit (UTC-05:00)");
    }

    /** An audit on the axis is in the machine's time zone, as the status line writes the last audit's time. */
    @Test
    void anAuditsTimeOnTheAxisIsTheMachines() {
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
            OverviewViewModel.AuditPoint at = new OverviewViewModel.AuditPoint(7,
                    java.time.Instant.parse("2026-09-30T18:30:00Z"), 0, 0, 0, java.util.Map.of());
            assertThat(OverviewView.category(at)).isEqualTo("#7 10-01 02:30");
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }
}
