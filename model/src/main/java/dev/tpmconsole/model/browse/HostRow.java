package dev.tpmconsole.model.browse;

/**
 * One row of the host list.
 *
 * @param deleted       the soft-deletion date, null for a live host
 * @param vms           VMs whose current host it is
 * @param tpmStateFiles VmHostFileVO rows of type TpmState it holds
 * @param nvramFiles    VmHostFileVO rows of type NvRam it holds
 */
public record HostRow(String uuid, String name, String managementIp, String state, String status,
                      String clusterUuid, String deleted, int vms, int tpmStateFiles, int nvramFiles) {

    public boolean softDeleted() {
        return deleted != null;
    }
}
