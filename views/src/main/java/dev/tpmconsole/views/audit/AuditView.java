package dev.tpmconsole.views.audit;

import dev.tpmconsole.views.util.Keys;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.Severity;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.HoverTooltip;
import dev.tpmconsole.views.util.Formats;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Icons;
import dev.tpmconsole.views.util.Tables;
import dev.tpmconsole.views.util.Commands;
import org.controlsfx.control.action.Action;
import java.io.File;
import java.util.stream.Collectors;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The audit screen: Run (Ctrl+R) and Cancel (Esc) with a progress bar; the rules that ran with their
 * severity and count; the selected rule explained and its findings; Show VM (Enter) for a finding; Copy
 * (Ctrl+C); export as JSON or CSV. With a catalogue: each finding's status (new findings in bold), and
 * Acknowledge… (a reason is asked) and Un-acknowledge for the selected findings. All state is in
 * {@link AuditViewModel}.
 */
public final class AuditView {

    private static final PseudoClass ORPHAN = PseudoClass.getPseudoClass("orphan");
    private static final PseudoClass SUSPECT = PseudoClass.getPseudoClass("suspect");
    private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");
    private static final PseudoClass STATUS_NEW = PseudoClass.getPseudoClass("status-new");

    /** The findings' rows: new ones, acknowledged ones. */
    private static final String NEW = "new";
    private static final String ACKNOWLEDGED = "acknowledged";

    private final AuditViewModel vm;
    private final dev.tpmconsole.views.util.DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final Action runAction;
    private final Action cancelAction;
    /** Redraws the tables' cells written in the language (held here: the language holds it weakly). */
    private final javafx.beans.InvalidationListener relabel;
    private TableView<RuleRow> ruleTable;
    private TableView<Finding> findingTable;

    public AuditView(AuditViewModel vm) {
        this(vm, null);
    }

    /** @param dialogs asks the reason of an acknowledgement (null: a dialog over this view's window) */
    public AuditView(AuditViewModel vm, dev.tpmconsole.views.util.DialogService dialogs) {
        this(vm, dialogs, null);
    }

