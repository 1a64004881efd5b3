package dev.tpmconsole.views.preview;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.MessageProperty;
import dev.tpmconsole.views.run.RunViewModel;
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
    /** The making of the plan; its message is unused (the status line says what matters most in the plan). */
    private final BackgroundTask task;
    private final ReadOnlyObjectWrapper<Message> title = new ReadOnlyObjectWrapper<>(this, "titleMessage",
            Message.of("ui.preview.title"));
    /** The title following the language: the window's title is bound to it. */
    private final ReadOnlyStringWrapper titleText = new ReadOnlyStringWrapper(this, "title");
    private final MessageProperty status = new MessageProperty(this, "status", null);
    /** Rebuilds the tree, whose labels are written in the language (held here: the language holds it weakly). */
    private final javafx.beans.InvalidationListener relabel = o -> relabel();
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
    /** Whether this plan was handed to a run: its rows are gone or changed, so it is not run twice from here. */
    private final javafx.beans.property.BooleanProperty ran =
            new javafx.beans.property.SimpleBooleanProperty(this, "ran");
    /** Whether the plan's host work may be done over SSH (it has some, and the source is not the demo). */
    private boolean hostsReachable;
    /** Where the person finds the undo command once the run has ended, as the confirmation tells it. */
    private Message undoWhere = Message.of("ui.preview.confirm.undoRunWindow");

    public PreviewViewModel(Source source, FxSchedulers schedulers, Clock clock) {
        this.source = source;
        this.schedulers = schedulers;
        this.clock = clock;
        this.task = new BackgroundTask(schedulers, null);
        titleText.bind(I18n.text(title));
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        ReadOnlyBooleanProperty loading = task.runningProperty();
        // once the plan is handed to a run, what it was to do is no longer ahead: the summary says it was handed on
        summary = Bindings.createStringBinding(() -> {
            if (preview.get() == null) {
                return "";
            }
            String what = I18n.t(preview.get().plan().workMessage());
            return preview.get().plan().nothingToDo() ? I18n.t("ui.preview.summaryNothing", what)
                    : ran.get() ? I18n.t("ui.preview.summaryRan", what) : I18n.t("ui.preview.summary", what);
        }, preview, ran, I18n.languageProperty());
        canExport = Bindings.createBooleanBinding(() -> preview.get() != null && !loading.get(), preview, loading);
        canRun = Bindings.createBooleanBinding(() -> preview.get() != null && !loading.get()
                && !preview.get().plan().nothingToDo() && !ran.get(), preview, loading, ran);
    }

    /** Makes the plan of {@code operation} for these VMs, in the background. */
    public void load(Operation operation, List<String> vmUuids) {
        task.cancel();
        title.set(operation == Operation.REMOVE
                ? (vmUuids.size() == 1 ? Message.of("ui.preview.title.removeOne", vmUuids.get(0))
                        : Message.of("ui.preview.title.remove", vmUuids.size()))
                : (vmUuids.size() == 1 ? Message.of("ui.preview.title.resetOne", vmUuids.get(0))
                        : Message.of("ui.preview.title.reset", vmUuids.size())));
        task.start(null, BackgroundTask.call(() -> {
                    Planner planner = new Planner(source, clock);
                    PlanPreview p = operation == Operation.REMOVE ? planner.remove(vmUuids) : planner.reset(vmUuids);
                    // the demo's hosts do not exist: its host work can only be exported
                    boolean reachable = !p.plan().hostWork().isEmpty()
                            && !dev.tpmconsole.model.demo.DemoSnapshots.isDemo(source);
                    // the tree too: for thousands of items it took the FX thread a tenth of a second and more
                    dev.tpmconsole.model.i18n.Language language = I18n.languageProperty().get();
                    return new Loaded(p, reachable, tree(p), language);
                }), loaded -> {
                    hostsReachable = loaded.reachable();
                    // one VM: named as a person knows it, by its name, once the plan has read it
                    dev.tpmconsole.model.i18n.Message label = vmUuids.size() == 1
                            ? loaded.preview().vmLabels().get(vmUuids.get(0)) : null;
                    if (label != null) {
                        title.set(Message.of(operation == Operation.REMOVE ? "ui.preview.title.removeOne"
                                : "ui.preview.title.resetOne", label));
                    }
                    // made in another language if it changed meanwhile: made again in this one
                    show(loaded.preview(), loaded.language() == I18n.languageProperty().get() ? loaded.tree() : tree(loaded.preview()));
                }, () -> { }, task::fail);
    }

    /** A plan made in the background, with its tree in the language it was made in. */
    private record Loaded(PlanPreview preview, boolean reachable, List<PreviewNode> tree,
                          dev.tpmconsole.model.i18n.Language language) {
    }

    /** Shows a plan made elsewhere (a repair), as if loaded; its host work is exported. */
    public void show(Message heading, PlanPreview p) {
        title.set(heading);
        hostsReachable = false;
        show(p, tree(p));
    }

    private void show(PlanPreview p, List<PreviewNode> tree) {
        Plan plan = p.plan();
        steps.setAll(tree);
        Map<String, Long> perTable = plan.deletesPerTable();
        counts.setAll(perTable.entrySet().stream().map(e -> new TableCount(e.getKey(), e.getValue())).toList());
        kept.setAll(plan.kept());
        hostWork.setAll(plan.hostWork());
        task.ended();
        preview.set(p);
        status.set(emphasis(p));
    }

    /**
     * What matters most in the plan, as the window shows it in red and the confirmation repeats it: the key material
     * and last TPM-state copies it deletes, and the TPMs a reset keeps with no key they can unwrap.
     */
    static Message emphasis(PlanPreview p) {
        Message deletes = emphasis(p.keyMaterial().size(), p.lastCopies().size());
        long noKey = p.keptWithoutKey().size();
        if (noKey == 0) {
            return deletes;
        }
        Message keeps = Message.of("ui.preview.emphasis.noKey", noKey);
        return deletes == null ? keeps : Message.of("ui.preview.emphasis.join", deletes, keeps);
    }

    /** The tree again, in the language now shown. */
    private void relabel() {
        PlanPreview p = preview.get();
        if (p != null) {
            steps.setAll(tree(p));
        }
    }

    /** Step, then table, then row; each row with its reason (dependants say whose they are). */
    static List<PreviewNode> tree(PlanPreview p) {
        Plan plan = p.plan();
        List<PreviewNode> out = new ArrayList<>();
        // one message for each action, not one for each row
        Map<Plan.Action, Message> actions = new java.util.EnumMap<>(Plan.Action.class);
        for (Plan.Action a : Plan.Action.values()) {
            actions.put(a, a.message());
        }
        for (Plan.Step step : plan.steps()) {
            Map<String, List<PreviewNode>> byTable = new LinkedHashMap<>();
            for (Plan.Item item : step.items()) {
                String itemId = item.table() + "/" + item.key();
                List<Plan.RowRef> rows = item.action() == Plan.Action.DELETE
                        ? p.rowsOfItem().getOrDefault(itemId, List.of(new Plan.RowRef(item.table(), item.key())))
                        : List.of(new Plan.RowRef(item.table(), item.key()));
                for (Plan.RowRef row : rows) {
                    boolean owner = row.table().equals(item.table()) && row.key().equals(item.key());
                    Message reason = owner ? item.why() : dependantReason(row, item, itemId, p);
                    boolean emphasised = item.action() == Plan.Action.DELETE && p.emphasised(row);
                    byTable.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(new PreviewNode(PreviewNode.Kind.ROW,
                            row.key(), actions.get(item.action()), reason, emphasised, List.of()));
                }
            }
            List<PreviewNode> tables = byTable.entrySet().stream()
                    .map(e -> new PreviewNode(PreviewNode.Kind.TABLE, I18n.t("ui.preview.table", e.getKey(),
                            e.getValue().size()),
                            "", "", e.getValue().stream().anyMatch(PreviewNode::emphasised), e.getValue()))
                    .collect(Collectors.toList());
            long rows = tables.stream().mapToLong(PreviewNode::rowCount).sum();
            // what a step's count is of: host paths (host work, exported), rows changed (a relink) or rows deleted:
            // the summary counts each apart, and "1 row" of host work did not add up to it. By the step, not by its
            // items: an empty step has none to tell
            String counted = switch (step.name()) {
                case HOST_WORK -> "ui.preview.stepHostPaths";
                case RELINK_KEY_REFS -> "ui.preview.stepChanges";
                default -> "ui.preview.step";
            };
            out.add(new PreviewNode(PreviewNode.Kind.STEP, I18n.t(counted, I18n.t(step.name().message()),
                    step.items().size(), rows), "", stepReason(step.name()), tables.stream().anyMatch(PreviewNode::emphasised),
                    tables));
        }
        return out;
    }

    /** The confirmation's button, named for what it does: "Delete 42 rows", "Delete 3 rows, change 2 rows". */
    public static String actionLabel(Plan plan) {
        int d = plan.deletes().size();
        int u = plan.updates().size();
        if (d == 0) {
            return I18n.t("ui.preview.action.change", u);
        }
        return u == 0 ? I18n.t("ui.preview.action.delete", d) : I18n.t("ui.preview.action.deleteChange", d, u);
    }

    /** Why a dependant row of an item goes with it; {@code itemId} is the item's {@code table/key}. */
    private static Message dependantReason(Plan.RowRef row, Plan.Item item, String itemId, PlanPreview p) {
        String t = item.table();
        String k = item.key();
        return switch (row.table()) {
            case "EncryptedResourceKeyRefVO" -> p.keyMaterial().contains(row.id())
                    ? Message.of("ui.preview.reason.keyMaterial", t, k)
                    : Message.of("ui.preview.reason.placeholder", t, k);
            case "SystemTagVO" -> Message.of("ui.preview.reason.tag", t, k);
            case "VmHostFileContentVO" -> p.lastCopies().contains(itemId)
                    ? Message.of("ui.preview.reason.lastCopy", t, k) : Message.of("ui.preview.reason.content", t, k);
            case "ResourceVO" -> Message.of("ui.preview.reason.resource", t, k);
            default -> Message.of("ui.preview.reason.row", t, k);
        };
    }

    private static String stepReason(Plan.StepName step) {
        return switch (step) {
            case HOST_WORK -> I18n.t("ui.preview.stepReason.hostWork");
            case DELETE_BACKUPS -> I18n.t("ui.preview.stepReason.backups");
            case DELETE_HOST_FILES -> I18n.t("ui.preview.stepReason.hostFiles");
            case DELETE_TPM -> I18n.t("ui.preview.stepReason.tpm");
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
            return Completable.error(new IllegalStateException(I18n.t("ui.preview.noPlan")));
        }
        return Completable.fromAction(() -> PlanJson.write(p.plan(), file))
                .subscribeOn(schedulers.background()).observeOn(schedulers.fx());
    }

    /** Exports and reports the outcome in the status line or the error. */
    public void exportTo(Path file) {
        export(file).subscribe(() -> status.set(Message.of("ui.preview.written", file.toString())),
                t -> task.fail(Message.of("ui.preview.cannotWrite", file.toString(), t.getLocalizedMessage())));
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

    /** The error as a message (null: none), for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> errorMessageProperty() {
        return task.errorMessageProperty();
    }

    /** The title, following the language (the window's title is bound to it). */
    public ReadOnlyStringProperty titleProperty() {
        return titleText.getReadOnlyProperty();
    }

    /**
     * The emphasis line (what matters most in the plan: the key material and last copies it deletes, the TPMs a reset
     * keeps with no usable key; or, once run, that it was handed to a run), in the language it was written in.
     */
    public ReadOnlyStringProperty statusProperty() {
        return status.textProperty();
    }

    /** {@link #statusProperty()} as a message (null: none). */
    public ReadOnlyObjectProperty<Message> statusMessageProperty() {
        return status.messageProperty();
    }

    public StringBinding summaryBinding() {
        return summary;
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }

    /**
     * The plan was confirmed and handed to a run: Run… is off from now on (the plan describes rows the run deletes),
     * and the status says so and how to see what is left.
     */
    public void ran() {
        ran.set(true);
        status.set(Message.of("ui.preview.ran"));
    }

    /**
     * The plan runs in a wizard whose last page gives the undo command (the repair), not in the run window: the
     * confirmation says so.
     */
    public void undoCommandOnResultPage() {
        undoWhere = Message.of("ui.preview.confirm.undoResultPage");
    }

    /** Whether there is a plan that changes something (an empty plan has nothing to run), not run yet. */
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

    /** What a plan deletes that matters most (key material, last TPM-state copies), or null. */
    static Message emphasis(long keys, long copies) {
        return keys > 0 && copies > 0 ? Message.of("ui.preview.emphasis.both", keys, copies)
                : keys > 0 ? Message.of("ui.preview.emphasis.keys", keys)
                : copies > 0 ? Message.of("ui.preview.emphasis.copies", copies) : null;
    }

    public Confirmation confirmation() {
        Plan plan = preview.get().plan();
        boolean live = source.kind() == dev.tpmconsole.model.schema.DatabaseKind.MARIADB;
        Message operation = plan.vmUuids().isEmpty() ? RunViewModel.operationName(plan.operation())
                : Message.of("ui.preview.confirm.operationOf", RunViewModel.operationName(plan.operation()),
                        plan.vmUuids().size());
        String changes = plan.updates().isEmpty()
                ? I18n.t("ui.preview.confirm.deletes", plan.deletes().size(), plan.deletesPerTable().size(),
                        source.displayName(), operation)
                : I18n.t("ui.preview.confirm.deletesChanges", plan.deletes().size(), plan.deletesPerTable().size(),
                        plan.updates().size(), source.displayName(), operation);
        // what the window shows in red is said where the person confirms, too
        Message emphasis = emphasis(preview.get());
        if (emphasis != null) {
            changes = I18n.t("ui.preview.confirm.join", changes, I18n.t("ui.preview.confirm.emphasis", emphasis));
        }
        String text = I18n.t("ui.preview.confirm.join", changes,
                I18n.t(live ? "ui.preview.confirm.live" : "ui.preview.confirm.snapshot", undoWhere));
        if (!plan.hostWork().isEmpty()) {
            // each host as a person knows it, its name and the address the host work goes to
            Map<String, String> names = preview.get().hostNames();
            List<String> hosts = plan.hostWork().stream().map(w -> w.managementIp() == null
                    ? I18n.t("ui.preview.confirm.hostUnknown", w.hostUuid())
                    : names.containsKey(w.hostUuid())
                    ? I18n.t("ui.preview.confirm.hostNamed", names.get(w.hostUuid()), w.managementIp())
                    : w.managementIp()).distinct().toList();
            String named = String.join(", ", hosts.size() <= 8 ? hosts : hosts.subList(0, 8));
            if (hosts.size() > 8) {
                named = I18n.t("ui.preview.confirm.more", named, hosts.size() - 8);
            }
            text = I18n.t("ui.preview.confirm.join", text, I18n.t("ui.preview.confirm.hostWork",
                    plan.hostWork().size(), hosts.size(), named));
            if (!hostsReachable) {
                text = I18n.t("ui.preview.confirm.join", text, I18n.t("ui.preview.confirm.exported"));
            }
        }
        String target = live ? source.displayName() : java.nio.file.Path.of(source.displayName()).getFileName().toString();
        return new Confirmation(I18n.t("ui.preview.confirm.title", target), text, live
                ? I18n.t("ui.preview.confirm.actionLive", actionLabel(plan)) : actionLabel(plan), hostsReachable
                ? I18n.t("ui.preview.confirm.overSsh") : null);
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
