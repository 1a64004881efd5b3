package dev.tpmconsole.model.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.orm.Orm;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entity written through Hibernate to a real SQLite file built from the DDL, read back in a new
 * session, equals what was written, field for field; and the rows are ZStack's (checked with plain SQL).
 */
class EntityRoundTripTest {

    static final String T1 = "2026-03-14 09:26:53";
    static final String T2 = "2026-11-25 22:00:00";
    static final String ZERO = "0000-00-00 00:00:00";

    @TempDir
    Path dir;

    @Test
    void everyEntityRoundTrips() throws Exception {
        Path file = TestSnapshots.fromDdl(dir.resolve("rt.sqlite"), true);
        List<Object> written = new ArrayList<>();
        try (SqliteSnapshot source = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             SessionFactory sf = Orm.sessionFactory(source)) {
            written.add(make(new ResourceVO(), r -> {
                r.setUuid("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
                r.setResourceName("TPM-for-VM-ünïcødé 'quoted' \\ back");
                r.setResourceType("TpmVO");
                r.setConcreteResourceType("org.zstack.header.tpm.entity.TpmVO");
            }));
            written.add(make(new ManagementNodeVO(), m -> {
                m.setUuid("mn1");
                m.setHostName("172.24.0.11");
                m.setPort(8080L);
                m.setState("RUNNING");
                m.setVersion("5.1.0");
                m.setJoinDate(ZERO);
                m.setHeartBeat(T2);
            }));
            written.add(make(new HostEO(), h -> {
                h.setUuid("h1");
                h.setZoneUuid("z");
                h.setClusterUuid("c");
                h.setName("kvm-1");
                h.setManagementIp("172.20.0.1");
                h.setHypervisorType("KVM");
                h.setArchitecture("x86_64");
                h.setState("Enabled");
                h.setStatus("Connected");
                h.setCreateDate(T1);
                h.setLastOpDate(T2);
                h.setDeleted(T2);
            }));
            written.add(make(new VmInstanceEO(), v -> {
                v.setUuid("vm1");
                v.setName("web-01 — production");
                v.setType("UserVm");
                v.setState("Stopped");
                v.setLastHostUuid("h1");
                v.setPlatform("Linux");
                v.setCreateDate(ZERO);
                v.setLastOpDate(T1);
            }));
            written.add(make(new VolumeSnapshotGroupVO(), g -> {
                g.setUuid("sg1");
                g.setName("daily");
                g.setVmInstanceUuid("vm1");
                g.setSnapshotCount(4294967295L);
                g.setCreateDate(T1);
                g.setLastOpDate(T1);
            }));
            written.add(make(new TpmVO(), t -> {
                t.setUuid("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
                t.setVmInstanceUuid("vm1");
                t.setCreateDate(T1);
                t.setLastOpDate(T2);
            }));
            written.add(make(new VmHostFileVO(), f -> {
                f.setUuid("f1");
                f.setVmInstanceUuid("vm1");
                f.setHostUuid("h1");
                f.setType("TpmState");
                f.setPath("/var/lib/libvirt/swtpm/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/");
                f.setLastSyncReason("on libvirt shutdown event");
                f.setChangeDate(null);
                f.setLastSyncDate(T2);
                f.setCreateDate(T1);
                f.setLastOpDate(T2);
            }));
            written.add(make(new VmHostBackupFileVO(), b -> {
                b.setUuid("b1");
                b.setResourceUuid("sg1");
                b.setType("TpmState");
                b.setCreateDate(T1);
                b.setLastOpDate(T1);
            }));
            byte[] blob = new byte[70_000];
            for (int i = 0; i < blob.length; i++) {
                blob[i] = (byte) (i * 31);
            }
            written.add(make(new VmHostFileContentVO(), c -> {
                c.setUuid("f1");
                c.setContent(blob);
                c.setFormat("TarballGzip");
                c.setCreateDate(T1);
                c.setLastOpDate(T1);
            }));
            written.add(make(new KeyProviderVO(), k -> {
                k.setUuid("kp1");
                k.setName("nkp-default");
                k.setType("NKP");
                k.setConnected(true);
                k.setCreateDate(T1);
                k.setLastOpDate(T1);
            }));
            written.add(make(new NkpVO(), n -> {
                n.setUuid("kp1");
                n.setKdf("HKDF-SHA256");
                n.setSaltPolicy("PerResource");
                n.setBackedUp(false);
                n.setCurrentVersion(null);
            }));
            written.add(make(new KmsVO(), k -> {
                k.setUuid("kms1");
                k.setEndpoint("kms.internal");
                k.setPort(5696L);
                k.setTrustState("MUTUAL_UNTRUSTED");
                k.setServerCertExpiredDate(null);
                k.setServerCertPem("-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n");
            }));
            written.add(make(new TpmKeyBackupVO(), k -> {
                k.setUuid("tkb1");
                k.setCreateDate(T1);
                k.setLastOpDate(T1);
            }));
            written.add(make(new SystemTagVO(), s -> {
                s.setUuid("st1");
                s.setResourceUuid("b1");
                s.setResourceType("VmHostBackupFileVO");
                s.setInherent(true);
                s.setType("System");
                s.setTag("tpmKeyProviderName::nkp-default");
                s.setCreateDate(T1);
                s.setLastOpDate(T1);
            }));
            EncryptedResourceKeyRefVO ref = make(new EncryptedResourceKeyRefVO(), r -> {
                r.setResourceType("TpmVO");
                r.setResourceUuid("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
                r.setProviderUuid(null);
                r.setProviderName("nkp-default");
                r.setKeyVersion(3L);
                r.setKekRef("kek/nkp-default/v3");
                r.setWrappedDek("c2VjcmV0LWtleS1tYXRlcmlhbA==");
                r.setAlgorithm("AES-256-KWP");
                r.setCreateDate(T1);
                r.setLastOpDate(T1);
            });
            written.add(ref);

            sf.inTransaction(session -> written.forEach(session::persist));
            assertThat(ref.getId()).as("identity from SQLite's rowid").isEqualTo(1L);

            for (Object expected : written) {
                Object id = sf.getPersistenceUnitUtil().getIdentifier(expected);
                Object actual = sf.fromSession(s -> s.find(expected.getClass(), id));
                assertThat(actual).as(expected.getClass().getSimpleName()).isNotSameAs(expected)
                        .usingRecursiveComparison().isEqualTo(expected);
            }
        }
        // Stored as the snapshot format says: text timestamps, 0/1 booleans, blobs as blobs, NULL as NULL.
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM HostEO WHERE deleted = '" + T2 + "' AND createDate = '" + T1 + "'")).isEqualTo(1);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmInstanceEO WHERE createDate = '" + ZERO + "' AND hostUuid IS NULL")).isEqualTo(1);
        assertThat(TestSnapshots.count(file, "SELECT connected FROM KeyProviderVO")).isEqualTo(1);
        assertThat(TestSnapshots.count(file, "SELECT typeof(connected) = 'integer' FROM KeyProviderVO")).isEqualTo(1);
        assertThat(TestSnapshots.count(file, "SELECT length(content) FROM VmHostFileContentVO WHERE typeof(content) = 'blob'")).isEqualTo(70_000);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostFileVO WHERE changeDate IS NULL")).isEqualTo(1);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmInstanceVO")).isEqualTo(1);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM HostVO")).as("the host is soft-deleted").isZero();
    }

    @Test
    void browsingContentNeverReadsTheBlob() throws Exception {
        Path file = TestSnapshots.demo(dir.resolve("demo.sqlite"), 30, 3);
        List<String> sql = new ArrayList<>();
        try (SqliteSnapshot source = SqliteSnapshot.open(file, OpenOptions.readOnly());
             SessionFactory sf = Orm.sessionFactory(source, s -> {
                 sql.add(s);
                 return s;
             })) {
            List<VmHostFileContentInfo> infos = sf.fromSession(s -> s.createSelectionQuery(
                    "from VmHostFileContentInfo where format = 'TarballGzip' order by uuid", VmHostFileContentInfo.class)
                    .setMaxResults(5).getResultList());
            assertThat(infos).hasSize(5).allSatisfy(i -> assertThat(i.getContentSize()).isBetween(200L, 4000L));
            VmHostFileContentVO full = sf.fromSession(s -> s.find(VmHostFileContentVO.class, infos.get(0).getUuid()));
            assertThat((long) full.getContent().length).isEqualTo(infos.get(0).getContentSize());
        }
        assertThat(sql).hasSize(2);
        assertThat(sql.get(0)).contains("length(").doesNotContainPattern("\\.content\\b(?!\\))");
        assertThat(sql.get(1)).containsPattern("\\.content\\b");
    }

    @Test
    void legacyBackupLayoutMapsItsOwnEntity() throws Exception {
        Path file = TestSnapshots.fromDdl(dir.resolve("zsv500.sqlite"), false);
        TestSnapshots.exec(file, "DROP TABLE VmHostBackupFileVO",
                "CREATE TABLE VmHostBackupFileVO (uuid TEXT NOT NULL, vmInstanceUuid TEXT NOT NULL, type TEXT NOT NULL,"
                        + " createDate TEXT NOT NULL DEFAULT '0000-00-00 00:00:00', lastOpDate TEXT NOT NULL"
                        + " DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (uuid))",
                "INSERT INTO VmHostBackupFileVO VALUES ('b1', 'vm1', 'TpmState', '" + T1 + "', '" + T2 + "')");
        try (SqliteSnapshot source = SqliteSnapshot.open(file, OpenOptions.readOnly());
             SessionFactory sf = Orm.sessionFactory(source)) {
            assertThat(source.layout().legacyBackupLayout()).isTrue();
            assertThat(source.layout().backupOwnerColumn()).isEqualTo("vmInstanceUuid");
            LegacyVmHostBackupFileVO b = sf.fromSession(s -> s.find(LegacyVmHostBackupFileVO.class, "b1"));
            assertThat(b.getVmInstanceUuid()).isEqualTo("vm1");
            assertThat(b.getLastOpDate()).isEqualTo(T2);
        }
    }

    @Test
    void keyRefForeignKeyIsDetected() throws Exception {
        Path file = TestSnapshots.fromDdl(dir.resolve("zsv510.sqlite"), true);
        TestSnapshots.exec(file, "DROP TABLE EncryptedResourceKeyRefVO",
                "CREATE TABLE EncryptedResourceKeyRefVO (id INTEGER NOT NULL, resourceType TEXT NOT NULL,"
                        + " resourceUuid TEXT NOT NULL, providerUuid TEXT, providerName TEXT NOT NULL, keyVersion INTEGER,"
                        + " kekRef TEXT, wrappedDek TEXT NOT NULL, algorithm TEXT, createDate TEXT NOT NULL DEFAULT"
                        + " '0000-00-00 00:00:00', lastOpDate TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (id),"
                        + " CONSTRAINT fkEncryptedResourceKeyRefResourceVO FOREIGN KEY (resourceUuid) REFERENCES"
                        + " ResourceVO (uuid) ON DELETE CASCADE)");
        try (SqliteSnapshot source = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            assertThat(source.layout().keyRefResourceFk()).isTrue();
        }
    }

    private static <T> T make(T entity, Consumer<T> init) {
        init.accept(entity);
        return entity;
    }
}
