package dev.tpmconsole.views.hosts;

import dev.tpmconsole.model.hosts.HostFinding;
import dev.tpmconsole.views.util.Clipboards;
import dev.tpmconsole.views.util.ErrorBanner;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Icons;
import dev.tpmconsole.views.util.Keys;
import dev.tpmconsole.views.util.Tables;
import java.io.File;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The host scan in the Hosts tab: Scan hosts and Cancel with a progress bar, a row per host with its progress and
 * outcome, the findings per host and path, the selected finding's detail, Copy (Ctrl+C) and Export (JSON).
 * Thin: everything is in {@link HostScanViewModel}.
 */
public final class HostScanView {

    private final HostScanViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox top;
    private final Button scan;
    private final org.controlsfx.control.action.Action scanAction;
    private final org.controlsfx.control.action.Action cancelAction;
    private final TableView<HostScanRow> hostTable = I18n.placeholder(Tables.table("hostScanTable", ""),
            "ui.hostscan.placeholder.hosts");
    private final TableView<HostFinding> findingTable = I18n.placeholder(Tables.table("hostFindingTable", ""),
            "ui.hostscan.placeholder.findings");
    /** Redraws the cells written in the language (held here: the language holds it weakly). */
    private final javafx.beans.InvalidationListener relabel = o -> {
        hostTable.refresh();
        findingTable.refresh();
    };

    public HostScanView(HostScanViewModel vm) {
        this.vm = vm;
        root.setId("hostScanView");
        scanAction = dev.tpmconsole.views.util.Commands.enabledWhen(dev.tpmconsole.views.util.Commands.action(
                "hostScan", "ui.hostscan.scan", dev.tpmconsole.views.util.Keys.RUN, vm::scan),
                vm.canScanBinding());
        scanAction.textProperty().bind(I18n.text("ui.hostscan.scan"));
        cancelAction = dev.tpmconsole.views.util.Commands.enabledWhen(dev.tpmconsole.views.util.Commands.action(
                "hostScanCancel", "ui.job.cancel", dev.tpmconsole.views.util.Keys.ESCAPE, vm::cancel),
                vm.runningProperty());
        cancelAction.textProperty().bind(I18n.text("ui.job.cancel"));
        scan = dev.tpmconsole.views.util.Commands.button(scanAction, MaterialDesignS.SERVER_NETWORK);
        Button cancel = dev.tpmconsole.views.util.Commands.button(cancelAction, MaterialDesignS.STOP, Icons.DANGER);
        ProgressBar progress = new ProgressBar();
        progress.setId("hostScanProgress");
        progress.getStyleClass().add("toolbar-progress");
        progress.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("hostScanStatus");
        status.textProperty().bind(I18n.text(vm.statusMessageProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copy = Icons.on(I18n.bind(new Button(), "ui.job.copy"), MaterialDesignC.CONTENT_COPY);
        copy.setId("hostScanCopy");
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.findings()));
        copy.setOnAction(e -> copySelected());
        Button export = Icons.on(I18n.bind(new Button(), "ui.hostscan.exportJson"), MaterialDesignE.EXPORT);
        export.setId("hostScanExport");
        export.disableProperty().bind(vm.canExportBinding().not());
        export.setOnAction(e -> export());
        HBox bar = new HBox(scan, cancel, progress, status, spacer, copy, export);
        bar.setId("hostScanToolbar");
        bar.getStyleClass().addAll("tool-bar", "gap-l", "pad-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        top = new VBox(bar, ErrorBanner.of(I18n.text(vm.errorMessageProperty()), vm::dismissError, "hostScanErrorBanner",
                "hostScanError", "dismissHostScanError"));

