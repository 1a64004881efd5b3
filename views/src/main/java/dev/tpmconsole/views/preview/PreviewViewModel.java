package dev.tpmconsole.views.preview;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import io.reactivex.rxjava3.core.Completable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The preview of a reset or remove: builds the plan in the background and shows it as a tree by step, then
 * table, then row (each with its reason, key material and the last TPM-state copy emphasised), counts per
 * table, the kept rows and why, and the host work as a copyable list; exports the plan as JSON. The preview
 * ends with the plan: running it belongs to the pipeline.
 */
public final class PreviewViewModel implements AutoCloseable {

    /** The two operations a preview is made for. */
    public enum Operation { REMOVE, RESET }

    private final Source source;
    private final FxSchedulers schedulers;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<PlanPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    /** The making of the plan; its message is unused (the status line says what the plan deletes). */
    private final BackgroundTask task;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Preview");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<PreviewNode> steps = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<PreviewNode> stepsReadOnly = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<TableCount> counts = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<TableCount> countsReadOnly = FXCollections.unmodifiableObservableList(counts);
    private final ObservableList<Plan.Kept> kept = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<Plan.Kept> keptReadOnly = FXCollections.unmodifiableObservableList(kept);
    private final ObservableList<Plan.HostWork> hostWork = FXCollections.observableArrayList();
    /** A read-only view held once: listeners on a view made per call would be lost to the collector. */
    private final ObservableList<Plan.HostWork> hostWorkReadOnly = FXCollections.unmodifiableObservableList(hostWork);
    private final StringBinding summary;
    private final BooleanBinding canExport;
    private final BooleanBinding canRun;
    /** Whether the plan's host work may be done over SSH (it has some, and the source is not the demo). */
    private boolean hostsReachable;

    public PreviewViewModel(Source source, FxSchedulers schedulers, Clock clock) {
        this.source = source;
        this.schedulers = schedulers;
        this.clock = clock;
        this.task = new BackgroundTask(schedulers, "");
        ReadOnlyBooleanProperty loading = task.runningProperty();
        summary = Bindings.createStringBinding(() -> preview.get() == null ? ""
                : "Will " + (preview.get().plan().nothingToDo() ? "change nothing: " : "")
                        + preview.get().plan().summary().replaceFirst("^will ", ""), preview);
        canExport = Bindings.createBooleanBinding(() -> preview.get() != null && !loading.get(), preview, loading);
        canRun = Bindings.createBooleanBinding(() -> preview.get() != null && !loading.get()
                && !preview.get().plan().nothingToDo(), preview, loading);
    }

    /** Makes the plan of {@code operation} for these VMs, in the background. */
    public void load(Operation operation, List<String> vmUuids) {
        task.cancel();
        title.set((operation == Operation.REMOVE ? "Preview: remove the TPM of " : "Preview: reset the TPM of ")
                + (vmUuids.size() == 1 ? "VM " + vmUuids.get(0) : vmUuids.size() + " VMs"));
        task.start("", BackgroundTask.call(() -> {
                    Planner planner = new Planner(source, clock);
                    PlanPreview p = operation == Operation.REMOVE ? planner.remove(vmUuids) : planner.reset(vmUuids);
                    // the demo's hosts do not exist: its host work can only be exported
                    boolean reachable = !p.plan().hostWork().isEmpty()
                            && !dev.tpmconsole.model.demo.DemoSnapshots.isDemo(source);
                    return java.util.Map.entry(p, reachable);
                }), loaded -> {
                    hostsReachable = loaded.getValue();
                    show(loaded.getKey());
                }, () -> { }, task::fail);
    }

    /** Shows a plan made elsewhere (a repair), as if loaded; its host work is exported. */
    public void show(String heading, PlanPreview p) {
        title.set(heading);
        hostsReachable = false;
        show(p);
    }

