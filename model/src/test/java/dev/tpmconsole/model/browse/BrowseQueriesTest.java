package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.audit.AuditRule;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;

import static dev.tpmconsole.model.browse.BrowseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tpmconsole.model.source.GuardedSource;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BrowseQueriesTest {

    @TempDir
    static Path dir;
    static Path file;
    static SqliteSnapshot snapshot;
    static BrowseQueries q;

    @BeforeAll
    static void open() throws Exception {
        file = BrowseFixture.create(dir.resolve("fixture.sqlite"));
        snapshot = SqliteSnapshot.open(file, OpenOptions.readOnly());
        q = new BrowseQueries(snapshot, new AuditDirtyVmIndex(snapshot));
    }

    @AfterAll
    static void close() {
        snapshot.close();
    }

    static List<VmRow> all(VmFilter f, Sort<VmColumn> sort) throws Exception {
        return q.vms(f, sort, 0, BrowseQueries.MAX_PAGE).rows();
    }

    static List<String> names(List<VmRow> rows) {
        return rows.stream().map(VmRow::name).toList();
    }

    @Test
    void listsEveryVmWithItsAggregates() throws Exception {
        List<VmRow> rows = all(VmFilter.none(), Sort.asc(VmColumn.NAME));
        assertThat(names(rows)).containsExactly("Alpine", "alpha", "beta", "delta", "eta", "gamma", "iota", "kappa",
                "lambda", "theta", "zeta");
        assertThat(rows).extracting(VmRow::name, VmRow::hostName, VmRow::hostCurrent, VmRow::tpms, VmRow::keyState,
                        VmRow::tpmStateFiles, VmRow::backups)
                .contains(tuple("alpha", "kvm-a", true, 1, KeyState.MATERIALIZED, 2, 3),
                        tuple("beta", "kvm-a", false, 1, KeyState.PLACEHOLDER, 0, 0),
                        tuple("gamma", "kvm-b", false, 1, KeyState.PROVIDER_LOST, 0, 0),
                        tuple("delta", null, false, 1, KeyState.NONE, 0, 0),
                        tuple("Alpine", "kvm-a", false, 0, null, 0, 0),
                        tuple("zeta", "kvm-a", false, 0, null, 1, 0),
                        tuple("eta", "kvm-a", false, 2, KeyState.MATERIALIZED, 0, 0),
                        tuple("theta", "kvm-a", true, 1, KeyState.MATERIALIZED, 0, 0),
                        tuple("iota", "kvm-a", false, 1, KeyState.PROVIDER_LOST, 0, 0),
                        tuple("kappa", "kvm-a", false, 1, KeyState.MATERIALIZED, 0, 1),
                        tuple("lambda", "kvm-a", false, 0, null, 0, 1));
        assertThat(rows.get(0).softDeleted()).isTrue();
        assertThat(rows.get(1).softDeleted()).isFalse();
        assertThat(q.countVms(VmFilter.none())).isEqualTo(11);
    }

    static final Map<VmColumn, Function<VmRow, Comparable<?>>> KEYS = Map.of(
            VmColumn.NAME, VmRow::name, VmColumn.UUID, VmRow::uuid, VmColumn.STATE, VmRow::state,
            VmColumn.HOST, r -> r.hostName() == null ? "" : r.hostName(), VmColumn.TPM, VmRow::tpms,
            VmColumn.KEY_STATE, r -> r.keyState() == null ? -1 : r.keyState().code(),
            VmColumn.TPM_STATE_FILES, VmRow::tpmStateFiles, VmColumn.BACKUPS, VmRow::backups);

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest
    @EnumSource(VmColumn.class)
    void theDatabaseSortsByEveryColumnBothWaysWithTheUuidBreakingTies(VmColumn column) throws Exception {
        for (boolean asc : new boolean[] {true, false}) {
            List<VmRow> rows = all(VmFilter.none(), new Sort<>(column, asc));
            Comparator<VmRow> key = Comparator.comparing(r -> (Comparable) KEYS.get(column).apply(r));
            Comparator<VmRow> expected = (asc ? key : key.reversed()).thenComparing(VmRow::uuid);
            assertThat(rows).as(column + (asc ? " asc" : " desc")).hasSize(11).isSortedAccordingTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = VmColumn.class, names = {"NAME", "KEY_STATE", "BACKUPS"})
    void pagesFollowEachOtherWithoutGapsOrOverlaps(VmColumn column) throws Exception {
        Sort<VmColumn> sort = Sort.desc(column);
        List<VmRow> paged = new ArrayList<>();
        Page<VmRow> page = q.vms(VmFilter.none(), sort, 0, 3);
        paged.addAll(page.rows());
        while (page.more()) {
            assertThat(page.rows()).hasSize(3);
            page = q.vms(VmFilter.none(), sort, page.nextOffset(), 3);
            paged.addAll(page.rows());
        }
        assertThat(paged).isEqualTo(all(VmFilter.none(), sort));
        assertThat(q.vms(VmFilter.none(), sort, 11, 3).rows()).isEmpty();
    }

    @Test
    void filtersByNameOrUuidPrefixStateHostAndDirtyRows() throws Exception {
        Sort<VmColumn> byName = Sort.asc(VmColumn.NAME);
        assertThat(names(all(VmFilter.none().withText("al"), byName))).containsExactly("Alpine", "alpha");
        assertThat(names(all(VmFilter.none().withText("ALP"), byName))).containsExactly("Alpine", "alpha");
        assertThat(names(all(VmFilter.none().withText("a1"), byName))).as("uuid prefix").containsExactly("alpha");
        String typed = ALPHA.substring(0, 8).toUpperCase() + "-" + ALPHA.substring(8, 10);
        assertThat(names(all(VmFilter.none().withText(typed), byName))).as("hyphenated, upper case").containsExactly("alpha");
        assertThat(names(all(VmFilter.none().withText("%"), byName))).as("LIKE wildcards are literal").isEmpty();
        assertThat(names(all(VmFilter.none().withText("_eta"), byName))).isEmpty();
        assertThat(names(all(VmFilter.none().withState("Running"), byName))).containsExactly("alpha", "theta");
        assertThat(names(all(VmFilter.none().withState(VmFilter.SOFT_DELETED), byName))).containsExactly("Alpine");
        assertThat(names(all(VmFilter.none().withStates(java.util.Set.of("Running", VmFilter.SOFT_DELETED)), byName)))
                .as("any of the states chosen").containsExactlyInAnyOrder("alpha", "Alpine", "theta");
        assertThat(names(all(VmFilter.none().withHost("kvm-b"), byName))).containsExactly("gamma");
        assertThat(names(all(VmFilter.none().withHost("10.0.0.2"), byName))).containsExactly("gamma");
        assertThat(names(all(VmFilter.none().withHost(H2.substring(0, 4)), byName))).as("both hosts' uuids start so")
                .hasSize(10).doesNotContain("delta");
        assertThat(names(all(VmFilter.none().withHost(H2), byName))).containsExactly("gamma");
        assertThat(all(VmFilter.none().withDirtyOnly(true), byName)).extracting(VmRow::uuid)
                .containsExactlyInAnyOrderElementsOf(DIRTY);
        VmFilter combined = new VmFilter("", java.util.Set.of("Stopped"), "kvm-a", true);
        assertThat(names(all(combined, byName))).containsExactly("eta", "iota", "kappa", "lambda", "zeta");
        assertThat(q.countVms(combined)).isEqualTo(5);
        assertThat(q.countVms(VmFilter.none().withText("al"))).isEqualTo(2);
    }

    @Test
    void detailsShowTheVmsRowsButNeverItsKeyMaterial() throws Exception {
        VmDetails d = q.vmDetails(ALPHA).orElseThrow();
        assertThat(d.vm()).extracting(VmDetails.Vm::name, VmDetails.Vm::state, VmDetails.Vm::hostName, VmDetails.Vm::platform)
                .containsExactly("alpha", "Running", "kvm-a", "Linux");
        assertThat(d.tpms()).extracting(VmDetails.Tpm::uuid).containsExactly(ALPHA_TPM);
        assertThat(d.keyRefs()).extracting(VmDetails.KeyRef::resourceType, VmDetails.KeyRef::resourceUuid,
                        VmDetails.KeyRef::providerName, VmDetails.KeyRef::providerPresent, VmDetails.KeyRef::keyVersion,
                        VmDetails.KeyRef::kekRefPresent, VmDetails.KeyRef::algorithm, VmDetails.KeyRef::wrappedKeyLength,
                        VmDetails.KeyRef::state)
                .containsExactly(
                        tuple("TpmVO", ALPHA_TPM, "nkp-1", true, 3L, true, "AES-256-KWP", (long) SECRET.length(), KeyState.MATERIALIZED),
                        tuple("VmHostBackupFileVO", ALPHA_BACKUP, "nkp-1", true, 3L, true, "AES-256-KWP", (long) SECRET.length(),
                                KeyState.MATERIALIZED));
        assertThat(d.hostFiles()).extracting(VmDetails.HostFile::hostName, VmDetails.HostFile::hostDeleted,
                        VmDetails.HostFile::type, VmDetails.HostFile::contentSize, VmDetails.HostFile::lastSyncDate)
                .containsExactly(tuple("kvm-a", false, "NvRam", 7L, "2026-04-01 10:00:00"),
                        tuple("kvm-a", false, "TpmState", 5L, "2026-04-01 10:00:00"),
                        tuple("kvm-b", true, "TpmState", null, "2026-04-01 10:00:00"));
        assertThat(d.backups()).extracting(VmDetails.Backup::uuid, VmDetails.Backup::type, VmDetails.Backup::ownerKind,
                        VmDetails.Backup::ownerName, VmDetails.Backup::contentSize, VmDetails.Backup::keyCopy)
                .containsExactly(tuple(ALPHA_BACKUP, "TpmState", VmDetails.OwnerKind.VM, null, 11L, true),
                        tuple(ALPHA_GROUP_NVRAM, "NvRam", VmDetails.OwnerKind.SNAPSHOT_GROUP, "sg-alpha", 3L, false),
                        tuple(ALPHA_GROUP_STATE, "TpmState", VmDetails.OwnerKind.SNAPSHOT_GROUP, "sg-alpha", 13L, false));
        assertThat(d.tags()).extracting(VmDetails.Tag::tag)
                .as("the tags that matter, not every tag").containsExactly("bootMode::UEFI", "tpmKeyProviderName::nkp-1");
        assertThat(d.findings()).extracting(VmFinding::rule, VmFinding::severity, VmFinding::key)
                .containsExactly(tuple(AuditRule.HOST_FILE_ON_MISSING_HOST, dev.tpmconsole.model.audit.Severity.INFO, ALPHA_FILE_H2));
        assertThat(d.toString()).doesNotContain(SECRET);
        assertThat(q.vmDetails("0".repeat(32))).isEmpty();
    }

    /**
     * The VMs with dirty rows are computed once, and again after {@link BrowseQueries#refresh}: a run from the window
     * that cleaned a VM's rows no longer leaves it under "has dirty rows".
     */
    @Test
    void theDirtyVmsAreComputedAgainAfterARefresh() throws Exception {
        Path copy = BrowseFixture.create(dir.resolve("refreshed.sqlite"));
        try (SqliteSnapshot s = SqliteSnapshot.open(copy, OpenOptions.readOnly())) {
            BrowseQueries queries = new BrowseQueries(s, new AuditDirtyVmIndex(s));
            assertThat(queries.dirtyVmUuids()).contains(ZETA);
            assertThat(queries.vms(VmFilter.none().withDirtyOnly(true), Sort.asc(VmColumn.NAME), 0, 100).rows())
                    .extracting(VmRow::uuid).contains(ZETA);
            // what a clean-up does to ZETA's TPM-state file that has no TPM (another connection, as a run's own)
            try (Connection w = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
                 PreparedStatement del = w.prepareStatement("DELETE FROM VmHostFileVO WHERE uuid = ?")) {
                del.setString(1, ZETA_FILE);
                assertThat(del.executeUpdate()).isEqualTo(1);
            }
            assertThat(queries.dirtyVmUuids()).as("computed once").contains(ZETA);
            // the lost provider's finding about GAMMA's key ref, asked for all VMs once, kept until the refresh too
            assertThat(queries.vmDetails(GAMMA).orElseThrow().findings()).extracting(VmFinding::rule)
                    .containsExactly(AuditRule.KEY_REF_PROVIDER_LOST);
            try (Connection w = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
                 PreparedStatement del = w.prepareStatement("DELETE FROM EncryptedResourceKeyRefVO WHERE resourceUuid = ?")) {
                del.setString(1, uuid(0x71, 3));
                assertThat(del.executeUpdate()).isPositive();
            }
            assertThat(queries.vmDetails(GAMMA).orElseThrow().findings()).as("kept").isNotEmpty();
            queries.refresh();
            assertThat(queries.vmDetails(GAMMA).orElseThrow().findings()).isEmpty();
            assertThat(queries.dirtyVmUuids()).doesNotContain(ZETA, GAMMA).containsAll(DIRTY.stream()
                    .filter(vm -> !vm.equals(ZETA) && !vm.equals(GAMMA)).toList());
            assertThat(queries.vms(VmFilter.none().withDirtyOnly(true), Sort.asc(VmColumn.NAME), 0, 100).rows())
                    .extracting(VmRow::uuid).doesNotContain(ZETA);
        }
    }

    @Test
    void findingsNameTheDirtyRowsOfEachRule() throws Exception {
        assertThat(q.vmDetails(ZETA).orElseThrow().findings()).extracting(VmFinding::rule, VmFinding::key)
                .containsExactly(tuple(AuditRule.TPM_STATE_FILE_WITHOUT_TPM, ZETA_FILE));
        assertThat(q.vmDetails(ETA).orElseThrow().findings()).extracting(VmFinding::rule, VmFinding::key)
                .containsExactly(tuple(AuditRule.TPM_DUPLICATE_FOR_VM, ETA_TPM_1), tuple(AuditRule.TPM_DUPLICATE_FOR_VM, ETA_TPM_2));
        assertThat(q.vmDetails(THETA).orElseThrow().findings()).extracting(VmFinding::rule, VmFinding::table)
                .containsExactly(tuple(AuditRule.KEY_REF_DUPLICATE_PLACEHOLDER, "EncryptedResourceKeyRefVO"));
        assertThat(q.vmDetails(GAMMA).orElseThrow().findings()).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("kms-old", "no provider is named"));
        assertThat(q.vmDetails(IOTA).orElseThrow().findings()).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("relink", P1));
        assertThat(q.vmDetails(KAPPA).orElseThrow().findings()).extracting(VmFinding::rule, VmFinding::key)
                .containsExactly(tuple(AuditRule.BACKUP_WITHOUT_KEY, KAPPA_BACKUP));
        assertThat(q.vmDetails(LAMBDA).orElseThrow().findings()).extracting(VmFinding::rule, VmFinding::key)
                .containsExactly(tuple(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM, LAMBDA_BACKUP));
        assertThat(q.vmDetails(BETA).orElseThrow().findings()).isEmpty();
    }

    @Test
    void hostsListWithTheirFiles() throws Exception {
        List<HostRow> hosts = q.hosts("", Sort.asc(HostColumn.NAME), 0, 100).rows();
        assertThat(hosts).extracting(HostRow::name, HostRow::vms, HostRow::tpmStateFiles, HostRow::nvramFiles, HostRow::softDeleted)
                .containsExactly(tuple("kvm-a", 2, 2, 1, false), tuple("kvm-b", 0, 1, 0, true));
        assertThat(q.hosts("10.0.0.2", Sort.asc(HostColumn.NAME), 0, 100).rows()).extracting(HostRow::name).containsExactly("kvm-b");
        assertThat(q.hosts("", Sort.desc(HostColumn.TPM_STATE_FILES), 0, 100).rows()).extracting(HostRow::name)
                .containsExactly("kvm-a", "kvm-b");
        assertThat(q.countHosts("kvm")).isEqualTo(2);
        List<HostFileRow> files = q.filesOnHost(H1, 0, 100).rows();
        assertThat(files).extracting(HostFileRow::vmName, HostFileRow::type, HostFileRow::contentSize)
                .containsExactly(tuple("alpha", "NvRam", 7L), tuple("alpha", "TpmState", 5L), tuple("zeta", "TpmState", 5L));
        assertThat(q.countFilesOnHost(H1)).isEqualTo(3);
        Page<HostFileRow> first = q.filesOnHost(H1, 0, 2);
        assertThat(first.more()).isTrue();
        assertThat(q.filesOnHost(H1, 2, 2).rows()).extracting(HostFileRow::vmName).containsExactly("zeta");
    }

    @Test
    void providersListTheirRefsAndTheProvidersThatAreGone() throws Exception {
        List<ProviderRow> providers = q.providers("", 0, 100).rows();
        assertThat(providers).extracting(ProviderRow::name, ProviderRow::present, ProviderRow::refs, ProviderRow::lostByName,
                        ProviderRow::detail)
                .containsExactly(tuple("kms-1", true, 1L, 0L, "KMIP kms-1.example"), tuple("kms-old", false, 1L, 0L, null),
                        tuple("nkp-1", true, 6L, 1L, "NKP version 2"));
        assertThat(q.countProviders("")).isEqualTo(3);
        assertThat(q.countProviders("kms")).isEqualTo(2);
        assertThat(q.providers("nkp", 0, 100).rows()).extracting(ProviderRow::name).containsExactly("nkp-1");
        ProviderRow nkp = providers.get(2);
        List<KeyRefRow> refs = q.keyRefsOfProvider(nkp, 0, 100).rows();
        assertThat(refs).hasSize(7);
        assertThat(q.countKeyRefsOfProvider(nkp)).isEqualTo(7);
        assertThat(refs).filteredOn(KeyRefRow::byNameOnly).singleElement()
                .extracting(KeyRefRow::vmName, KeyRefRow::providerUuid, KeyRefRow::state)
                .containsExactly("iota", DANGLING, KeyState.PROVIDER_LOST);
        assertThat(refs).filteredOn(r -> r.resourceType().equals("VmHostBackupFileVO")).singleElement()
                .extracting(KeyRefRow::vmName).isEqualTo("alpha");
        assertThat(refs).extracting(KeyRefRow::vmName).contains("alpha", "eta", "theta", "kappa");
        assertThat(q.keyRefsOfProvider(providers.get(1), 0, 100).rows()).singleElement()
                .extracting(KeyRefRow::vmName, KeyRefRow::state, KeyRefRow::wrappedKeyLength)
                .containsExactly("gamma", KeyState.PROVIDER_LOST, (long) SECRET.length());
        assertThat(q.keyRefsOfProvider(nkp, 0, 100).toString()).doesNotContain(SECRET);
    }

    @Test
    void pageAggregatesAreAnsweredFromIndexes() throws Exception {
        List<String> page = List.of(ALPHA, BETA);
        try (Connection c = snapshot.connection()) {
            assertThat(plan(c, q.pageFilesSql(page))).contains("SEARCH f USING").doesNotContain("SCAN f");
            assertThat(plan(c, q.pageBackupsSql(page))).contains("INDEX ukVmHostBackupFileVO").doesNotContain("SCAN b");
            assertThat(plan(c, q.pageTpmSql(page))).as("refs by their resource index, providers by key")
                    .contains("idxEncryptedResourceKeyRefVOResource").doesNotContain("SCAN r").doesNotContain("SCAN p");
        }
    }

    static String plan(Connection c, BrowseSql sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql.text())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString("detail")).append('\n');
                }
            }
            return out.toString();
        }
    }

    @Test
    void everyQueryIsCheckedByTheGuardOfItsSource() throws Exception {
        QueryGuard refusing = new QueryGuard(() -> true, "the test thread", QueryGuard.Mode.THROW);
        BrowseQueries guarded = new BrowseQueries(new GuardedSource(snapshot, refusing), new AuditDirtyVmIndex(snapshot));
        assertThatThrownBy(() -> guarded.vms(VmFilter.none(), Sort.asc(VmColumn.NAME), 0, 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Database work on the test thread");
        assertThatThrownBy(() -> guarded.vmDetails(ALPHA)).isInstanceOf(IllegalStateException.class);

        QueryGuard recording = new QueryGuard(() -> Thread.currentThread().getName().equals("forbidden"), "forbidden",
                QueryGuard.Mode.RECORD);
        BrowseQueries recorded = new BrowseQueries(new GuardedSource(snapshot, recording), new AuditDirtyVmIndex(snapshot));
        recorded.countVms(VmFilter.none());
        assertThat(recording.violations()).isEmpty();
        Thread t = new Thread(() -> {
            try {
                recorded.countHosts("");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "forbidden");
        t.start();
        t.join();
        assertThat(recording.violations()).singleElement().asString().contains("forbidden", "BrowseQueries.countHosts");
    }

    @Test
    void olderLayoutsAndMissingOptionalTablesAreBrowsable() throws Exception {
        Path legacy = java.nio.file.Files.copy(file, dir.resolve("legacy.sqlite"));
        TestSnapshots.exec(legacy, "DROP INDEX ukVmHostBackupFileVO",
                "ALTER TABLE VmHostBackupFileVO RENAME COLUMN resourceUuid TO vmInstanceUuid",
                "DELETE FROM VmHostBackupFileVO WHERE vmInstanceUuid = '" + ALPHA_GROUP + "'",
                "DROP TABLE SystemTagVO", "DROP TABLE VolumeSnapshotGroupVO", "DROP TABLE NkpVO",
                "ALTER TABLE VmHostFileVO DROP COLUMN lastSyncDate");
        try (SqliteSnapshot s = SqliteSnapshot.open(legacy, OpenOptions.readOnly())) {
            assertThat(s.layout().legacyBackupLayout()).isTrue();
            BrowseQueries lq = new BrowseQueries(s, new AuditDirtyVmIndex(s));
            for (VmColumn column : VmColumn.values()) {
                assertThat(lq.vms(VmFilter.none(), Sort.asc(column), 0, 100).rows()).hasSize(11);
            }
            assertThat(lq.vms(VmFilter.none().withText("alpha"), Sort.asc(VmColumn.NAME), 0, 10).rows())
                    .singleElement().extracting(VmRow::backups).isEqualTo(1);
            assertThat(lq.vms(VmFilter.none().withDirtyOnly(true), Sort.asc(VmColumn.NAME), 0, 100).rows())
                    .extracting(VmRow::uuid).containsExactlyInAnyOrderElementsOf(DIRTY);
            VmDetails d = lq.vmDetails(ALPHA).orElseThrow();
            assertThat(d.tags()).isEmpty();
            assertThat(d.backups()).extracting(VmDetails.Backup::ownerKind).containsExactly(VmDetails.OwnerKind.VM);
            assertThat(d.hostFiles()).extracting(VmDetails.HostFile::lastSyncDate).containsOnlyNulls();
            assertThat(lq.vmDetails(LAMBDA).orElseThrow().findings()).extracting(VmFinding::rule)
                    .containsExactly(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM);
            assertThat(lq.providers("", 0, 10).rows()).extracting(ProviderRow::detail)
                    .containsExactly("KMIP kms-1.example", null, null);
            assertThat(lq.keyRefsOfProvider(lq.providers("nkp", 0, 1).rows().get(0), 0, 100).rows()).hasSize(7);
        }
    }
}
