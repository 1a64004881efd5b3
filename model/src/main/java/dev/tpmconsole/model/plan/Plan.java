package dev.tpmconsole.model.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A plan (design/cleanup.md): what an operation will delete and change, step by step, every row named,
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
        fingerprint = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fingerprint));
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

    /** "will delete 12 rows in 4 tables, 2 host paths; keeps 3 rows", or "nothing to do". */
    public String summary() {
        if (nothingToDo() && hostWork.isEmpty()) {
            return "nothing to do" + (kept.isEmpty() ? "" : "; keeps " + rows(kept.size()));
        }
        StringBuilder sb = new StringBuilder("will delete ").append(rows(deletes.size())).append(" in ")
                .append(deletesPerTable().size()).append(deletesPerTable().size() == 1 ? " table" : " tables");
        if (!updates.isEmpty()) {
            sb.append(", update ").append(rows(updates.size()));
        }
        sb.append(", ").append(hostWork.size()).append(hostWork.size() == 1 ? " host path" : " host paths");
        sb.append("; keeps ").append(rows(kept.size()));
        return sb.toString();
    }

    private static String rows(int n) {
        return n + (n == 1 ? " row" : " rows");
    }

    /** A step: its items run in order; each item is one transaction (a row with its dependants). */
    @JsonPropertyOrder({"name", "items"})
    public record Step(String name, List<Item> items) {
        public Step {
            items = List.copyOf(items);
        }
    }

    /** An item of a step: the owning row, what happens to it, and why. */
    @JsonPropertyOrder({"table", "key", "action", "reason"})
    public record Item(String table, String key, String action, String reason) {
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

    /** A row the operation deliberately leaves, and why. */
    @JsonPropertyOrder({"table", "key", "reason"})
    public record Kept(String table, String key, String reason) {
    }
}
