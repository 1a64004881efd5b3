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
 * @param keptWithoutKey {@code table/key} of each TPM a reset keeps whose every wrapped key lost its provider: after
 *                     the reset it has no key it can unwrap
 * @param rowsOfItem   per item ({@code table/key} of its owning row), its rows in deletion order
 * @param vmLabels     per VM of the plan (uuid), how a person knows it: its name and uuid, or its uuid alone when
 *                     it has no row (not part of the plan's JSON, which names VMs by uuid)
 * @param hostNames    per host of the plan's host work (uuid), its HostEO name; a host with no row is not in it
 *                     (not part of the plan's JSON either)
 */
public record PlanPreview(Plan plan, Set<String> keyMaterial, Set<String> lastCopies, Set<String> keptWithoutKey,
                          Map<String, List<Plan.RowRef>> rowsOfItem,
                          Map<String, dev.tpmconsole.model.i18n.Message> vmLabels, Map<String, String> hostNames) {

    public PlanPreview {
        keyMaterial = Set.copyOf(keyMaterial);
        lastCopies = Set.copyOf(lastCopies);
        keptWithoutKey = Set.copyOf(keptWithoutKey);
        rowsOfItem = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsOfItem));
        vmLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vmLabels));
        hostNames = Map.copyOf(hostNames);
    }

    /** A plan whose VMs are named by their uuids alone (a repair's: it is about key refs, not VMs). */
    public PlanPreview(Plan plan, Set<String> keyMaterial, Set<String> lastCopies,
                       Map<String, List<Plan.RowRef>> rowsOfItem) {
        this(plan, keyMaterial, lastCopies, Set.of(), rowsOfItem, Map.of(), Map.of());
    }

    public boolean emphasised(Plan.RowRef row) {
        return keyMaterial.contains(row.id()) || lastCopies.contains(row.id());
    }
}
