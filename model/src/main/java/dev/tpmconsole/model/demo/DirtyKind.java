package dev.tpmconsole.model.demo;

/**
 * The kinds of dirty rows the demo injects, one per rule of docs/audit-rules.md (same names as the rule
 * IDs), each at least once, so that every finding can be seen and every repair tried on demo data.
 */
public enum DirtyKind {
    KEY_REF_ORPHANED,
    KEY_REF_DUPLICATE_PLACEHOLDER,
    KEY_REF_PROVIDER_LOST,
    TPM_WITHOUT_VM,
    TPM_DUPLICATE_FOR_VM,
    HOST_FILE_WITHOUT_VM,
    TPM_STATE_FILE_WITHOUT_TPM,
    HOST_FILE_ON_MISSING_HOST,
    BACKUP_WITHOUT_OWNER,
    TPM_STATE_BACKUP_WITHOUT_TPM,
    BACKUP_WITHOUT_KEY,
    CONTENT_WITHOUT_OWNER,
    RESOURCE_ROW_STALE
}
