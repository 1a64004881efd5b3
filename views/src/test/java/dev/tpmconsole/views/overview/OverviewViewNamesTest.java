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
                new CloudStats.HostLoad("b0000000", null, 1, 0, 0));
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
                "missing host b0000000 b0000000");
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
