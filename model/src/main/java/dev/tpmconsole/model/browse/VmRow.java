package dev.tpmconsole.model.browse;

/**
 * One row of the VM list. The aggregates are computed for the rows of the page only.
 *
 * @param deleted       the soft-deletion date ({@code VmInstanceEO.deleted}), null for a live VM
 * @param hostUuid      the VM's current host, else the last one it ran on; null when it never ran
 * @param hostName      that host's name, null when the host row is gone
 * @param hostCurrent   whether {@code hostUuid} is the current host (false: the last host)
 * @param tpms          TpmVO rows of the VM (more than one is dirty)
 * @param keyState      the most alarming key state of its TPMs; null when it has no TPM
 * @param tpmStateFiles VmHostFileVO rows of type TpmState (one per host it ran on)
 * @param backups       VmHostBackupFileVO rows owned by the VM or by one of its snapshot groups
 */
public record VmRow(String uuid, String name, String state, String deleted, String hostUuid, String hostName,
                    boolean hostCurrent, int tpms, KeyState keyState, int tpmStateFiles, int backups) {

    public boolean softDeleted() {
        return deleted != null;
    }

    public boolean hasTpm() {
        return tpms > 0;
    }
}
