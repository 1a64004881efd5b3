package dev.tpmconsole.views.audit;

import dev.tpmconsole.views.util.Keys;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.Severity;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.Icons;
import java.io.File;
import java.text.NumberFormat;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
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

/**
 * The audit screen: Run (Ctrl+R) and Cancel (Esc) with a progress bar; the rules that ran with their
 * severity and count; the selected rule explained and its findings; Show VM (Enter) for a finding; Copy
 * (Ctrl+C); export as JSON or CSV. All state is in {@link AuditViewModel}.
 */
public final class AuditView {

    private static final PseudoClass ORPHAN = PseudoClass.getPseudoClass("orphan");
    private static final PseudoClass SUSPECT = PseudoClass.getPseudoClass("suspect");
    private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");

    private final AuditViewModel vm;
    private final BorderPane root = new BorderPane();

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        root.setId("auditView");
        root.getStyleClass().add("audit-view");
        root.setTop(new VBox(toolbar(), errorBanner()));
        root.setCenter(body());
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (Keys.RUN.match(e) && vm.canRunBinding().get()) {
                vm.run();
                e.consume();
            } else if (Keys.ESCAPE.match(e) && vm.runningProperty().get()) {
                vm.cancel();
                e.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private Parent toolbar() {
        Button run = Icons.on(new Button("Run audit"), MaterialDesignP.PLAY);
        run.setId("runAudit");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.canRunBinding().not());
        run.setOnAction(e -> vm.run());
        Button cancel = Icons.on(new Button("Cancel"), MaterialDesignS.STOP, Icons.DANGER);
        cancel.setId("cancelAudit");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("auditProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.getStyleClass().add("toolbar-progress");
        Label status = new Label();
        status.setId("auditStatus");
        status.textProperty().bind(vm.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button json = Icons.on(new Button("Export JSON…"), MaterialDesignE.EXPORT);
        json.setId("exportJson");
        json.disableProperty().bind(vm.canExportBinding().not());
        json.setOnAction(e -> export(AuditViewModel.ExportFormat.JSON));
        Button csv = Icons.on(new Button("Export CSV…"), MaterialDesignE.EXPORT);
        csv.setId("exportCsv");
        csv.disableProperty().bind(vm.canExportBinding().not());
        csv.setOnAction(e -> export(AuditViewModel.ExportFormat.CSV));
        HBox bar = new HBox(run, cancel, progress, status, spacer, json, csv);
        bar.setId("auditToolbar");
        bar.getStyleClass().addAll("tool-bar", "gap-l", "pad-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void export(AuditViewModel.ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit");
        String ext = format == AuditViewModel.ExportFormat.JSON ? "json" : "csv";
        chooser.setInitialFileName("audit." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " files", "*." + ext));
        File file = chooser.showSaveDialog(root.getScene() != null ? root.getScene().getWindow() : null);
        if (file != null) {
            vm.exportTo(file.toPath(), format);
        }
    }

    private Parent errorBanner() {
        return dev.tpmconsole.views.util.ErrorBanner.of(vm.errorProperty(), vm::dismissError, "auditErrorBanner",
                "auditError", "dismissAuditError");
    }

    private Parent body() {
        TableView<RuleRow> rules = new TableView<>(vm.rules());
        rules.setId("ruleTable");
        TableColumn<RuleRow, String> rule = new TableColumn<>("Rule");
        rule.setId("ruleColumn");
        rule.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rule().name()));
        rule.setPrefWidth(Em.of(18));
        TableColumn<RuleRow, String> severity = new TableColumn<>("Severity");
        severity.setId("severityColumn");
        severity.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().severity()));
        severity.setPrefWidth(Em.of(6));
        TableColumn<RuleRow, Long> count = new TableColumn<>("Rows");
        count.setId("countColumn");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : NumberFormat.getIntegerInstance().format(value));
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
        rules.setPlaceholder(new Label("Run the audit (Ctrl+R) to see what ZStack left behind."));
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

        TableView<Finding> findings = new TableView<>(vm.findings());
        findings.setId("findingTable");
        findings.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<Finding, String> key = new TableColumn<>("Key");
        key.setId("keyColumn");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        key.setPrefWidth(Em.of(18));
        TableColumn<Finding, String> detail = new TableColumn<>("Detail");
        detail.setId("detailColumn");
        detail.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        detail.setPrefWidth(Em.of(46));
        detail.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                setTooltip(empty || value == null ? null : new javafx.scene.control.Tooltip(value));
            }
        });
        TableColumn<Finding, String> repair = new TableColumn<>("Repair");
        repair.setId("repairColumn");
        repair.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().repair().label()));
        repair.setPrefWidth(Em.of(10));
        TableColumn<Finding, String> relink = new TableColumn<>("Relink to");
        relink.setId("relinkColumn");
        relink.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().relinkTo()));
        relink.setPrefWidth(Em.of(18.5));
        findings.getColumns().add(key);
        findings.getColumns().add(detail);
        findings.getColumns().add(repair);
        findings.getColumns().add(relink);
        findings.setPlaceholder(new Label("No findings for this rule."));
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

        Button showVm = Icons.on(new Button("Show VM"), MaterialDesignM.MONITOR_EYE);
        showVm.setId("showVm");
        showVm.disableProperty().bind(vm.canShowVmBinding().not());
        showVm.setOnAction(e -> vm.showSelectedVm());
        Button copy = Icons.on(new Button("Copy"), MaterialDesignC.CONTENT_COPY);
        copy.setId("copyFindings");
        copy.disableProperty().bind(findings.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copy(findings));
        HBox actions = new HBox(showVm, copy);
        actions.getStyleClass().add("gap-l");
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(findings, Priority.ALWAYS);
        VBox right = new VBox(explanation, findings, actions);
        right.getStyleClass().addAll("gap-l", "pad-m");
        SplitPane split = new SplitPane(rules, right);
        split.setId("auditSplit");
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.36);
        return split;
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
