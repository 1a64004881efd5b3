package dev.tpmconsole.model.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview's hosts: a host HostEO has no row for still counts (its files are the audit's findings), as a missing
 * host, and the stats say how many such hosts there are, shown or not, so a count above the Hosts list's is explained.
 */
class CloudStatsTest {

    @TempDir
    Path dir;

    @Test
    void aHostWithFilesButNoHostRowCountsAsMissing() throws Exception {
        Path snapshot = SqliteTestDatabase.create(dir.resolve("s.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.host("h1", false).host("h2", false).host("h3", false);
            r.vm("v1", true).vm("v2", true).vm("v3", true);
            r.hostFile("f1", "v1", "h1", "TpmState").hostFile("f2", "v1", "h1", "NvRam")
                    .hostFile("f3", "v2", "h2", "TpmState")
                    // hgone has no HostEO row; it is the busiest
                    .hostFile("f4", "v1", "hgone", "TpmState").hostFile("f5", "v2", "hgone", "NvRam")
                    .hostFile("f6", "v3", "hgone", "TpmState");
        });
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
            CloudStats one = CloudStats.read(s, 1);
            assertThat(one.hosts()).singleElement().satisfies(h -> {
                assertThat(h.hostUuid()).isEqualTo("hgone");
                assertThat(h.missing()).isTrue();
                assertThat(h.name()).isNull();
                assertThat(h.total()).isEqualTo(3);
            });
            assertThat(one.otherHosts()).as("h1 and h2; h3 holds nothing").isEqualTo(2);
            assertThat(one.missingHosts()).isEqualTo(1);

            CloudStats all = CloudStats.read(s, 15);
            assertThat(all.hosts()).extracting(CloudStats.HostLoad::hostUuid).containsExactly("hgone", "h1", "h2");
            assertThat(all.hosts()).filteredOn(h -> !h.missing()).extracting(CloudStats.HostLoad::name)
                    .containsExactly("host h1", "host h2");
            assertThat(all.otherHosts()).isZero();
            assertThat(all.missingHosts()).as("counted whether shown or not").isEqualTo(1);
        }
    }
}
