package dev.tpmconsole.views.run;

import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.JobViewModel;
import dev.tpmconsole.views.util.MessageProperty;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run screen: applies a plan through the pipeline and shows it — overall progress, one row per item with
 * its state, an error panel of failed items with cause and details, Retry failed (a resume of the journal),
 * Cancel (stops between items), and at the end a summary and a re-audit of the VMs touched. Events reach the
 * FX thread in batches of about 100 ms, so the FX thread stays free however many items run.
 */
public final class RunViewModel extends JobViewModel {

    private final RunService service;
    private final FxSchedulers schedulers;
    private final Scheduler batchTimer;
    private final Plan plan;

    // Rows change state in place (each row's state property); the failures are kept in their own list, so that
    // ten thousand state changes do not each ripple through a filtered view of every item.
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> itemsReadOnly = FXCollections.unmodifiableObservableList(items);
    private final ObservableList<ItemRow> failureRows = FXCollections.observableArrayList();
    private final ObservableList<ItemRow> failures = FXCollections.unmodifiableObservableList(failureRows);
    /**
     * The rows by step and item, and the host work's hosts and paths by item: made off the FX thread while the window
     * opens (made on it, the item strings and maps of 10,000 items took about 6 of the view-model's 16 ms, in the
     * window's first turn: {@code bench/run-view-model.sh}), and read when the run's first events come, long after.
     */
    private final java.util.concurrent.CompletableFuture<Index> index;
    /** The hosts of a run whose host work is done over SSH (empty otherwise), and which host each item is on. */
    private final ObservableList<HostRow> hostRows = FXCollections.observableArrayList();
    private final ObservableList<HostRow> hostRowsReadOnly = FXCollections.unmodifiableObservableList(hostRows);
    private final javafx.beans.property.BooleanProperty hostWorkOverSsh =
            new javafx.beans.property.SimpleBooleanProperty(this, "hostWorkOverSsh", false);
    private final MessageProperty summary = new MessageProperty(this, "summary", null);
    private final MessageProperty residueText = new MessageProperty(this, "residue", null);
    private final ReadOnlyObjectWrapper<RunEvent.Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyObjectWrapper<RunEvent.Outcome> settled = new ReadOnlyObjectWrapper<>(this, "settled");
    private final ReadOnlyObjectWrapper<Path> journal = new ReadOnlyObjectWrapper<>(this, "journal");
    private final ReadOnlyObjectWrapper<List<Finding>> residue = new ReadOnlyObjectWrapper<>(this, "residueFindings");
    private final BooleanBinding canRetry;
    private final BooleanBinding canCancel;
    private int ended;
    /** The run's last event, shown when its stream completes (after the run let go of the database). */
    private RunEvent.RunEnded ending;

    /**
     * @param batchTimer the scheduler that times event batches (null: no batching, each event at once — tests)
     */
    public RunViewModel(RunService service, FxSchedulers schedulers, Scheduler batchTimer, Plan plan) {
        super(schedulers, Message.of("ui.run.status.notStarted"));
        this.service = service;
        this.schedulers = schedulers;
        this.batchTimer = batchTimer;
        this.plan = plan;
        // added in one change: one at a time, each of ten thousand adds was a change told to the list's listeners, on
        // the FX thread while the run window opens
        List<ItemRow> rows = new java.util.ArrayList<>();
        for (Plan.Step step : plan.steps()) {
            for (Plan.Item item : step.items()) {
                rows.add(new ItemRow(step.name(), item.table(), item.key()));
            }
        }
        items.setAll(rows);
        Map<String, HostRow> hosts = new java.util.LinkedHashMap<>();
        Map<String, Long> perHost = new HashMap<>();
        plan.hostWork().forEach(w -> perHost.merge(w.hostUuid(), 1L, Long::sum));
        // a host's row for each path of the host work that is an item of its step (the two are in the same order)
        List<ItemRow> hostItems = rows.stream().filter(r -> r.step() == Plan.StepName.HOST_WORK).toList();
        List<HostRow> hostOfWork = new java.util.ArrayList<>();
        for (int i = 0; i < hostItems.size() && i < plan.hostWork().size(); i++) {
            Plan.HostWork w = plan.hostWork().get(i);
            hostOfWork.add(hosts.computeIfAbsent(w.hostUuid(), h -> new HostRow(h, w.managementIp(),
                    perHost.get(h).intValue())));
        }
        index = java.util.concurrent.CompletableFuture.supplyAsync(() -> Index.of(plan, rows, hostItems, hostOfWork),
                r -> schedulers.background().scheduleDirect(r));
        hostRows.setAll(hosts.values());
        canRetry = Bindings.createBooleanBinding(() -> !task.isRunning() && journal.get() != null
                && outcome.get() != RunEvent.Outcome.DONE, task.runningProperty(), journal, outcome);
        canCancel = Bindings.createBooleanBinding(task::isRunning, task.runningProperty());
    }

