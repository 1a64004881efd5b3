package dev.tpmconsole.model.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tpmconsole.model.plan.Plan;
import java.util.List;

/**
 * What a run reports, in order: the journal holds one per line, the GUI's progress and error panels and the
 * command line's progress line subscribe to them. Item ids are {@code table/key} of the item's owning row.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunEvent.RunStarted.class, name = "run-started"),
    @JsonSubTypes.Type(value = RunEvent.StepStarted.class, name = "step-started"),
    @JsonSubTypes.Type(value = RunEvent.ItemStarted.class, name = "item-started"),
    @JsonSubTypes.Type(value = RunEvent.ItemDone.class, name = "item-done"),
    @JsonSubTypes.Type(value = RunEvent.ItemFailed.class, name = "item-failed"),
    @JsonSubTypes.Type(value = RunEvent.ItemSkipped.class, name = "item-skipped"),
    @JsonSubTypes.Type(value = RunEvent.HostWorkExported.class, name = "host-work-exported"),
    @JsonSubTypes.Type(value = RunEvent.HostMoved.class, name = "host-moved"),
    @JsonSubTypes.Type(value = RunEvent.StepEnded.class, name = "step-ended"),
    @JsonSubTypes.Type(value = RunEvent.RunEnded.class, name = "run-ended")})
public sealed interface RunEvent {

    /** When it happened (UTC, ISO-8601). */
    String at();

    /**
     * @param source  the database changed (a snapshot path, or a JDBC URL without password)
     * @param plan    the plan file the run applies (a copy inside the run folder)
     * @param steps   the step names, in order
     * @param items   the number of items of the whole plan
     * @param resumed whether this run continues an earlier, interrupted or failed one
     * @param hostWork how host work is done: {@code export} (scripts, the default) or {@code ssh} (moved into the
     *                 run's trash on each host); null in journals older than the choice (export)
     */
    record RunStarted(String at, String source, String plan, List<Plan.StepName> steps, int items, boolean resumed,
                      String hostWork) implements RunEvent {
        /** Host work over SSH. */
        public static final String SSH = "ssh";
        /** Host work exported as scripts. */
        public static final String EXPORT = "export";

        public boolean overSsh() {
            return SSH.equals(hostWork);
        }
    }

    record StepStarted(String at, Plan.StepName step, int items) implements RunEvent {
    }

    record ItemStarted(String at, Plan.StepName step, String item) implements RunEvent {
    }

    /** @param rows rows the item deleted or changed (0 when a resumed item finds them gone already) */
    record ItemDone(String at, Plan.StepName step, String item, int rows) implements RunEvent {
    }

    /** @param cause one line; {@code detail} the rest (the exception chain) */
    record ItemFailed(String at, Plan.StepName step, String item, String cause, String detail) implements RunEvent {
    }

    /** An item not run, and why (its host work failed: the database must not forget a folder still on its host). */
    record ItemSkipped(String at, Plan.StepName step, String item, String reason,
                       @com.fasterxml.jackson.annotation.JsonIgnore dev.tpmconsole.model.i18n.Message why)
            implements RunEvent {
        /** As the journal holds it: the reason in English, no message (a journal read back shows English). */
        public ItemSkipped(String at, Plan.StepName step, String item, String reason) {
            this(at, step, item, reason, null);
        }
    }

    /** A host-work item written into the run folder's scripts for a person to run: nothing was done on the host. */
    record HostWorkExported(String at, Plan.StepName step, String item, String hostUuid, String path)
            implements RunEvent {
    }

    /**
     * A host-work item done on its host, before its item-done: where the folder was, where it is now (null when it
     * was gone already), and how (moved, moved before an interruption, already gone).
     */
    record HostMoved(String at, Plan.StepName step, String item, String hostUuid, String managementIp, String path,
                     String trashPath, String outcome) implements RunEvent {
    }

    /** @param outcome done, failed or skipped; {@code reason} says why for failed and skipped */
    record StepEnded(String at, Plan.StepName step, Outcome outcome, int done, int failed, String reason,
                     @com.fasterxml.jackson.annotation.JsonIgnore dev.tpmconsole.model.i18n.Message why)
            implements RunEvent {
        /** As the journal holds it: the reason in English, no message (a journal read back shows English). */
        public StepEnded(String at, Plan.StepName step, Outcome outcome, int done, int failed, String reason) {
            this(at, step, outcome, done, failed, reason, null);
        }
    }

    record RunEnded(String at, Outcome outcome, int done, int failed, int skipped) implements RunEvent {
    }

    /** The single terminal outcome of a step or run. */
    enum Outcome implements dev.tpmconsole.model.i18n.Messages.Localized {
        DONE, FAILED, SKIPPED, CANCELLED;

        /** The outcome for a person, in the language being read ({@code run.outcome.<NAME>}). */
        @Override
        public dev.tpmconsole.model.i18n.Message message() {
            return dev.tpmconsole.model.i18n.Message.of("run.outcome." + name());
        }
    }
}
