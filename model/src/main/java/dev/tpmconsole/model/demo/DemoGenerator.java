package dev.tpmconsole.model.demo;

import dev.tpmconsole.model.snapshot.JdbcRowSink;
import dev.tpmconsole.model.snapshot.RowSink;
import dev.tpmconsole.model.snapshot.SnapshotFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Generates a realistic, deterministic ZStack TPM database: hosts in several states (some soft-deleted),
 * VMs in many states (some soft-deleted), UEFI VMs with TPMs whose state lives on one or several hosts,
 * NvRam and TpmState files with content, backups owned by VMs and by snapshot groups, NKP and KMS key
 * providers, key refs as placeholders, materialized and with a lost provider, volume key refs (out of
 * scope), and the dirty rows of every rule of docs/audit-rules.md, each kind at least once.
 *
 * <p>The same options give the same rows: every value, uuids and dates included, comes from one
 * {@link SplittableRandom} seeded with {@link DemoOptions#seed()}; nothing reads the clock.
 */
public final class DemoGenerator {

    /** Dates of the demo cloud lie between these (the demo's "now" is {@link #DEMO_NOW}). */
    static final LocalDateTime EPOCH = LocalDateTime.of(2025, 3, 3, 8, 0, 0);
    static final LocalDateTime DEMO_NOW = LocalDateTime.of(2026, 11, 20, 12, 0, 0);
    private static final long SPAN_SECONDS = Duration.between(EPOCH, DEMO_NOW).getSeconds();
    private static final long EPOCH_SECONDS = EPOCH.toEpochSecond(ZoneOffset.UTC);

    private static final String VM_CLASS = "org.zstack.header.vm.VmInstanceVO";
    private static final String[] SYNC_REASONS = {
        "on libvirt shutdown event", "periodic dirty check", "periodic force sync", "after VM migration",
        "before HA start", "on resource release", "after VM clone", "on snapshot group online backup",
        "prepare read", "after restore"};
    private static final String[] VM_PREFIXES = {
        "web", "db", "api", "cache", "mq", "build", "ci-runner", "win-desktop", "ad-dc", "file", "erp", "crm",
        "k8s-master", "k8s-worker", "vdi", "log", "mon", "gw", "vpn", "sql"};

    private final SplittableRandom rnd;
    private final RowSink sink;
    private final DemoOptions options;
    private final Map<DirtyKind, Integer> injected = new EnumMap<>(DirtyKind.class);
    private final List<Host> hosts = new ArrayList<>();
    private final List<Provider> providers = new ArrayList<>();
    private final List<String> offerings = new ArrayList<>();
    private final byte[][] tpmContents = new byte[16][];
    private final byte[][] nvramContents = new byte[16][];
    private int vmIndex;

    private DemoGenerator(DemoOptions options, RowSink sink) {
        this.options = options;
        this.sink = sink;
        this.rnd = new SplittableRandom(options.seed());
    }

    /** Writes a demo snapshot to {@code out} (refusing an existing file unless {@code overwrite}). */
    public static DemoResult writeSnapshot(Path out, DemoOptions options, boolean overwrite)
            throws IOException, SQLException {
        long start = System.nanoTime();
        try (SnapshotFile file = SnapshotFile.create(out, overwrite, true)) {
            Map<DirtyKind, Integer> injected;
            Map<String, Long> counts;
            try (JdbcRowSink sink = new JdbcRowSink(file.connection())) {
                injected = generate(options, sink);
                sink.flush();
                counts = sink.counts();
            } catch (SQLException e) {
                throw file.failure(e); // the rows are generated: only the file can fail (no space, ...)
            }
            file.commit();
            return new DemoResult(counts, injected, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Generates the demo rows into any sink (an SQLite snapshot, a MariaDB test database). */
    public static Map<DirtyKind, Integer> generate(DemoOptions options, RowSink sink) throws SQLException {
        DemoGenerator g = new DemoGenerator(options, sink);
        g.run();
        return Map.copyOf(g.injected);
    }

    private void run() throws SQLException {
        prepareContents();
        managementNodes();
        providers();
        int hostCount = Math.max(4, options.vms() / 40);
        for (int i = 0; i < hostCount; i++) {
            host(i);
        }
        for (int i = 0; i < 6; i++) {
            offerings.add(uuid());
        }
        for (int i = 0; i < options.vms(); i++) {
            vm(VmSpec.random(this));
        }
        injectDirtyRows();
    }

    // ---------------------------------------------------------------- infrastructure

    private void managementNodes() throws SQLException {
        for (int i = 0; i < 2; i++) {
            String joined = date(SPAN_SECONDS - 86_400L * (40 + i));
            sink.table("ManagementNodeVO")
                    .set("uuid", uuid()).set("hostName", "172.24.0." + (11 + i)).set("port", 8080)
                    .set("state", "RUNNING").set("version", "5.1.0").set("joinDate", joined)
                    .set("heartBeat", date(SPAN_SECONDS - 60L * (3 + i))).add();
        }
    }

    private void providers() throws SQLException {
        provider("nkp-default", "NKP", true, "Native key provider of the cloud");
        provider("nkp-dr-site", "NKP", true, "Native key provider restored at the DR site");
        provider("kms-hsm-a", "KMS", true, "KMIP KMS, HSM cluster A");
        provider("kms-hsm-b", "KMS", false, "KMIP KMS, HSM cluster B (certificate expired)");
    }

    private void provider(String name, String type, boolean connected, String description) throws SQLException {
        String uuid = uuid();
        String created = date(rnd.nextLong(SPAN_SECONDS / 10));
        resource(uuid, name, "KeyProviderVO", "org.zstack.header.keyprovider.KeyProviderVO");
        sink.table("KeyProviderVO").set("uuid", uuid).set("name", name).set("description", description)
                .set("type", type).set("connected", connected).set("createDate", created).set("lastOpDate", created)
                .add();
        if (type.equals("NKP")) {
            sink.table("NkpVO").set("uuid", uuid).set("kdf", "HKDF-SHA256").set("saltPolicy", "PerResource")
                    .set("backedUp", connected).set("currentVersion", 1 + rnd.nextInt(4)).add();
        } else {
            sink.table("KmsVO").set("uuid", uuid).set("endpoint", name + ".kms.internal").set("port", 5696)
                    .set("kmipVersion", "2.0").set("username", "zstack-" + name).set("password", null)
                    .set("trustState", connected ? "MUTUAL_TRUSTED" : "MUTUAL_UNTRUSTED")
                    .set("activeIdentityUuid", uuid())
                    .set("serverCertExpiredDate", connected ? date(SPAN_SECONDS + 86_400L * 300) : date(SPAN_SECONDS - 86_400L * 9))
                    .set("serverCertPem", "-----BEGIN CERTIFICATE-----\nMIIB" + name + "\n-----END CERTIFICATE-----\n")
                    .add();
        }
        providers.add(new Provider(uuid, name, 1 + rnd.nextInt(4)));
    }

    private void host(int i) throws SQLException {
        String uuid = uuid();
        char zone = (char) ('a' + (i % 2));
        int cluster = i % 6;
        boolean deleted = i > 3 && rnd.nextDouble() < 0.02;
        double r = rnd.nextDouble();
        String state = deleted ? "Maintenance" : r < 0.88 ? "Enabled" : r < 0.93 ? "Disabled"
                : r < 0.97 ? "Maintenance" : "PreMaintenance";
        double s = rnd.nextDouble();
        String status = deleted ? "Disconnected" : s < 0.90 ? "Connected" : s < 0.97 ? "Disconnected" : "Connecting";
        String arch = i % 10 == 9 ? "aarch64" : "x86_64";
        String name = String.format("kvm-%c%d-%04d", zone, cluster, i);
        String created = date(rnd.nextLong(SPAN_SECONDS / 4));
        String lastOp = date(SPAN_SECONDS / 4 + rnd.nextLong(SPAN_SECONDS * 3 / 4));
        resource(uuid, name, "KVMHostVO", "org.zstack.kvm.KVMHostVO");
        sink.table("HostEO").set("uuid", uuid).set("zoneUuid", zoneUuid(zone)).set("clusterUuid", clusterUuid(cluster))
                .set("name", name).set("description", deleted ? "decommissioned" : null)
                .set("managementIp", String.format("172.%d.%d.%d", 20 + (i >> 16), (i >> 8) & 0xff, (i & 0xff) == 0 ? 254 : i & 0xff))
                .set("hypervisorType", "KVM").set("architecture", arch).set("state", state).set("status", status)
                .set("createDate", created).set("lastOpDate", lastOp).set("deleted", deleted ? lastOp : null).add();
        hosts.add(new Host(uuid, zoneUuid(zone), clusterUuid(cluster), arch, deleted));
    }

    /** The demo's two zones: every demo host is in one of them (how a demo database is told apart). */
    public static final String ZONE_A = "5b1e0f7c2a9d4e61b0c3d8f2a4e6b1c0";
    public static final String ZONE_B = "9c2d1e8f3b0a4c72a1d4e9f3b5c7d2e1";

    private static String zoneUuid(char zone) {
        return zone == 'a' ? ZONE_A : ZONE_B;
    }

    private static String clusterUuid(int cluster) {
        return String.format("c1a5%028x", cluster + 1);
    }

    // ---------------------------------------------------------------- VMs

    /** The properties of one VM to generate; dirty flags bend it into one of the dirty kinds. */
    static final class VmSpec {
        String state;
        boolean softDeleted;
        String platform;
        String guestOs;
        String bootMode;
        boolean tpm;
        int hostCount;
        /** 0 none, 1 placeholder, 2 materialized. */
        int keyState;
        boolean tpmStateBackup;
        boolean nvramBackup;
        int snapshotGroups;
        boolean volumeKey;
        boolean tpmKeyBackup;
        // dirty flags
        boolean duplicatePlaceholder;
        /** 0 no, 1 lost with a provider of that name present, 2 lost with no such provider, 3 dangling uuid. */
        int providerLost;
        boolean duplicateTpm;
        boolean stateFilesWithoutTpm;
        boolean stateBackupWithoutTpm;
        boolean backupWithoutKey;
        boolean fileOnMissingHost;

        static VmSpec random(DemoGenerator g) {
            SplittableRandom r = g.rnd;
            VmSpec s = new VmSpec();
            double d = r.nextDouble();
            s.softDeleted = d < 0.03;
            s.state = s.softDeleted ? "Destroyed" : pick(r, new String[] {
                "Running", "Running", "Running", "Running", "Running", "Running", "Running", "Running", "Running",
                "Running", "Running", "Stopped", "Stopped", "Stopped", "Stopped", "Stopped", "Paused", "Starting",
                "Stopping", "Migrating", "Rebooting", "Unknown", "Error", "Created", "Crashed", "VolumeMigrating",
                "Destroying", "Pausing", "Resuming", "NoState"});
            boolean windows = r.nextDouble() < 0.3;
            s.platform = windows ? "Windows" : "Linux";
            s.guestOs = windows ? pick(r, new String[] {"Windows 11", "Windows Server 2022", "Windows 10",
                "Windows Server 2019"}) : pick(r, new String[] {"Ubuntu 22.04", "Ubuntu 24.04", "Rocky Linux 9",
                "CentOS 7", "Debian 12", "openEuler 22.03", "Kylin V10"});
            boolean needsTpm = s.guestOs.equals("Windows 11") || s.guestOs.equals("Windows Server 2022");
            double b = r.nextDouble();
            s.bootMode = needsTpm ? "UEFI" : b < 0.50 ? "UEFI" : b < 0.56 ? "UEFI_WITH_CSM" : "Legacy";
            boolean uefi = !s.bootMode.equals("Legacy");
            s.tpm = uefi && (needsTpm || r.nextDouble() < 0.55);
            if (uefi) {
                double h = r.nextDouble();
                s.hostCount = s.state.equals("Created") ? 0 : h < 0.70 ? 1 : h < 0.92 ? 2 : 3;
                if (s.hostCount > 0 && !s.softDeleted && r.nextDouble() < 0.01) {
                    s.hostCount = 0; // files already removed (or a clone target): backups without a live file
                }
            }
            if (s.tpm) {
                double k = r.nextDouble();
                s.keyState = k < 0.10 ? 0 : s.hostCount == 0 || k < 0.20 ? 1 : 2;
                s.tpmStateBackup = r.nextDouble() < 0.35;
                s.nvramBackup = r.nextDouble() < 0.25;
                s.snapshotGroups = r.nextDouble() < 0.08 ? 1 + r.nextInt(2) : 0;
                s.tpmKeyBackup = r.nextDouble() < 0.002;
            }
            s.volumeKey = r.nextDouble() < 0.04;
            return s;
        }

        /** A live, started UEFI VM with a materialized TPM key: the base of most dirty kinds. */
        static VmSpec healthyTpmVm() {
            VmSpec s = new VmSpec();
            s.state = "Stopped";
            s.platform = "Linux";
            s.guestOs = "Ubuntu 22.04";
            s.bootMode = "UEFI";
            s.tpm = true;
            s.hostCount = 1;
            s.keyState = 2;
            return s;
        }
    }

    private void vm(VmSpec s) throws SQLException {
        int index = vmIndex++;
        String uuid = uuid();
        String name = String.format("%s-%05d", pick(rnd, VM_PREFIXES), index);
        List<Host> ran = new ArrayList<>();
        Host home = liveHost();
        if (s.hostCount > 0) {
            ran.add(home);
            while (ran.size() < s.hostCount) {
                Host other = anyHost();
                if (!ran.contains(other)) {
                    ran.add(other);
                }
            }
        }
        boolean started = !s.state.equals("Created");
        boolean onHost = List.of("Running", "Paused", "Starting", "Stopping", "Migrating", "Rebooting", "Unknown",
                "Crashed", "VolumeMigrating", "Pausing", "Resuming").contains(s.state);
        long created = rnd.nextLong(SPAN_SECONDS * 9 / 10);
        long lastOp = created + rnd.nextLong(SPAN_SECONDS - created);
        resource(uuid, name, "VmInstanceVO", VM_CLASS);
        sink.table("VmInstanceEO").set("uuid", uuid).set("name", name)
                .set("description", s.softDeleted ? "deleted by admin" : null)
                .set("zoneUuid", home.zone).set("clusterUuid", home.cluster).set("imageUuid", uuid())
                .set("hostUuid", onHost ? home.uuid : null).set("lastHostUuid", started ? home.uuid : null)
                .set("instanceOfferingUuid", offerings.get(index % offerings.size())).set("rootVolumeUuid", uuid())
                .set("type", "UserVm").set("hypervisorType", "KVM").set("platform", s.platform)
                .set("guestOsType", s.guestOs).set("architecture", home.arch).set("state", s.state)
                .set("createDate", date(created)).set("lastOpDate", date(lastOp))
                .set("deleted", s.softDeleted ? date(lastOp) : null).add();
        systemTag(uuid, "VmInstanceVO", "bootMode::" + s.bootMode, created);

        if (s.volumeKey) {
            keyRef("VolumeVO", uuid(), pickProvider(), 2, created, null);
        }
        if (s.bootMode.equals("Legacy")) {
            return;
        }
        // Files: NvRam and (with a TPM, or left behind by an incomplete remove) TpmState on every host it ran on,
        // the home host being the most recently touched.
        long fileTime = created;
        boolean stateFiles = s.tpm || s.stateFilesWithoutTpm;
        for (int h = ran.size() - 1; h >= 0; h--) {
            Host host = ran.get(h);
            String hostUuid = s.fileOnMissingHost && h == 0 ? uuid() : host.uuid;
            fileTime = fileTime + 3600 + rnd.nextLong(Math.max(3601, (lastOp - fileTime) / 2));
            hostFile(uuid, hostUuid, "NvRam", nvramPath(uuid), fileTime);
            if (stateFiles) {
                hostFile(uuid, hostUuid, "TpmState", tpmPath(uuid), fileTime + 5);
            }
        }
        if (s.fileOnMissingHost) {
            count(DirtyKind.HOST_FILE_ON_MISSING_HOST);
        }
        if (s.stateFilesWithoutTpm) {
            count(DirtyKind.TPM_STATE_FILE_WITHOUT_TPM);
        }

        Provider provider = null;
        String tpmUuid = null;
        if (s.tpm) {
            tpmUuid = tpm(uuid, created);
            if (s.keyState > 0) {
                provider = pickProvider();
                tpmKey(tpmUuid, provider, s, created);
            }
            if (s.duplicateTpm) {
                String second = tpm(uuid, created + 120);
                keyRef("TpmVO", second, provider != null ? provider : pickProvider(), 1, created + 120, null);
                count(DirtyKind.TPM_DUPLICATE_FOR_VM);
            }
            if (s.tpmKeyBackup) {
                String holder = uuid();
                resource(holder, null, "TpmKeyBackupVO", "org.zstack.header.tpm.entity.TpmKeyBackupVO");
                sink.table("TpmKeyBackupVO").set("uuid", holder).set("createDate", date(lastOp))
                        .set("lastOpDate", date(lastOp)).add();
                keyRef("TpmKeyBackupVO", holder, provider != null ? provider : pickProvider(), 2, lastOp, null);
            }
        }
        boolean keyCopy = s.keyState == 2 && !s.backupWithoutKey;
        long backupTime = Math.min(lastOp, fileTime) + 60;
        if (s.tpmStateBackup || s.stateBackupWithoutTpm || s.backupWithoutKey) {
            Provider copyFrom = provider != null ? provider : pickProvider();
            backup(uuid, "VmInstanceVO", "TpmState", backupTime, (keyCopy || s.stateBackupWithoutTpm) ? copyFrom : null,
                    provider != null ? provider.name : null);
            if (s.stateBackupWithoutTpm) {
                count(DirtyKind.TPM_STATE_BACKUP_WITHOUT_TPM);
            }
            if (s.backupWithoutKey) {
                count(DirtyKind.BACKUP_WITHOUT_KEY);
            }
        }
        if (s.nvramBackup) {
            backup(uuid, "VmInstanceVO", "NvRam", backupTime, null, null);
        }
        for (int g = 0; g < s.snapshotGroups; g++) {
            String group = uuid();
            long t = backupTime + 600L * (g + 1);
            String groupName = "sg-" + name + "-" + (g + 1);
            resource(group, groupName, "VolumeSnapshotGroupVO", "org.zstack.header.storage.snapshot.group.VolumeSnapshotGroupVO");
            sink.table("VolumeSnapshotGroupVO").set("uuid", group).set("name", groupName)
                    .set("description", "daily backup").set("vmInstanceUuid", uuid).set("snapshotCount", 1 + rnd.nextInt(4))
                    .set("createDate", date(t)).set("lastOpDate", date(t)).add();
            backup(group, "VolumeSnapshotGroupVO", "TpmState", t, s.keyState == 2 ? provider : null,
                    provider != null ? provider.name : null);
            backup(group, "VolumeSnapshotGroupVO", "NvRam", t, null, null);
        }
    }

    private String tpm(String vmUuid, long created) throws SQLException {
        String tpmUuid = uuid();
        resource(tpmUuid, "TPM-for-VM-" + vmUuid, "TpmVO", "org.zstack.header.tpm.entity.TpmVO");
        sink.table("TpmVO").set("uuid", tpmUuid).set("vmInstanceUuid", vmUuid).set("createDate", date(created))
                .set("lastOpDate", date(created)).add();
        return tpmUuid;
    }

    private void tpmKey(String tpmUuid, Provider provider, VmSpec s, long created) throws SQLException {
        if (s.providerLost > 0) {
            String dangling = s.providerLost == 3 ? uuid() : null;
            String name = s.providerLost == 1 ? providers.get(0).name : s.providerLost == 2 ? "kms-retired" : provider.name;
            keyRef("TpmVO", tpmUuid, new Provider(dangling, name, 3), 2, created, null);
            count(DirtyKind.KEY_REF_PROVIDER_LOST);
            return;
        }
        keyRef("TpmVO", tpmUuid, provider, s.keyState, created, null);
        if (s.duplicatePlaceholder) {
            keyRef("TpmVO", tpmUuid, provider, 1, created + 30, null);
            count(DirtyKind.KEY_REF_DUPLICATE_PLACEHOLDER);
        }
    }

    // ---------------------------------------------------------------- dirty rows

    private void injectDirtyRows() throws SQLException {
        int quota = Math.max(1, options.vms() / 2000);
        for (int i = 0; i < quota; i++) {
            VmSpec dup = VmSpec.healthyTpmVm();
            dup.duplicatePlaceholder = true;
            vm(dup);
            for (int variant = 1; variant <= 3; variant++) {
                VmSpec lost = VmSpec.healthyTpmVm();
                lost.providerLost = variant;
                lost.tpmStateBackup = true;
                vm(lost);
            }
            VmSpec twoTpms = VmSpec.healthyTpmVm();
            twoTpms.duplicateTpm = true;
            vm(twoTpms);
            VmSpec stateFiles = VmSpec.healthyTpmVm();
            stateFiles.tpm = false;
            stateFiles.keyState = 0;
            stateFiles.hostCount = 2;
            stateFiles.stateFilesWithoutTpm = true;
            vm(stateFiles);
            VmSpec stateBackup = VmSpec.healthyTpmVm();
            stateBackup.tpm = false;
            stateBackup.keyState = 0;
            stateBackup.stateBackupWithoutTpm = true;
            vm(stateBackup);
            VmSpec noKey = VmSpec.healthyTpmVm();
            noKey.backupWithoutKey = true;
            vm(noKey);
            VmSpec missingHost = VmSpec.healthyTpmVm();
            missingHost.state = "Running";
            missingHost.hostCount = 2;
            missingHost.fileOnMissingHost = true;
            vm(missingHost);

            tpmWithoutVm();
            hostFileWithoutVm();
            backupWithoutOwner();
            contentWithoutOwner();
            staleResourceRows();
            orphanedKeyRefs();
        }
    }

    /** A TPM whose VM was expunged while the TpmVO row stayed (the SQL cascade did not run). */
    private void tpmWithoutVm() throws SQLException {
        long t = rnd.nextLong(SPAN_SECONDS);
        String tpmUuid = tpm(uuid(), t);
        keyRef("TpmVO", tpmUuid, pickProvider(), 2, t, null);
        count(DirtyKind.TPM_WITHOUT_VM);
    }

    /** Host files of an expunged VM. */
    private void hostFileWithoutVm() throws SQLException {
        String vm = uuid();
        long t = rnd.nextLong(SPAN_SECONDS);
        String host = liveHost().uuid;
        hostFile(vm, host, "TpmState", tpmPath(vm), t);
        hostFile(vm, host, "NvRam", nvramPath(vm), t);
        count(DirtyKind.HOST_FILE_WITHOUT_VM);
    }

    /** A TpmState backup (with its key copy and tag) whose owner resource is gone. */
    private void backupWithoutOwner() throws SQLException {
        long t = rnd.nextLong(SPAN_SECONDS);
        Provider p = pickProvider();
        backup(uuid(), null, "TpmState", t, p, p.name);
        count(DirtyKind.BACKUP_WITHOUT_OWNER);
    }

    /** Content rows left when only the child row was deleted by raw SQL (ResourceVO row kept, or not). */
    private void contentWithoutOwner() throws SQLException {
        long t = rnd.nextLong(SPAN_SECONDS);
        String keptResource = uuid();
        resource(keptResource, null, "VmHostBackupFileVO", "org.zstack.header.vm.additions.VmHostBackupFileVO");
        content(keptResource, "TpmState", t);
        content(uuid(), "NvRam", t);
        count(DirtyKind.CONTENT_WITHOUT_OWNER);
    }

    /** ResourceVO rows whose child rows are gone: a TPM removed by the VM cascade, files and holders deleted raw. */
    private void staleResourceRows() throws SQLException {
        long t = rnd.nextLong(SPAN_SECONDS);
        String tpm = uuid();
        resource(tpm, "TPM-for-VM-" + uuid(), "TpmVO", "org.zstack.header.tpm.entity.TpmVO");
        keyRef("TpmVO", tpm, pickProvider(), 2, t, null);
        resource(uuid(), "TpmState file for " + uuid(), "VmHostFileVO", "org.zstack.header.vm.additions.VmHostFileVO");
        resource(uuid(), null, "TpmKeyBackupVO", "org.zstack.header.tpm.entity.TpmKeyBackupVO");
        count(DirtyKind.RESOURCE_ROW_STALE);
    }

    /** Key refs whose owner row is gone without a trace (backup deleted by SQL, holder removed). */
    private void orphanedKeyRefs() throws SQLException {
        long t = rnd.nextLong(SPAN_SECONDS);
        keyRef("VmHostBackupFileVO", uuid(), pickProvider(), 2, t, null);
        keyRef("TpmKeyBackupVO", uuid(), pickProvider(), 2, t, null);
        keyRef("TpmVO", uuid(), pickProvider(), 1, t, null);
        count(DirtyKind.KEY_REF_ORPHANED);
    }

    // ---------------------------------------------------------------- rows

    private void resource(String uuid, String name, String type, String concrete) throws SQLException {
        sink.table("ResourceVO").set("uuid", uuid).set("resourceName", name).set("resourceType", type)
                .set("concreteResourceType", concrete).add();
    }

    private void hostFile(String vmUuid, String hostUuid, String type, String path, long time) throws SQLException {
        String uuid = uuid();
        boolean registeredOnly = rnd.nextDouble() < 0.02;
        resource(uuid, type + " file for " + vmUuid, "VmHostFileVO", "org.zstack.header.vm.additions.VmHostFileVO");
        long synced = time + rnd.nextLong(600);
        sink.table("VmHostFileVO").set("uuid", uuid).set("vmInstanceUuid", vmUuid).set("hostUuid", hostUuid)
                .set("type", type).set("path", path)
                .set("lastSyncReason", registeredOnly ? null : SYNC_REASONS[rnd.nextInt(SYNC_REASONS.length)])
                .set("changeDate", rnd.nextDouble() < 0.05 ? date(synced + 30) : null)
                .set("lastSyncDate", registeredOnly ? null : date(synced))
                .set("createDate", date(time)).set("lastOpDate", date(synced)).add();
        if (!registeredOnly) {
            content(uuid, type, synced);
        }
    }

    private void content(String uuid, String type, long time) throws SQLException {
        boolean tpm = type.equals("TpmState");
        sink.table("VmHostFileContentVO").set("uuid", uuid)
                .set("content", tpm ? tpmContents[rnd.nextInt(16)] : nvramContents[rnd.nextInt(16)])
                .set("format", tpm ? "TarballGzip" : "Raw").set("createDate", date(time)).set("lastOpDate", date(time))
                .add();
    }

    /**
     * A backup row with its ResourceVO row and content, and (when {@code keyFrom} is given) the key copy and
     * the TPM_KEY_PROVIDER_NAME tag. {@code ownerType} null means the owner is gone.
     */
    private void backup(String owner, String ownerType, String type, long time, Provider keyFrom, String providerTag)
            throws SQLException {
        String uuid = uuid();
        resource(uuid, type + " backup of " + owner, "VmHostBackupFileVO",
                "org.zstack.header.vm.additions.VmHostBackupFileVO");
        sink.table("VmHostBackupFileVO").set("uuid", uuid).set("resourceUuid", owner).set("type", type)
                .set("createDate", date(time)).set("lastOpDate", date(time)).add();
        content(uuid, type, time);
        if (type.equals("TpmState") && keyFrom != null) {
            keyRef("VmHostBackupFileVO", uuid, keyFrom, 2, time, null);
        }
        if (type.equals("TpmState") && providerTag != null) {
            systemTag(uuid, "VmHostBackupFileVO", "tpmKeyProviderName::" + providerTag, time);
        }
    }

    private void keyRef(String resourceType, String resourceUuid, Provider p, int state, long time, String algorithm)
            throws SQLException {
        boolean materialized = state == 2;
        byte[] dek = new byte[40];
        if (materialized) {
            for (int i = 0; i < dek.length; i++) {
                dek[i] = (byte) rnd.nextInt(256);
            }
        }
        sink.table("EncryptedResourceKeyRefVO").set("resourceType", resourceType).set("resourceUuid", resourceUuid)
                .set("providerUuid", p.uuid).set("providerName", p.name)
                .set("keyVersion", materialized ? (long) p.version : null)
                .set("kekRef", materialized ? "kek/" + p.name + "/v" + p.version : null)
                .set("wrappedDek", materialized ? Base64.getEncoder().encodeToString(dek) : "")
                .set("algorithm", materialized ? (algorithm != null ? algorithm : "AES-256-KWP") : null)
                .set("createDate", date(time)).set("lastOpDate", date(time)).add();
    }

    private void systemTag(String resourceUuid, String resourceType, String tag, long time) throws SQLException {
        sink.table("SystemTagVO").set("uuid", uuid()).set("resourceUuid", resourceUuid).set("resourceType", resourceType)
                .set("inherent", false).set("type", "System").set("tag", tag).set("createDate", date(time))
                .set("lastOpDate", date(time)).add();
    }

    // ---------------------------------------------------------------- helpers

    private void count(DirtyKind kind) {
        injected.merge(kind, 1, Integer::sum);
    }

    private Host liveHost() {
        while (true) {
            Host h = hosts.get(rnd.nextInt(hosts.size()));
            if (!h.deleted) {
                return h;
            }
        }
    }

    private Host anyHost() {
        return hosts.get(rnd.nextInt(hosts.size()));
    }

    private Provider pickProvider() {
        double p = rnd.nextDouble();
        return providers.get(p < 0.55 ? 0 : p < 0.65 ? 1 : p < 0.92 ? 2 : 3);
    }

    private String uuid() {
        return String.format("%016x%016x", rnd.nextLong(), rnd.nextLong());
    }

    static String hyphenated(String uuid) {
        return uuid.substring(0, 8) + "-" + uuid.substring(8, 12) + "-" + uuid.substring(12, 16) + "-"
                + uuid.substring(16, 20) + "-" + uuid.substring(20);
    }

    private static String tpmPath(String vmUuid) {
        return "/var/lib/libvirt/swtpm/" + hyphenated(vmUuid) + "/";
    }

    private static String nvramPath(String vmUuid) {
        return "/var/lib/libvirt/qemu/nvram/" + hyphenated(vmUuid) + ".fd";
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** ZStack's text timestamp of {@code seconds} after the demo epoch. */
    static String date(long seconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(EPOCH_SECONDS + seconds, 0, ZoneOffset.UTC);
        char[] c = new char[19];
        put(c, 0, t.getYear(), 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            c[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Sixteen TpmState tarballs (tar.gz of an swtpm folder) and sixteen NvRam variable stores. */
    private void prepareContents() {
        for (int i = 0; i < 16; i++) {
            byte[] state = new byte[1200 + rnd.nextInt(800)];
            for (int j = 0; j < state.length; j++) {
                state[j] = (byte) (j < 64 ? rnd.nextInt(256) : (j % 7 == 0 ? rnd.nextInt(256) : 0));
            }
            tpmContents[i] = tarGz("tpm2", "tpm2-00.permall", state);
            byte[] nvram = new byte[512];
            for (int j = 0; j < nvram.length; j++) {
                nvram[j] = (byte) (j < 96 ? rnd.nextInt(256) : 0xff);
            }
            System.arraycopy("_FVH".getBytes(StandardCharsets.US_ASCII), 0, nvram, 40, 4);
            nvramContents[i] = nvram;
        }
    }

    /** A gzip'd ustar archive holding one folder with one file, as ZStack stores TPM state. */
    static byte[] tarGz(String folder, String file, byte[] data) {
        try {
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            tar.write(tarHeader(folder + "/", 0, '5'));
            tar.write(tarHeader(folder + "/" + file, data.length, '0'));
            tar.write(data);
            tar.write(new byte[(512 - data.length % 512) % 512]);
            tar.write(new byte[1024]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(tar.toByteArray());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] tarHeader(String name, int size, char type) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, Math.min(n.length, 100));
        octal(h, 100, 8, type == '5' ? 0755 : 0600);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, 0);
        h[156] = (byte) type;
        System.arraycopy("ustar\00000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    private static void octal(byte[] h, int at, int width, long value) {
        String s = String.format("%0" + (width - 1) + "o", value);
        System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, h, at, width - 1);
    }

    private record Host(String uuid, String zone, String cluster, String arch, boolean deleted) {
    }

    private record Provider(String uuid, String name, int version) {
    }
}
