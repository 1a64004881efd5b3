package dev.tpmconsole.model.browse;

/** The columns of the host list, each sortable by the database. */
public enum HostColumn {
    NAME, UUID, MANAGEMENT_IP, STATE, STATUS, VMS, TPM_STATE_FILES, NVRAM_FILES
}
