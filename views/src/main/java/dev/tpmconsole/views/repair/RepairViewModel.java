package dev.tpmconsole.views.repair;

import dev.tpmconsole.model.audit.AuditReport;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.plan.RepairPlanner;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.stats.TableCounts;
import dev.tpmconsole.views.preview.PreviewViewModel;
import dev.tpmconsole.views.run.RunService;
import dev.tpmconsole.views.run.RunViewModel;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.JobViewModel;
import dev.tpmconsole.views.util.MessageProperty;
import io.reactivex.rxjava3.core.Scheduler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The guided repair of key refs: audit the key rules, see each finding classified, choose what to repair
 * (a whole kind or single rows), see the repair as a plan (with the relinks as updates), run it through the
 * pipeline (which backs the snapshot up first and quarantines key material before deleting it), then audit
 * again and compare the row counts per table before and after.
 */
public final class RepairViewModel extends JobViewModel {

    /** The key rules the repair deals with. */
    public static final List<AuditRule> KEY_RULES = List.of(AuditRule.KEY_REF_ORPHANED,
            AuditRule.KEY_REF_DUPLICATE_PLACEHOLDER, AuditRule.KEY_REF_PROVIDER_LOST);

    /** The pages of the flow. */
    public enum Page { AUDIT, CHOOSE, PLAN, RUN, RESULT }

    /** How a key finding is repaired, if it can be. */
    public enum Kind {
        ORPHANED("ui.repair.kind.orphaned", "ui.repair.kind.orphaned.action"),
        DUPLICATE("ui.repair.kind.duplicate", "ui.repair.kind.duplicate.action"),
        RELINK("ui.repair.kind.relink", "ui.repair.kind.relink.action"),
        LOST("ui.repair.kind.lost", "ui.repair.kind.lost.action");

        private final String title;
        private final String action;

        Kind(String title, String action) {
            this.title = title;
            this.action = action;
        }

        /** Its name, in the current language. */
        public String title() {
            return I18n.t(title);
        }

        /** What happens to a finding of this kind, in the current language. */
        public String action() {
            return I18n.t(action);
        }

        public boolean repairable() {
            return this != LOST;
        }

        static Kind of(Finding f) {
            return switch (f.rule()) {
                case KEY_REF_ORPHANED -> ORPHANED;
                case KEY_REF_DUPLICATE_PLACEHOLDER -> DUPLICATE;
                default -> f.relinkTo() != null ? RELINK : LOST;
            };
        }
    }

    /**
     * A classified finding and whether it is chosen: a repairable one is, unless someone acknowledged it in the
     * catalogue (a deliberate exception is not overridden by default; it can still be chosen).
     */
    public static final class Row {
        private final Finding finding;
        private final Kind kind;
        private final String acknowledged;
        private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");

        Row(Finding finding, String acknowledged) {
            this.finding = finding;
            this.kind = Kind.of(finding);
            this.acknowledged = acknowledged;
            this.chosen.set(kind.repairable() && acknowledged == null);
        }

        /** The reason it was acknowledged with, or null when it is not (or the catalogue could not be read). */
        public String acknowledged() {
            return acknowledged;
        }

        public Finding finding() {
            return finding;
        }

        public Kind kind() {
            return kind;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    /** Rows of one table before and after the repair. */
    public record TableChange(String table, long before, long after) {
    }

    private final Source source;
    private final FxSchedulers schedulers;
    private final Scheduler batchTimer;
    private final Clock clock;
    private final RunService runService;
    /** Where the cloud's acknowledgements are (null: no catalogue). */
    private final dev.tpmconsole.model.catalogue.Catalogue catalogue;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.AUDIT);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<TableChange> changes = FXCollections.observableArrayList();
    private final ObservableList<TableChange> changesReadOnly = FXCollections.unmodifiableObservableList(changes);
    private final ReadOnlyObjectWrapper<RunViewModel> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final MessageProperty result = new MessageProperty(this, "result", null);
    private final PreviewViewModel preview;
    private final BooleanBinding canPlan;
    private final javafx.beans.property.ReadOnlyIntegerWrapper chosenCount =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "chosenCount");
    private Map<String, Long> countsBefore = Map.of();
    private Set<String> chosenKeys = Set.of();

