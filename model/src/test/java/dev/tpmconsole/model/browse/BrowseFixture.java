package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-made ZStack database whose every row is known: VMs in each key state, with host files on
 * live and soft-deleted hosts, backups of the VM and of its snapshot group, and one VM per dirty rule.
 * Uuids are hex, so that prefixes can be typed.
 */
public final class BrowseFixture {

    public static final String SECRET = "U0VDUkVUS0VZTUFURVJJQUw="; // the wrapped key of every materialized ref

    public static final String H1 = uuid(0x11, 1);
    public static final String H2 = uuid(0x11, 2);
    public static final String P1 = uuid(0x22, 1);
    public static final String P2 = uuid(0x22, 2);
    public static final String DANGLING = uuid(0x22, 9);

    public static final String ALPHA = uuid(0xa1, 1);
    public static final String BETA = uuid(0xb2, 2);
    public static final String GAMMA = uuid(0xc3, 3);
    public static final String DELTA = uuid(0xd4, 4);
    public static final String ALPINE = uuid(0xe5, 5);
    public static final String ZETA = uuid(0xf6, 6);
    public static final String ETA = uuid(0x07, 7);
    public static final String THETA = uuid(0x08, 8);
    public static final String IOTA = uuid(0x09, 9);
    public static final String KAPPA = uuid(0x0a, 10);
    public static final String LAMBDA = uuid(0x0b, 11);

    public static final String ALPHA_TPM = uuid(0x71, 1);
    public static final String ALPHA_BACKUP = uuid(0x81, 1);
    public static final String ALPHA_GROUP = uuid(0x91, 1);
    public static final String ALPHA_GROUP_STATE = uuid(0x81, 2);
    public static final String ALPHA_GROUP_NVRAM = uuid(0x81, 3);
    public static final String ALPHA_FILE_H1 = uuid(0x61, 1);
    public static final String ALPHA_FILE_H2 = uuid(0x61, 2);
    public static final String ALPHA_NVRAM_H1 = uuid(0x61, 3);
    public static final String ZETA_FILE = uuid(0x61, 4);
    public static final String ETA_TPM_1 = uuid(0x71, 71);
    public static final String ETA_TPM_2 = uuid(0x71, 72);
    public static final String KAPPA_BACKUP = uuid(0x81, 10);
    public static final String LAMBDA_BACKUP = uuid(0x81, 11);

    /** VMs with orphan or suspect findings, by rule: zeta, eta, theta, gamma, iota, kappa, lambda. */
    public static final List<String> DIRTY = List.of(ZETA, ETA, THETA, GAMMA, IOTA, KAPPA, LAMBDA);

    private final List<String> sql = new ArrayList<>();
    private long refId;

    public static String uuid(int kind, int n) {
        return String.format("%02x%030d", kind, n);
    }

    public static Path create(Path file) throws Exception {
        TestSnapshots.fromDdl(file, false);
        BrowseFixture f = new BrowseFixture();
        f.build();
        TestSnapshots.exec(file, f.sql.toArray(String[]::new));
        return file;
    }

