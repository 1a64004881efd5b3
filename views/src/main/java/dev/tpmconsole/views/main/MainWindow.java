package dev.tpmconsole.views.main;

import dev.tpmconsole.model.stats.SourceSummary;
import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.FileChooser;

/**
 * The main window: menu, the open source's summary (its layout and row counts), an error banner, a busy
 * indicator and a status bar. Thin: all state is in {@link MainViewModel}. The browse views fill the
 * centre in a later step.
 */
public final class MainWindow {

    private static final PseudoClass WRITABLE = PseudoClass.getPseudoClass("writable");

    private final MainViewModel vm;
    private final Runnable quit;
    private final Runnable openAudit;
    private final BorderPane root = new BorderPane();

    public MainWindow(MainViewModel vm, Runnable quit, Runnable openAudit) {
        this.vm = vm;
        this.quit = quit;
        this.openAudit = openAudit;
        root.setId("mainWindow");
        root.setTop(new VBox(menuBar(), errorBanner()));
        root.setCenter(centre());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open snapshot…");
        open.setId("menuOpenSnapshot");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseSnapshot());
        MenuItem demo = new MenuItem("Open demo");
        demo.setId("menuOpenDemo");
        demo.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        demo.setOnAction(e -> vm.openDemo());
        MenuItem exit = new MenuItem("Quit");
        exit.setId("menuQuit");
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(e -> quit.run());
        open.disableProperty().bind(vm.busyProperty());
        demo.disableProperty().bind(vm.busyProperty());
        Menu file = new Menu("_File", null, open, demo, new SeparatorMenuItem(), exit);
        file.setId("menuFile");
        MenuItem audit = new MenuItem("Audit…");
        audit.setId("menuAudit");
        audit.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+A"));
        audit.setOnAction(e -> openAudit.run());
        audit.disableProperty().bind(vm.sourceProperty().isNull());
        Menu tools = new Menu("_Tools", null, audit);
        tools.setId("menuTools");
        MenuBar bar = new MenuBar(file, tools);
        bar.setId("menuBar");
        return bar;
    }

    private void chooseSnapshot() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a ZStack snapshot");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("SQLite snapshots", "*.sqlite", "*.sqlite3", "*.db"),
                new FileChooser.ExtensionFilter("All files", "*"));
        SourceSummary current = vm.summaryProperty().get();
        if (current != null) {
            File dir = Path.of(current.source()).toAbsolutePath().getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File file = chooser.showOpenDialog(root.getScene() != null ? root.getScene().getWindow() : null);
        if (file != null) {
            vm.open(file.toPath());
        }
    }

    private Parent errorBanner() {
        Label text = new Label();
        text.setId("errorText");
        text.setWrapText(true);
        text.textProperty().bind(vm.errorProperty());
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissError");
        dismiss.setOnAction(e -> vm.dismissError());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox banner = new HBox(12, text, dismiss);
        banner.setId("errorBanner");
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(vm.hasErrorBinding());
        banner.managedProperty().bind(vm.hasErrorBinding());
        return banner;
    }

    private Parent centre() {
        Label title = new Label();
        title.setId("sourceTitle");
        title.getStyleClass().add("title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null
                ? "No snapshot open" : vm.summaryProperty().get().source(), vm.summaryProperty()));
        Label subtitle = new Label();
        subtitle.setId("layoutText");
        subtitle.getStyleClass().add("subtitle");
        subtitle.setWrapText(true);
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null
                ? "Open a snapshot with File > Open snapshot (Ctrl+O), or the demo with Ctrl+D."
                : "Schema: " + vm.summaryProperty().get().layoutLine(), vm.summaryProperty()));

        TableView<TableCountRow> table = new TableView<>(vm.counts());
        table.setId("countsTable");
        table.getStyleClass().add("summary-table");
        TableColumn<TableCountRow, String> name = new TableColumn<>("Table");
        name.setId("tableColumn");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        name.setPrefWidth(260);
        TableColumn<TableCountRow, Long> rows = new TableColumn<>("Rows");
        rows.setId("rowsColumn");
        rows.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        rows.setStyle("-fx-alignment: CENTER-RIGHT;");
        rows.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : NumberFormat.getIntegerInstance().format(value));
            }
        });
        rows.setPrefWidth(120);
        table.getColumns().add(name);
        table.getColumns().add(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No snapshot open"));
        table.setFixedCellSize(28);
        table.prefHeightProperty().bind(Bindings.size(table.getItems()).add(1.6).multiply(table.getFixedCellSize()));

        VBox summary = new VBox(title, subtitle, table);
        summary.setId("summaryPane");
        summary.getStyleClass().add("welcome");
        summary.setFillWidth(false);
        summary.setMaxWidth(Region.USE_PREF_SIZE);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("busyIndicator");
        progress.setMaxSize(48, 48);
        Label busyText = new Label();
        busyText.setId("busyMessage");
        busyText.textProperty().bind(vm.busyMessageProperty());
        VBox busy = new VBox(12, progress, busyText);
        busy.setAlignment(Pos.CENTER);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.setMouseTransparent(false);

        StackPane centre = new StackPane(summary, busy);
        StackPane.setAlignment(summary, Pos.TOP_LEFT);
        centre.setPadding(new Insets(0));
        return centre;
    }

    private Parent statusBar() {
        Label sourceLabel = new Label();
        sourceLabel.setId("statusSource");
        sourceLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null
                ? "No source" : vm.summaryProperty().get().source(), vm.summaryProperty()));
        Label mode = new Label();
        mode.setId("statusMode");
        mode.getStyleClass().add("badge");
        mode.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null ? ""
                : vm.summaryProperty().get().writable() ? "writable" : "read-only", vm.summaryProperty()));
        mode.visibleProperty().bind(vm.summaryProperty().isNotNull());
        vm.summaryProperty().addListener((obs, old, s) -> mode.pseudoClassStateChanged(WRITABLE, s != null && s.writable()));
        Label layout = new Label();
        layout.setId("statusLayout");
        layout.textProperty().bind(Bindings.createStringBinding(() -> vm.summaryProperty().get() == null ? ""
                : vm.summaryProperty().get().layoutLine(), vm.summaryProperty()));
        Label rows = new Label();
        rows.setId("statusRows");
        rows.textProperty().bind(Bindings.createStringBinding(() -> {
            SourceSummary s = vm.summaryProperty().get();
            if (s == null) {
                return "";
            }
            NumberFormat n = NumberFormat.getIntegerInstance();
            return n.format(s.count("VmInstanceEO")) + " VMs · " + n.format(s.count("TpmVO")) + " TPMs · "
                    + n.format(s.counts().values().stream().mapToLong(Long::longValue).sum()) + " rows";
        }, vm.summaryProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(sourceLabel, mode, spacer, layout, rows);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
