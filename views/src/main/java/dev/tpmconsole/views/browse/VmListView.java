package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.CheckMenuButton;
import dev.tpmconsole.views.util.HoverTooltip;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.model.browse.KeyState;
import dev.tpmconsole.model.browse.Sort;
import dev.tpmconsole.model.browse.VmColumn;
import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.views.util.Tables;
import dev.tpmconsole.views.util.ZStackStates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The VM list with its filter bar. Thin: state and queries are in {@link VmListViewModel}. */
final class VmListView {

    private final VmListViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<VmRow> table = Tables.table("vmTable", "ui.vms.none");
    private final TextField filter = new TextField();

    VmListView(VmListViewModel vm) {
        this.vm = vm;
        filter.setId("vmFilter");
        I18n.prompt(filter, "ui.vms.filterPrompt");
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(vm.textProperty());
        // several states at once (Stopped and Crashed, say); none checked is any state. The states in the windows'
        // language, as the list shows them, and the console's own choice in words; made and styled when first opened
        CheckMenuButton<String> state = new CheckMenuButton<>("vmStateFilter", vm.states(), vm.chosenStates(),
                new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(String s) {
                        return dev.tpmconsole.model.browse.VmFilter.SOFT_DELETED.equals(s)
                                ? I18n.t("ui.vms.softDeletedChoice") : ZStackStates.vm(s);
                    }

                    @Override
                    public String fromString(String s) {
                        return s;
                    }
                }, I18n.text("ui.vms.anyState"));
        TextField host = new TextField();
        host.setId("vmHostFilter");
        I18n.prompt(host, "ui.vms.hostPrompt");
        host.setPrefColumnCount(14);
        host.textProperty().bindBidirectional(vm.hostProperty());
        CheckBox dirty = I18n.bind(new CheckBox(), "ui.vms.dirty");
        dirty.setId("vmDirtyOnly");
        dirty.selectedProperty().bindBidirectional(vm.dirtyOnlyProperty());
        // which rules make a row dirty: said to a screen reader at once, and in a tooltip 30 em wide at most (420 px
        // at 14 px) made when the pointer first comes over the box
        javafx.beans.binding.StringBinding rules = I18n.computed(vm::dirtyRulesText, vm.queriesProperty());
        dirty.accessibleHelpProperty().bind(rules);
        HoverTooltip.bound(dirty, rules, 30);
        Button clear = I18n.bind(new Button(), "ui.vms.clear");
        clear.setId("vmClearFilter");
        clear.disableProperty().bind(vm.filteredBinding().not());
        clear.setOnAction(e -> {
            vm.clearFilter();
            filter.requestFocus();
        });
        FilterBar.filterKeys(filter, table);
        FilterBar.filterKeys(host, table);