    public RepairViewModel(Source source, FxSchedulers schedulers, Scheduler batchTimer, Clock clock, RunService runService) {
        this(source, schedulers, batchTimer, clock, runService, null);
    }

    /** @param catalogue where the cloud's acknowledgements are read from (null: none are) */
    public RepairViewModel(Source source, FxSchedulers schedulers, Scheduler batchTimer, Clock clock,
                           RunService runService, dev.tpmconsole.model.catalogue.Catalogue catalogue) {
        super(schedulers, null);
        this.catalogue = catalogue;
        this.source = source;
        this.schedulers = schedulers;
        this.batchTimer = batchTimer;
        this.clock = clock;
        this.runService = runService;
        this.preview = new PreviewViewModel(source, schedulers, clock);
        // the wizard runs the plan itself, and its result page gives the undo command
        preview.undoCommandOnResultPage();
        this.canPlan = chosenCount.greaterThan(0);
    }

    /** Audits the key rules and classifies the findings. */
    public void audit() {
        background(Message.of("ui.repair.status.auditing", source.displayName()), this::audited, a -> {
                    countsBefore = a.counts();
                    rows.setAll(a.report().findings().stream().map(f -> new Row(f, a.acknowledgedWhy(f))).toList());
                    rows.forEach(r -> r.chosenProperty().addListener((o, x, y) -> chosenChanged()));
                    chosenChanged();
                    long acked = rows.stream().filter(r -> r.acknowledged() != null).count();
                    boolean repairable = rows.stream().anyMatch(r -> r.kind().repairable());
                    Message choose = rows.isEmpty() ? Message.of("ui.repair.nothing")
                            : !repairable ? Message.of("ui.repair.status.noneRepairable", rows.size()) : acked > 0
                            ? Message.of("ui.repair.status.chooseAcknowledged", rows.size(), acked)
                            : Message.of("ui.repair.status.choose", rows.size());
                    // without a catalogue nothing says which findings are deliberate exceptions: say so where there
                    // is something to choose, as the audit window's note does
                    task.setMessage(a.catalogueProblem() != null
                            ? Message.of("ui.repair.status.noAcknowledgements", choose, a.catalogueProblem())
                            : catalogue == null && repairable ? Message.of("ui.repair.status.noCatalogue", choose)
                            : choose);
                    page.set(Page.CHOOSE);
                });
    }

    private Audited audited() throws Exception {
        // what the catalogue knows of the cloud before an audit, as the audit window reads it: its acknowledgements
        // in force. One that cannot be read does not stop a repair: the status says acknowledgements are not marked
        dev.tpmconsole.model.catalogue.KnownFindings known = null;
        String problem = null;
        if (catalogue != null) {
            try {
                known = catalogue.known(dev.tpmconsole.model.catalogue.CloudMarkers.read(source),
                        dev.tpmconsole.model.catalogue.AuditKind.AUDIT, clock.instant());
            } catch (dev.tpmconsole.model.catalogue.Catalogue.Failure | java.sql.SQLException e) {
                problem = e.getLocalizedMessage();
            }
        }
        return new Audited(new Auditor(source).run(KEY_RULES), TableCounts.count(source), known, problem);
    }

    /** Runs {@code work} in the background (what ran before is dropped), then {@code then} on the FX thread. */
    private <T> void background(Message message, java.util.concurrent.Callable<T> work,
                                java.util.function.Consumer<T> then) {
        task.cancel();
        task.start(message, BackgroundTask.call(work), then, () -> { }, t -> {
            task.fail(t);
            task.setMessage(null);
        });
    }

    /** Chooses (or leaves) every repairable finding of a kind. */
    public void choose(Kind kind, boolean chosen) {
        rows.stream().filter(r -> r.kind() == kind && kind.repairable()).forEach(r -> r.chosenProperty().set(chosen));
    }