    private void show(PlanPreview p) {
        Plan plan = p.plan();
        steps.setAll(tree(p));
        Map<String, Long> perTable = plan.deletesPerTable();
        counts.setAll(perTable.entrySet().stream().map(e -> new TableCount(e.getKey(), e.getValue())).toList());
        kept.setAll(plan.kept());
        hostWork.setAll(plan.hostWork());
        task.ended();
        preview.set(p);
        List<String> emphasis = new ArrayList<>();
        if (!p.keyMaterial().isEmpty()) {
            emphasis.add(p.keyMaterial().size() + (p.keyMaterial().size() == 1 ? " key ref" : " key refs")
                    + " holding key material");
        }
        if (!p.lastCopies().isEmpty()) {
            emphasis.add(p.lastCopies().size() + " last TPM-state " + (p.lastCopies().size() == 1 ? "copy" : "copies"));
        }
        status.set(emphasis.isEmpty() ? "" : "Deletes " + String.join(" and ", emphasis));
    }

    /** Step, then table, then row; each row with its reason (dependants say whose they are). */
    static List<PreviewNode> tree(PlanPreview p) {
        Plan plan = p.plan();
        List<PreviewNode> out = new ArrayList<>();
        for (Plan.Step step : plan.steps()) {
            Map<String, List<PreviewNode>> byTable = new LinkedHashMap<>();
            for (Plan.Item item : step.items()) {
                String itemId = item.table() + "/" + item.key();
                List<Plan.RowRef> rows = item.action() == Plan.Action.DELETE
                        ? p.rowsOfItem().getOrDefault(itemId, List.of(new Plan.RowRef(item.table(), item.key())))
                        : List.of(new Plan.RowRef(item.table(), item.key()));
                for (Plan.RowRef row : rows) {
                    boolean owner = row.id().equals(itemId);
                    String reason = owner ? item.reason() : dependantReason(row, item, p);
                    boolean emphasised = item.action() == Plan.Action.DELETE && p.emphasised(row);
                    byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(new PreviewNode(
                            PreviewNode.Kind.ROW, row.key(), item.action().label(), reason, emphasised, List.of()));
                }
            }
            List<PreviewNode> tables = byTable.entrySet().stream()
                    .map(e -> new PreviewNode(PreviewNode.Kind.TABLE, e.getKey() + " (" + e.getValue().size() + ")",
                            "", "", e.getValue().stream().anyMatch(PreviewNode::emphasised), e.getValue()))
                    .collect(Collectors.toList());
            long rows = tables.stream().mapToLong(PreviewNode::rowCount).sum();
            out.add(new PreviewNode(PreviewNode.Kind.STEP, step.name() + " (" + plural(step.items().size(), "item")
                    + ", " + plural(rows, "row") + ")", "", stepReason(step.name()), tables.stream().anyMatch(PreviewNode::emphasised),
                    tables));
        }
        return out;
    }

