package dev.tpmconsole.views.browse;

import dev.tpmconsole.model.browse.KeyRefRow;
import dev.tpmconsole.model.browse.ProviderRow;
import dev.tpmconsole.views.util.Formats;
import dev.tpmconsole.views.util.Icons;
import dev.tpmconsole.views.util.Tables;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The key providers and, below, the key refs that name the selected one. */
final class ProvidersView {

    private final BorderPane root = new BorderPane();
    private final TableView<ProviderRow> table = Tables.table("providerTable", "No key providers");
    private final TableView<KeyRefRow> refs = Tables.table("providerRefsTable", "Select a provider to see the key refs that name it");
    private final TextField filter = new TextField();

    ProvidersView(ProviderListViewModel vm, Consumer<String> showVm) {
        filter.setId("providerFilter");
        filter.setPromptText("Name prefix (Ctrl+F)");
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(vm.textProperty());
        FilterBar.filterKeys(filter, table);

        table.getColumns().setAll(List.of(
                Tables.styled("providerNameColumn", "Name", 11, ProviderRow::name, p -> p.present() ? null : "gone"),
                Tables.column("providerUuidColumn", "UUID", Tables.UUID_WIDTH, p -> p.present() ? p.uuid() : "(no KeyProviderVO row)"),
                Tables.column("providerTypeColumn", "Type", 4.5, p -> Formats.orDash(p.type())),
                Tables.column("providerConnectedColumn", "Connected", 6.5, p -> p.present() ? Formats.yesNo(p.connected()) : "—"),
                Tables.number("providerRefsColumn", "Key refs", 5.5, p -> Formats.count(p.refs())),
                Tables.number("providerLostColumn", "Lost, by name", 7.5, p -> Formats.count(p.lostByName())),
                Tables.column("providerDetailColumn", "Detail", 14.5, p -> Formats.orDash(p.detail())),
                Tables.column("providerDescriptionColumn", "Description", 19, p -> Formats.orDash(p.description()))));
        Tables.rows(table, p -> p.present() ? List.of() : List.of("gone"), () -> vm.rows().loadMore());
        table.setItems(vm.rows().rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));

        refs.getColumns().setAll(List.of(
                Tables.column("refIdColumn", "Id", 5, r -> Long.toString(r.id())),
                Tables.column("refOfColumn", "Of", 11, KeyRefRow::resourceType),
                Tables.column("refVmColumn", "VM", 11, r -> Formats.orDash(r.vmName())),
                Tables.styled("refStateColumn", "State", 8, r -> r.state().label(), r -> VmListView.keyClass(r.state())),
                Tables.column("refMatchColumn", "Names it by", 7, r -> r.byNameOnly() ? "name only" : "uuid"),
                Tables.column("refVersionColumn", "Version", 5, r -> Formats.orDash(r.keyVersion())),
                Tables.column("refKekColumn", "kekRef", 5, r -> Formats.yesNo(r.kekRefPresent())),
                Tables.column("refAlgorithmColumn", "Algorithm", 8, r -> Formats.orDash(r.algorithm())),
                Tables.column("refWrappedColumn", "Wrapped key", 7,
                        r -> r.wrappedKeyLength() == 0 ? "empty" : r.wrappedKeyLength() + " chars"),
                Tables.column("refResourceColumn", "Resource", Tables.UUID_WIDTH, KeyRefRow::resourceUuid),
                Tables.column("refVmUuidColumn", "VM uuid", Tables.UUID_WIDTH, r -> Formats.orDash(r.vmUuid())),
                Tables.column("refCreatedColumn", "Created", 11, KeyRefRow::createDate)));
        Tables.rows(refs, r -> r.byNameOnly() ? List.of("gone") : List.of(), () -> vm.refs().loadMore());
        refs.setItems(vm.refs().rows());

        Button show = Icons.on(new Button("Sho_w its VM"), MaterialDesignM.MONITOR_EYE);
        show.setId("providerShowVm");
        show.disableProperty().bind(refs.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> {
            KeyRefRow r = refs.getSelectionModel().getSelectedItem();
            if (r != null && r.vmUuid() != null) {
                showVm.accept(r.vmUuid());
            }
        });
        Label refsTitle = new Label("Key refs that name the selected provider");
        refsTitle.getStyleClass().add("section-title");
        VBox lower = new VBox(FilterBar.footer("providerRefsBar", vm.refs().loadingProperty(), vm.refsTextBinding(),
                "providerRefsCount", refsTitle, show), refs);
        VBox.setVgrow(refs, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        root.setTop(new VBox(FilterBar.fields("providerFilterBar", FilterBar.label("Find", filter), filter),
                FilterBar.footer("providerFooter", vm.rows().loadingProperty(), vm.countTextBinding(), "providerCount")));
        root.setCenter(split);
    }

    BorderPane root() {
        return root;
    }

    TextField filter() {
        return filter;
    }

    TableView<ProviderRow> table() {
        return table;
    }

    TableView<KeyRefRow> refs() {
        return refs;
    }
}
