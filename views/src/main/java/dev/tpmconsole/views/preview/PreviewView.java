package dev.tpmconsole.views.preview;

import dev.tpmconsole.views.util.Busy;
import dev.tpmconsole.views.util.LazyTabs;
import dev.tpmconsole.views.util.Tables;
import dev.tpmconsole.views.util.Keys;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Icons;
import java.io.File;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The preview of a reset or remove: the plan as a tree (step, table, row, each with its reason; key
 * material and the last TPM-state copy emphasised), counts per table, kept rows, host work (Copy), and
 * Export plan. Thin: the state is in {@link PreviewViewModel}.
 */
public final class PreviewView {

    private static final PseudoClass EMPHASIS = PseudoClass.getPseudoClass("emphasis");

    private final PreviewViewModel vm;
    private final Runnable close;
    private final java.util.function.BiConsumer<Plan, Boolean> run;
    private final dev.tpmconsole.views.util.DialogService dialogs;
    private final javafx.beans.property.BooleanProperty hostWorkOverSsh;
    private final BorderPane root = new BorderPane();

    /**
     * @param run             applies the plan (after the confirmation), its host work over SSH or not; null where runs
     *                        are not offered
     * @param dialogs         asks the confirmation
     * @param hostWorkOverSsh the confirmation's choice for host work: where it starts, and where it is remembered
     */
    public PreviewView(PreviewViewModel vm, Runnable close, java.util.function.BiConsumer<Plan, Boolean> run,
                       dev.tpmconsole.views.util.DialogService dialogs,
                       javafx.beans.property.BooleanProperty hostWorkOverSsh) {
        this.vm = vm;
        this.close = close;
        this.run = run;
        this.dialogs = dialogs;
        this.hostWorkOverSsh = hostWorkOverSsh;
        root.setId("previewView");
        root.getStyleClass().add("preview-view");
        root.setTop(header());
        root.setCenter(body());
        root.setBottom(buttons());
    }

    public Parent root() {
        return root;
    }