    /**
     * @param dialogs asks the reason of an acknowledgement (null: a dialog over this view's window)
     * @param close   closes the window (null: the view is not a window of its own)
     */
    public AuditView(AuditViewModel vm, dev.tpmconsole.views.util.DialogService dialogs, Runnable close) {
        this.vm = vm;
        this.dialogs = dialogs;
        runAction = Commands.enabledWhen(Commands.action("runAudit", "ui.audit.run", Keys.RUN, vm::run),
                vm.canRunBinding());
        runAction.textProperty().bind(I18n.text("ui.audit.run"));
        cancelAction = Commands.enabledWhen(Commands.action("cancelAudit", "ui.job.cancel", Keys.ESCAPE,
                vm::cancel), vm.runningProperty());
        cancelAction.textProperty().bind(I18n.text("ui.job.cancel"));
        root.setId("auditView");
        root.getStyleClass().add("audit-view");
        root.setTop(new VBox(toolbar(), errorBanner()));
        root.setCenter(body());
        // Escape cancels a running audit, or closes the window, as in the import window
        Action closeAction = close == null ? null : Commands.enabledWhen(Commands.action("closeAudit", "ui.job.close",
                Keys.ESCAPE, close), vm.runningProperty().not());
        Commands.handleKeys(root, closeAction == null ? List.of(runAction, cancelAction)
                : List.of(runAction, cancelAction, closeAction), false);
        relabel = o -> {
            ruleTable.refresh();
            findingTable.refresh();
        };
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    public Parent root() {
        return root;
    }

    private Parent toolbar() {
        Button run = Commands.button(runAction, MaterialDesignP.PLAY);
        run.setDefaultButton(true);
        Button cancel = Commands.button(cancelAction, MaterialDesignS.STOP, Icons.DANGER);
        ProgressBar progress = new ProgressBar();
        progress.setId("auditProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.getStyleClass().add("toolbar-progress");
        Label status = new Label();
        status.setId("auditStatus");
        status.textProperty().bind(I18n.text(vm.statusMessageProperty()));
        Label note = new Label();
        note.setId("catalogueNote");
        note.getStyleClass().add("subtitle");
        note.textProperty().bind(I18n.text(vm.marks().noteMessageProperty()));
        // no empty line under the status (which would sit above the buttons' middle) while there is no note
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button json = Icons.on(I18n.bind(new Button(), "ui.audit.exportJson"), MaterialDesignE.EXPORT);
        json.setId("exportJson");
        json.disableProperty().bind(vm.canExportBinding().not());
        json.setOnAction(e -> export(AuditViewModel.ExportFormat.JSON));
        Button csv = Icons.on(I18n.bind(new Button(), "ui.audit.exportCsv"), MaterialDesignE.EXPORT);
        csv.setId("exportCsv");
        csv.disableProperty().bind(vm.canExportBinding().not());
        csv.setOnAction(e -> export(AuditViewModel.ExportFormat.CSV));
        VBox said = new VBox(status, note);
        said.setAlignment(Pos.CENTER_LEFT); // the bar stretches it to its height
        HBox bar = new HBox(run, cancel, progress, said, spacer, json, csv);
        bar.setId("auditToolbar");
        bar.getStyleClass().addAll("tool-bar", "gap-l", "pad-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void export(AuditViewModel.ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("ui.audit.exportTitle"));
        String ext = format == AuditViewModel.ExportFormat.JSON ? "json" : "csv";
        chooser.setInitialFileName("audit." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("ui.job.filesOfType", ext.toUpperCase()),
                "*." + ext));
        File file = chooser.showSaveDialog(root.getScene() != null ? root.getScene().getWindow() : null);
        if (file != null) {
            vm.exportTo(file.toPath(), format);
        }
    }

    private Parent errorBanner() {
        return dev.tpmconsole.views.util.ErrorBanner.of(I18n.text(vm.errorMessageProperty()), vm::dismissError,
                "auditErrorBanner", "auditError", "dismissAuditError");
    }

    private Parent body() {
        // rows of the console's height, as the findings' beside it
        TableView<RuleRow> rules = Tables.sorted(Tables.longList(new TableView<>()), vm.rules());
        ruleTable = rules;
        rules.setId("ruleTable");
        // wide enough for the longest rule's name, whole
        TableColumn<RuleRow, String> rule = column("ruleColumn", "ui.audit.column.rule", 21, r -> r.rule().name());
        TableColumn<RuleRow, String> severity = column("severityColumn", "ui.audit.column.severity", 6,
                r -> I18n.t(r.rule().severity().message()));
        TableColumn<RuleRow, Long> count = column("ui.audit.column.rows");
        count.setId("countColumn");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : Messages.of(I18n.languageProperty().get()).number(value));
            }
        });
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        count.setPrefWidth(Em.of(5));
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rules.getColumns().add(rule);
        rules.getColumns().add(severity);
        rules.getColumns().add(count);
        rules.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RuleRow row, boolean empty) {
                super.updateItem(row, empty);
                Severity s = empty || row == null || row.count() == 0 ? null : row.rule().severity();
                pseudoClassStateChanged(ORPHAN, s == Severity.ORPHAN);
                pseudoClassStateChanged(SUSPECT, s == Severity.SUSPECT);
                pseudoClassStateChanged(INFO, s == Severity.INFO);
            }
        });
        Label noRules = I18n.bind(new Label(), "ui.audit.placeholder.rules");
        noRules.setWrapText(true); // the rules' pane is narrow: the whole sentence, on two lines if need be
        noRules.setId("auditRulesPlaceholder");
        rules.setPlaceholder(noRules);
        rules.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> vm.selectedRuleProperty().set(row));
        vm.selectedRuleProperty().addListener((o, old, row) -> {
            if (rules.getSelectionModel().getSelectedItem() != row) {
                rules.getSelectionModel().select(row);
            }
        });

        Label explanation = new Label();
        explanation.setId("ruleExplanation");
        explanation.getStyleClass().add("rule-explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(vm.explanationBinding());

        TableView<Finding> findings = Tables.sorted(Tables.longList(new TableView<>()), vm.findings());
        findingTable = findings;
        findings.setId("findingTable");
        findings.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<Finding, String> key = column("keyColumn", "ui.audit.column.key", 18, Finding::key);
        TableColumn<Finding, String> detail = column("detailColumn", "ui.audit.column.detail", 46, f -> I18n.t(f.message()));
        detail.setCellFactory(col -> new TableCell<>() {
            /** The whole sentence, for a cell too narrow for it. */
            private final HoverTooltip whole = new HoverTooltip(this, () -> isEmpty() ? null : getText());

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                whole.update();
            }
        });
        TableColumn<Finding, String> repair = column("repairColumn", "ui.audit.column.repair", 10, f -> f.repair().label());
        TableColumn<Finding, String> relink = column("relinkColumn", "ui.audit.column.relinkTo", 18.5, Finding::relinkTo);
        TableColumn<Finding, String> state = column("ui.audit.column.status");
        state.setId("statusColumn");
        state.setCellValueFactory(c -> Bindings.createStringBinding(() -> statusText(c.getValue()), vm.marks().statesProperty(),
                I18n.languageProperty()));
        state.setPrefWidth(Em.of(16.5));
        state.setCellFactory(col -> new TableCell<>() {
            /** What the catalogue says changed: the tooltip and the mark follow (held here, weakly by the marks). */
            private final javafx.beans.value.ChangeListener<Object> marked = (o, was, now) -> mark();
            /** Who acknowledged the finding and why, where there is an acknowledgement. */
            private final HoverTooltip why = new HoverTooltip(this, this::acknowledgement);

            {
                getStyleClass().add(Tables.STATE_CELL);
                vm.marks().statesProperty().addListener(new javafx.beans.value.WeakChangeListener<>(marked));
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                mark();
            }

            private Finding finding() {
                return isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
            }

            private String acknowledgement() {
                Finding f = finding();
                dev.tpmconsole.model.catalogue.Catalogue.AckEntry ack = f == null ? null : vm.marks().acknowledgementOf(f);
                return ack == null ? null : ack.expiresAt() == null
                        ? I18n.t("ui.audit.ackTooltip", ack.by(), ack.reason())
                        : I18n.t("ui.audit.ackTooltipUntil", ack.by(), ack.reason(), Formats.expiry(ack.expiresAt()));
            }

            private void mark() {
                Finding f = finding();
                why.update();
                pseudoClassStateChanged(STATUS_NEW, f != null
                        && vm.marks().stateOf(f).status() == dev.tpmconsole.model.audit.FindingState.Status.NEW);
            }
        });
        findings.getColumns().add(key);
        findings.getColumns().add(state);
        findings.getColumns().add(detail);
        findings.getColumns().add(repair);
        findings.getColumns().add(relink);
        // "no findings" only about a rule: before one is chosen, where to choose one
        Label noFindings = new Label();
        noFindings.setId("auditFindingsPlaceholder");
        noFindings.setWrapText(true);
        noFindings.textProperty().bind(I18n.computed(() -> I18n.t(vm.selectedRuleProperty().get() == null
                ? "ui.audit.placeholder.noRule" : "ui.audit.placeholder.findings"), vm.selectedRuleProperty()));
        findings.setPlaceholder(noFindings);
        // when the catalogue's word on the findings comes (or changes), the rows and the status cells restyle themselves:
        // TableView.refresh() would make every cell anew, a long pulse for their CSS
        Tables.rows(findings, f -> {
            dev.tpmconsole.model.audit.FindingState.Status s = vm.marks().stateOf(f).status();
            return s == dev.tpmconsole.model.audit.FindingState.Status.NEW ? List.of(NEW)
                    : s == dev.tpmconsole.model.audit.FindingState.Status.ACKNOWLEDGED ? List.of(ACKNOWLEDGED) : List.of();
        }, null, vm.marks().statesProperty());
        findings.getSelectionModel().selectedItemProperty().addListener((o, old, f) -> vm.selectedFindingProperty().set(f));
        findings.setOnKeyPressed(e -> {
            if (Keys.ENTER.match(e)) {
                vm.showSelectedVm();
                e.consume();
            } else if (Keys.COPY.match(e)) {
                copy(findings);
                e.consume();
            }
        });
        findings.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.showSelectedVm();
            }
        });

        Button showVm = Icons.on(I18n.bind(new Button(), "ui.audit.showVm"), MaterialDesignM.MONITOR_EYE);
        showVm.setId("showVm");
        showVm.disableProperty().bind(vm.canShowVmBinding().not());
        showVm.setOnAction(e -> vm.showSelectedVm());
        Button copy = Icons.on(I18n.bind(new Button(), "ui.job.copy"), MaterialDesignC.CONTENT_COPY);
        copy.setId("copyFindings");
        copy.disableProperty().bind(findings.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copy(findings));
        Button acknowledge = Icons.on(I18n.bind(new Button(), "ui.audit.acknowledge"), MaterialDesignC.CHECK_DECAGRAM);
        acknowledge.setId("acknowledgeFindings");
        acknowledge.disableProperty().bind(vm.marks().canAcknowledgeBinding().not()
                .or(findings.getSelectionModel().selectedItemProperty().isNull()));
        acknowledge.setOnAction(e -> acknowledge(findings));
        Button unacknowledge = Icons.on(I18n.bind(new Button(), "ui.audit.unacknowledge"), MaterialDesignU.UNDO);
        unacknowledge.setId("unacknowledgeFindings");
        unacknowledge.disableProperty().bind(vm.marks().canAcknowledgeBinding().not()
                .or(Bindings.createBooleanBinding(() -> findings.getSelectionModel().getSelectedItems().stream()
                        .noneMatch(f -> vm.marks().acknowledgementOf(f) != null), findings.getSelectionModel().getSelectedItems(),
                        vm.marks().acknowledgementsProperty())));
        unacknowledge.setOnAction(e -> vm.marks().unacknowledge(List.copyOf(findings.getSelectionModel().getSelectedItems())));
        HBox actions = new HBox(showVm, copy, acknowledge, unacknowledge);
        actions.getStyleClass().add("gap-l");
        actions.setAlignment(Pos.CENTER_LEFT);

        // the chosen finding's whole sentence: the table's Detail column runs on past the window's edge
        Label chosenDetail = dev.tpmconsole.views.util.ChosenLine.of("findingDetail", I18n.computed(() ->
                vm.selectedFindingProperty().get() == null ? "" : I18n.t(vm.selectedFindingProperty().get().message()),
                vm.selectedFindingProperty()));

        VBox.setVgrow(findings, Priority.ALWAYS);
        VBox right = new VBox(explanation, findings, chosenDetail, actions);
        right.getStyleClass().addAll("gap-l", "pad-m");
        SplitPane split = new SplitPane(rules, right);
        split.setId("auditSplit");
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.38); // the rules' three columns, whole
        return split;
    }

    /** How the status column reads: new, seen since (date), acknowledged (until when); empty without a catalogue. */
    private String statusText(Finding f) {
        dev.tpmconsole.model.audit.FindingState state = vm.marks().stateOf(f);
        if (state.status() == null) {
            return "";
        }
        return switch (state.status()) {
            case NEW -> I18n.t("ui.audit.state.new");
            case SEEN -> I18n.t("ui.audit.state.seen", state.firstSeen() == null ? "?"
                    : I18n.date(state.firstSeen()));
            case ACKNOWLEDGED -> {
                dev.tpmconsole.model.catalogue.Catalogue.AckEntry a = vm.marks().acknowledgementOf(f);
                yield a == null || a.expiresAt() == null ? I18n.t("ui.audit.state.acknowledged")
                        : I18n.t("ui.audit.state.acknowledgedUntil", Formats.expiry(a.expiresAt()));
            }
        };
    }

    /** Asks the reason (and an expiry) for the selected findings, then acknowledges them. */
    private void acknowledge(TableView<Finding> findings) {
        List<Finding> chosen = List.copyOf(findings.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty()) {
            return;
        }
        dev.tpmconsole.views.util.DialogService ask = dialogs != null ? dialogs
                : new dev.tpmconsole.views.util.FxDialogService(root.getScene() == null ? null : root.getScene().getWindow());
        String what = I18n.t("ui.audit.ack.title", chosen.size());
        ask.askAcknowledgement(what, I18n.t("ui.audit.ack.message", chosen.size()), what)
                .ifPresent(a -> vm.marks().acknowledge(chosen, a.reason(), a.until()));
    }

    private static <S, T> TableColumn<S, T> column(String key) {
        TableColumn<S, T> c = new TableColumn<>();
        c.textProperty().bind(I18n.text(key));
        return c;
    }

    /** A column of text as {@link Tables#column} makes them, sortable: the audit's lists are whole, in memory. */
    private static <S> TableColumn<S, String> column(String id, String key, double widthEm, Function<S, String> text) {
        TableColumn<S, String> c = Tables.column(id, key, widthEm, text);
        c.setSortable(true);
        return c;
    }

    /** Copies the selected findings as tab-separated lines: rule, severity, table, key, detail, repair. */
    private static void copy(TableView<Finding> table) {
        String text = table.getSelectionModel().getSelectedItems().stream()
                .map(f -> String.join("\t", f.rule().name(), f.severity().label(), f.table(), f.key(), f.detail(),
                        f.repair().label()))
                .collect(Collectors.joining("\n"));
        dev.tpmconsole.views.util.Clipboards.put(text);
    }
}
