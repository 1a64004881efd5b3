package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.model.browse.HostColumn;
import dev.tpmconsole.model.browse.HostFileRow;
import dev.tpmconsole.model.browse.HostRow;
import dev.tpmconsole.model.browse.Sort;
import dev.tpmconsole.views.util.Formats;
import dev.tpmconsole.views.util.Icons;
import dev.tpmconsole.views.util.Tables;
import dev.tpmconsole.views.util.ZStackStates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The host list and, below it, the files the selected host holds. */
final class HostsView {

    private final BorderPane root = new BorderPane();
    private final TableView<HostRow> table = Tables.table("hostTable", "ui.hosts.none");
    private final TableView<HostFileRow> files = Tables.table("hostFilesTable", "ui.hosts.selectHost");
    private final TextField filter = new TextField();

    private final dev.tpmconsole.views.hosts.HostScanView scan;
    private final javafx.scene.control.TabPane lowerTabs = new javafx.scene.control.TabPane();

    HostsView(HostListViewModel vm, dev.tpmconsole.views.hosts.HostScanViewModel scanVm, Consumer<HostRow> showVms) {
        this.scan = new dev.tpmconsole.views.hosts.HostScanView(scanVm);
        filter.setId("hostFilter");
        I18n.prompt(filter, "ui.hosts.filterPrompt");
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(vm.textProperty());
        FilterBar.filterKeys(filter, table);

        TableColumn<HostRow, String> name = Tables.column("hostNameColumn", "ui.col.name", 11, HostRow::name);
        TableColumn<HostRow, String> uuid = Tables.column("hostUuidColumn", "ui.col.uuid", Tables.UUID_WIDTH, HostRow::uuid);
        TableColumn<HostRow, String> ip = Tables.column("hostIpColumn", "ui.col.managementIp", 10.5, HostRow::managementIp);
        TableColumn<HostRow, String> state = Tables.column("hostStateColumn", "ui.col.state", 8,
                h -> h.softDeleted() ? I18n.t("ui.deleted", ZStackStates.hostState(h.state()))
                        : ZStackStates.hostState(h.state()));
        TableColumn<HostRow, String> status = Tables.column("hostStatusColumn", "ui.col.status", 9,
                h -> ZStackStates.hostStatus(h.status()));
        TableColumn<HostRow, String> vms = Tables.number("hostVmsColumn", "ui.col.vms", 4.5, h -> Integer.toString(h.vms()));
        TableColumn<HostRow, String> state2 = Tables.number("hostTpmFilesColumn", "ui.col.tpmStateFiles", 9.5,
                h -> Integer.toString(h.tpmStateFiles()));
        TableColumn<HostRow, String> nvram = Tables.number("hostNvramFilesColumn", "ui.col.nvramFiles", 8.5,
                h -> Integer.toString(h.nvramFiles()));
        table.getColumns().setAll(List.of(name, uuid, ip, state, status, vms, state2, nvram));
        Map<TableColumn<HostRow, ?>, HostColumn> sortable = new LinkedHashMap<>();
        sortable.put(name, HostColumn.NAME);
        sortable.put(uuid, HostColumn.UUID);
        sortable.put(ip, HostColumn.MANAGEMENT_IP);
        sortable.put(state, HostColumn.STATE);
        sortable.put(status, HostColumn.STATUS);
        sortable.put(vms, HostColumn.VMS);
        sortable.put(state2, HostColumn.TPM_STATE_FILES);
        sortable.put(nvram, HostColumn.NVRAM_FILES);
        Tables.sortByDatabase(table, sortable, vm.sortProperty(), Sort.asc(HostColumn.NAME), vm::sortBy);
        Tables.rows(table, h -> h.softDeleted() ? List.of("deleted") : List.of(), () -> vm.rows().loadMore());
        table.setItems(vm.rows().rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));

        files.getColumns().setAll(List.of(
                Tables.column("hostFileVmColumn", "ui.col.vm", 11, f -> f.vmMissing() ? I18n.t("ui.goneAlone")
                        : f.vmDeleted() ? I18n.t("ui.deleted", f.vmName()) : f.vmName()),
                Tables.column("hostFileVmUuidColumn", "ui.col.vmUuid", Tables.UUID_WIDTH, HostFileRow::vmUuid),
                Tables.column("hostFileTypeColumn", "ui.col.type", 6, HostFileRow::type),
                Tables.column("hostFilePathColumn", "ui.col.path", 24, HostFileRow::path),
                Tables.column("hostFileSyncColumn", "ui.col.lastSync", 11, f -> Formats.orDash(f.lastSyncDate())),
                Tables.column("hostFileReasonColumn", "ui.col.syncReason", 12.5, f -> Formats.orDash(f.lastSyncReason())),
                Tables.number("hostFileSizeColumn", "ui.col.content", 7, f -> Formats.bytes(f.contentSize()))));
        Tables.rows(files, f -> f.vmMissing() || f.vmDeleted() ? List.of("gone") : List.of(), () -> vm.files().loadMore());
        files.setItems(vm.files().rows());

        Button showVmsButton = Icons.on(I18n.bind(new Button(), "ui.hosts.showVms"), MaterialDesignM.MONITOR_EYE);
        showVmsButton.setId("hostShowVms");
        showVmsButton.disableProperty().bind(vm.selectedProperty().isNull());
        showVmsButton.setOnAction(e -> showVms.accept(vm.selectedProperty().get()));
        Label filesTitle = I18n.bind(new Label(), "ui.hosts.filesTitle");
        filesTitle.getStyleClass().add("section-title");
        VBox lower = new VBox(FilterBar.footer("hostFilesBar", vm.files().loadingProperty(), vm.filesTextBinding(),
                "hostFilesCount", filesTitle, showVmsButton), files);
        VBox.setVgrow(files, javafx.scene.layout.Priority.ALWAYS);

        javafx.scene.control.Tab filesTab = I18n.bind(new javafx.scene.control.Tab("", lower), "ui.hosts.filesTab");
        filesTab.setId("hostFilesTab");
        javafx.scene.control.Tab scanTab = I18n.bind(new javafx.scene.control.Tab("", scan.root()), "ui.hosts.scanTab");
        scanTab.setId("hostScanTab");
        lowerTabs.getTabs().setAll(List.of(filesTab, scanTab));
        lowerTabs.setId("hostLowerTabs");
        lowerTabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        // starting a scan shows it
        SplitPane split = new SplitPane(table, lowerTabs);
        scanVm.runningProperty().addListener((o, a, running) -> {
            if (running) {
                lowerTabs.getSelectionModel().select(scanTab);
                // the scan's hosts and findings get most of the room; the host list keeps a few rows
                split.setDividerPositions(Math.min(split.getDividerPositions()[0], 0.32));
            }
        });
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root.setTop(new VBox(FilterBar.fields("hostFilterBar", FilterBar.label("ui.filter.find", filter), filter),
                FilterBar.footer("hostFooter", vm.rows().loadingProperty(), vm.countTextBinding(), "hostCount"),
                scan.toolbar()));
        root.setCenter(split);
        // Ctrl+R scans, Escape cancels a scan (after the filter box had its Escape)
        dev.tpmconsole.views.util.Commands.handleKeys(root, scan.actions(), false);
    }

    BorderPane root() {
        return root;
    }

    TextField filter() {
        return filter;
    }

    TableView<HostRow> table() {
        return table;
    }

    TableView<HostFileRow> files() {
        return files;
    }

    dev.tpmconsole.views.hosts.HostScanView scan() {
        return scan;
    }
}