    /** Starts the run (after the person confirmed it). */
    public void start() {
        launch(Message.of("ui.run.status.checking"), () -> service.start(plan, hostWorkOverSsh.get()));
    }

    /**
     * Whether the run's host work is done on the hosts over SSH (set before {@link #start}); a resumed run keeps
     * the choice it began with.
     */
    public javafx.beans.property.BooleanProperty hostWorkOverSshProperty() {
        return hostWorkOverSsh;
    }

    /** The hosts of the run's host work, with their progress when it is done over SSH. */
    public ObservableList<HostRow> hosts() {
        return hostRowsReadOnly;
    }

    /** Runs the failed (and unstarted, and skipped) items again: a resume of the journal. */
    public void retryFailed() {
        Path j = journal.get();
        if (j == null || task.isRunning()) {
            return;
        }
        items.forEach(r -> {
            if (r.state() != ItemRow.State.DONE) {
                r.set(ItemRow.State.PENDING, null, null);
            }
        });
        failureRows.clear();
        hostRows.forEach(HostRow::retrying);
        launch(Message.of("ui.run.status.resuming"), () -> service.resume(j));
    }

    /** The run started (its journal first), then its events in batches; on the FX thread. */
    @SuppressWarnings("unchecked")
    private void launch(Message message, Callable<RunService.Started> starter) {
        summary.clear();
        residueText.clear();
        outcome.set(null);
        settled.set(null);
        ending = null;
        ended = (int) items.stream().filter(r -> r.state() == ItemRow.State.DONE).count();
        task.setProgress(items.isEmpty() ? 1 : (double) ended / items.size());
        task.start(message, Single.fromCallable(starter::call).flatMapObservable(started -> {
            Observable<RunEvent> events = started.events();
            Observable<List<RunEvent>> batches = batchTimer == null ? events.map(List::of)
                    : events.buffer(100, TimeUnit.MILLISECONDS, batchTimer, 400).filter(b -> !b.isEmpty());
            return Observable.<Object>just(started).concatWith(batches);
        }), item -> {
            if (item instanceof RunService.Started started) {
                journal.set(started.journal());
            } else {
                apply((List<RunEvent>) item);
            }
        }, this::showEnd, this::failed);
    }

    /**
     * Shows the run's end, if it came: once its stream has completed (or failed after it), the run has let go of the
     * database. Returns whether there was an end to show.
     */
    private boolean showEnd() {
        RunEvent.RunEnded end = ending;
        ending = null;
        if (end == null) {
            return false;
        }
        apply(end, new java.util.ArrayList<>());
        return true;
    }

    /**
     * A batch of events; the failures list and the progress change once per batch. The run's end (the last event)
     * waits for the stream's completion, so that whoever listens to the outcome finds the failures in place and
     * the database let go.
     */
    private void apply(List<RunEvent> batch) {
        List<ItemRow> failedNow = new java.util.ArrayList<>();
        RunEvent.RunEnded end = null;
        for (RunEvent e : batch) {
            if (e instanceof RunEvent.RunEnded r) {
                end = r;
            } else {
                apply(e, failedNow);
            }
        }
        if (!failedNow.isEmpty()) {
            failureRows.addAll(failedNow);
        }
        if (end != null) {
            ending = end;
        }
        task.setProgress((double) ended / Math.max(1, items.size()));
    }