        columns();
        table.itemsProperty().set(vm.rows().rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<VmRow>) c ->
                vm.selectedUuids().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).map(VmRow::uuid).distinct().toList()));
        Label placeholder = new Label();
        placeholder.textProperty().bind(I18n.computed(() -> I18n.t(vm.queriesProperty().get() == null
                ? "ui.vms.openFirst" : vm.rows().loadedProperty().get() ? "ui.vms.noMatch" : "ui.list.loading"),
                vm.queriesProperty(), vm.rows().loadedProperty()));
        table.setPlaceholder(placeholder);

        Label error = new Label();
        error.setId("vmError");
        error.getStyleClass().add("list-error");
        error.textProperty().bind(vm.rows().errorProperty());
        error.visibleProperty().bind(vm.rows().errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        root.setTop(new VBox(FilterBar.fields("vmFilterBar", FilterBar.label("ui.filter.find", filter), filter,
                FilterBar.label("ui.vms.stateLabel", state), state, FilterBar.label("ui.vms.hostLabel", host), host, dirty, clear), error));
        root.setCenter(table);
        root.setBottom(FilterBar.footer("vmFooter", vm.rows().loadingProperty(), vm.countTextBinding(), "vmCount"));
    }

    private void columns() {
        TableColumn<VmRow, String> name = Tables.column("vmNameColumn", "ui.col.name", 9, VmRow::name);
        TableColumn<VmRow, String> uuid = Tables.column("vmUuidColumn", "ui.col.uuid", Tables.UUID_WIDTH, VmRow::uuid);
        TableColumn<VmRow, String> state = Tables.column("vmStateColumn", "ui.col.state", 7,
                r -> r.softDeleted() ? I18n.t("ui.deleted", ZStackStates.vm(r.state())) : ZStackStates.vm(r.state()));
        // a VM's last host is marked "(last)", which stays whole where a long name is cut (console.css); the column
        // shows what tells the demo's hosts apart (a0-0018 of kvm-a0-0018) with its mark in English and in Chinese,
        // and is no wider: at 1280 px the other columns' headers show whole (BrowseGuiTest)
        TableColumn<VmRow, String> host = Tables.styled("vmHostColumn", "ui.col.host", 10, VmListView::host,
                r -> r.hostUuid() != null && !r.hostCurrent() ? "last-host" : null);
        TableColumn<VmRow, String> tpm = Tables.column("vmTpmColumn", "ui.col.tpm", 3.5,
                r -> r.tpms() == 0 ? "—" : r.tpms() == 1 ? I18n.t("ui.yes") : I18n.t("ui.vms.tpms", r.tpms()));
        TableColumn<VmRow, String> key = Tables.styled("vmKeyStateColumn", "ui.col.key", 7.5,
                r -> r.keyState() == null ? "—" : I18n.t(r.keyState().message()), r -> keyClass(r.keyState()));
        TableColumn<VmRow, String> files = Tables.number("vmFilesColumn", "ui.col.stateFiles", 7,
                r -> Integer.toString(r.tpmStateFiles()));
        TableColumn<VmRow, String> backups = Tables.number("vmBackupsColumn", "ui.col.backups", 6,
                r -> Integer.toString(r.backups()));
        // what tells VMs apart and what is wrong with them first; the uuid (also in the details) last, taking the
        // room that is left, so that at 1280 px every column shows without scrolling sideways
        table.getColumns().setAll(List.of(name, state, host, tpm, key, files, backups, uuid));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (TableColumn<VmRow, ?> c : List.of(name, state, host, tpm, key, files, backups)) {
            c.minWidthProperty().bind(c.prefWidthProperty()); // only the uuid gives way
        }
        Map<TableColumn<VmRow, ?>, VmColumn> sortable = new LinkedHashMap<>();
        sortable.put(name, VmColumn.NAME);
        sortable.put(uuid, VmColumn.UUID);
        sortable.put(state, VmColumn.STATE);
        sortable.put(host, VmColumn.HOST);
        sortable.put(tpm, VmColumn.TPM);
        sortable.put(key, VmColumn.KEY_STATE);
        sortable.put(files, VmColumn.TPM_STATE_FILES);
        sortable.put(backups, VmColumn.BACKUPS);
        Tables.sortByDatabase(table, sortable, vm.sortProperty(), Sort.asc(VmColumn.NAME), vm::sortBy);
        Tables.rows(table, r -> {
            List<String> s = new ArrayList<>();
            if (r.softDeleted()) {
                s.add("deleted");
            }
            if (vm.markedProperty().get().contains(r.uuid())) {
                s.add("has-findings");
            }
            return s;
        }, vm::loadMore, vm.markedProperty());
    }

    static String host(VmRow r) {
        if (r.hostUuid() == null) {
            return "—";
        }
        String name = r.hostName() != null ? r.hostName() : I18n.t("ui.gone", r.hostUuid());
        return r.hostCurrent() ? name : I18n.t("ui.vms.lastHost", name);
    }

    static String keyClass(KeyState s) {
        return s == null ? null : "key-" + s.name().toLowerCase().replace('_', '-');
    }

    BorderPane root() {
        return root;
    }

    TableView<VmRow> table() {
        return table;
    }

    TextField filter() {
        return filter;
    }
}
