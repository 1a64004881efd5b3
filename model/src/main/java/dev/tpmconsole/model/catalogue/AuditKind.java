package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.util.Labelled;

/**
 * What a recorded audit was (docs/catalogue.md, Host scans); {@link #label()} is what the audit and finding tables'
 * kind columns and {@code history} (JSON, CSV, text) show. The findings of each kind have their own history.
 */
public enum AuditKind implements Labelled {
    /** An audit of a database's rows (audit rules). */
    AUDIT("audit"),
    /** A scan of the hosts' folders (host rules). */
    HOST_SCAN("host-scan");

    private final String label;

    AuditKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static AuditKind of(String label) {
        return Labelled.byLabel(AuditKind.class, label, "audit kind");
    }

    @Override
    public String toString() {
        return label;
    }

    /** The column's text. */
    @jakarta.persistence.Converter
    public static final class Text extends LabelText<AuditKind> {
        public Text() {
            super(AuditKind.class, "audit kind");
        }
    }
}
