package dev.tpmconsole.views.run;

import dev.tpmconsole.views.util.Keys;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Tables;
import dev.tpmconsole.views.util.Icons;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The run screen: overall progress, a row per item (backups, host files, the TPM, host work) with its state,
 * the error panel while there are failures (failed items with cause and details, Copy, Retry failed), Cancel, and
 * the summary with the re-audit at the end. Thin: the state is in {@link RunViewModel}.
 */
public final class RunView {

    private final RunViewModel vm;
    private final BorderPane root = new BorderPane();

    public RunView(RunViewModel vm, Runnable close) {
        this.vm = vm;
        root.setId("runView");
        root.getStyleClass().add("run-view");

        Label title = I18n.bind(new Label(), "ui.run.title", RunViewModel.operationName(vm.plan().operation()),
                vm.plan().vmUuids().size(), vm.plan().source());
        title.setId("runTitle");
        title.getStyleClass().add("title");
        ProgressBar bar = new ProgressBar();
        bar.setId("runProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label status = new Label();
        status.setId("runStatus");
        status.textProperty().bind(I18n.text(vm.statusMessageProperty()));
        Label error = new Label();
        error.setId("runError");
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.textProperty().bind(I18n.text(vm.errorMessageProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        HBox progress = new HBox(bar, status);
        progress.getStyleClass().add("gap-l");
        VBox top = new VBox(title, progress, error);
        top.getStyleClass().addAll("gap-m", "pad-header");
        root.setTop(top);

        TableView<ItemRow> items = Tables.longList(new TableView<>(vm.items()));
        items.setId("runItems");
        // the step in words (the journal and the plan JSON name it "delete-backups")
        items.getColumns().add(column("ui.run.column.step", 11, r -> I18n.t(r.step().message())));
        items.getColumns().add(column("ui.run.column.item", 30, r -> r.item()));
        TableColumn<ItemRow, String> state = I18n.bindColumn(new TableColumn<>(), "ui.run.column.state");
        state.setCellValueFactory(c -> Bindings.createStringBinding(() -> ItemRow.label(c.getValue().state()),
                c.getValue().stateProperty(), I18n.languageProperty()));
        state.setPrefWidth(Em.of(6.5));
        items.getColumns().add(state);
        TableColumn<ItemRow, String> cause = I18n.bindColumn(new TableColumn<>(), "ui.run.column.cause");
        cause.setCellValueFactory(c -> I18n.text(c.getValue().causeProperty()));
        cause.setPrefWidth(Em.of(30));
        items.getColumns().add(cause);
        // the run's items stay in the plan's order, the order the run takes them in, while their states change under
        // the person's eyes (a click on a header did nothing anyway: the list is the view-model's, which the table
        // may not reorder)
        items.getColumns().forEach(c -> c.setSortable(false));
        items.setRowFactory(t -> new TableRow<>() {
            private final javafx.beans.value.ChangeListener<ItemRow.State> onState = (o, a, b) -> mark(b);

            @Override
            protected void updateItem(ItemRow row, boolean empty) {
                ItemRow old = getItem();
                if (old != null) {
                    old.stateProperty().removeListener(onState);
                }
                super.updateItem(row, empty);
                if (!empty && row != null) {
                    row.stateProperty().addListener(onState);
                }
                mark(empty || row == null ? null : row.state());
            }

            private void mark(ItemRow.State state) {
                for (ItemRow.State s : ItemRow.State.values()) {
                    pseudoClassStateChanged(PseudoClass.getPseudoClass(s.name().toLowerCase()), state == s);
                }
            }
        });

        TableView<ItemRow> failures = Tables.sorted(Tables.longList(new TableView<>()), vm.failures());
        failures.setId("failureTable");
        failures.getColumns().add(column("ui.run.column.failedItem", 27.5,
                r -> I18n.t(r.step().message()) + " · " + r.item()));
        TableColumn<ItemRow, String> why = I18n.bindColumn(new TableColumn<>(), "ui.run.column.cause");
        why.setCellValueFactory(c -> I18n.text(c.getValue().causeProperty()));
        why.setPrefWidth(Em.of(37.5));
        failures.getColumns().add(why);
        TextArea detail = new TextArea();
        detail.setId("failureDetail");
        detail.setEditable(false);
        detail.setPrefRowCount(6);
        detail.textProperty().bind(Bindings.createStringBinding(() -> {
            ItemRow b = failures.getSelectionModel().getSelectedItem();
            return b == null ? "" : b.cause() + "\n\n" + b.detail();
        }, failures.getSelectionModel().selectedItemProperty(), I18n.languageProperty()));
        Button copy = Icons.on(I18n.bind(new Button(), "ui.job.copy"), MaterialDesignC.CONTENT_COPY);
        copy.setId("copyFailures");
        copy.disableProperty().bind(Bindings.isEmpty(vm.failures()));
        copy.setOnAction(e -> copy(vm.failuresText()));
        failures.setOnKeyPressed(e -> {
            if (Keys.COPY.match(e)) {
                copy(vm.failuresText());
                e.consume();
            }
        });
        Button retry = Icons.on(I18n.bind(new Button(), "ui.run.retryFailed"), MaterialDesignR.REPLAY);
        retry.setId("retryFailed");
        retry.disableProperty().bind(vm.canRetryBinding().not());
        retry.setOnAction(e -> vm.retryFailed());
        Label errorsTitle = new Label();
        errorsTitle.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("ui.run.errors", vm.failures().size()),
                vm.failures(), I18n.languageProperty()));
        errorsTitle.getStyleClass().add("section-title");
        HBox errorButtons = new HBox(copy, retry);
        errorButtons.getStyleClass().add("gap-l");
        VBox.setVgrow(failures, Priority.ALWAYS);
        VBox errorPanel = new VBox(errorsTitle, failures, detail, errorButtons);
        errorPanel.setId("errorPanel");
        errorPanel.getStyleClass().addAll("gap-m", "pad-page");

        // host work over SSH: a row per host, its progress and its failed paths with their cause
        TableView<HostRow> hostTable = Tables.sorted(Tables.longList(new TableView<>()), vm.hosts());
        hostTable.setId("runHosts");
        TableColumn<HostRow, String> host = I18n.bindColumn(new TableColumn<>(), "ui.run.column.host");
        host.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().hostUuid()));
        host.setPrefWidth(Em.of(22));
        TableColumn<HostRow, String> address = I18n.bindColumn(new TableColumn<>(), "ui.run.column.address");
        address.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().address(),
                I18n.languageProperty()));
        address.setPrefWidth(Em.of(10));
        TableColumn<HostRow, String> moved = I18n.bindColumn(new TableColumn<>(), "ui.run.column.done");
        moved.setCellValueFactory(c -> Bindings.createStringBinding(() -> I18n.t("ui.run.doneOf",
                c.getValue().doneProperty().get(), c.getValue().total()), c.getValue().doneProperty(),
                I18n.languageProperty()));
        moved.setPrefWidth(Em.of(8));
        TableColumn<HostRow, String> hostFailed = I18n.bindColumn(new TableColumn<>(), "ui.run.column.failed");
        hostFailed.setCellValueFactory(c -> c.getValue().failedProperty().asString());
        hostFailed.setPrefWidth(Em.of(5));
        TableColumn<HostRow, String> hostFailures = I18n.bindColumn(new TableColumn<>(), "ui.run.column.failedPaths");
        hostFailures.setCellValueFactory(c -> c.getValue().failuresProperty());
        hostFailures.setPrefWidth(Em.of(40));
        hostTable.getColumns().addAll(List.of(host, address, moved, hostFailed, hostFailures));
        hostTable.setPlaceholder(I18n.bind(new Label(), "ui.run.placeholder.hosts"));
        // a few hosts at a glance, whatever room the items take
        hostTable.setMinHeight(Em.of(11));
        hostTable.setPrefHeight(Em.of(11));
        hostTable.visibleProperty().bind(vm.hostWorkOverSshProperty().and(Bindings.isNotEmpty(vm.hosts())));
        hostTable.managedProperty().bind(hostTable.visibleProperty());
        VBox.setVgrow(items, Priority.ALWAYS);
        VBox upper = new VBox(hostTable, items);
        upper.getStyleClass().add("gap-m");

        // the error panel takes its share of the window only while there are failures to show: empty, it was two
        // fifths of the window under a run that went well (the summary line counts the failed items either way)
        SplitPane split = new SplitPane();
        split.setOrientation(Orientation.VERTICAL);
        double[] divider = {0.6};
        Runnable place = () -> {
            if (vm.failures().isEmpty()) {
                if (root.getCenter() == split) {
                    // where the person left the divider, for the next failures; and the focus (on Retry failed,
                    // which cleared the list) to the items, not lost with the panel
                    divider[0] = split.getDividerPositions()[0];
                    javafx.scene.Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
                    if (isInside(focused, errorPanel)) {
                        items.requestFocus();
                    }
                }
                split.getItems().clear();
                root.setCenter(upper);
            } else if (root.getCenter() != split) {
                root.setCenter(split);
                split.getItems().setAll(upper, errorPanel);
                split.setDividerPositions(divider[0]);
            }
        };
        vm.failures().addListener((javafx.collections.ListChangeListener<ItemRow>) c -> place.run());
        place.run();

        Label summary = new Label();
        summary.setId("runSummary");
        summary.textProperty().bind(I18n.text(vm.summaryMessageProperty()));
        Label residue = new Label();
        residue.setId("runResidue");
        residue.setWrapText(true);
        residue.textProperty().bind(I18n.text(vm.residueMessageProperty()));
        org.controlsfx.control.action.Action cancelAction = dev.tpmconsole.views.util.Commands.enabledWhen(
                dev.tpmconsole.views.util.Commands.action("cancelRun", "ui.job.cancel", Keys.ESCAPE, vm::cancel),
                vm.canCancelBinding());
        cancelAction.textProperty().bind(I18n.text("ui.job.cancel"));
        org.controlsfx.control.action.Action closeAction = dev.tpmconsole.views.util.Commands.enabledWhen(
                dev.tpmconsole.views.util.Commands.action("closeRun", "ui.job.close", (String) null, close),
                vm.runningProperty().not());
        closeAction.textProperty().bind(I18n.text("ui.job.close"));
        Button cancel = dev.tpmconsole.views.util.Commands.button(cancelAction, MaterialDesignS.STOP, Icons.DANGER);
        Button closeButton = dev.tpmconsole.views.util.Commands.button(closeAction, MaterialDesignC.CLOSE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the confirmation said the run can be undone: here is how, once the run has its journal
        HBox undoLine = undoLine(vm, "runUndo", "runCopyUndo");
        VBox texts = new VBox(summary, residue, undoLine);
        texts.getStyleClass().add("gap-xs");
        HBox bottom = new HBox(texts, spacer, cancel, closeButton);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().addAll("gap-l", "pad-buttons");
        root.setBottom(bottom);
        dev.tpmconsole.views.util.Commands.handleKeys(root, List.of(cancelAction), false);
    }

    public Parent root() {
        return root;
    }


    private static TableColumn<ItemRow, String> column(String key, double widthEm,
                                                       java.util.function.Function<ItemRow, String> value) {
        TableColumn<ItemRow, String> c = I18n.bindColumn(new TableColumn<>(), key);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(Em.of(widthEm));
        return c;
    }

    private static void copy(String text) {
        dev.tpmconsole.views.util.Clipboards.put(text);
    }

    /**
     * The command that undoes {@code vm}'s run, with a button that copies it; shown once the run has its journal. The
     * run window shows it, and the repair wizard's result (its run is over before the result shows).
     */
    public static HBox undoLine(RunViewModel vm, String labelId, String buttonId) {
        Label undo = new Label();
        undo.setId(labelId);
        undo.setWrapText(true);
        undo.textProperty().bind(I18n.computed(() -> vm.undoCommand() == null ? ""
                : I18n.t("ui.run.undo", vm.undoCommand()), vm.journalProperty()));
        Button copyUndo = Icons.on(I18n.bind(new Button(), "ui.run.copyUndo"), MaterialDesignC.CONTENT_COPY);
        copyUndo.setId(buttonId);
        copyUndo.setOnAction(e -> copy(vm.undoCommand()));
        HBox undoLine = new HBox(undo, copyUndo);
        undoLine.setAlignment(Pos.CENTER_LEFT);
        undoLine.getStyleClass().add("gap-l");
        undoLine.visibleProperty().bind(vm.journalProperty().isNotNull());
        undoLine.managedProperty().bind(undoLine.visibleProperty());
        return undoLine;
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node parent) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }
}
