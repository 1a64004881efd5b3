package dev.tpmconsole.model.browse;

/**
 * A VmHostFileVO row held by a host, with its VM.
 *
 * @param vmName      null when the VM row is gone (expunged)
 * @param vmDeleted   whether the VM is soft-deleted
 * @param contentSize bytes of its content, null without content
 */
public record HostFileRow(String uuid, String vmUuid, String vmName, boolean vmDeleted, String type, String path,
                          String lastSyncDate, String lastSyncReason, Long contentSize) {

    public boolean vmMissing() {
        return vmName == null;
    }
}
