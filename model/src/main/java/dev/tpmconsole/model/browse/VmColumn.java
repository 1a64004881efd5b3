package dev.tpmconsole.model.browse;

/** The columns of the VM list, each sortable by the database. */
public enum VmColumn {
    NAME, UUID, STATE, HOST, TPM, KEY_STATE, TPM_STATE_FILES, BACKUPS
}
