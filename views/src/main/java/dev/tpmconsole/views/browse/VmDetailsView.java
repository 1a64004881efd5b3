package dev.tpmconsole.views.browse;

import dev.tpmconsole.model.browse.VmDetails;
import dev.tpmconsole.model.browse.VmFinding;
import dev.tpmconsole.views.util.Formats;
import dev.tpmconsole.views.util.Tables;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The details pane of the selected VM: a header, then one small table per kind of row (findings, TPMs, key
 * refs, host files per host, backups, system tags). Key refs show the length of the wrapped key, never the
 * key. Thin: everything comes from {@link VmDetailsViewModel}.
 */
final class VmDetailsView {

    private static final int MAX_VISIBLE_ROWS = 8;

    private final ScrollPane root;
    private final Map<String, TableView<?>> tables = new java.util.LinkedHashMap<>();

    VmDetailsView(VmDetailsViewModel vm) {
        Label title = new Label();
        title.setId("detailsTitle");
        title.getStyleClass().add("details-title");
        title.textProperty().bind(vm.titleBinding());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("detailsLoading");
        busy.getStyleClass().add("small-busy");
        busy.visibleProperty().bind(vm.loadingProperty());
        Label subtitle = new Label();
        subtitle.setId("detailsSubtitle");
        subtitle.getStyleClass().add("details-subtitle");
        subtitle.setWrapText(true);
        subtitle.textProperty().bind(vm.subtitleBinding());
        Label error = new Label();
        error.setId("detailsError");
        error.getStyleClass().add("list-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox box = new VBox(new HBox(8, title, busy), subtitle, error);
        box.setId("detailsBox");
        box.getStyleClass().add("details");

        TableView<VmFinding> findings = table("findingsTable", "No findings about this VM's rows", vm.findings(),
                f -> List.of("severity-" + f.severity()));
        findings.getColumns().setAll(List.of(
                Tables.styled("findingSeverityColumn", "Severity", 80, VmFinding::severity, f -> "severity-" + f.severity()),
                Tables.column("findingRuleColumn", "Rule", 230, VmFinding::rule),
                Tables.column("findingTableColumn", "Table", 160, VmFinding::table),
                Tables.column("findingKeyColumn", "Key", 250, VmFinding::key),
                Tables.column("findingDetailColumn", "Detail", 420, VmFinding::detail)));

        TableView<VmDetails.Tpm> tpms = table("tpmTable", "No TPM", vm.tpms(), t -> List.of());
        tpms.getColumns().setAll(List.of(
                Tables.column("tpmUuidColumn", "TpmVO uuid", 255, VmDetails.Tpm::uuid),
                Tables.column("tpmCreatedColumn", "Created", 150, VmDetails.Tpm::createDate),
                Tables.column("tpmLastOpColumn", "Last op", 150, VmDetails.Tpm::lastOpDate)));

        TableView<VmDetails.KeyRef> refs = table("keyRefTable", "No key refs", vm.keyRefs(),
                r -> List.of());
        refs.getColumns().setAll(List.of(
                Tables.column("keyRefIdColumn", "Id", 60, r -> Long.toString(r.id())),
                Tables.column("keyRefOfColumn", "Of", 100, r -> r.resourceType().equals("TpmVO") ? "TPM" : "backup copy"),
                Tables.styled("keyRefStateColumn", "State", 110, r -> r.state().label(), r -> VmListView.keyClass(r.state())),
                Tables.styled("keyRefProviderColumn", "Provider", 120, VmDetails.KeyRef::providerName,
                        r -> r.providerPresent() ? null : "gone"),
                Tables.column("keyRefProviderUuidColumn", "Provider uuid", 255,
                        r -> r.providerUuid() == null ? "NULL" : r.providerUuid() + (r.providerPresent() ? "" : " (gone)")),
                Tables.column("keyRefVersionColumn", "Version", 65, r -> Formats.orDash(r.keyVersion())),
                Tables.column("keyRefKekColumn", "kekRef", 65, r -> Formats.yesNo(r.kekRefPresent())),
                Tables.column("keyRefAlgorithmColumn", "Algorithm", 110, r -> Formats.orDash(r.algorithm())),
                Tables.column("keyRefWrappedColumn", "Wrapped key", 95,
                        r -> r.wrappedKeyLength() == 0 ? "empty" : r.wrappedKeyLength() + " chars"),
                Tables.column("keyRefResourceColumn", "Resource", 255, VmDetails.KeyRef::resourceUuid),
                Tables.column("keyRefCreatedColumn", "Created", 150, VmDetails.KeyRef::createDate)));

        TableView<VmDetails.HostFile> files = table("hostFileTable", "No host files", vm.hostFiles(),
                f -> f.hostMissing() || f.hostDeleted() ? List.of("gone") : List.of());
        files.getColumns().setAll(List.of(
                Tables.column("hostFileHostColumn", "Host", 140, f -> f.hostMissing() ? f.hostUuid() + " (gone)"
                        : f.hostDeleted() ? f.hostName() + " (deleted)" : f.hostName()),
                Tables.column("hostFileTypeColumn", "Type", 80, VmDetails.HostFile::type),
                Tables.column("hostFilePathColumn", "Path", 330, VmDetails.HostFile::path),
                Tables.column("hostFileSyncColumn", "Last sync", 150, f -> Formats.orDash(f.lastSyncDate())),
                Tables.column("hostFileReasonColumn", "Sync reason", 170, f -> Formats.orDash(f.lastSyncReason())),
                Tables.number("hostFileSizeColumn", "Content", 80, f -> Formats.bytes(f.contentSize())),
                Tables.column("hostFileChangedColumn", "Changed", 150, f -> Formats.orDash(f.changeDate())),
                Tables.column("hostFileUuidColumn", "UUID", 255, VmDetails.HostFile::uuid)));

        TableView<VmDetails.Backup> backups = table("backupTable", "No backups", vm.backups(), b -> List.of());
        backups.getColumns().setAll(List.of(
                Tables.column("backupTypeColumn", "Type", 80, VmDetails.Backup::type),
                Tables.column("backupOwnerColumn", "Owner", 115, b -> b.ownerKind().toString()),
                Tables.column("backupOwnerNameColumn", "Owner name", 150, b -> b.ownerName() == null ? "this VM" : b.ownerName()),
                Tables.styled("backupKeyCopyColumn", "Key copy", 75, b -> Formats.yesNo(b.keyCopy()),
                        b -> b.type().equals("TpmState") && !b.keyCopy() ? "missing" : null),
                Tables.number("backupSizeColumn", "Content", 80, b -> Formats.bytes(b.contentSize())),
                Tables.column("backupCreatedColumn", "Created", 150, VmDetails.Backup::createDate),
                Tables.column("backupUuidColumn", "UUID", 255, VmDetails.Backup::uuid)));

        TableView<VmDetails.Tag> tags = table("tagTable", "No system tags that matter", vm.tags(), t -> List.of());
        tags.getColumns().setAll(List.of(
                Tables.column("tagOnColumn", "On", 140, VmDetails.Tag::resourceType),
                Tables.column("tagTagColumn", "Tag", 300, VmDetails.Tag::tag),
                Tables.column("tagResourceColumn", "Resource", 255, VmDetails.Tag::resourceUuid),
                Tables.column("tagCreatedColumn", "Created", 150, VmDetails.Tag::createDate)));

        box.getChildren().addAll(
                section("findingsSection", "Findings", vm.findings(), findings),
                section("tpmSection", "TPM", vm.tpms(), tpms),
                section("keyRefSection", "Key refs", vm.keyRefs(), refs),
                section("hostFileSection", "Host files", vm.hostFiles(), files),
                section("backupSection", "Backups", vm.backups(), backups),
                section("tagSection", "System tags", vm.tags(), tags));
        for (javafx.scene.Node n : box.getChildren().subList(3, box.getChildren().size())) {
            n.visibleProperty().bind(vm.presentBinding());
            n.managedProperty().bind(vm.presentBinding());
        }
        root = new ScrollPane(box);
        root.setId("vmDetails");
        root.setFitToWidth(true);
    }

    private <T> TableView<T> table(String id, String placeholder, ObservableList<T> items,
                                   Function<T, Iterable<String>> states) {
        TableView<T> t = Tables.table(id, placeholder);
        t.setItems(items);
        t.setTableMenuButtonVisible(false);
        Tables.rows(t, states, null);
        // header, the rows (at most MAX_VISIBLE_ROWS, then it scrolls), and room for a horizontal scroll bar
        t.prefHeightProperty().bind(Bindings.createDoubleBinding(() ->
                Math.max(1, Math.min(MAX_VISIBLE_ROWS, items.size())) * t.getFixedCellSize() + 34 + 18, items));
        t.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tables.put(id, t);
        return t;
    }

    private static <T> VBox section(String id, String title, ObservableList<T> items, TableView<T> table) {
        Label header = new Label();
        header.setId(id + "Title");
        header.getStyleClass().add("section-title");
        header.textProperty().bind(Bindings.createStringBinding(() -> title + " (" + items.size() + ")", items));
        VBox section = new VBox(4, header, table);
        section.setId(id);
        section.getStyleClass().add("details-section");
        return section;
    }

    ScrollPane root() {
        return root;
    }

    Map<String, TableView<?>> tables() {
        return tables;
    }

}