    private Parent header() {
        Label title = new Label();
        title.setId("previewTitle");
        title.getStyleClass().add("title");
        title.textProperty().bind(vm.titleProperty());
        Label summary = new Label();
        summary.setId("previewSummary");
        summary.getStyleClass().add("summary");
        summary.textProperty().bind(vm.summaryBinding());
        Label status = new Label();
        status.setId("previewStatus");
        status.getStyleClass().add("emphasis-note");
        // what matters most is read whole: a reset that leaves a TPM no usable key says so in two sentences
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(I18n.text(vm.statusMessageProperty()));
        Label error = new Label();
        error.setId("previewError");
        error.getStyleClass().add("error-banner");
        error.setWrapText(true);
        error.textProperty().bind(I18n.text(vm.errorMessageProperty()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(title, summary, status, error);
        box.getStyleClass().addAll("gap-s", "pad-header");
        return box;
    }

    private Parent body() {
        TreeTableView<PreviewNode> tree = Tables.longList(new TreeTableView<>());
        tree.setId("planTree");
        tree.setShowRoot(false);
        TreeTableColumn<PreviewNode, String> row = header(new TreeTableColumn<>(), "ui.preview.column.row");
        row.setId("planRowColumn");
        row.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().label()));
        row.setPrefWidth(Em.of(27.5));
        TreeTableColumn<PreviewNode, String> action = header(new TreeTableColumn<>(), "ui.preview.column.action");
        action.setId("planActionColumn");
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().action()));
        action.setPrefWidth(Em.of(5));
        TreeTableColumn<PreviewNode, String> reason = header(new TreeTableColumn<>(), "ui.preview.column.reason");
        reason.setId("planReasonColumn");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().reason()));
        reason.setPrefWidth(Em.of(50));
        tree.getColumns().add(row);
        tree.getColumns().add(action);
        tree.getColumns().add(reason);
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(PreviewNode node, boolean empty) {
                super.updateItem(node, empty);
                pseudoClassStateChanged(EMPHASIS, !empty && node != null && node.emphasised());
            }
        });
        // while the plan is made the spinner says so; JavaFX's own placeholder was "No content in table", in English
        Label nothing = I18n.bind(new Label(), "ui.preview.placeholder.counts");
        nothing.visibleProperty().bind(vm.loadingProperty().not());
        tree.setPlaceholder(nothing);
        vm.steps().addListener((javafx.collections.ListChangeListener<PreviewNode>) c -> tree.setRoot(root(vm.steps())));
        tree.setRoot(root(vm.steps()));
        // a cut cell's whole text in a tooltip, as in every table; and the chosen row's reason, whole: the Reason
        // column cuts the long ones (a host path, a VM's name and uuid)
        dev.tpmconsole.views.util.WholeTextTooltip.install(tree);
        Label chosenReason = dev.tpmconsole.views.util.ChosenLine.of("planRowReason",
                javafx.beans.binding.Bindings.createStringBinding(() -> {
                    TreeItem<PreviewNode> chosen = tree.getSelectionModel().getSelectedItem();
                    return chosen == null || chosen.getValue() == null ? "" : chosen.getValue().reason();
                }, tree.getSelectionModel().selectedItemProperty()));
        VBox.setVgrow(tree, Priority.ALWAYS);
        VBox deletes = new VBox(tree, chosenReason);
        deletes.getStyleClass().add("gap-s");

        // the other tabs' views are made, styled and laid out when their tab is first chosen: a hidden tab's table is
        // laid out with the window all the same, and the kept rows and host paths of a large plan are thousands of
        // rows; and their three tables took the FX thread some 7 ms of the turn that makes the window's view, where
        // a plan's collections stop it too (decision 0048)
        TabPane tabs = new TabPane(tab("ui.preview.tab.deletes", deletes, "tabDeletes"),
                LazyTabs.content(tab("ui.preview.tab.counts", null, "tabCounts"), this::countsView),
                LazyTabs.content(tab("ui.preview.tab.kept", null, "tabKept"), this::keptView),
                LazyTabs.content(tab("ui.preview.tab.hostWork", null, "tabHostWork"), this::hostWorkView));
        tabs.setId("previewTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ProgressIndicator busy = Busy.indicator("previewBusy", "large-busy", vm.loadingProperty());
        return new StackPane(tabs, busy);
    }

    /** The Counts tab: rows deleted per table (rows of the same height as the other tabs' lists). */
    private Parent countsView() {
        TableView<PreviewViewModel.TableCount> counts = Tables.sorted(Tables.longList(new TableView<>()), vm.counts());
        counts.setId("countTable");
        TableColumn<PreviewViewModel.TableCount, String> table = column("ui.preview.column.table");
        table.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        table.setPrefWidth(Em.of(20));
        TableColumn<PreviewViewModel.TableCount, Long> n = column("ui.preview.column.rowsDeleted");
        n.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rows()));
        n.setStyle("-fx-alignment: CENTER-RIGHT;");
        n.setPrefWidth(Em.of(10)); // its header whole
        counts.getColumns().add(table);
        counts.getColumns().add(n);
        counts.setPlaceholder(I18n.bind(new Label(), "ui.preview.placeholder.counts"));
        return counts;
    }

    /** The Kept tab: the rows the plan leaves, and why. */
    private Parent keptView() {
        TableView<Plan.Kept> kept = Tables.sorted(Tables.longList(new TableView<>()), vm.kept());
        kept.setId("keptTable");
        TableColumn<Plan.Kept, String> kTable = column("ui.preview.column.table");
        kTable.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        kTable.setPrefWidth(Em.of(17)); // EncryptedResourceKeyRefVO whole
        TableColumn<Plan.Kept, String> kKey = column("ui.preview.column.key");
        kKey.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        kKey.setPrefWidth(Em.of(19));
        TableColumn<Plan.Kept, String> kReason = column("ui.preview.column.whyKept");
        kReason.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                keptReason(c.getValue())));
        kReason.setPrefWidth(Em.of(46));
        kept.getColumns().add(kTable);
        kept.getColumns().add(kKey);
        kept.getColumns().add(kReason);
        kept.setPlaceholder(I18n.bind(new Label(), "ui.preview.placeholder.kept"));
        // the chosen row's reason, whole: a kept key whose provider is gone says what to do in a sentence the column cuts
        Label keptReason = dev.tpmconsole.views.util.ChosenLine.of("keptReason",
                javafx.beans.binding.Bindings.createStringBinding(() -> {
                    Plan.Kept chosen = kept.getSelectionModel().getSelectedItem();
                    return chosen == null ? "" : keptReason(chosen);
                }, kept.getSelectionModel().selectedItemProperty(), I18n.languageProperty()));
        VBox.setVgrow(kept, Priority.ALWAYS);
        VBox keptPane = new VBox(kept, keptReason);
        keptPane.getStyleClass().add("gap-s");
        return keptPane;
    }

    /** The Host work tab: the paths to clean on the hosts, in their order. */
    private Parent hostWorkView() {
        TableView<Plan.HostWork> hosts = Tables.sorted(Tables.longList(new TableView<>()), vm.hostWork());
        hosts.setId("hostWorkTable");
        TableColumn<Plan.HostWork, Integer> order = new TableColumn<>("#");
        order.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().order()));
        order.setPrefWidth(Em.of(3));
        // the host as a person knows it (its HostEO name; a dash when it has no row), then its uuid
        TableColumn<Plan.HostWork, String> hostName = column("ui.preview.column.hostName");
        hostName.setId("hostWorkNameColumn");
        hostName.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.previewProperty().get() == null ? "—"
                : vm.previewProperty().get().hostNames().getOrDefault(c.getValue().hostUuid(), "—")));
        hostName.setPrefWidth(Em.of(10));
        TableColumn<Plan.HostWork, String> host = column("ui.preview.column.host");
        host.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().hostUuid()));
        host.setPrefWidth(Em.of(Tables.UUID_WIDTH)); // a host's uuid, whole
        TableColumn<Plan.HostWork, String> ip = column("ui.preview.column.address");
        ip.setCellValueFactory(c -> javafx.beans.binding.Bindings.createStringBinding(() ->
                c.getValue().managementIp() == null ? I18n.t("ui.preview.addressUnknown") : c.getValue().managementIp(),
                I18n.languageProperty()));
        ip.setPrefWidth(Em.of(9));
        TableColumn<Plan.HostWork, String> path = column("ui.preview.column.path");
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        path.setPrefWidth(Em.of(38));
        hosts.getColumns().add(order);
        hosts.getColumns().add(hostName);
        hosts.getColumns().add(host);
        hosts.getColumns().add(ip);
        hosts.getColumns().add(path);
        hosts.setPlaceholder(I18n.bind(new Label(), "ui.preview.placeholder.hostWork"));
        Button copy = Icons.on(I18n.bind(new Button(), "ui.preview.copyHostWork"), MaterialDesignC.CONTENT_COPY);
        copy.setId("copyHostWork");
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.hostWork()));
        copy.setOnAction(e -> copy(vm.hostWorkText()));
        hosts.setOnKeyPressed(e -> {
            if (Keys.COPY.match(e)) {
                copy(vm.hostWorkText());
                e.consume();
            }
        });
        VBox.setVgrow(hosts, Priority.ALWAYS);
        VBox hostPane = new VBox(hosts, copy);
        hostPane.getStyleClass().addAll("gap-m", "pad-s");
        return hostPane;
    }

    private static Tab tab(String key, javafx.scene.Node content, String id) {
        Tab t = new Tab(null, content);
        t.textProperty().bind(I18n.text(key));
        t.setId(id);
        return t;
    }

    private static TreeItem<PreviewNode> root(List<PreviewNode> steps) {
        TreeItem<PreviewNode> root = new TreeItem<>(new PreviewNode(PreviewNode.Kind.STEP, "plan", "", "", false, steps));
        for (PreviewNode step : steps) {
            root.getChildren().add(item(step));
        }
        return root;
    }

    /**
     * The tree's item of a node. Steps open; a table opens when its rows fit on a screen, and a closed one makes
     * the items of its rows when first opened (a plan of 10,000 items would otherwise make them all at once).
     */
    static TreeItem<PreviewNode> item(PreviewNode node) {
        boolean open = node.kind() == PreviewNode.Kind.STEP
                || (node.kind() == PreviewNode.Kind.TABLE && node.children().size() <= 20);
        TreeItem<PreviewNode> item = open || node.children().isEmpty() ? new TreeItem<>(node) : new TreeItem<>(node) {
            private boolean made;

            @Override
            public boolean isLeaf() {
                return false;
            }

            @Override
            public javafx.collections.ObservableList<TreeItem<PreviewNode>> getChildren() {
                if (!made) {
                    made = true;
                    super.getChildren().setAll(node.children().stream().map(PreviewView::item).toList());
                }
                return super.getChildren();
            }
        };
        item.setExpanded(open);
        if (open || node.children().isEmpty()) {
            for (PreviewNode child : node.children()) {
                item.getChildren().add(item(child));
            }
        }
        return item;
    }

    private Parent buttons() {
        Button export = Icons.on(I18n.bind(new Button(), "ui.preview.exportPlan"), MaterialDesignE.EXPORT);
        export.setId("exportPlan");
        export.disableProperty().bind(vm.canExportBinding().not());
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.t("ui.preview.exportTitle"));
            chooser.setInitialFileName("plan.json");
            File file = chooser.showSaveDialog(root.getScene() != null ? root.getScene().getWindow() : null);
            if (file != null) {
                vm.exportTo(file.toPath());
            }
        });
        Button runButton = Icons.on(I18n.bind(new Button(), "ui.preview.run"), MaterialDesignP.PLAY);
        runButton.setId("runPlan");
        runButton.disableProperty().bind(vm.canRunBinding().not());
        runButton.setVisible(run != null);
        runButton.setManaged(run != null);
        runButton.setOnAction(e -> {
            PreviewViewModel.Confirmation c = vm.confirmation();
            if (c.hostChoice() == null) {
                if (dialogs.confirm(c.title(), c.message(), c.action())) {
                    run.accept(vm.previewProperty().get().plan(), false);
                    vm.ran();
                }
            } else {
                dialogs.confirm(c.title(), c.message(), c.action(), c.hostChoice(), hostWorkOverSsh.get())
                        .ifPresent(overSsh -> {
                            hostWorkOverSsh.set(overSsh); // remembered for the next run
                            run.accept(vm.previewProperty().get().plan(), overSsh);
                            vm.ran();
                        });
            }
        });
        Button closeButton = Icons.on(I18n.bind(new Button(), "ui.job.close"), MaterialDesignC.CLOSE);
        closeButton.setId("closePreview");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(spacer, export, runButton, closeButton);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().addAll("gap-l", "pad-buttons");
        return bar;
    }

    private static <S, T> TreeTableColumn<S, T> header(TreeTableColumn<S, T> c, String key) {
        c.textProperty().bind(I18n.text(key));
        return c;
    }

    private static <S, T> TableColumn<S, T> column(String key) {
        TableColumn<S, T> c = new TableColumn<>();
        c.textProperty().bind(I18n.text(key));
        return c;
    }

    private static void copy(String text) {
        dev.tpmconsole.views.util.Clipboards.put(text);
    }

    /** Why a row is kept, in the windows' language (its reason as written, for a row that carries no message). */
    private static String keptReason(Plan.Kept k) {
        return k.why() == null ? k.reason() : I18n.t(k.why());
    }
}
