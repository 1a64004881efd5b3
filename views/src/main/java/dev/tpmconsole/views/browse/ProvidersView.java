package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.I18n;
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
    private final TableView<ProviderRow> table = Tables.table("providerTable", "ui.providers.none");
    private final TableView<KeyRefRow> refs = Tables.table("providerRefsTable", "ui.providers.selectProvider");
    private final TextField filter = new TextField();

    ProvidersView(ProviderListViewModel vm, Consumer<String> showVm) {
        filter.setId("providerFilter");
        I18n.prompt(filter, "ui.providers.filterPrompt");
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(vm.textProperty());
        FilterBar.filterKeys(filter, table);

        table.getColumns().setAll(List.of(
                Tables.styled("providerNameColumn", "ui.col.name", 11, ProviderRow::name, p -> p.present() ? null : "gone"),
                Tables.column("providerUuidColumn", "ui.col.uuid", Tables.UUID_WIDTH, p -> p.present() ? p.uuid() : I18n.t("ui.providers.noRow")),
                Tables.column("providerTypeColumn", "ui.col.type", 4.5, p -> Formats.orDash(p.type())),
                Tables.column("providerConnectedColumn", "ui.col.connected", 7.5, p -> p.present() ? Formats.yesNo(p.connected()) : "—"),
                Tables.number("providerRefsColumn", "ui.col.keyRefs", 6.5, p -> Formats.count(p.refs())),
                // refs that lost their provider and name this one: a provider with no row has none to be relinked to
                Tables.number("providerLostColumn", "ui.col.lostByName", 10.5,
                        p -> p.present() ? Formats.count(p.lostByName()) : "—"),
                Tables.column("providerDetailColumn", "ui.col.detail", 14.5, p -> Formats.orDash(p.detail())),
                Tables.column("providerDescriptionColumn", "ui.col.description", 19, p -> Formats.orDash(p.description()))));
        Tables.rows(table, p -> p.present() ? List.of() : List.of("gone"), () -> vm.rows().loadMore());
        table.setItems(vm.rows().rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));

        refs.getColumns().setAll(List.of(
                Tables.column("refIdColumn", "ui.col.id", 5, r -> Long.toString(r.id())),
                Tables.column("refOfColumn", "ui.col.of", 11, KeyRefRow::resourceType),
                Tables.column("refVmColumn", "ui.col.vm", 11, r -> Formats.orDash(r.vmName())),
                Tables.styled("refStateColumn", "ui.col.state", 8, r -> I18n.t(r.state().message()), r -> VmListView.keyClass(r.state())),
                Tables.column("refMatchColumn", "ui.col.namesItBy", 8.5, r -> I18n.t(r.byNameOnly() ? "ui.providers.nameOnly" : "ui.providers.byUuid")),
                Tables.column("refVersionColumn", "ui.col.version", 6, r -> Formats.orDash(r.keyVersion())),
                Tables.column("refKekColumn", "ui.col.kekRef", 5, r -> Formats.yesNo(r.kekRefPresent())),
                Tables.column("refAlgorithmColumn", "ui.col.algorithm", 8, r -> Formats.orDash(r.algorithm())),
                Tables.column("refWrappedColumn", "ui.col.wrappedKey", 9.5,
                        r -> r.wrappedKeyLength() == 0 ? I18n.t("ui.wrapped.empty") : I18n.t("ui.wrapped.chars", r.wrappedKeyLength())),
                Tables.column("refResourceColumn", "ui.col.resource", Tables.UUID_WIDTH, KeyRefRow::resourceUuid),
                Tables.column("refVmUuidColumn", "ui.col.vmUuid", Tables.UUID_WIDTH, r -> Formats.orDash(r.vmUuid())),
                Tables.column("refCreatedColumn", "ui.col.created", 11, KeyRefRow::createDate)));
        Tables.rows(refs, r -> r.byNameOnly() ? List.of("gone") : List.of(), () -> vm.refs().loadMore());
        refs.setItems(vm.refs().rows());

        Button show = Icons.on(I18n.bind(new Button(), "ui.providers.showVm"), MaterialDesignM.MONITOR_EYE);
        show.setId("providerShowVm");
        show.disableProperty().bind(refs.getSelectionModel().selectedItemProperty().isNull());
        show.setOnAction(e -> {
            KeyRefRow r = refs.getSelectionModel().getSelectedItem();
            if (r != null && r.vmUuid() != null) {
                showVm.accept(r.vmUuid());
            }
        });
        Label refsTitle = I18n.bind(new Label(), "ui.providers.refsTitle");
        refsTitle.getStyleClass().add("section-title");
        VBox lower = new VBox(FilterBar.footer("providerRefsBar", vm.refs().loadingProperty(), vm.refsTextBinding(),
                "providerRefsCount", refsTitle, show), refs);
        VBox.setVgrow(refs, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        root.setTop(new VBox(FilterBar.fields("providerFilterBar", FilterBar.label("ui.filter.find", filter), filter),
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
