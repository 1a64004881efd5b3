package dev.tpmconsole.model.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.source.MariaDbSource;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first page of the VM list tells how many VMs the filter lets through where that costs nothing (MariaDB's
 * FOUND_ROWS(), a snapshot's VMs by name in memory), and that number is the count's; later pages of the SQL do not.
 */
class MariaDbBrowseQueriesTest {

    static final DemoOptions DEMO = new DemoOptions(600, 77);
    static final List<VmFilter> FILTERS = List.of(VmFilter.none(), VmFilter.none().withText("w"),
            VmFilter.none().withText("web-1"), VmFilter.none().withText("7a"), VmFilter.none().withText("no such vm"),
            VmFilter.none().withState("Running"), VmFilter.none().withDirtyOnly(true),
            new VmFilter("d", Set.of("Stopped", VmFilter.SOFT_DELETED), "", false));

    static MariaDbTestDatabase db;

    @BeforeAll
    static void load() throws Exception {
        db = MariaDbTestDatabase.create(false);
        db.load(sink -> DemoGenerator.generate(DEMO, sink));
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void onMariaDbTheFirstPageCarriesTheCount() throws Exception {
        try (Source s = MariaDbSource.open(db.url(), null, null, OpenOptions.readOnly())) {
            BrowseQueries q = new BrowseQueries(s, new AuditDirtyVmIndex(s));
            for (Sort<VmColumn> sort : List.of(Sort.asc(VmColumn.NAME), Sort.desc(VmColumn.KEY_STATE))) {
                for (VmFilter f : FILTERS) {
                    long count = q.countVms(f);
                    Page<VmRow> first = q.vms(f, sort, 0, 50);
                    assertThat(first.total()).as(f + " " + sort).isEqualTo(count);
                    assertThat(first.rows()).hasSize((int) Math.min(50, count));
                    if (first.more()) {
                        assertThat(q.vms(f, sort, 50, 50).total()).as("a later page: no count").isNull();
                    }
                }
            }
            assertThat(q.countVms(VmFilter.none())).isGreaterThan(600);
        }
    }

    @Test
    void onASnapshotThePagesOfTheVmsByNameCarryTheCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.sqlite");
        DemoGenerator.writeSnapshot(file, DEMO, false);
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            BrowseQueries q = new BrowseQueries(s, new AuditDirtyVmIndex(s));
            assertThat(q.vms(VmFilter.none(), Sort.asc(VmColumn.NAME), 0, 50).total()).as("by SQL until warmed up").isNull();
            q.warmUp();
            for (VmFilter f : FILTERS) {
                assertThat(q.vms(f, Sort.asc(VmColumn.NAME), 0, 50).total()).as(f.toString()).isEqualTo(q.countVms(f));
            }
            assertThat(q.vms(VmFilter.none(), Sort.asc(VmColumn.STATE), 0, 50).total()).as("another sort: by SQL").isNull();
        }
    }
}
