package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import java.util.Locale;

/** How a finding is to be read (docs/audit-rules.md). */
public enum Severity implements Messages.Localized {
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

    /** The word for a person, in the language being read ({@code severity.<label>}). */
    @Override
    public Message message() {
        return Message.of("severity." + label());
    }

    /** Whether findings of this severity make {@code audit} exit with 3. */
    public boolean needsAction() {
        return this != INFO;
    }
}
