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
     */
    record RunStarted(String at, String source, String plan, List<Plan.StepName> steps, int items, boolean resumed)
            implements RunEvent {
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

    /** @param outcome done, failed or skipped; {@code reason} says why for failed and skipped */
    record StepEnded(String at, Plan.StepName step, Outcome outcome, int done, int failed, String reason)
            implements RunEvent {
    }

    record RunEnded(String at, Outcome outcome, int done, int failed, int skipped) implements RunEvent {
    }

    /** The single terminal outcome of a step or run. */
    enum Outcome { DONE, FAILED, SKIPPED, CANCELLED }
}