    private void apply(RunEvent e, List<ItemRow> failedNow) {
        if (e instanceof RunEvent.StepStarted s) {
            task.setMessage(Message.of("ui.run.status.step", s.step().message(), s.items()));
        } else if (e instanceof RunEvent.ItemStarted i) {
            row(i.step(), i.item()).set(ItemRow.State.RUNNING, null, null);
        } else if (e instanceof RunEvent.HostWorkExported x) {
            row(x.step(), x.item()).set(ItemRow.State.EXPORTED, Message.of("ui.run.cause.exported", x.hostUuid()),
                    null);
            ended++;
        } else if (e instanceof RunEvent.HostMoved m) {
            HostRow host = index().hostOfItem().get(m.item());
            if (host != null) {
                host.moved();
            }
        } else if (e instanceof RunEvent.ItemDone d) {
            ItemRow r = row(d.step(), d.item());
            if (r.state() != ItemRow.State.EXPORTED) {
                r.set(ItemRow.State.DONE, null, null);
                ended++;
            }
        } else if (e instanceof RunEvent.ItemSkipped k) {
            row(k.step(), k.item()).set(ItemRow.State.SKIPPED, k.why() != null ? k.why() : verbatim(k.reason()), null);
            ended++;
        } else if (e instanceof RunEvent.ItemFailed f) {
            ItemRow r = row(f.step(), f.item());
            r.set(ItemRow.State.FAILED, verbatim(f.cause()), f.detail());
            failedNow.add(r);
            ended++;
            HostRow host = f.step() == Plan.StepName.HOST_WORK ? index().hostOfItem().get(f.item()) : null;
            if (host != null) {
                host.failed(index().pathOfItem().get(f.item()), f.cause());
            }
        } else if (e instanceof RunEvent.StepEnded s && s.outcome() == RunEvent.Outcome.SKIPPED) {
            items.stream().filter(r -> r.step() == s.step() && r.state() != ItemRow.State.DONE)
                    .forEach(r -> r.set(ItemRow.State.SKIPPED, s.why() != null ? s.why() : verbatim(s.reason()), null));
        } else if (e instanceof RunEvent.RunEnded r) {
            task.setProgress(1); // skipped items end too
            task.setMessage(Message.of(r.outcome() == RunEvent.Outcome.DONE ? "ui.run.status.done"
                    : "ui.run.status.withFailures"));
            Message counts = Message.of(r.outcome() == RunEvent.Outcome.DONE ? "ui.run.summary" : "ui.run.summaryRetry",
                    r.done(), r.failed(), r.skipped());
            // host work exported as scripts counts as done, yet nothing happened on the hosts: said so
            long exported = items.stream().filter(i -> i.state() == ItemRow.State.EXPORTED).count();
            summary.set(exported > 0 ? Message.of("ui.run.summary.exported", counts, exported) : counts);
            // last, so that whoever listens to the outcome finds the summary and the rest in place
            outcome.set(r.outcome());
            reaudit();
        }
    }

    /** After a run: the audit of the VMs the plan touched, which should show no residue. */
    private void reaudit() {
        residueText.set(Message.of("ui.run.residue.auditing"));
        Single.fromCallable(() -> service.residue(plan.vmUuids()))
                .subscribeOn(schedulers.background())
                .observeOn(schedulers.fx())
                // whatever its end: once the residue or the failure is shown
                .doAfterTerminate(() -> settled.set(outcome.get()))
                .subscribe(found -> {
                    residue.set(found);
                    residueText.set(found.isEmpty()
                            ? Message.of("ui.run.residue.none", plan.vmUuids().size())
                            : Message.of("ui.run.residue.left", found.size(), found.stream()
                            .map(f -> f.rule().name() + " " + f.key()).collect(Collectors.joining(", "))));
                }, t -> residueText.set(Message.of("ui.run.residue.failed", t.getLocalizedMessage())));
    }

    /**
     * The rows by step and item, and the host work's hosts and paths by item. Made once, on any thread: the FX thread
     * reads it (and adds to its rows) only once it is made ({@link #index}).
     */
    private record Index(Map<Plan.StepName, Map<String, ItemRow>> byKey, Map<String, HostRow> hostOfItem,
                         Map<String, String> pathOfItem) {

        /** @param hostOfWork the host of each of {@code hostItems}, the host work's rows in the order of its paths */
        static Index of(Plan plan, List<ItemRow> rows, List<ItemRow> hostItems, List<HostRow> hostOfWork) {
            Map<Plan.StepName, Map<String, ItemRow>> byKey = new java.util.EnumMap<>(Plan.StepName.class);
            for (ItemRow row : rows) {
                byKey.computeIfAbsent(row.step(), x -> new HashMap<>()).put(row.item(), row);
            }
            Map<String, HostRow> hostOfItem = new HashMap<>();
            Map<String, String> pathOfItem = new HashMap<>();
            for (int i = 0; i < hostOfWork.size(); i++) {
                String id = hostItems.get(i).item(); // made for byKey above: the same string
                hostOfItem.put(id, hostOfWork.get(i));
                pathOfItem.put(id, plan.hostWork().get(i).path());
            }
            return new Index(byKey, hostOfItem, pathOfItem);
        }
    }

    /** The index of the rows: at once, as it is made within milliseconds and the run's first event comes later. */
    private Index index() {
        return index.join();
    }

    private ItemRow row(Plan.StepName step, String item) {
        Map<String, ItemRow> ofStep = index().byKey().computeIfAbsent(step, x -> new HashMap<>());
        ItemRow r = ofStep.get(item);
        if (r == null) {
            r = new ItemRow(step, item);
            items.add(r);
            ofStep.put(item, r);
        }
        return r;
    }

