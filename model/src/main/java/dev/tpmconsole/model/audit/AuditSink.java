package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.schema.SchemaLayout;

/** Receives an audit as it runs: rules in catalogue order, each rule's findings in key order. */
public interface AuditSink {

    default void started(String source, SchemaLayout layout, int rules) throws Exception {
    }

    default void ruleStarted(AuditRule rule, int index) throws Exception {
    }

    void finding(Finding finding) throws Exception;

    default void ruleEnded(AuditRule rule, long count) throws Exception {
    }

    default void ended() throws Exception {
    }
}
