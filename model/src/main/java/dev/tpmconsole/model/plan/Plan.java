package dev.tpmconsole.model.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.util.Labelled;
import java.util.List;
import java.util.Map;

/**
 * A plan (docs/cleanup.md): what an operation will delete and change, step by step, every row named,
 * host work to export, rows kept and why, and a fingerprint of every planned row as it was read. The JSON
 * form is a contract; field names and order are fixed.
 */
@JsonPropertyOrder({"operation", "source", "createdAt", "vmUuids", "steps", "deletes", "updates", "hostWork", "kept",
    "fingerprint"})
public record Plan(String operation, String source, String createdAt, List<String> vmUuids, List<Step> steps,
                   List<RowRef> deletes, List<RowUpdate> updates, List<HostWork> hostWork, List<Kept> kept,
                   Map<String, String> fingerprint) {

    public static final String REMOVE = "remove-tpm";
    public static final String RESET = "reset-tpm";
    public static final String REPAIR = "repair";

    public Plan {
        vmUuids = List.copyOf(vmUuids);
        steps = List.copyOf(steps);
        deletes = List.copyOf(deletes);
        updates = List.copyOf(updates);
        hostWork = List.copyOf(hostWork);
        kept = List.copyOf(kept);
        // a planner's fingerprints are immutable already, and held as bytes (RowDigests): kept, not copied as text
        fingerprint = fingerprint instanceof RowDigests ? fingerprint
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fingerprint));
    }

    /** Whether applying this plan changes nothing in the database. */
    public boolean nothingToDo() {
        return deletes.isEmpty() && updates.isEmpty();
    }

    /** Rows deleted per table, in first-seen order. */
    public Map<String, Long> deletesPerTable() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        deletes.forEach(d -> out.merge(d.table(), 1L, Long::sum));
        return out;
    }

    /** "will delete 12 rows in 4 tables, 2 host paths; keeps 3 rows", or "nothing to do": in English. */
    public String summary() {
        return summaryMessage().english();
    }

    /** {@link #summary()} to show a person, in their language. */
    public Message summaryMessage() {
        return nothingToDo() && hostWork.isEmpty() ? workMessage() : Message.of("plan.summary", workMessage());
    }

    /**
     * What the plan does, for a sentence of the caller's ("Handed to a run: …"): {@link #summaryMessage} without its
     * "will": "delete 12 rows in 4 tables, 2 host paths; keeps 3 rows", or "nothing to do".
     */
    public Message workMessage() {
        if (nothingToDo() && hostWork.isEmpty()) {
            return kept.isEmpty() ? Message.of("plan.summary.nothing") : Message.of("plan.summary.nothingKeeps", kept.size());
        }
        return Message.of(updates.isEmpty() ? "plan.summary.work" : "plan.summary.work.updates", deletes.size(),
                deletesPerTable().size(), updates.size(), hostWork.size(), kept.size());
    }

    /** A step: its items run in order; each item is one transaction (a row with its dependants). */
    @JsonPropertyOrder({"name", "items"})
    public record Step(StepName name, List<Item> items) {
        public Step {
            items = List.copyOf(items);
        }
    }

    /** The steps a plan may have, in the order they run, by the names the plan JSON and the journal use. */
    public enum StepName implements dev.tpmconsole.model.i18n.Messages.Localized, Labelled {
        HOST_WORK("host-work"),
        RELINK_KEY_REFS("relink-key-refs"),
        DELETE_KEY_REFS("delete-key-refs"),
        DELETE_BACKUPS("delete-backups"),
        DELETE_HOST_FILES("delete-host-files"),
        /** Remove TPM's last step: it runs only when every item before it succeeded (R3 of docs/cleanup.md). */
        DELETE_TPM("delete-tpm"),
        DELETE_TPMS("delete-tpms"),
        DELETE_CONTENTS("delete-contents"),
        DELETE_RESOURCE_ROWS("delete-resource-rows");

        private final String label;

        StepName(String label) {
            this.label = label;
        }

        /** The name in the plan JSON and the journal. */
        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String label() {
            return label;
        }

        /** The step for a person, in the language being read ({@code plan.step.<label>}). */
        @Override
        public Message message() {
            return Message.of("plan.step." + label);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static StepName of(String label) {
            return Labelled.byLabel(StepName.class, label, "step");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * An item of a step: the owning row, what happens to it, and why. The reason is English in the plan file
     * ({@link #reason()}, written when asked: a plan of 10,000 items held 10,000 English sentences besides their
     * messages, made in the background while the preview window shows, that young collections copied, stopping the FX
     * thread; decision 0048); {@link #why()} is the same reason to show a person in their language (a plan read back
     * from its file has only the English).
     */
    @JsonPropertyOrder({"table", "key", "action", "reason"})
    public record Item(String table, String key, Action action,
                       @com.fasterxml.jackson.annotation.JsonIgnore Message why) {

        /** As the plan file holds it: the reason in English only (null: none). */
        @com.fasterxml.jackson.annotation.JsonCreator
        public Item(@com.fasterxml.jackson.annotation.JsonProperty("table") String table,
                    @com.fasterxml.jackson.annotation.JsonProperty("key") String key,
                    @com.fasterxml.jackson.annotation.JsonProperty("action") Action action,
                    @com.fasterxml.jackson.annotation.JsonProperty("reason") String reason) {
            this(table, key, action, reason == null ? null : LocalizedException.verbatim(reason));
        }

        /** Why, in English, as the plan file holds it (null: no reason). */
        @com.fasterxml.jackson.annotation.JsonProperty("reason")
        public String reason() {
            return why == null ? null : why.english();
        }

        /** Equal when the plan file would hold the same: the reason's language does not count. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Item i && java.util.Objects.equals(table, i.table) && java.util.Objects.equals(key, i.key)
                    && action == i.action && java.util.Objects.equals(reason(), i.reason());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(table, key, action, reason());
        }
    }

    /** What happens to an item's row. */
    public enum Action implements dev.tpmconsole.model.i18n.Messages.Localized, Labelled {
        /** The row and its dependants are deleted, in one transaction, after the quarantine. */
        DELETE("delete"),
        /** Columns of the row change (a relink), after the quarantine. */
        UPDATE("update"),
        /** Host work: written out for the hosts; nothing in the database changes. */
        EXPORT("export");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** The name in the plan JSON. */
        @com.fasterxml.jackson.annotation.JsonValue
        @Override
        public String label() {
            return label;
        }

        /** The action for a person, in the language being read ({@code plan.action.<label>}). */
        @Override
        public Message message() {
            return Message.of("plan.action." + label);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Action of(String label) {
            return Labelled.byLabel(Action.class, label, "action");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A row: table and key (the uuid, or the decimal id of a key ref). */
    @JsonPropertyOrder({"table", "key"})
    public record RowRef(String table, String key) {
        public String id() {
            return table + "/" + key;
        }
    }

    /** A change of some columns of one row. */
    @JsonPropertyOrder({"table", "key", "set"})
    public record RowUpdate(String table, String key, Map<String, String> set) {
    }

    /** A path to clean on a host; the console cannot reach hosts, so this is exported, never "done". */
    @JsonPropertyOrder({"hostUuid", "managementIp", "path", "vmUuid", "order"})
    public record HostWork(String hostUuid, String managementIp, String path, String vmUuid, int order) {
    }

    /**
     * A row the operation deliberately leaves, and why: English in the plan file ({@link #reason()}, written when
     * asked, as an item's is), {@link #why()} to show.
     */
    @JsonPropertyOrder({"table", "key", "reason"})
    public record Kept(String table, String key, @com.fasterxml.jackson.annotation.JsonIgnore Message why) {

        /** As the plan file holds it: the reason in English only (null: none). */
        @com.fasterxml.jackson.annotation.JsonCreator
        public Kept(@com.fasterxml.jackson.annotation.JsonProperty("table") String table,
                    @com.fasterxml.jackson.annotation.JsonProperty("key") String key,
                    @com.fasterxml.jackson.annotation.JsonProperty("reason") String reason) {
            this(table, key, reason == null ? null : LocalizedException.verbatim(reason));
        }

        /** Why, in English, as the plan file holds it (null: no reason). */
        @com.fasterxml.jackson.annotation.JsonProperty("reason")
        public String reason() {
            return why == null ? null : why.english();
        }

        /** Equal when the plan file would hold the same: the reason's language does not count. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Kept k && java.util.Objects.equals(table, k.table) && java.util.Objects.equals(key, k.key)
                    && java.util.Objects.equals(reason(), k.reason());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(table, key, reason());
        }
    }
}