    private void failed(Throwable t) {
        if (showEnd()) {
            // the run ended, then letting go of the database (or a host) failed: its end is shown, and what failed
            task.fail(t);
            return;
        }
        dev.tpmconsole.model.pipeline.RunStorageException stop = dev.tpmconsole.model.pipeline.Pipeline.storageFailure(t);
        if (stop != null && journal.get() != null) {
            // the run cannot keep its record (or write at all): what was done is done and consistent
            task.setMessage(Message.of("ui.run.status.stopped"));
            task.fail(Message.of("ui.run.error.stopped", stop.getLocalizedMessage()));
            items.stream().filter(r -> r.state() == ItemRow.State.RUNNING)
                    .forEach(r -> r.set(ItemRow.State.PENDING, Message.of("ui.run.cause.stopped", stop.getLocalizedMessage()),
                            null));
            endWithoutReaudit(RunEvent.Outcome.FAILED);
            return;
        }
        task.setMessage(Message.of("ui.run.status.refused"));
        task.fail(t);
    }

    /** Stops between items; the item in flight commits or rolls back whole, and the journal can be resumed. */
    public void cancel() {
        if (ending != null) {
            return; // the run has ended: it is letting go of the database, and its end is shown when it has
        }
        if (task.cancel()) {
            endWithoutReaudit(RunEvent.Outcome.CANCELLED);
            task.setMessage(Message.of("ui.run.status.cancelled"));
            items.stream().filter(r -> r.state() == ItemRow.State.RUNNING).forEach(r -> r.set(ItemRow.State.PENDING,
                    Message.of("ui.run.cause.cancelled"), null));
        }
    }

    /**
     * A stop or a cancel: no re-audit follows, so the run has settled with its outcome (what changed before it, the main
     * window reads again at once).
     */
    private void endWithoutReaudit(RunEvent.Outcome end) {
        outcome.set(end);
        settled.set(end);
    }

    /** The failed items as text, for the clipboard: item, cause, then the detail. */
    public String failuresText() {
        return failures.stream().map(r -> r.step() + "\t" + r.item() + "\t" + r.cause()
                + (r.detail().isBlank() ? "" : "\n" + r.detail().strip())).collect(Collectors.joining("\n"));
    }

    public Plan plan() {
        return plan;
    }

    public ObservableList<ItemRow> items() {
        return itemsReadOnly;
    }

    public ObservableList<ItemRow> failures() {
        return failures;
    }

    /** The summary at the end, in the language it was written in (empty until the end). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.textProperty();
    }

    /** The summary as a message (null until the end), for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> summaryMessageProperty() {
        return summary.messageProperty();
    }

    /** The re-audit's outcome, in the language it was written in. */
    public ReadOnlyStringProperty residueTextProperty() {
        return residueText.textProperty();
    }

    /** The re-audit's outcome as a message (null before it). */
    public ReadOnlyObjectProperty<Message> residueMessageProperty() {
        return residueText.messageProperty();
    }

    /** An operation of a plan ("remove-tpm", "reset-tpm", "repair") as a person reads it. */
    public static Message operationName(String operation) {
        return switch (operation == null ? "" : operation) {
            case Plan.REMOVE -> Message.of("ui.job.operation.remove");
            case Plan.RESET -> Message.of("ui.job.operation.reset");
            case Plan.REPAIR -> Message.of("ui.job.operation.repair");
            default -> BackgroundTask.verbatim(operation);
        };
    }

    /** A model's text (a cause, a reason), shown as it is; null stays null. */
    private static Message verbatim(String text) {
        return text == null ? null : BackgroundTask.verbatim(text);
    }

    public ReadOnlyObjectProperty<List<Finding>> residueProperty() {
        return residue.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunEvent.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /**
     * The run's outcome once its re-audit has ended too (found residue, none, or failed), or at once for a run that
     * stopped or was cancelled, which is not re-audited; null while the run or its re-audit goes on. What else a run's
     * end sets going (the main window's lists and counts read again) waits for it, so that the re-audit the run window
     * shows does not share the processors with it.
     */
    public ReadOnlyObjectProperty<RunEvent.Outcome> settledProperty() {
        return settled.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> journalProperty() {
        return journal.getReadOnlyProperty();
    }

    /** The command that undoes this run ({@code undo JOURNAL}), once it has a journal; else null. */
    public String undoCommand() {
        Path j = journal.get();
        return j == null ? null : "tpm-console undo " + j.toAbsolutePath();
    }

    public BooleanBinding canRetryBinding() {
        return canRetry;
    }

    public BooleanBinding canCancelBinding() {
        return canCancel;
    }
}