    private void build() {
        host(H1, "kvm-a", "10.0.0.1", null);
        host(H2, "kvm-b", "10.0.0.2", "2026-01-01 00:00:00");
        provider(P1, "nkp-1", "NKP");
        provider(P2, "kms-1", "KMS");
        sql.add("INSERT INTO NkpVO (uuid, kdf, saltPolicy, backedUp, currentVersion) VALUES ('" + P1 + "', 'HKDF', 'PerResource', 1, 2)");
        sql.add("INSERT INTO KmsVO (uuid, endpoint, port) VALUES ('" + P2 + "', 'kms-1.example', 5696)");

        vm(ALPHA, "alpha", "Running", H1, H1, null);
        tpm(ALPHA_TPM, ALPHA);
        ref("TpmVO", ALPHA_TPM, P1, "nkp-1", true);
        file(ALPHA_FILE_H1, ALPHA, H1, "TpmState", 5);
        file(ALPHA_FILE_H2, ALPHA, H2, "TpmState", null);
        file(ALPHA_NVRAM_H1, ALPHA, H1, "NvRam", 7);
        backup(ALPHA_BACKUP, ALPHA, "TpmState", 11);
        ref("VmHostBackupFileVO", ALPHA_BACKUP, P1, "nkp-1", true);
        tag(uuid(0x55, 1), ALPHA_BACKUP, "VmHostBackupFileVO", "tpmKeyProviderName::nkp-1");
        resource(ALPHA_GROUP, "sg-alpha", "VolumeSnapshotGroupVO");
        sql.add("INSERT INTO VolumeSnapshotGroupVO (uuid, name, vmInstanceUuid, createDate, lastOpDate) VALUES ('"
                + ALPHA_GROUP + "', 'sg-alpha', '" + ALPHA + "', '2026-02-01 00:00:00', '2026-02-01 00:00:00')");
        backup(ALPHA_GROUP_STATE, ALPHA_GROUP, "TpmState", 13);
        backup(ALPHA_GROUP_NVRAM, ALPHA_GROUP, "NvRam", 3);
        tag(uuid(0x55, 2), ALPHA, "VmInstanceVO", "bootMode::UEFI");
        tag(uuid(0x55, 3), ALPHA, "VmInstanceVO", "cpuPinning::0-3");

        vm(BETA, "beta", "Stopped", null, H1, null);
        tpm(uuid(0x71, 2), BETA);
        ref("TpmVO", uuid(0x71, 2), P2, "kms-1", false);

        vm(GAMMA, "gamma", "Stopped", null, H2, null);
        tpm(uuid(0x71, 3), GAMMA);
        ref("TpmVO", uuid(0x71, 3), null, "kms-old", true);

        vm(DELTA, "delta", "Stopped", null, null, null);
        tpm(uuid(0x71, 4), DELTA);

        vm(ALPINE, "Alpine", "Destroyed", null, H1, "2026-03-01 00:00:00");

        vm(ZETA, "zeta", "Stopped", null, H1, null);
        file(ZETA_FILE, ZETA, H1, "TpmState", 5);

        vm(ETA, "eta", "Stopped", null, H1, null);
        tpm(ETA_TPM_1, ETA);
        tpm(ETA_TPM_2, ETA);
        ref("TpmVO", ETA_TPM_1, P1, "nkp-1", true);

        vm(THETA, "theta", "Running", H1, H1, null);
        tpm(uuid(0x71, 8), THETA);
        ref("TpmVO", uuid(0x71, 8), P1, "nkp-1", true);
        ref("TpmVO", uuid(0x71, 8), P1, "nkp-1", false);

        vm(IOTA, "iota", "Stopped", null, H1, null);
        tpm(uuid(0x71, 9), IOTA);
        ref("TpmVO", uuid(0x71, 9), DANGLING, "nkp-1", true);

        vm(KAPPA, "kappa", "Stopped", null, H1, null);
        tpm(uuid(0x71, 10), KAPPA);
        ref("TpmVO", uuid(0x71, 10), P1, "nkp-1", true);
        backup(KAPPA_BACKUP, KAPPA, "TpmState", 5);

        vm(LAMBDA, "lambda", "Stopped", null, H1, null);
        backup(LAMBDA_BACKUP, LAMBDA, "TpmState", 5);
    }

    private void resource(String uuid, String name, String type) {
        sql.add("INSERT INTO ResourceVO (uuid, resourceName, resourceType, concreteResourceType) VALUES ('" + uuid + "', "
                + (name == null ? "NULL" : "'" + name + "'") + ", '" + type + "', 'org.zstack." + type + "')");
    }

    private void host(String uuid, String name, String ip, String deleted) {
        resource(uuid, name, "KVMHostVO");
        sql.add("INSERT INTO HostEO (uuid, zoneUuid, clusterUuid, name, managementIp, hypervisorType, state, status,"
                + " createDate, lastOpDate, deleted) VALUES ('" + uuid + "', 'z', 'c', '" + name + "', '" + ip
                + "', 'KVM', 'Enabled', 'Connected', '2025-01-01 00:00:00', '2025-01-01 00:00:00', "
                + (deleted == null ? "NULL" : "'" + deleted + "'") + ")");
    }

