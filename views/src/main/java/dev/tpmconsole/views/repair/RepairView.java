package dev.tpmconsole.views.repair;

import dev.tpmconsole.views.preview.PreviewView;
import dev.tpmconsole.views.run.RunView;
import dev.tpmconsole.views.util.DialogService;
import dev.tpmconsole.views.util.Em;
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
            case AUDIT -> "Step 1 of 5: audit the key refs";
            case CHOOSE -> "Step 2 of 5: choose what to repair";
            case PLAN -> "Step 3 of 5: the repair as a plan";
            case RUN -> "Step 4 of 5: the run (the snapshot is backed up first)";
            case RESULT -> "Step 5 of 5: the audit again, and what changed";
        }, vm.pageProperty()));
        Label status = new Label();
        status.setId("repairStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("repairError");
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox top = new VBox(step, status, error);
        top.getStyleClass().addAll("gap-m", "pad-header");
        root.setTop(top);
        root.setCenter(pages);
        show();
        vm.pageProperty().addListener((o, a, b) -> show());

        Button back = Icons.on(new Button("Back"), MaterialDesignA.ARROW_LEFT);
        back.setId("repairBack");
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.pageProperty().get() != RepairViewModel.Page.PLAN
                && vm.pageProperty().get() != RepairViewModel.Page.CHOOSE, vm.pageProperty()));
        back.setOnAction(e -> vm.back());
        Button closeButton = Icons.on(new Button("Close"), MaterialDesignC.CLOSE);
        closeButton.setId("repairClose");
        closeButton.setOnAction(e -> close.run());
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

    private Node auditPage() {
        Label text = new Label("The audit of the key refs (orphaned refs, duplicate placeholders, refs whose provider"
                + " is gone) runs in the database; the findings are then classified by what can be done about them.");
        text.setWrapText(true);
        Button audit = Icons.after(new Button("Audit the key refs"), MaterialDesignA.ARROW_RIGHT);
        audit.setId("repairAudit");
        audit.setDefaultButton(true);
        audit.setOnAction(e -> vm.audit());
        VBox box = new VBox(text, audit);
        box.getStyleClass().addAll("gap-xl", "pad-l");
        return box;
    }

    private Node choosePage() {
        TableView<RepairViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("repairFindings");
        table.setEditable(true);
        TableColumn<RepairViewModel.Row, Boolean> chosen = new TableColumn<>("Repair");
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
        table.getColumns().add(column("Kind", 16.5, r -> r.kind().title()));
        table.getColumns().add(column("Key ref", 6, r -> r.finding().key()));
        table.getColumns().add(column("What happens", 24, r -> r.kind().action()));
        table.getColumns().add(column("Finding", 43, r -> dev.tpmconsole.views.util.I18n.t(r.finding().message())));
        table.setPlaceholder(new Label("No key finding: nothing to repair"));
        // wraps onto a second line rather than shrink a button to "…" when the font is large for the window
        FlowPane kinds = new FlowPane();
        kinds.getStyleClass().add("button-flow");
        kinds.widthProperty().addListener((o, a, w) -> kinds.setPrefWrapLength(w.doubleValue()));
        for (RepairViewModel.Kind kind : RepairViewModel.Kind.values()) {
            if (!kind.repairable()) {
                continue;
            }
            Button all = new Button("All: " + kind.title().toLowerCase());
            all.setId("choose" + kind.name());
            all.setOnAction(e -> vm.choose(kind, true));
            Button none = new Button("None");
            none.setId("leave" + kind.name());
            none.setOnAction(e -> vm.choose(kind, false));
            kinds.getChildren().addAll(all, none);
        }
        Button plan = Icons.after(new Button("Show the repair as a plan"), MaterialDesignA.ARROW_RIGHT);
        plan.setId("repairPlan");
        plan.setDefaultButton(true);
        plan.disableProperty().bind(vm.canPlanBinding().not());
        plan.setOnAction(e -> vm.plan());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(kinds, table, plan);
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
        result.textProperty().bind(vm.resultProperty());
        TableView<RepairViewModel.TableChange> table = new TableView<>(vm.changes());
        table.setId("repairChanges");
        TableColumn<RepairViewModel.TableChange, String> name = new TableColumn<>("Table");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        name.setPrefWidth(Em.of(20));
        TableColumn<RepairViewModel.TableChange, Long> before = new TableColumn<>("Rows before");
        before.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().before()));
        before.setPrefWidth(Em.of(7.5));
        TableColumn<RepairViewModel.TableChange, Long> after = new TableColumn<>("Rows after");
        after.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().after()));
        after.setPrefWidth(Em.of(7));
        TableColumn<RepairViewModel.TableChange, String> diff = new TableColumn<>("Change");
        diff.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().after() == c.getValue().before() ? ""
                : String.format("%+d", c.getValue().after() - c.getValue().before())));
        diff.setPrefWidth(Em.of(5.5));
        table.getColumns().add(name);
        table.getColumns().add(before);
        table.getColumns().add(after);
        table.getColumns().add(diff);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(result, table);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().addAll("gap-l", "pad-page");
        return box;
    }

    private static TableColumn<RepairViewModel.Row, String> column(String title, double widthEm,
                                                                  java.util.function.Function<RepairViewModel.Row, String> value) {
        TableColumn<RepairViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(Em.of(widthEm));
        return c;
    }
}
