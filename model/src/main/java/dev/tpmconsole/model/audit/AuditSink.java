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

    /** A sink that passes everything to this one, then to {@code other}. */
    default AuditSink and(AuditSink other) {
        AuditSink first = this;
        return new AuditSink() {
            @Override
            public void started(String source, SchemaLayout layout, int rules) throws Exception {
                first.started(source, layout, rules);
                other.started(source, layout, rules);
            }

            @Override
            public void ruleStarted(AuditRule rule, int index) throws Exception {
                first.ruleStarted(rule, index);
                other.ruleStarted(rule, index);
            }

            @Override
            public void finding(Finding finding) throws Exception {
                first.finding(finding);
                other.finding(finding);
            }

            @Override
            public void ruleEnded(AuditRule rule, long count) throws Exception {
                first.ruleEnded(rule, count);
                other.ruleEnded(rule, count);
            }

            @Override
            public void ended() throws Exception {
                first.ended();
                other.ended();
            }
        };
    }
}
