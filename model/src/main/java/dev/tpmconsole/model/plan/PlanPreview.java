package dev.tpmconsole.model.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan with what a person must see in it: the rows holding key material that it deletes, the last copies
 * of TPM state it deletes (shown with emphasis), and the rows of each item (an item is one transaction).
 *
 * @param keyMaterial  {@code table/key} of deleted key refs with kekRef or wrappedDek set
 * @param lastCopies   {@code table/key} of the most recent TPM-state copy of each VM that the plan deletes
 * @param rowsOfItem   per item ({@code table/key} of its owning row), its rows in deletion order
 */
public record PlanPreview(Plan plan, Set<String> keyMaterial, Set<String> lastCopies,
                          Map<String, List<Plan.RowRef>> rowsOfItem) {

    public PlanPreview {
        keyMaterial = Set.copyOf(keyMaterial);
        lastCopies = Set.copyOf(lastCopies);
        rowsOfItem = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsOfItem));
    }

    public boolean emphasised(Plan.RowRef row) {
        return keyMaterial.contains(row.id()) || lastCopies.contains(row.id());
    }
}
