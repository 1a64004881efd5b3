package dev.tpmconsole.model.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGeneratorTest {

    /** The subject rows of each audit rule, as docs/audit-rules.md words it, in plain SQL. */
    static final Map<DirtyKind, String> RULE_SQL = new EnumMap<>(Map.ofEntries(
            Map.entry(DirtyKind.KEY_REF_ORPHANED, "SELECT count(*) FROM EncryptedResourceKeyRefVO k WHERE"
                    + " (k.resourceType = 'TpmVO' AND NOT EXISTS (SELECT 1 FROM TpmVO t WHERE t.uuid = k.resourceUuid))"
                    + " OR (k.resourceType = 'VmHostBackupFileVO' AND NOT EXISTS (SELECT 1 FROM VmHostBackupFileVO b WHERE b.uuid = k.resourceUuid))"
                    + " OR (k.resourceType = 'TpmKeyBackupVO' AND NOT EXISTS (SELECT 1 FROM TpmKeyBackupVO h WHERE h.uuid = k.resourceUuid))"),
            Map.entry(DirtyKind.KEY_REF_DUPLICATE_PLACEHOLDER, "SELECT count(*) FROM EncryptedResourceKeyRefVO k"
                    + " WHERE k.resourceType = 'TpmVO' AND k.kekRef IS NULL"
                    + " AND EXISTS (SELECT 1 FROM TpmVO t WHERE t.uuid = k.resourceUuid)"
                    + " AND EXISTS (SELECT 1 FROM EncryptedResourceKeyRefVO o WHERE o.resourceType = 'TpmVO'"
                    + " AND o.resourceUuid = k.resourceUuid AND o.kekRef IS NOT NULL)"),
            Map.entry(DirtyKind.KEY_REF_PROVIDER_LOST, "SELECT count(*) FROM EncryptedResourceKeyRefVO k"
                    + " WHERE k.kekRef IS NOT NULL AND (k.providerUuid IS NULL OR NOT EXISTS (SELECT 1 FROM KeyProviderVO p"
                    + " WHERE p.uuid = k.providerUuid)) AND ("
                    + " (k.resourceType = 'TpmVO' AND EXISTS (SELECT 1 FROM TpmVO t WHERE t.uuid = k.resourceUuid))"
                    + " OR (k.resourceType = 'VmHostBackupFileVO' AND EXISTS (SELECT 1 FROM VmHostBackupFileVO b WHERE b.uuid = k.resourceUuid))"
                    + " OR (k.resourceType = 'TpmKeyBackupVO' AND EXISTS (SELECT 1 FROM TpmKeyBackupVO h WHERE h.uuid = k.resourceUuid)))"),
            Map.entry(DirtyKind.TPM_WITHOUT_VM, "SELECT count(*) FROM TpmVO t WHERE NOT EXISTS"
                    + " (SELECT 1 FROM VmInstanceEO v WHERE v.uuid = t.vmInstanceUuid)"),
            Map.entry(DirtyKind.TPM_DUPLICATE_FOR_VM, "SELECT count(*) FROM TpmVO t WHERE EXISTS"
                    + " (SELECT 1 FROM TpmVO o WHERE o.vmInstanceUuid = t.vmInstanceUuid AND o.uuid <> t.uuid)"),
            Map.entry(DirtyKind.HOST_FILE_WITHOUT_VM, "SELECT count(*) FROM VmHostFileVO f WHERE NOT EXISTS"
                    + " (SELECT 1 FROM VmInstanceEO v WHERE v.uuid = f.vmInstanceUuid)"),
            Map.entry(DirtyKind.TPM_STATE_FILE_WITHOUT_TPM, "SELECT count(*) FROM VmHostFileVO f WHERE f.type = 'TpmState'"
                    + " AND EXISTS (SELECT 1 FROM VmInstanceEO v WHERE v.uuid = f.vmInstanceUuid AND v.deleted IS NULL)"
                    + " AND NOT EXISTS (SELECT 1 FROM TpmVO t WHERE t.vmInstanceUuid = f.vmInstanceUuid)"),
            Map.entry(DirtyKind.HOST_FILE_ON_MISSING_HOST, "SELECT count(*) FROM VmHostFileVO f WHERE NOT EXISTS"
                    + " (SELECT 1 FROM HostEO h WHERE h.uuid = f.hostUuid AND h.deleted IS NULL)"),
            Map.entry(DirtyKind.BACKUP_WITHOUT_OWNER, "SELECT count(*) FROM VmHostBackupFileVO b WHERE NOT EXISTS"
                    + " (SELECT 1 FROM ResourceVO r WHERE r.uuid = b.resourceUuid)"),
            Map.entry(DirtyKind.TPM_STATE_BACKUP_WITHOUT_TPM, "SELECT count(*) FROM VmHostBackupFileVO b"
                    + " WHERE b.type = 'TpmState' AND EXISTS (SELECT 1 FROM ResourceVO r WHERE r.uuid = b.resourceUuid"
                    + " AND r.resourceType = 'VmInstanceVO') AND NOT EXISTS (SELECT 1 FROM TpmVO t WHERE t.vmInstanceUuid = b.resourceUuid)"),
            Map.entry(DirtyKind.BACKUP_WITHOUT_KEY, "SELECT count(*) FROM VmHostBackupFileVO b WHERE b.type = 'TpmState'"
                    + " AND EXISTS (SELECT 1 FROM TpmVO t JOIN EncryptedResourceKeyRefVO k ON k.resourceType = 'TpmVO'"
                    + " AND k.resourceUuid = t.uuid AND k.kekRef IS NOT NULL WHERE t.vmInstanceUuid = b.resourceUuid)"
                    + " AND NOT EXISTS (SELECT 1 FROM EncryptedResourceKeyRefVO c WHERE c.resourceType = 'VmHostBackupFileVO'"
                    + " AND c.resourceUuid = b.uuid)"),
            Map.entry(DirtyKind.CONTENT_WITHOUT_OWNER, "SELECT count(*) FROM VmHostFileContentVO c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM VmHostFileVO f WHERE f.uuid = c.uuid) AND NOT EXISTS"
                    + " (SELECT 1 FROM VmHostBackupFileVO b WHERE b.uuid = c.uuid)"),
            Map.entry(DirtyKind.RESOURCE_ROW_STALE, "SELECT count(*) FROM ResourceVO r WHERE"
                    + " (r.resourceType = 'TpmVO' AND NOT EXISTS (SELECT 1 FROM TpmVO t WHERE t.uuid = r.uuid))"
                    + " OR (r.resourceType = 'VmHostFileVO' AND NOT EXISTS (SELECT 1 FROM VmHostFileVO f WHERE f.uuid = r.uuid))"
                    + " OR (r.resourceType = 'VmHostBackupFileVO' AND NOT EXISTS (SELECT 1 FROM VmHostBackupFileVO b WHERE b.uuid = r.uuid))"
                    + " OR (r.resourceType = 'TpmKeyBackupVO' AND NOT EXISTS (SELECT 1 FROM TpmKeyBackupVO h WHERE h.uuid = r.uuid))")));

    /** Subject rows each injected scenario leaves per rule; ordinary VMs must add none (but the info rule). */
    static final Map<DirtyKind, Integer> ROWS_PER_SCENARIO = new EnumMap<>(Map.ofEntries(
            Map.entry(DirtyKind.KEY_REF_ORPHANED, 4), Map.entry(DirtyKind.KEY_REF_DUPLICATE_PLACEHOLDER, 1),
            Map.entry(DirtyKind.KEY_REF_PROVIDER_LOST, 1), Map.entry(DirtyKind.TPM_WITHOUT_VM, 1),
            Map.entry(DirtyKind.TPM_DUPLICATE_FOR_VM, 2), Map.entry(DirtyKind.HOST_FILE_WITHOUT_VM, 2),
            Map.entry(DirtyKind.TPM_STATE_FILE_WITHOUT_TPM, 2), Map.entry(DirtyKind.BACKUP_WITHOUT_OWNER, 1),
            Map.entry(DirtyKind.TPM_STATE_BACKUP_WITHOUT_TPM, 1), Map.entry(DirtyKind.BACKUP_WITHOUT_KEY, 1),
            Map.entry(DirtyKind.CONTENT_WITHOUT_OWNER, 2), Map.entry(DirtyKind.RESOURCE_ROW_STALE, 3)));

    @TempDir
    static Path shared;
    static Path demo;
    static DemoResult result;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        demo = shared.resolve("demo.sqlite");
        result = DemoGenerator.writeSnapshot(demo, new DemoOptions(4000, 42), false);
    }

    @Test
    void injectsEveryKindAndOrdinaryVmsAddNoDirt() throws Exception {
        assertThat(result.injected().keySet()).containsExactlyInAnyOrder(DirtyKind.values());
        for (DirtyKind kind : DirtyKind.values()) {
            long rows = TestSnapshots.count(demo, RULE_SQL.get(kind));
            assertThat(rows).as(kind.name()).isPositive();
            if (kind == DirtyKind.HOST_FILE_ON_MISSING_HOST) {
                // info: ordinary VMs that ran on a decommissioned host have such files too
                assertThat(rows).as(kind.name()).isGreaterThan(result.injected().get(kind));
            } else if (kind == DirtyKind.CONTENT_WITHOUT_OWNER) {
                assertThat(rows).as(kind.name()).isEqualTo(2L * result.injected().get(kind));
            } else if (kind == DirtyKind.RESOURCE_ROW_STALE) {
                // three stale rows per scenario, plus the kept ResourceVO row of each ownerless content
                assertThat(rows).as(kind.name()).isEqualTo(3L * result.injected().get(kind)
                        + result.injected().get(DirtyKind.CONTENT_WITHOUT_OWNER));
            } else {
                assertThat(rows).as(kind.name())
                        .isEqualTo((long) ROWS_PER_SCENARIO.get(kind) * result.injected().get(kind));
            }
        }
        assertThat(result.injected().get(DirtyKind.TPM_WITHOUT_VM)).isEqualTo(2);
    }

    @Test
    void lostProvidersComeRelinkableAndNot() throws Exception {
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM EncryptedResourceKeyRefVO k WHERE k.providerUuid IS NULL"
                + " AND k.kekRef IS NOT NULL AND EXISTS (SELECT 1 FROM KeyProviderVO p WHERE p.name = k.providerName)")).isPositive();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM EncryptedResourceKeyRefVO k WHERE k.kekRef IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM KeyProviderVO p WHERE p.name = k.providerName)")).isPositive();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM EncryptedResourceKeyRefVO k WHERE k.providerUuid IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM KeyProviderVO p WHERE p.uuid = k.providerUuid)")).isPositive();
    }

    @Test
    void isRealisticWithTheNearMisses() throws Exception {
        // hosts in several states, some soft-deleted
        assertThat(TestSnapshots.count(demo, "SELECT count(DISTINCT state) FROM HostEO")).isGreaterThanOrEqualTo(3);
        assertThat(TestSnapshots.count(demo, "SELECT count(DISTINCT status) FROM HostEO")).isGreaterThanOrEqualTo(2);
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM HostEO WHERE deleted IS NOT NULL")).isPositive();
        // VMs in many states, some soft-deleted, with TPMs whose VM is soft-deleted
        assertThat(TestSnapshots.count(demo, "SELECT count(DISTINCT state) FROM VmInstanceEO")).isGreaterThanOrEqualTo(10);
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM TpmVO t JOIN VmInstanceEO v ON v.uuid = t.vmInstanceUuid"
                + " WHERE v.deleted IS NOT NULL")).isPositive();
        // TPM state on several hosts
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM (SELECT vmInstanceUuid FROM VmHostFileVO"
                + " WHERE type = 'TpmState' GROUP BY vmInstanceUuid HAVING count(*) >= 3)")).isPositive();
        // NvRam files of VMs without TPM (secure boot only): not dirty
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM VmHostFileVO f WHERE f.type = 'NvRam' AND NOT EXISTS"
                + " (SELECT 1 FROM TpmVO t WHERE t.vmInstanceUuid = f.vmInstanceUuid)")).isPositive();
        // backups owned by VMs and by snapshot groups
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM VmHostBackupFileVO b JOIN ResourceVO r ON r.uuid ="
                + " b.resourceUuid WHERE r.resourceType = 'VolumeSnapshotGroupVO' AND b.type = 'TpmState'")).isPositive();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM VmHostBackupFileVO b JOIN ResourceVO r ON r.uuid ="
                + " b.resourceUuid WHERE r.resourceType = 'VmInstanceVO'")).isPositive();
        // a VM with TPM-state backups but no live file (the case ZStack skipped)
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM VmHostBackupFileVO b JOIN TpmVO t ON t.vmInstanceUuid ="
                + " b.resourceUuid WHERE b.type = 'TpmState' AND NOT EXISTS (SELECT 1 FROM VmHostFileVO f WHERE"
                + " f.vmInstanceUuid = b.resourceUuid)")).isPositive();
        // key refs: placeholders, materialized, volume keys out of scope, NKP and KMS providers
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE resourceType = 'TpmVO'"
                + " AND kekRef IS NULL AND wrappedDek = '' AND keyVersion IS NULL")).isPositive();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE resourceType = 'TpmVO'"
                + " AND kekRef IS NOT NULL AND length(wrappedDek) > 0")).isPositive();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM EncryptedResourceKeyRefVO WHERE resourceType = 'VolumeVO'")).isPositive();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM KeyProviderVO p JOIN NkpVO n ON n.uuid = p.uuid")).isPositive();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM KeyProviderVO p JOIN KmsVO k ON k.uuid = p.uuid")).isPositive();
        // every row holds ZStack's formats
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM VmHostFileVO WHERE type = 'TpmState' AND path NOT"
                + " GLOB '/var/lib/libvirt/swtpm/[0-9a-f]*-*-*-*-*/'")).isZero();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM VmInstanceEO WHERE length(uuid) <> 32 OR uuid GLOB '*[^0-9a-f]*'"
                + " OR createDate NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]'")).isZero();
        assertThat(TestSnapshots.count(demo, "SELECT count(*) FROM VmHostFileContentVO WHERE format = 'TarballGzip'"
                + " AND hex(substr(content, 1, 2)) <> '1F8B'")).isZero();
        try (SqliteSnapshot s = SqliteSnapshot.open(demo, OpenOptions.readOnly())) {
            assertThat(s.layout().isZStack()).isTrue();
            assertThat(s.layout().missingOptional()).isEmpty();
        }
    }

    @Test
    void sameSeedSameSnapshotOtherSeedOtherRows() throws Exception {
        Path a = TestSnapshots.demo(dir.resolve("a.sqlite"), 300, 99);
        Path b = TestSnapshots.demo(dir.resolve("b.sqlite"), 300, 99);
        Path c = TestSnapshots.demo(dir.resolve("c.sqlite"), 300, 100);
        assertThat(TestSnapshots.contentDigest(a)).isEqualTo(TestSnapshots.contentDigest(b))
                .isNotEqualTo(TestSnapshots.contentDigest(c));
        assertThat(TestSnapshots.sha256(a)).as("byte for byte").isEqualTo(TestSnapshots.sha256(b));
    }

    @Test
    void refusesToReplaceAFileAndLeavesNoPartialFile() throws Exception {
        Path target = Files.writeString(dir.resolve("keep.sqlite"), "precious");
        assertThatThrownBy(() -> DemoGenerator.writeSnapshot(target, new DemoOptions(10, 1), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("precious");
        assertThat(TestSnapshots.listing(dir)).containsExactly("keep.sqlite");
        DemoGenerator.writeSnapshot(target, new DemoOptions(10, 1), true);
        assertThat(TestSnapshots.count(target, "SELECT count(*) FROM VmInstanceEO")).isGreaterThanOrEqualTo(10);
        assertThat(TestSnapshots.listing(dir)).containsExactly("keep.sqlite");
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThatThrownBy(() -> new DemoOptions(0, 1)).hasMessageContaining("--vms");
    }

    @Test
    void demoInDataFolderIsGeneratedOnce() throws Exception {
        Path data = dir.resolve("data");
        assertThat(DemoSnapshots.ensure(data)).isPresent();
        String hash = TestSnapshots.sha256(DemoSnapshots.location(data));
        assertThat(DemoSnapshots.ensure(data)).isEmpty();
        assertThat(TestSnapshots.sha256(DemoSnapshots.location(data))).isEqualTo(hash);
    }
}
