package dev.tpmconsole.model.browse;

/**
 * A finding about one row of a VM, in the words of docs/audit-rules.md: the rule ID, its severity
 * ({@code orphan}, {@code suspect} or {@code info}), the subject table and key, and a sentence for a person.
 */
public record VmFinding(String rule, String severity, String table, String key, String detail) {
}
