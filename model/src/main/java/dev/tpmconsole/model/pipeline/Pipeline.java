package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.pipeline.DatabasePort.ItemRows;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.util.FaultPoints;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clean-up pipeline (docs/cleanup.md, "A run"), as an RxJava chain of typed events. The rules R1 to R9 it
 * keeps are the defects of ZStack's own flows (docs/zstack-tpm-model.md, section 5).
 *
 * <ul>
 * <li>Before any write, every row of every pending item is re-read and compared with the plan's fingerprint
 *     ({@link #prepare}); a changed or vanished row refuses the run.</li>
 * <li>Steps run strictly in order; a step starts only after every item of the previous one has ended, and
 *     each step ends exactly once (done, failed or skipped) — R1, R2.</li>
 * <li>Items are isolated: one transaction per item (a backup with its key refs and dependants is one item);
 *     a failing item is reported with its cause and the others go on — R5. Items of a step run with bounded
 *     concurrency.</li>
 * <li>Before an item deletes anything, its rows are quarantined and read back (with those of the next items of
 *     its step: one forced write for a group of items); key refs are deleted only in
 *     their owner's transaction, and every delete is counted (0 or 1) — R4. After the commit the rows are
 *     re-read: a row that is still there fails the item — R6.</li>
 * <li>The TPM step runs only when every backup and host-file item succeeded; otherwise it is skipped with the
 *     reason — R3. Host work is exported, never "done".</li>
 * <li>Disposing the subscription stops between items; an item's transaction commits or rolls back whole.</li>
 * </ul>
 */
public final class Pipeline {

    /** At most how many items' rows are quarantined together, before the first of them is deleted. */
    static final int QUARANTINE_AHEAD = 128;

    private final DatabasePort db;
    private final QuarantinePort quarantine;
    private final HostWorkPort hosts;
    private final Options options;

    /**
     * @param concurrency items of a step run at once (1 for an SQLite snapshot: it has one writer)
     * @param scheduler   where items run
     * @param journal     receives every event, in order, before any subscriber sees it
     * @param hostMover   does the host work on the hosts (over SSH), or null: host work is exported as scripts
     */
    public record Options(int concurrency, Scheduler scheduler, Clock clock,
                          io.reactivex.rxjava3.functions.Consumer<RunEvent> journal, HostMover hostMover) {

        /** Host work exported as scripts. */
        public Options(int concurrency, Scheduler scheduler, Clock clock,
                       io.reactivex.rxjava3.functions.Consumer<RunEvent> journal) {
            this(concurrency, scheduler, clock, journal, null);
        }
    }

    public Pipeline(DatabasePort db, QuarantinePort quarantine, HostWorkPort hosts, Options options) {
        this.db = db;
        this.quarantine = quarantine;
        this.hosts = hosts;
        this.options = options;
    }

    /**
     * A plan checked against the database: the rows of each delete item, and the items already done, as
     * {@link #doneKey} (the same row is an item of the host-work step and of the host-file step).
     */
    public record Prepared(Plan plan, Map<String, List<Plan.RowRef>> rowsOfItem, Set<String> done) {
    }

    /** How an item is named in a set of done items: {@code step:table/key}. */
    public static String doneKey(Plan.StepName step, String item) {
        return step.label() + ":" + item;
    }

    /**
     * Checks a plan against the database, writing nothing: assigns every planned row to its item, refuses rows
     * that changed or vanished since planning, and rows that appeared (a new tag or key ref of an item) since.
     * Items in {@code done} (from a journal) and, on a resume, items whose rows are all gone count as done.
     */
    public static Prepared prepare(DatabasePort db, Plan plan, Set<String> done) throws RefusedException, SQLException {
        Map<String, List<Plan.RowRef>> rows = segments(plan);
        Map<String, Plan.StepName> stepOfItem = new HashMap<>();
        for (Plan.Step step : plan.steps()) {
            for (Plan.Item item : step.items()) {
                if (item.action() != Plan.Action.EXPORT) {
                    stepOfItem.put(item.table() + "/" + item.key(), step.name());
                }
            }
        }
        Set<String> alreadyDone = new HashSet<>(done);
        // the items still to run, then their rows' fingerprints and their owners' dependants, read in batches
        List<Map.Entry<String, List<Plan.RowRef>>> pending = new ArrayList<>();
        for (Map.Entry<String, List<Plan.RowRef>> e : rows.entrySet()) {
            String key = doneKey(stepOfItem.get(e.getKey()), e.getKey());
            if (alreadyDone.contains(key)) {
                continue;
            }
            if (!done.isEmpty() && db.existing(e.getValue()).isEmpty()) {
                alreadyDone.add(key); // deleted by an interrupted run after its last journal line
                continue;
            }
            pending.add(e);
        }
        Map<String, String> now = db.fingerprints(pending.stream().flatMap(e -> e.getValue().stream()).toList());
        Map<String, List<String>> ownersOfTable = new LinkedHashMap<>();
        for (Map.Entry<String, List<Plan.RowRef>> e : pending) {
            String[] item = e.getKey().split("/", 2);
            if (!item[0].equals("EncryptedResourceKeyRefVO")) { // a key ref owns no other row
                ownersOfTable.computeIfAbsent(item[0], t -> new ArrayList<>()).add(item[1]);
            }
        }
        Map<String, Map<String, List<Plan.RowRef>>> dependants = new HashMap<>();
        for (Map.Entry<String, List<String>> e : ownersOfTable.entrySet()) {
            dependants.put(e.getKey(), db.dependants(e.getKey(), e.getValue()));
        }
        List<Message> problems = new ArrayList<>();
        for (Map.Entry<String, List<Plan.RowRef>> e : pending) {
            List<Plan.RowRef> planned = e.getValue();
            for (Plan.RowRef r : planned) {
                String id = r.id();
                String expected = plan.fingerprint().get(id);
                String actual = now.get(id);
                if (actual == null) {
                    problems.add(Message.of("run.stale.vanished", id));
                } else if (expected == null) {
                    problems.add(Message.of("run.stale.noFingerprint", id));
                } else if (!expected.equals(actual)) {
                    problems.add(Message.of("run.stale.changed", id));
                }
            }
            String[] item = e.getKey().split("/", 2);
            Map<String, List<Plan.RowRef>> ofTable = dependants.get(item[0]);
            for (Plan.RowRef dep : ofTable == null ? List.<Plan.RowRef>of() : ofTable.getOrDefault(item[1], List.of())) {
                if (!planned.contains(dep)) {
                    problems.add(Message.of("run.stale.appeared", dep.id(), e.getKey()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(Message.of("run.stale"), problems);
        }
        return new Prepared(plan, rows, Set.copyOf(alreadyDone));
    }

    /**
     * The rows of each delete item, from the plan alone: the planner lists each item's rows together, ending
     * with the item's own row and its ResourceVO row. A row no item owns refuses the plan.
     */
    static Map<String, List<Plan.RowRef>> segments(Plan plan) throws RefusedException {
        Set<String> itemIds = new HashSet<>();
        for (Plan.Step step : plan.steps()) {
            for (Plan.Item item : step.items()) {
                if (item.action() == Plan.Action.DELETE) {
                    itemIds.add(item.table() + "/" + item.key());
                }
            }
        }
        Map<String, List<Plan.RowRef>> out = new LinkedHashMap<>();
        List<Plan.RowRef> current = new ArrayList<>();
        List<Plan.RowRef> deletes = plan.deletes();
        for (int i = 0; i < deletes.size(); i++) {
            Plan.RowRef r = deletes.get(i);
            current.add(r);
            String id = r.id();
            if (itemIds.contains(id)) {
                if (i + 1 < deletes.size() && deletes.get(i + 1).equals(new Plan.RowRef("ResourceVO", r.key()))) {
                    current.add(deletes.get(++i));
                }
                out.put(id, List.copyOf(current));
                current.clear();
            }
        }
        List<Message> problems = new ArrayList<>();
        current.forEach(r -> problems.add(Message.of("run.plan.noItem", r.id())));
        for (String id : itemIds) {
            if (!out.containsKey(id)) {
                problems.add(Message.of("run.plan.notDeleted", id));
            }
        }
        // an update item changes exactly its own row, which the plan lists among its updates
        Set<String> updates = new HashSet<>();
        plan.updates().forEach(u -> updates.add(u.table() + "/" + u.key()));
        for (Plan.Step step : plan.steps()) {
            for (Plan.Item item : step.items()) {
                String id = item.table() + "/" + item.key();
                if (item.action() == Plan.Action.UPDATE) {
                    if (!updates.contains(id)) {
                        problems.add(Message.of("run.plan.notUpdated", id));
                    }
                    out.put(id, List.of(new Plan.RowRef(item.table(), item.key())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(Message.of("run.plan.unfit"), problems);
        }
        return out;
    }

    /** Runs a prepared plan; events go to the journal first, then to the subscriber. */
    public Observable<RunEvent> run(Prepared prepared, String source, String planPath, boolean resumed) {
        Plan plan = prepared.plan();
        Totals totals = new Totals();
        List<Observable<RunEvent>> parts = new ArrayList<>();
        int items = plan.steps().stream().mapToInt(s -> s.items().size()).sum();
        parts.add(Observable.fromCallable(() -> new RunEvent.RunStarted(now(), source, planPath,
                plan.steps().stream().map(Plan.Step::name).toList(), items, resumed,
                options.hostMover() == null ? RunEvent.RunStarted.EXPORT : RunEvent.RunStarted.SSH)));
        for (Plan.Step step : plan.steps()) {
            parts.add(Observable.defer(() -> step(prepared, step, totals)));
        }
        parts.add(Observable.fromCallable(() -> new RunEvent.RunEnded(now(),
                totals.failed.get() > 0 || totals.skipped.get() > 0 ? RunEvent.Outcome.FAILED : RunEvent.Outcome.DONE,
                totals.done.get(), totals.failed.get(), totals.skipped.get())));
        return Observable.concat(parts).doOnNext(options.journal());
    }

    private Observable<RunEvent> step(Prepared prepared, Plan.Step step, Totals totals) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        Observable<RunEvent> started = Observable.just(new RunEvent.StepStarted(now(), step.name(), step.items().size()));
        if (step.name() == Plan.StepName.DELETE_TPM && totals.deleteFailures.get() > 0) {
            totals.skipped.addAndGet(step.items().size());
            Message why = Message.of("run.skip.tpmKept", totals.deleteFailures.get());
            return started.concatWith(Observable.just(new RunEvent.StepEnded(now(), step.name(),
                    RunEvent.Outcome.SKIPPED, 0, 0, why.english(), why)));
        }
        Observable<RunEvent> items;
        if (step.name() == Plan.StepName.HOST_WORK) {
            items = options.hostMover() == null
                    ? Observable.defer(() -> exportHostWork(prepared.plan(), step, done, failed, totals)).subscribeOn(options.scheduler())
                    : moveHostWork(prepared, step, done, failed, totals);
        } else {
            List<List<Plan.Item>> groups = groups(step.items(), options.concurrency());
            if (options.concurrency() <= 1) {
                // one writer: the items run one after the other on one thread, without a hop per item
                items = Observable.fromIterable(groups).concatMap(group -> Observable.defer(() ->
                        deleteGroup(prepared, step, group, done, failed, skipped, totals))).subscribeOn(options.scheduler());
            } else {
                items = Observable.fromIterable(groups).flatMap(group -> Observable.defer(() ->
                                deleteGroup(prepared, step, group, done, failed, skipped, totals))
                                .subscribeOn(options.scheduler()), false, options.concurrency());
            }
        }
        Observable<RunEvent> ended = Observable.fromCallable(() -> {
            totals.done.addAndGet(done.get());
            totals.failed.addAndGet(failed.get());
            totals.skipped.addAndGet(skipped.get());
            RunEvent.Outcome outcome = failed.get() == 0 && skipped.get() == 0 ? RunEvent.Outcome.DONE
                    : RunEvent.Outcome.FAILED;
            List<Message> why = new ArrayList<>();
            if (failed.get() > 0) {
                why.add(Message.of("run.step.itemsFailed", failed.get(), step.items().size()));
            }
            if (skipped.get() > 0) {
                why.add(Message.of("run.step.skippedHostWork", skipped.get()));
            }
            Message reason = why.isEmpty() ? null : Message.joined(why);
            return new RunEvent.StepEnded(now(), step.name(), outcome, done.get(), failed.get(),
                    reason == null ? null : reason.english(), reason);
        });
        return Observable.concat(started, items, ended);
    }

    /**
     * Host work exported once (JSON and per-host scripts); an entry refused by validation fails its item, and, as a
     * move that failed, keeps its host-file row (R3): no script removes that path, so the database must not forget it.
     */
    private Observable<RunEvent> exportHostWork(Plan plan, Plan.Step step, AtomicInteger done, AtomicInteger failed,
                                                Totals totals) {
        List<RunEvent> events = new ArrayList<>();
        Map<Integer, String> refused = new HashMap<>();
        String exportFailure = null;
        try {
            refused.putAll(hosts.export(plan.hostWork()));
        } catch (Exception e) {
            exportFailure = "cannot export host work: " + cause(e);
        }
        for (int i = 0; i < step.items().size(); i++) {
            Plan.Item item = step.items().get(i);
            String id = item.table() + "/" + item.key();
            events.add(new RunEvent.ItemStarted(now(), step.name(), id));
            // the planner lists host-work items in the order of plan.hostWork()
            Plan.HostWork entry = i < plan.hostWork().size() ? plan.hostWork().get(i) : null;
            String refusal = exportFailure != null ? exportFailure : refused.get(entry == null ? -1 : entry.order());
            if (refusal != null) {
                failed.incrementAndGet();
                totals.hostWorkFailed.add(id);
                events.add(new RunEvent.ItemFailed(now(), step.name(), id, refusal, ""));
            } else {
                done.incrementAndGet();
                events.add(new RunEvent.HostWorkExported(now(), step.name(), id, entry == null ? null : entry.hostUuid(),
                        entry == null ? null : entry.path()));
                events.add(new RunEvent.ItemDone(now(), step.name(), id, 0));
            }
        }
        return Observable.fromIterable(events);
    }

    /**
     * Host work over SSH: the hosts at once (a bound), the entries of one host in their order, each moved into
     * the run's trash on its host. An entry done before (the journal says so) is not moved again; one that fails
     * is remembered, so that its host-file row is not deleted (R3).
     */
    private Observable<RunEvent> moveHostWork(Prepared prepared, Plan.Step step, AtomicInteger done, AtomicInteger failed,
                                              Totals totals) {
        List<Plan.HostWork> work = prepared.plan().hostWork();
        Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < step.items().size(); i++) {
            String host = i < work.size() ? String.valueOf(work.get(i).hostUuid()) : "";
            byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(i);
        }
        return Observable.fromIterable(byHost.values()).flatMap(indexes -> Observable.fromIterable(indexes)
                .concatMap(i -> Observable.defer(() -> moveItem(prepared, step, i, done, failed, totals)))
                .subscribeOn(options.scheduler()), false, Math.max(1, options.hostMover().parallelism()));
    }

    private Observable<RunEvent> moveItem(Prepared prepared, Plan.Step step, int i, AtomicInteger done,
                                          AtomicInteger failed, Totals totals) {
        Plan.Item item = step.items().get(i);
        String id = item.table() + "/" + item.key();
        RunEvent started = new RunEvent.ItemStarted(now(), step.name(), id);
        if (prepared.done().contains(doneKey(step.name(), id))) {
            done.incrementAndGet();
            return Observable.just(started, new RunEvent.ItemDone(now(), step.name(), id, 0));
        }
        List<Plan.HostWork> work = prepared.plan().hostWork();
        if (i >= work.size()) {
            failed.incrementAndGet();
            totals.hostWorkFailed.add(id);
            return Observable.just(started, new RunEvent.ItemFailed(now(), step.name(), id,
                    "the plan has no host-work entry for this item", ""));
        }
        Plan.HostWork entry = work.get(i);
        try {
            HostMover.Moved moved = options.hostMover().move(entry);
            FaultPoints.reach("host-moved"); // the fault suite kills a run here: moved, not yet in the journal
            done.incrementAndGet();
            return Observable.just(started, new RunEvent.HostMoved(now(), step.name(), id, entry.hostUuid(),
                    entry.managementIp(), entry.path(), moved.trashPath(), moved.outcome()),
                    new RunEvent.ItemDone(now(), step.name(), id, 0));
        } catch (Exception e) {
            failed.incrementAndGet();
            totals.hostWorkFailed.add(id);
            return Observable.just(started, new RunEvent.ItemFailed(now(), step.name(), id, cause(e), detail(e)));
        }
    }

    /**
     * The groups a step's items run in: each group's rows are quarantined with one forced write before its first
     * delete. {@value #QUARANTINE_AHEAD} items at most, fewer where the groups run at once (a live database), so
     * that every writer has a group.
     */
    public static List<List<Plan.Item>> groups(List<Plan.Item> items, int concurrency) {
        int size = Math.max(1, Math.min(QUARANTINE_AHEAD, -Math.floorDiv(-items.size(), Math.max(1, concurrency))));
        List<List<Plan.Item>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return out;
    }

    /**
     * A group of items: the rows of its delete items are read and quarantined together (one write forced to disk
     * and read back, instead of one per item: that force cost as much as a third of an item's commit), then the
     * items run one by one, each in its own transaction. A row quarantined for an item that then deleted nothing
     * (a failure, a kill, a stop between items) is in place for {@link Runs#undo}. A read that fails fails its
     * item alone; a quarantine that cannot be written stops the run before the group's first delete.
     */
    private Observable<RunEvent> deleteGroup(Prepared prepared, Plan.Step step, List<Plan.Item> group,
                                             AtomicInteger done, AtomicInteger failed, AtomicInteger skipped,
                                             Totals totals) throws java.io.IOException {
        Map<String, List<Plan.RowRef>> toRead = new LinkedHashMap<>();
        for (Plan.Item item : group) {
            String id = item.table() + "/" + item.key();
            if (item.action() != Plan.Action.DELETE || skippedForHostWork(step, id, totals)
                    || prepared.done().contains(doneKey(step.name(), id))) {
                continue;
            }
            toRead.put(id, prepared.rowsOfItem().get(id));
        }
        Map<String, ItemRows> ahead = toRead.isEmpty() ? Map.of() : db.read(toRead);
        List<QuarantinedRow> rows = new ArrayList<>();
        ahead.values().forEach(r -> rows.addAll(r.rows()));
        quarantine.put(rows);
        return Observable.fromIterable(group).concatMap(item -> Observable.defer(() -> deleteItem(prepared, step, item,
                ahead.get(item.table() + "/" + item.key()), done, failed, skipped, totals)));
    }

    /** A host-file row whose folder may still be on its host: the database keeps it (R3). */
    private static boolean skippedForHostWork(Plan.Step step, String id, Totals totals) {
        return step.name() == Plan.StepName.DELETE_HOST_FILES && totals.hostWorkFailed.contains(id);
    }

    /**
     * An item: its start is told (journaled, shown) before its work begins, so that a stop asked for while the
     * start is being told leaves the item untouched ({@code concatWith} does not subscribe to the work then).
     */
    private Observable<RunEvent> deleteItem(Prepared prepared, Plan.Step step, Plan.Item item, ItemRows ahead,
                                            AtomicInteger done, AtomicInteger failed, AtomicInteger skipped,
                                            Totals totals) {
        String id = item.table() + "/" + item.key();
        return Observable.<RunEvent>just(new RunEvent.ItemStarted(now(), step.name(), id)).concatWith(Observable.defer(
                () -> itemWork(prepared, step, item, id, ahead, done, failed, skipped, totals)));
    }

    /** An item's work, and how it ended. */
    private Observable<RunEvent> itemWork(Prepared prepared, Plan.Step step, Plan.Item item, String id, ItemRows ahead,
                                          AtomicInteger done, AtomicInteger failed, AtomicInteger skipped,
                                          Totals totals) {
        if (skippedForHostWork(step, id, totals)) {
            // the folder may still be on its host: the database keeps the row that names it (R3)
            skipped.incrementAndGet();
            totals.deleteFailures.incrementAndGet();
            Message why = Message.of("run.skip.hostWorkFailed");
            return Observable.just(new RunEvent.ItemSkipped(now(), step.name(), id, why.english(), why));
        }
        RunEvent end;
        try {
            int rows = prepared.done().contains(doneKey(step.name(), id)) ? 0
                    : item.action() == Plan.Action.UPDATE ? update(id, prepared.plan(), item)
                    : delete(prepared.rowsOfItem().get(id), ahead);
            done.incrementAndGet();
            end = new RunEvent.ItemDone(now(), step.name(), id, rows);
        } catch (Exception e) {
            RunStorageException stop = storageFailure(e);
            if (stop != null) {
                // not this item's failure: the run cannot keep its record or write at all; it stops here
                return Observable.error(stop);
            }
            failed.incrementAndGet();
            totals.deleteFailures.incrementAndGet();
            end = new RunEvent.ItemFailed(now(), step.name(), id, cause(e), detail(e));
        }
        return Observable.just(end);
    }

    /** A relink: the row as it was is quarantined, then changed in its own transaction, then checked. */
    private int update(String id, Plan plan, Plan.Item item) throws Exception {
        Plan.RowRef row = new Plan.RowRef(item.table(), item.key());
        Map<String, String> set = plan.updates().stream().filter(u -> u.table().equals(item.table())
                && u.key().equals(item.key())).findFirst().orElseThrow().set();
        List<QuarantinedRow> before = db.read(id, List.of(row));
        if (before.isEmpty()) {
            throw new SQLException(id + " is gone: nothing to update");
        }
        if (set.entrySet().stream().allMatch(e -> e.getValue().equals(before.get(0).values().get(e.getKey())))) {
            return 0; // done before an interruption
        }
        quarantine.put(before);
        int changed;
        try (DatabasePort.ItemTransaction tx = db.begin()) {
            changed = tx.update(row, set);
            if (changed != 1) {
                throw new SQLException("updating " + id + " changed " + changed + " rows; expected one");
            }
            tx.commit();
        }
        Map<String, String> after = db.read(id, List.of(row)).get(0).values();
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (!e.getValue().equals(after.get(e.getKey()))) {
                throw new SQLException(id + "." + e.getKey() + " is " + after.get(e.getKey()) + " after the update");
            }
        }
        return changed;
    }

    /** One item, its rows quarantined with its group: one transaction, then check that nothing is left. */
    private int delete(List<Plan.RowRef> rows, ItemRows ahead) throws Exception {
        if (ahead.failure() != null) {
            throw ahead.failure();
        }
        if (ahead.rows().isEmpty()) {
            return 0;
        }
        List<Plan.RowRef> existing = ahead.rows().stream().map(q -> new Plan.RowRef(q.table(), q.key())).toList();
        int deleted = 0;
        try (DatabasePort.ItemTransaction tx = db.begin()) {
            for (Plan.RowRef r : existing) {
                int n = r.table().equals("EncryptedResourceKeyRefVO") ? tx.deleteKeyRef(r.key()) : tx.delete(r);
                if (n > 1) {
                    throw new SQLException("deleting " + r.id() + " removed " + n + " rows; expected at most one");
                }
                deleted += n;
            }
            FaultPoints.reach("item-delete");
            tx.commit();
        }
        FaultPoints.reach("item-committed");
        List<Plan.RowRef> left = db.existing(rows);
        if (!left.isEmpty()) {
            throw new SQLException("rows remain after the delete: " + String.join(", ",
                    left.stream().map(Plan.RowRef::id).toList()));
        }
        return deleted;
    }

    /**
     * Whether a failure stops the run rather than its item: the quarantine (or journal) cannot be written, or
     * the database's disk is full (SQLite's SQLITE_FULL; MariaDB's "table is full" and "disk full"), where
     * every next item would fail the same way. Null for an item's own failure.
     */
    public static RunStorageException storageFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RunStorageException r) {
                return r;
            }
            if (dev.tpmconsole.model.util.Causes.diskFull(t)) {
                return new RunStorageException(Message.of("run.storage.database"), null, t);
            }
        }
        return null;
    }

    private String now() {
        return Instant.now(options.clock()).toString();
    }

    static String cause(Throwable e) {
        String m = e.getMessage();
        String first = m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }

    static String detail(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static final class Totals {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger deleteFailures = new AtomicInteger();
        /** Host-work items that failed in this run: their host-file rows are kept. */
        final Set<String> hostWorkFailed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    }
}
