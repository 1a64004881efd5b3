package dev.tpmconsole.model.testing;

import dev.tpmconsole.model.snapshot.RowSink;
import java.sql.SQLException;

/**
 * Hand-made ZStack rows for tests, written through a {@link RowSink} so that the same case goes into SQLite
 * and MariaDB. Every entity gets its ResourceVO row unless the method says otherwise; every file and backup
 * gets its content.
 */
public final class Rows {

    public static final String T = "2026-10-01 12:00:00";
    public static final String OLD = "2026-01-01 12:00:00";

    private final RowSink sink;

    public Rows(RowSink sink) {
        this.sink = sink;
    }

    public Rows resource(String uuid, String type) throws SQLException {
        sink.table("ResourceVO").set("uuid", uuid).set("resourceName", type + " " + uuid).set("resourceType", type)
                .set("concreteResourceType", "org.zstack." + type).add();
        return this;
    }

    public Rows host(String uuid, boolean deleted) throws SQLException {
        return host(uuid, deleted, "192.0.2." + (uuid.length() % 200 + 1));
    }

    /** A host reached at {@code managementIp} (tests that reach hosts give loopback addresses only). */
    public Rows host(String uuid, boolean deleted, String managementIp) throws SQLException {
        resource(uuid, "KVMHostVO");
        sink.table("HostEO").set("uuid", uuid).set("zoneUuid", "z").set("clusterUuid", "c").set("name", "host " + uuid)
                .set("managementIp", managementIp).set("hypervisorType", "KVM")
                .set("state", "Enabled").set("status", "Connected").set("createDate", OLD).set("lastOpDate", T)
                .set("deleted", deleted ? T : null).add();
        return this;
    }

    public Rows vm(String uuid, boolean live) throws SQLException {
        resource(uuid, "VmInstanceVO");
        sink.table("VmInstanceEO").set("uuid", uuid).set("name", "vm " + uuid).set("type", "UserVm")
                .set("state", live ? "Stopped" : "Destroyed").set("createDate", OLD).set("lastOpDate", T)
                .set("deleted", live ? null : T).add();
        return this;
    }

    public Rows tpm(String uuid, String vm) throws SQLException {
        resource(uuid, "TpmVO");
        sink.table("TpmVO").set("uuid", uuid).set("vmInstanceUuid", vm).set("createDate", OLD).set("lastOpDate", T).add();
        return this;
    }

    public Rows provider(String uuid, String name) throws SQLException {
        resource(uuid, "KeyProviderVO");
        sink.table("KeyProviderVO").set("uuid", uuid).set("name", name).set("type", "NKP").set("connected", true)
                .set("createDate", OLD).set("lastOpDate", T).add();
        sink.table("NkpVO").set("uuid", uuid).set("backedUp", true).add();
        return this;
    }

    /** A key ref with an explicit id; {@code kekRef} null makes it a placeholder. */
    public Rows keyRef(long id, String type, String resourceUuid, String providerUuid, String providerName,
                       String kekRef) throws SQLException {
        sink.table("EncryptedResourceKeyRefVO").set("id", id).set("resourceType", type).set("resourceUuid", resourceUuid)
                .set("providerUuid", providerUuid).set("providerName", providerName)
                .set("keyVersion", kekRef == null ? null : 1L).set("kekRef", kekRef)
                .set("wrappedDek", kekRef == null ? "" : "d3JhcHBlZC1kZWstb2Yt" + id)
                .set("algorithm", kekRef == null ? null : "AES-256-KWP").set("createDate", OLD).set("lastOpDate", T).add();
        return this;
    }

    public Rows hostFile(String uuid, String vm, String host, String type) throws SQLException {
        return hostFile(uuid, vm, host, type, T);
    }

    public Rows hostFile(String uuid, String vm, String host, String type, String lastOpDate) throws SQLException {
        resource(uuid, "VmHostFileVO");
        hostFileRow(uuid, vm, host, type, type.equals("TpmState") ? "/var/lib/libvirt/swtpm/" + folder(vm) + "/"
                : "/var/lib/libvirt/qemu/nvram/" + folder(vm) + ".fd", lastOpDate);
        return content(uuid);
    }

    /** The VmHostFileVO row only, at {@code path} (no ResourceVO row, no content). */
    public Rows hostFileRow(String uuid, String vm, String host, String type, String path) throws SQLException {
        return hostFileRow(uuid, vm, host, type, path, T);
    }

    private Rows hostFileRow(String uuid, String vm, String host, String type, String path, String lastOpDate)
            throws SQLException {
        sink.table("VmHostFileVO").set("uuid", uuid).set("vmInstanceUuid", vm).set("hostUuid", host).set("type", type)
                .set("path", path).set("createDate", OLD).set("lastOpDate", lastOpDate).add();
        return this;
    }

    /** How libvirt names a VM's files: by its uuid with hyphens (a short test key as it is). */
    static String folder(String vm) {
        return vm.matches("[0-9a-f]{32}") ? dev.tpmconsole.model.hosts.HostPaths.hyphenated(vm) : vm;
    }

    public Rows backup(String uuid, String owner, String type) throws SQLException {
        resource(uuid, "VmHostBackupFileVO");
        sink.table("VmHostBackupFileVO").set("uuid", uuid).set("resourceUuid", owner).set("type", type)
                .set("createDate", OLD).set("lastOpDate", T).add();
        return content(uuid);
    }

    public Rows group(String uuid, String vm) throws SQLException {
        resource(uuid, "VolumeSnapshotGroupVO");
        sink.table("VolumeSnapshotGroupVO").set("uuid", uuid).set("name", "group " + uuid).set("vmInstanceUuid", vm)
                .set("snapshotCount", 1).set("createDate", OLD).set("lastOpDate", T).add();
        return this;
    }

    public Rows holder(String uuid) throws SQLException {
        resource(uuid, "TpmKeyBackupVO");
        sink.table("TpmKeyBackupVO").set("uuid", uuid).set("createDate", OLD).set("lastOpDate", T).add();
        return this;
    }

    /** Content only (no ResourceVO row). */
    public Rows content(String uuid) throws SQLException {
        sink.table("VmHostFileContentVO").set("uuid", uuid).set("content", new byte[] {1, 2, 3, (byte) 0xff, 0})
                .set("format", "TarballGzip").set("createDate", OLD).set("lastOpDate", T).add();
        return this;
    }

    public Rows tag(String uuid, String resourceUuid, String resourceType, String tag) throws SQLException {
        sink.table("SystemTagVO").set("uuid", uuid).set("resourceUuid", resourceUuid).set("resourceType", resourceType)
                .set("inherent", false).set("type", "System").set("tag", tag).set("createDate", OLD)
                .set("lastOpDate", T).add();
        return this;
    }
}
