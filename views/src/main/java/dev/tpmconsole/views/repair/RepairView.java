package dev.tpmconsole.views.repair;

import dev.tpmconsole.views.preview.PreviewView;
import dev.tpmconsole.views.run.RunView;
import dev.tpmconsole.views.util.DialogService;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Tables;
import dev.tpmconsole.views.util.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The guided repair of key refs, one page at a time: audit, choose, plan, run, result. Thin: the state and
 * the flow are in {@link RepairViewModel}; the plan and the run use the preview and run views.
 */
public final class RepairView {

    private final RepairViewModel vm;
    private final DialogService dialogs;
    private final Runnable close;
    private final BorderPane root = new BorderPane();
    private final StackPane pages = new StackPane();

    public RepairView(RepairViewModel vm, DialogService dialogs, Runnable close) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.close = close;
        root.setId("repairView");
        root.getStyleClass().add("repair-view");
        Label step = new Label();
        step.setId("repairStep");
        step.getStyleClass().add("title");
        step.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.pageProperty().get()) {
            case AUDIT -> I18n.t("ui.repair.step.audit");
            case CHOOSE -> I18n.t("ui.repair.step.choose");
            case PLAN -> I18n.t("ui.repair.step.plan");
            case RUN -> I18n.t("ui.repair.step.run");
            case RESULT -> I18n.t("ui.repair.step.result");
        }, vm.pageProperty(), I18n.languageProperty()));
        Label status = new Label();
        status.setId("repairStatus");
        status.setWrapText(true);
        status.textProperty().bind(I18n.text(vm.statusMessageProperty()));
        // no empty line under the title before there is a status to give
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Label error = new Label();
        error.setId("repairError");
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.textProperty().bind(I18n.text(vm.errorMessageProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox top = new VBox(step, status, error);
        top.getStyleClass().addAll("gap-m", "pad-header");
        root.setTop(top);
        root.setCenter(pages);
        show();
        vm.pageProperty().addListener((o, a, b) -> show());

        Button back = Icons.on(I18n.bind(new Button(), "ui.repair.back"), MaterialDesignA.ARROW_LEFT);
        back.setId("repairBack");
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.pageProperty().get() != RepairViewModel.Page.PLAN
                && vm.pageProperty().get() != RepairViewModel.Page.CHOOSE, vm.pageProperty()));
        back.setOnAction(e -> vm.back());
        Button closeButton = Icons.on(I18n.bind(new Button(), "ui.job.close"), MaterialDesignC.CLOSE);
        closeButton.setId("repairClose");
        closeButton.setOnAction(e -> close.run());
        // the plan's page has the preview's own Close, which closes the wizard too: one is enough
        closeButton.visibleProperty().bind(vm.pageProperty().isNotEqualTo(RepairViewModel.Page.PLAN));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(back, spacer, closeButton);
        bottom.getStyleClass().addAll("gap-l", "pad-buttons");
        root.setBottom(bottom);
    }

    public Parent root() {
        return root;
    }

    private void show() {
        pages.getChildren().setAll(switch (vm.pageProperty().get()) {
            case AUDIT -> auditPage();
            case CHOOSE -> choosePage();
            case PLAN -> planPage();
            case RUN -> new RunView(vm.runProperty().get(), () -> { }).root();
            case RESULT -> resultPage();
        });
    }

    /** The steps after the audit, as the first page tells them: what each does, and that nothing is changed yet. */
    static final java.util.List<String> STEPS_AFTER_THE_AUDIT = java.util.List.of("ui.repair.overview.choose",
            "ui.repair.overview.plan", "ui.repair.overview.run", "ui.repair.overview.result");

    private Node auditPage() {
        Label text = I18n.bind(new Label(), "ui.repair.auditText");
        text.setId("repairAuditText");
        text.setWrapText(true);
        // the page a person reads before anything happens: the whole of what follows, not a line in an empty window
        Label following = I18n.bind(new Label(), "ui.repair.overview.title");
        following.getStyleClass().add("section-title");
        javafx.scene.layout.GridPane steps = new javafx.scene.layout.GridPane();
        steps.setId("repairSteps");
        steps.getStyleClass().add("repair-steps");
        for (int i = 0; i < STEPS_AFTER_THE_AUDIT.size(); i++) {
            Label number = new Label(Integer.toString(i + 2));
            number.getStyleClass().add("step-number");
            Label what = I18n.bind(new Label(), STEPS_AFTER_THE_AUDIT.get(i));
            what.setId("repairStep" + (i + 2));
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            javafx.scene.layout.GridPane.setHgrow(what, Priority.ALWAYS);
            javafx.scene.layout.GridPane.setValignment(number, javafx.geometry.VPos.TOP);
            steps.addRow(i, number, what);
        }
        Label nothingYet = I18n.bind(new Label(), "ui.repair.overview.nothingYet");
        nothingYet.setId("repairNothingYet");
        nothingYet.setWrapText(true);
        Button audit = Icons.after(I18n.bind(new Button(), "ui.repair.audit"), MaterialDesignA.ARROW_RIGHT);
        audit.setId("repairAudit");
        audit.setDefaultButton(true);
        audit.setOnAction(e -> vm.audit());
        VBox box = new VBox(text, following, steps, nothingYet, audit);
        box.getStyleClass().addAll("gap-l", "pad-l", "repair-audit-page");
        StackPane.setAlignment(box, Pos.TOP_LEFT);
        return box;
    }

    private Node choosePage() {
        // rows of the console's height, as every list's: a cloud's key findings can number thousands
        TableView<RepairViewModel.Row> table = Tables.sorted(Tables.longList(new TableView<>()), vm.rows());
        table.setId("repairFindings");
        table.setEditable(true);
        TableColumn<RepairViewModel.Row, Boolean> chosen = I18n.bindColumn(new TableColumn<>(), "ui.repair.column.repair");
        chosen.setCellValueFactory(c -> c.getValue().chosenProperty());
        chosen.setCellFactory(c -> new CheckBoxTableCell<>() {
            @Override
            public void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                RepairViewModel.Row row = getTableRow() == null ? null : getTableRow().getItem();
                setDisable(row != null && !row.kind().repairable());
            }
        });
        chosen.setEditable(true);
        chosen.setPrefWidth(Em.of(5));
        table.getColumns().add(chosen);
        chosen.setId("repairChosenColumn");
        table.getColumns().add(column("repairKindColumn", "ui.repair.column.kind", 20, r -> r.kind().title()));
        table.getColumns().add(column("repairKeyRefColumn", "ui.repair.column.keyRef", 6, r -> r.finding().key()));
        table.getColumns().add(column("repairActionColumn", "ui.repair.column.whatHappens", 24, r -> r.kind().action()));
        // an acknowledged finding is left unchosen; the reason it was acknowledged with says why
        table.getColumns().add(column("repairAcknowledgedColumn", "ui.repair.column.acknowledged", 16,
                r -> r.acknowledged() == null ? "" : r.acknowledged()));
        table.getColumns().add(column("repairFindingColumn", "ui.repair.column.finding", 43,
                r -> I18n.t(r.finding().message())));
        table.setPlaceholder(I18n.bind(new Label(), "ui.repair.nothing"));
        // wraps onto a second line rather than shrink a button to "…" when the font is large for the window
        FlowPane kinds = new FlowPane();
        kinds.getStyleClass().add("button-flow");
        kinds.widthProperty().addListener((o, a, w) -> kinds.setPrefWrapLength(w.doubleValue()));
        for (RepairViewModel.Kind kind : RepairViewModel.Kind.values()) {
            if (!kind.repairable()) {
                continue;
            }
            Button all = new Button();
            all.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("ui.repair.chooseAll",
                    kind.title().toLowerCase(java.util.Locale.ROOT)), I18n.languageProperty()));
            all.setId("choose" + kind.name());
            all.setOnAction(e -> vm.choose(kind, true));
            Button none = I18n.bind(new Button(), "ui.repair.chooseNone");
            none.setId("leave" + kind.name());
            // three buttons read "None": a screen reader says whose
            none.accessibleTextProperty().bind(Bindings.createStringBinding(() -> I18n.t("ui.repair.chooseNoneOf",
                    kind.title().toLowerCase(java.util.Locale.ROOT)), I18n.languageProperty()));
            none.setOnAction(e -> vm.choose(kind, false));
            // a kind's two buttons wrap together: a "None" alone at the start of a line would read as the next kind's
            HBox pair = new HBox(all, none);
            pair.getStyleClass().add("button-pair");
            // only the kinds this audit found: the others' buttons would choose nothing
            pair.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.rows().stream()
                    .anyMatch(r -> r.kind() == kind), vm.rows()));
            pair.managedProperty().bind(pair.visibleProperty());
            kinds.getChildren().add(pair);
        }
        Button plan = Icons.after(I18n.bind(new Button(), "ui.repair.showPlan"), MaterialDesignA.ARROW_RIGHT);
        plan.setId("repairPlan");
        plan.setDefaultButton(true);
        plan.disableProperty().bind(vm.canPlanBinding().not());
        plan.setOnAction(e -> vm.plan());
        Label count = new Label();
        count.setId("repairChosenCount");
        count.textProperty().bind(I18n.computed(() -> I18n.t("ui.repair.chosenCount", vm.chosenCountProperty().get(),
                vm.rows().size()), vm.chosenCountProperty(), vm.rows()));
        HBox planLine = new HBox(plan, count);
        planLine.getStyleClass().add("gap-l");
        planLine.setAlignment(Pos.CENTER_LEFT);
        // the chosen row's action and finding, whole: the table cuts them
        Label detail = dev.tpmconsole.views.util.ChosenLine.of("repairRowDetail", I18n.computed(() -> {
            RepairViewModel.Row row = table.getSelectionModel().getSelectedItem();
            return row == null ? ""
                    : I18n.t("ui.repair.rowDetail", row.kind().action(), I18n.t(row.finding().message()));
        }, table.getSelectionModel().selectedItemProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(kinds, table, detail, planLine);
        box.getStyleClass().addAll("gap-l", "pad-page");
        return box;
    }

    private Node planPage() {
        // the preview's Close (and Escape) closes the wizard, as the wizard's own Close does
        Parent preview = new PreviewView(vm.preview(), close, (plan, overSsh) -> vm.runPlan(), dialogs,
                new javafx.beans.property.SimpleBooleanProperty(false)).root();
        return preview;
    }

    private Node resultPage() {
        Label result = new Label();
        result.setId("repairResult");
        result.setWrapText(true);
        result.textProperty().bind(I18n.text(vm.resultMessageProperty()));
        TableView<RepairViewModel.TableChange> table = Tables.sorted(Tables.longList(new TableView<>()), vm.changes());
        table.setId("repairChanges");
        TableColumn<RepairViewModel.TableChange, String> name = I18n.bindColumn(new TableColumn<>(), "ui.repair.column.table");
        name.setId("repairChangeTableColumn");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        name.setPrefWidth(Em.of(20));
        TableColumn<RepairViewModel.TableChange, Long> before = I18n.bindColumn(new TableColumn<>(), "ui.repair.column.before");
        before.setId("repairChangeBeforeColumn");
        before.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().before()));
        before.setPrefWidth(Em.of(9));
        TableColumn<RepairViewModel.TableChange, Long> after = I18n.bindColumn(new TableColumn<>(), "ui.repair.column.after");
        after.setId("repairChangeAfterColumn");
        after.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().after()));
        after.setPrefWidth(Em.of(9));
        TableColumn<RepairViewModel.TableChange, String> diff = I18n.bindColumn(new TableColumn<>(), "ui.repair.column.change");
        diff.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().after() == c.getValue().before() ? ""
                : (c.getValue().after() > c.getValue().before() ? "+" : "-")
                        + I18n.number(Math.abs(c.getValue().after() - c.getValue().before()))));
        diff.setId("repairChangeColumn");
        diff.setPrefWidth(Em.of(6));
        // counts grouped as the language groups them ("6,469"), as the summary writes them; sorted as numbers
        for (TableColumn<RepairViewModel.TableChange, Long> c : java.util.List.of(before, after)) {
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Long value, boolean empty) {
                    super.updateItem(value, empty);
                    setText(empty || value == null ? null : I18n.number(value));
                }
            });
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        table.getColumns().add(name);
        table.getColumns().add(before);
        table.getColumns().add(after);
        table.getColumns().add(diff);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(result, table);
        // the run is over before the result shows: how to undo it is said here, as the run window says it
        if (vm.runProperty().get() != null) {
            box.getChildren().add(1, dev.tpmconsole.views.run.RunView.undoLine(vm.runProperty().get(), "repairUndo",
                    "repairCopyUndo"));
        }
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().addAll("gap-l", "pad-page");
        return box;
    }


    private static TableColumn<RepairViewModel.Row, String> column(String id, String key, double widthEm,
                                                                  java.util.function.Function<RepairViewModel.Row, String> value) {
        TableColumn<RepairViewModel.Row, String> c = I18n.bindColumn(new TableColumn<>(), key);
        c.setId(id);
        c.setCellValueFactory(x -> Bindings.createStringBinding(() -> value.apply(x.getValue()), I18n.languageProperty()));
        c.setPrefWidth(Em.of(widthEm));
        return c;
    }
}
