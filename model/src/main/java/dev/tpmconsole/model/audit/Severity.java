package dev.tpmconsole.model.audit;

import java.util.Locale;

/** How a finding is to be read (docs/audit-rules.md). */
public enum Severity {
    /** Safe to repair by the stated action. */
    ORPHAN,
    /** Needs a person. */
    SUSPECT,
    /** Expected state worth seeing. */
    INFO;

    /** The word used in reports: orphan, suspect, info. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether findings of this severity make {@code audit} exit with 3. */
    public boolean needsAction() {
        return this != INFO;
    }
}