        hostTable.setItems(vm.hosts());
        hostTable.getColumns().setAll(List.of(
                I18n.bindColumn(Tables.column("hostScanNameColumn", "", 8, r -> r.name() == null ? r.hostUuid() : r.name()),
                        "ui.hostscan.column.host"),
                I18n.bindColumn(Tables.column("hostScanIpColumn", "", 8, r -> r.managementIp() == null ? "—" : r.managementIp()),
                        "ui.hostscan.column.address"),
                I18n.bindColumn(Tables.styled("hostScanStateColumn", "", 6.5, r -> r.state().label(),
                        r -> r.state() == HostScanRow.State.UNREACHABLE ? "gone" : null), "ui.hostscan.column.state"),
                I18n.bindColumn(Tables.number("hostScanEntriesColumn", "", 6, r -> Integer.toString(r.entries())),
                        "ui.hostscan.column.entries"),
                I18n.bindColumn(Tables.number("hostScanFindingsColumn", "", 6.5, r -> Integer.toString(r.findings())),
                        "ui.hostscan.column.findings"),
                I18n.bindColumn(Tables.column("hostScanReasonColumn", "", 30, r -> r.reason() == null ? "" : r.reason()),
                        "ui.hostscan.column.reason")));
        Tables.rows(hostTable, r -> r.state() == HostScanRow.State.UNREACHABLE ? List.of("gone") : List.of(), null);

        findingTable.setItems(vm.findings());
        findingTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        findingTable.getColumns().setAll(List.of(
                I18n.bindColumn(Tables.styled("hostFindingSeverityColumn", "", 6, f -> I18n.t(f.severity().message()),
                        f -> "severity-" + f.severity().label()), "ui.hostscan.column.severity"),
                I18n.bindColumn(Tables.column("hostFindingRuleColumn", "", 15, f -> f.rule().name()), "ui.hostscan.column.rule"),
                I18n.bindColumn(Tables.column("hostFindingIpColumn", "", 8, f -> f.managementIp() == null ? "—" : f.managementIp()),
                        "ui.hostscan.column.address"),
                I18n.bindColumn(Tables.column("hostFindingPathColumn", "", 26, f -> f.path() == null
                        ? I18n.t("ui.hostscan.pathHost") : f.path()), "ui.hostscan.column.path"),
                I18n.bindColumn(Tables.column("hostFindingVmColumn", "", Tables.UUID_WIDTH, f -> f.vmUuid() == null ? ""
                        : f.vmUuid()), "ui.hostscan.column.vm")));
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        Tables.rows(findingTable, f -> List.of("severity-" + f.severity().label()), null);
        findingTable.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> vm.selectedFindingProperty().set(f));
        vm.selectedFindingProperty().addListener((o, a, f) -> {
            if (f != null && findingTable.getSelectionModel().getSelectedItem() != f) {
                findingTable.getSelectionModel().clearAndSelect(findingTable.getItems().indexOf(f));
            }
        });
        findingTable.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (Keys.COPY.match(e)) {
                copySelected();
                e.consume();
            }
        });
        TextArea detail = new TextArea();
        detail.setId("hostFindingDetail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(6);
        detail.textProperty().bind(vm.detailBinding());
        SplitPane right = new SplitPane(findingTable, detail);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        SplitPane body = new SplitPane(hostTable, right);
        body.setId("hostScanSplit");
        body.setDividerPositions(0.45);
        root.setCenter(body);
    }

    private void copySelected() {
        Clipboards.put(vm.copyText(List.copyOf(findingTable.getSelectionModel().getSelectedItems())));
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("ui.hostscan.exportTitle"));
        chooser.setInitialFileName("hosts-scan.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("ui.job.filesOfType", "JSON"), "*.json"));
        File file = chooser.showSaveDialog(root.getScene() != null ? root.getScene().getWindow() : null);
        if (file != null) {
            vm.exportTo(file.toPath());
        }
    }



    /** Scan and Cancel, whose keys (Ctrl+R, Escape) the Hosts tab handles. */
    public java.util.List<org.controlsfx.control.action.Action> actions() {
        return java.util.List.of(scanAction, cancelAction);
    }

    public Parent root() {
        return root;
    }

    /** Scan hosts, Cancel, the progress, Copy and Export, and the error of a scan that failed. */
    public Parent toolbar() {
        return top;
    }

    public TableView<HostScanRow> hostTable() {
        return hostTable;
    }

    public TableView<HostFinding> findingTable() {
        return findingTable;
    }

    public Button scanButton() {
        return scan;
    }
}
