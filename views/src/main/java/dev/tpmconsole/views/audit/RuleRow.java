package dev.tpmconsole.views.audit;

import dev.tpmconsole.model.audit.AuditRule;

/** One line of the rule list: a rule that ran and how many rows it reported. */
public record RuleRow(AuditRule rule, long count) {

    public String severity() {
        return rule.severity().label();
    }
}