    private void provider(String uuid, String name, String type) {
        resource(uuid, name, "KeyProviderVO");
        sql.add("INSERT INTO KeyProviderVO (uuid, name, type, connected, createDate, lastOpDate) VALUES ('" + uuid + "', '"
                + name + "', '" + type + "', 1, '2025-01-01 00:00:00', '2025-01-01 00:00:00')");
    }

    private void vm(String uuid, String name, String state, String host, String lastHost, String deleted) {
        resource(uuid, name, "VmInstanceVO");
        sql.add("INSERT INTO VmInstanceEO (uuid, name, hostUuid, lastHostUuid, type, state, platform, createDate, lastOpDate,"
                + " deleted) VALUES ('" + uuid + "', '" + name + "', " + q(host) + ", " + q(lastHost) + ", 'UserVm', '"
                + state + "', 'Linux', '2025-05-01 00:00:00', '2026-05-01 00:00:00', " + q(deleted) + ")");
    }

    private void tpm(String uuid, String vm) {
        resource(uuid, "TPM-for-VM-" + vm, "TpmVO");
        sql.add("INSERT INTO TpmVO (uuid, vmInstanceUuid, createDate, lastOpDate) VALUES ('" + uuid + "', '" + vm
                + "', '2025-06-0" + (1 + (int) (refId % 9)) + " 00:00:00', '2025-06-01 00:00:00')");
    }

    private void ref(String type, String resource, String provider, String providerName, boolean materialized) {
        long id = ++refId;
        sql.add("INSERT INTO EncryptedResourceKeyRefVO (id, resourceType, resourceUuid, providerUuid, providerName,"
                + " keyVersion, kekRef, wrappedDek, algorithm, createDate, lastOpDate) VALUES (" + id + ", '" + type + "', '"
                + resource + "', " + q(provider) + ", '" + providerName + "', " + (materialized ? "3" : "NULL") + ", "
                + (materialized ? "'kek/" + providerName + "'" : "NULL") + ", '" + (materialized ? SECRET : "") + "', "
                + (materialized ? "'AES-256-KWP'" : "NULL") + ", '2025-06-01 00:00:00', '2025-06-01 00:00:00')");
    }

    private void file(String uuid, String vm, String host, String type, Integer contentBytes) {
        resource(uuid, type + " file for " + vm, "VmHostFileVO");
        sql.add("INSERT INTO VmHostFileVO (uuid, vmInstanceUuid, hostUuid, type, path, lastSyncReason, lastSyncDate,"
                + " createDate, lastOpDate) VALUES ('" + uuid + "', '" + vm + "', '" + host + "', '" + type + "', '/var/lib/"
                + type + "/" + vm + "', 'periodic force sync', '2026-04-01 10:00:00', '2025-06-01 00:00:00',"
                + " '2026-04-01 10:00:00')");
        if (contentBytes != null) {
            content(uuid, contentBytes);
        }
    }

    private void backup(String uuid, String owner, String type, int contentBytes) {
        resource(uuid, type + " backup of " + owner, "VmHostBackupFileVO");
        sql.add("INSERT INTO VmHostBackupFileVO (uuid, resourceUuid, type, createDate, lastOpDate) VALUES ('" + uuid + "', '"
                + owner + "', '" + type + "', '2026-01-0" + (1 + contentBytes % 9) + " 00:00:00', '2026-01-01 00:00:00')");
        content(uuid, contentBytes);
    }

    private void content(String uuid, int bytes) {
        sql.add("INSERT INTO VmHostFileContentVO (uuid, content, format, createDate, lastOpDate) VALUES ('" + uuid
                + "', zeroblob(" + bytes + "), 'Raw', '2025-06-01 00:00:00', '2025-06-01 00:00:00')");
    }

    private void tag(String uuid, String resource, String type, String tag) {
        sql.add("INSERT INTO SystemTagVO (uuid, resourceUuid, resourceType, inherent, type, tag, createDate, lastOpDate)"
                + " VALUES ('" + uuid + "', '" + resource + "', '" + type + "', 0, 'System', '" + tag
                + "', '2025-06-01 00:00:00', '2025-06-01 00:00:00')");
    }

    private static String q(String v) {
        return v == null ? "NULL" : "'" + v + "'";
    }
}
