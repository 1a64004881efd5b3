package dev.tpmconsole.model.browse;

/**
 * The state of a TPM's key, from its EncryptedResourceKeyRefVO rows (docs/zstack-tpm-model.md, 2.7). A VM without a TPM
 * has no key state at all (null), which is not the same as {@link #NONE}: a TPM without any ref.
 */
public enum KeyState implements dev.tpmconsole.model.i18n.Messages.Localized {
    /** The TPM has no key ref (ALLOWED_TPM_VM_WITHOUT_KMS, or the ref was lost). */
    NONE("none"),
    /** A provider is bound but the key was never made: {@code kekRef IS NULL}. */
    PLACEHOLDER("placeholder"),
    /** {@code kekRef} is set and its provider exists in KeyProviderVO. */
    MATERIALIZED("materialized"),
    /** {@code kekRef} is set but {@code providerUuid} is NULL or names no KeyProviderVO row. */
    PROVIDER_LOST("provider lost");

    private final String label;

    KeyState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state as a person reads it, in their language. */
    @Override
    public dev.tpmconsole.model.i18n.Message message() {
        return dev.tpmconsole.model.i18n.Message.of("keyState." + name());
    }

    /**
     * The SQL that computes the code of one ref's state ({@link #code()}), given the aliases of the ref row
     * ({@code r}, possibly NULL-extended by a LEFT JOIN) and of its provider ({@code p}, LEFT JOINed on
     * {@code p.uuid = r.providerUuid}). Runs the same on SQLite and MariaDB.
     */
    public static String codeSql(String r, String p) {
        return "CASE WHEN " + r + ".id IS NULL THEN 0 WHEN " + r + ".kekRef IS NULL THEN 1 WHEN " + p
                + ".uuid IS NOT NULL THEN 2 ELSE 3 END";
    }

    /** Codes order the states from calm to alarming; a TPM with several refs shows the highest. */
    public int code() {
        return ordinal();
    }

    public static KeyState ofCode(int code) {
        return values()[code];
    }

    @Override
    public String toString() {
        return label;
    }
}