    /** Makes the plan of the chosen repairs and shows it. */
    public void plan() {
        Set<String> keys = new LinkedHashSet<>();
        rows.stream().filter(r -> r.chosenProperty().get() && r.kind().repairable()).forEach(r -> keys.add(r.finding().key()));
        chosenKeys = keys;
        // the findings that cannot be repaired here go to the planner too: it keeps them, and the plan's Kept tab
        // says why and what to do, as `repair` does; they change nothing
        Set<String> planned = new LinkedHashSet<>(keys);
        rows.stream().filter(r -> !r.kind().repairable()).forEach(r -> planned.add(r.finding().key()));
        background(Message.of("ui.repair.status.planning", keys.size()),
                () -> new RepairPlanner(source, clock).plan(KEY_RULES, planned), (PlanPreview p) -> {
                    preview.show(Message.of("ui.repair.previewTitle", keys.size()), p);
                    task.setMessage(null); // the plan's page says what it will do, in its own words
                    page.set(Page.PLAN);
                });
    }

    /** Runs the plan (after the person confirmed it): backup, quarantine, one transaction per item. */
    public void runPlan() {
        PlanPreview p = preview.previewProperty().get();
        if (p == null) {
            return;
        }
        RunViewModel vm = new RunViewModel(runService, schedulers, batchTimer, p.plan());
        vm.outcomeProperty().addListener((o, a, b) -> {
            if (b != null) {
                reaudit();
            }
        });
        run.set(vm);
        page.set(Page.RUN);
        vm.start();
    }

    /** After the run: the key audit again, and the row counts per table before and after. */
    private void reaudit() {
        background(Message.of("ui.repair.status.reauditing"), this::audited, a -> {
                    task.setMessage(null); // the result says what changed
                    Map<String, TableChange> byTable = new LinkedHashMap<>();
                    countsBefore.forEach((t, n) -> byTable.put(t, new TableChange(t, n, a.counts().getOrDefault(t, 0L))));
                    changes.setAll(byTable.values());
                    long stillThere = a.report().findings().stream().filter(f -> chosenKeys.contains(f.key())).count();
                    long others = a.report().findings().size() - stillThere;
                    result.set(stillThere == 0
                            ? Message.of("ui.repair.result.gone", chosenKeys.size(), others)
                            : Message.of("ui.repair.result.remain", stillThere));
                    page.set(Page.RESULT);
                });
    }

    /** Back one page (from the plan to the choice, from the choice to the audit). */
    public void back() {
        if (page.get() == Page.PLAN) {
            page.set(Page.CHOOSE);
        } else if (page.get() == Page.CHOOSE) {
            page.set(Page.AUDIT);
        }
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rowsReadOnly;
    }

    public ObservableList<TableChange> changes() {
        return changesReadOnly;
    }

    public ReadOnlyObjectProperty<RunViewModel> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** What the audit after the run says, in the language it was written in. */
    public ReadOnlyStringProperty resultProperty() {
        return result.textProperty();
    }

    /** {@link #resultProperty()} as a message (null before the end), for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> resultMessageProperty() {
        return result.messageProperty();
    }

    public PreviewViewModel preview() {
        return preview;
    }

    private void chosenChanged() {
        chosenCount.set((int) rows.stream().filter(r -> r.chosenProperty().get()).count());
    }

    /** How many findings are chosen for the repair. */
    public javafx.beans.property.ReadOnlyIntegerProperty chosenCountProperty() {
        return chosenCount.getReadOnlyProperty();
    }

    public BooleanBinding canPlanBinding() {
        return canPlan;
    }

    public RunEvent.Outcome outcome() {
        return run.get() == null ? null : run.get().outcomeProperty().get();
    }

    @Override
    public void close() {
        super.close();
        preview.close();
        if (run.get() != null) {
            run.get().close();
        }
    }

    /** @param known what the catalogue knew of the cloud (null: no catalogue, or it could not be read) */
    private record Audited(AuditReport report, Map<String, Long> counts,
                           dev.tpmconsole.model.catalogue.KnownFindings known, String catalogueProblem) {

        /** The reason a finding was acknowledged with, if an acknowledgement of it is in force; else null. */
        String acknowledgedWhy(Finding f) {
            var ack = known == null ? null : known.acknowledgement(dev.tpmconsole.model.catalogue.FindingKey.of(f));
            return ack == null ? null : ack.reason();
        }
    }
}
