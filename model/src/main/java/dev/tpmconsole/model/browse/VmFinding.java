package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Severity;

/**
 * A finding about one row of a VM, in the words of docs/audit-rules.md: the rule, its severity, the subject
 * table and key, and a sentence for a person.
 */
public record VmFinding(AuditRule rule, Severity severity, String table, String key, String detail) {
}
