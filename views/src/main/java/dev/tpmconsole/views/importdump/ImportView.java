package dev.tpmconsole.views.importdump;

import dev.tpmconsole.views.util.Keys;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.Formats;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Icons;
import dev.tpmconsole.views.util.Tables;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The import window: where from and where to, a progress bar over the bytes of the dump file, the rows read
 * per table (the table being read marked), the status, an error banner, Cancel (Escape) and Close. Thin: the
 * state is in {@link ImportViewModel}.
 */
public final class ImportView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final ImportViewModel vm;
    private final org.controlsfx.control.action.Action cancelAction;
    private final org.controlsfx.control.action.Action closeAction;
    private final Runnable close;
    private final BorderPane root = new BorderPane();

    /** @param close closes the window (an import still running is cancelled by the view-model's close) */
    public ImportView(ImportViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
        cancelAction = dev.tpmconsole.views.util.Commands.enabledWhen(
                dev.tpmconsole.views.util.Commands.action("cancelImport", "ui.job.cancel", Keys.ESCAPE,
                        vm::cancel), vm.canCancelBinding());
        cancelAction.textProperty().bind(I18n.text("ui.job.cancel"));
        closeAction = dev.tpmconsole.views.util.Commands.enabledWhen(
                dev.tpmconsole.views.util.Commands.action("closeImport", "ui.job.close", Keys.ESCAPE, close),
                vm.runningProperty().not());
        closeAction.textProperty().bind(I18n.text("ui.job.close"));
        root.setId("importView");
        root.getStyleClass().add("import-view");
        root.setTop(header());
        root.setCenter(table());
        root.setBottom(buttons());
        // Escape cancels the import, or closes the window once it is over
        dev.tpmconsole.views.util.Commands.handleKeys(root, java.util.List.of(cancelAction, closeAction), false);
    }

    public Parent root() {
        return root;
    }

    private Parent header() {
        Label from = new Label();
        from.setId("importDump");
        from.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("ui.import.from",
                name(vm.dumpProperty().get())), vm.dumpProperty(), I18n.languageProperty()));
        Label to = new Label();
        to.setId("importTarget");
        to.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("ui.import.to",
                name(vm.targetProperty().get())), vm.targetProperty(), I18n.languageProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label bytes = new Label();
        bytes.setId("importBytes");
        bytes.textProperty().bind(I18n.text(vm.bytesMessageProperty()));
        Label status = new Label();
        status.setId("importStatus");
        status.setWrapText(true);
        status.textProperty().bind(I18n.text(vm.statusMessageProperty()));
        HBox banner = dev.tpmconsole.views.util.ErrorBanner.of(I18n.text(vm.errorMessageProperty()), vm::dismissError,
                "importErrorBanner", "importError", "dismissImportError");
        VBox top = new VBox(from, to, bar, bytes, status, banner);
        top.getStyleClass().addAll("gap-m", "pad-header");
        return top;
    }

    private static String name(Path p) {
        return p == null ? "—" : p.getFileName() + "   (" + p.getParent() + ")";
    }

    private Parent table() {
        // rows of the console's height: the default's were half as tall again as every other list's
        TableView<ImportViewModel.TableRows> table = Tables.longList(new TableView<>(vm.tables()));
        table.setId("importTables");
        TableColumn<ImportViewModel.TableRows, String> name = new TableColumn<>();
        name.textProperty().bind(I18n.text("ui.import.column.table"));
        name.setId("importTableColumn");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        name.setPrefWidth(Em.of(19));
        TableColumn<ImportViewModel.TableRows, Long> rows = new TableColumn<>();
        rows.textProperty().bind(I18n.text("ui.import.column.rows"));
        rows.setId("importRowsColumn");
        rows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        rows.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null
                        : dev.tpmconsole.model.i18n.Messages.of(I18n.languageProperty().get()).number(value));
            }
        });
        rows.setPrefWidth(Em.of(10));
        table.getColumns().add(name);
        table.getColumns().add(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // "yet" while the import reads; once it has ended (a dump of another database), that none was read
        Label placeholder = new Label();
        placeholder.setId("importPlaceholder");
        placeholder.textProperty().bind(I18n.computed(() -> I18n.t(vm.runningProperty().get()
                ? "ui.import.placeholder" : "ui.import.placeholder.ended"), vm.runningProperty()));
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ImportViewModel.TableRows item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(CURRENT, !empty && item != null && item.current());
            }
        });
        // the margins left and right, in em (a margin set in code would not follow the font size)
        StackPane pane = new StackPane(table);
        pane.getStyleClass().add("pad-sides");
        return pane;
    }

    private Parent buttons() {
        Button cancel = dev.tpmconsole.views.util.Commands.button(cancelAction, MaterialDesignS.STOP, Icons.DANGER);
        Button closeButton = dev.tpmconsole.views.util.Commands.button(closeAction, MaterialDesignC.CLOSE);
        closeButton.setDefaultButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(spacer, cancel, closeButton);
        bar.setId("importButtons");
        bar.getStyleClass().addAll("gap-l", "pad-buttons");
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }
}
