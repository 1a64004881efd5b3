package dev.tpmconsole.model.browse;

import java.util.List;

/**
 * Everything the details pane shows about one VM: the VM, its TPMs and their key refs, its host files per
 * host, its backups with their key copies, the system tags that matter and the findings about these rows.
 * Key material is never read: a ref carries the length of its wrapped key, a file the size of its content.
 */
public record VmDetails(Vm vm, List<Tpm> tpms, List<KeyRef> keyRefs, List<HostFile> hostFiles,
                        List<Backup> backups, List<Tag> tags, List<VmFinding> findings) {

    public VmDetails {
        tpms = List.copyOf(tpms);
        keyRefs = List.copyOf(keyRefs);
        hostFiles = List.copyOf(hostFiles);
        backups = List.copyOf(backups);
        tags = List.copyOf(tags);
        findings = List.copyOf(findings);
    }

    /** The VmInstanceEO row (with the names of its hosts). */
    public record Vm(String uuid, String name, String state, String deleted, String hostUuid, String hostName,
                     String lastHostUuid, String lastHostName, String platform, String guestOsType,
                     String architecture, String createDate, String lastOpDate) {
    }

    /** A TpmVO row of the VM. */
    public record Tpm(String uuid, String createDate, String lastOpDate) {
    }

    /**
     * An EncryptedResourceKeyRefVO row of one of the VM's TPMs ({@code resourceType='TpmVO'}) or of one of its
     * backups ({@code 'VmHostBackupFileVO'}, a key copy). Never the wrapped key, only its length.
     *
     * @param providerPresent  whether a KeyProviderVO row has {@code uuid = providerUuid}
     * @param kekRefPresent    whether {@code kekRef} is set
     * @param wrappedKeyLength length of {@code wrappedDek} in characters (0 for a placeholder)
     */
    public record KeyRef(long id, String resourceType, String resourceUuid, String providerUuid,
                         String providerName, boolean providerPresent, Long keyVersion, boolean kekRefPresent,
                         String algorithm, long wrappedKeyLength, KeyState state, String createDate) {
    }

    /**
     * A VmHostFileVO row.
     *
     * @param hostName    null when the host row is gone
     * @param hostDeleted whether the host is soft-deleted
     * @param contentSize bytes of its VmHostFileContentVO content ({@code length(content)}), null without content
     */
    public record HostFile(String uuid, String hostUuid, String hostName, boolean hostDeleted, String type,
                           String path, String lastSyncDate, String lastSyncReason, String changeDate,
                           String lastOpDate, Long contentSize, String format) {

        public boolean hostMissing() {
            return hostName == null;
        }
    }

    /** Who owns a backup: the VM itself, or one of its volume snapshot groups. */
    public enum OwnerKind {
        VM("VM"), SNAPSHOT_GROUP("snapshot group");

        private final String label;

        OwnerKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A VmHostBackupFileVO row owned by the VM or by one of its snapshot groups.
     *
     * @param ownerName   the snapshot group's name (null for the VM itself)
     * @param keyCopy     whether a key ref with {@code resourceType='VmHostBackupFileVO'} names this backup
     * @param contentSize bytes of its content, null without content
     */
    public record Backup(String uuid, String type, OwnerKind ownerKind, String ownerUuid, String ownerName,
                         String createDate, Long contentSize, boolean keyCopy) {
    }

    /** A SystemTagVO row on the VM, one of its TPMs or one of its backups. */
    public record Tag(String resourceUuid, String resourceType, String tag, String createDate) {
    }
}