    /** The confirmation's button, named for what it does: "Delete 42 rows", "Delete 3 rows, change 2 rows". */
    public static String actionLabel(Plan plan) {
        int d = plan.deletes().size();
        int u = plan.updates().size();
        if (d == 0) {
            return "Change " + plural(u, "row");
        }
        return "Delete " + plural(d, "row") + (u == 0 ? "" : ", change " + plural(u, "row"));
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String dependantReason(Plan.RowRef row, Plan.Item item, PlanPreview p) {
        String of = " of " + item.table() + " " + item.key();
        return switch (row.table()) {
            case "EncryptedResourceKeyRefVO" -> (p.keyMaterial().contains(row.id()) ? "key ref holding key material"
                    : "placeholder key ref") + of + ", deleted in the same transaction";
            case "SystemTagVO" -> "system tag" + of;
            case "VmHostFileContentVO" -> "content" + of
                    + (p.lastCopies().contains(item.table() + "/" + item.key()) ? ": the last TPM-state copy" : "");
            case "ResourceVO" -> "ResourceVO row" + of;
            default -> "row" + of;
        };
    }

    private static String stepReason(Plan.StepName step) {
        return switch (step) {
            case HOST_WORK -> "host paths to clean; exported, never done from the database";
            case DELETE_BACKUPS -> "each TpmState backup with its key copies, tags, content and ResourceVO row";
            case DELETE_HOST_FILES -> "the TpmState host-file rows, the most recent last";
            case DELETE_TPM -> "the TPM with its key refs (detaching the key provider)";
            default -> "";
        };
    }

    /** The host work as tab-separated lines (order, host, address, path, VM), for the clipboard. */
    public String hostWorkText() {
        return hostWork.stream().map(w -> String.join("\t", Integer.toString(w.order()), w.hostUuid(),
                        w.managementIp() == null ? "" : w.managementIp(), w.path(), w.vmUuid()))
                .collect(Collectors.joining("\n"));
    }

    /** Writes the plan JSON (atomically). */
    public Completable export(Path file) {
        PlanPreview p = preview.get();
        if (p == null) {
            return Completable.error(new IllegalStateException("No plan yet"));
        }
        return Completable.fromAction(() -> PlanJson.write(p.plan(), file))
                .subscribeOn(schedulers.background()).observeOn(schedulers.fx());
    }

    /** Exports and reports the outcome in the status line or the error. */
    public void exportTo(Path file) {
        export(file).subscribe(() -> status.set("Plan written to " + file),
                t -> task.fail("Cannot write " + file + ": " + t.getMessage()));
    }

    public ReadOnlyObjectProperty<PlanPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return task.runningProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return task.errorProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StringBinding summaryBinding() {
        return summary;
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }

    /** Whether there is a plan that changes something (an empty plan has nothing to run). */
    public BooleanBinding canRunBinding() {
        return canRun;
    }

    /**
     * The confirmation a destructive run needs: what it deletes and where, the hosts its host work touches, the
     * button named for it, and the choice of doing the host work over SSH ({@code hostChoice}, null when it can only
     * be exported).
     */
    public record Confirmation(String title, String message, String action, String hostChoice) {
    }

    public Confirmation confirmation() {
        Plan plan = preview.get().plan();
        boolean live = source.kind() == dev.tpmconsole.model.schema.DatabaseKind.MARIADB;
        String changes = "This deletes " + plan.deletes().size() + " rows in " + plan.deletesPerTable().size()
                + " tables" + (plan.updates().isEmpty() ? "" : " and changes " + plan.updates().size() + " rows")
                + " in " + source.displayName() + " (" + plan.operation()
                + (plan.vmUuids().isEmpty() ? "" : " of " + plan.vmUuids().size() + " VM(s)") + ").";
        String safety = live
                ? " This is a live database: writes are refused while ZStack uses it. Confirm only if every ZStack"
                        + " management node is stopped. The rows it touches are written to the run folder first,"
                        + " so the run can be undone."
                : " A backup and the deleted rows are written to the run folder first, so the run can be undone.";
        List<String> hosts = plan.hostWork().stream().map(w -> w.managementIp() == null ? "host " + w.hostUuid()
                + " (address unknown)" : w.managementIp()).distinct().toList();
        String hostWork = plan.hostWork().isEmpty() ? "" : " Host work: " + plan.hostWork().size() + " TPM state"
                + " folder(s) on " + hosts.size() + " host(s): " + String.join(", ", hosts.size() <= 8 ? hosts
                : hosts.subList(0, 8)) + (hosts.size() > 8 ? " and " + (hosts.size() - 8) + " more" : "") + "."
                + (hostsReachable ? "" : " It is exported as scripts for you to run on the hosts.");
        String target = live ? source.displayName() : java.nio.file.Path.of(source.displayName()).getFileName().toString();
        return new Confirmation("Apply the plan to " + target + "?", changes + safety + hostWork, actionLabel(plan)
                + (live ? " (management nodes are stopped)" : ""), hostsReachable
                ? "Do the host work on these hosts now, over SSH: move each TPM state folder into the run's trash"
                        + " on its host (undo puts it back). Otherwise it is exported as scripts."
                : null);
    }

    public ObservableList<PreviewNode> steps() {
        return stepsReadOnly;
    }

    public ObservableList<TableCount> counts() {
        return countsReadOnly;
    }

    public ObservableList<Plan.Kept> kept() {
        return keptReadOnly;
    }

    public ObservableList<Plan.HostWork> hostWork() {
        return hostWorkReadOnly;
    }

    @Override
    public void close() {
        task.close();
    }

    /** Rows deleted from one table. */
    public record TableCount(String table, long rows) {
    }
}
