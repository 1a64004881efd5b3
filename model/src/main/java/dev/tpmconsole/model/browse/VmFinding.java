package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Severity;
import dev.tpmconsole.model.i18n.Message;

/**
 * A finding about one row of a VM, in the words of docs/audit-rules.md: the rule, its severity, the subject
 * table and key, and a sentence for a person (rendered in the reader's language when shown).
 */
public record VmFinding(AuditRule rule, Severity severity, String table, String key, Message message) {

    /** The sentence in English. */
    public String detail() {
        return message.english();
    }
}
