package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.Busy;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.model.browse.VmDetails;
import dev.tpmconsole.model.browse.VmFinding;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.Formats;
import dev.tpmconsole.views.util.Tables;
import java.util.List;
import java.util.function.Consumer;
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
    /** Room for the column header and for a horizontal scroll bar, in em (34 and 18 px at 14 px). */
    private static final double HEADER_EM = 2.45;
    private static final double SCROLL_BAR_EM = 1.3;

    /** The sections: findings, TPMs, key refs, host files, backups, system tags. */
    private static final int SECTIONS = 6;

    private final ScrollPane root;
    private final VBox box;
    private final VmDetailsViewModel vm;
    /** Told of each table as it is made. */
    private final Consumer<TableView<?>> made;
    /** The next section to make ({@link #SECTIONS} once all are), and what makes them a pulse at a time. */
    private int next;
    private javafx.animation.AnimationTimer stages;

    /**
     * Only the heading is made now: the sections (six tables, a third of the main window's nodes, all hidden until a
     * VM is shown) are made later, by {@link #makeSectionsInStages()} or when the first VM is shown, so that the
     * window's first frame does not wait for their skins and CSS (some 0.3 s of the start).
     *
     * @param made told of each table of a section once it has its columns (their layouts are remembered and put back)
     */
    VmDetailsView(VmDetailsViewModel vm, Consumer<TableView<?>> made) {
        Label title = new Label();
        title.setId("detailsTitle");
        title.getStyleClass().add("details-title");
        title.textProperty().bind(vm.titleBinding());
        ProgressIndicator busy = Busy.indicator("detailsLoading", "small-busy", vm.loadingProperty());
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

        Label hostScan = new Label();
        hostScan.setId("detailsHostScan");
        hostScan.getStyleClass().add("details-subtitle");
        hostScan.setWrapText(true);
        hostScan.textProperty().bind(vm.hostScanBinding());
        hostScan.visibleProperty().bind(vm.hostScanBinding().isNotEmpty());
        hostScan.managedProperty().bind(hostScan.visibleProperty());
        HBox heading = new HBox(title, busy);
        heading.getStyleClass().add("gap-l");
        VBox box = new VBox(heading, subtitle, hostScan, error);
        box.setId("detailsBox");
        box.getStyleClass().add("details");

        this.box = box;
        this.vm = vm;
        this.made = made;
        // the first VM shown needs them all at once
        vm.presentBinding().addListener((o, was, present) -> {
            if (present) {
                makeSections();
            }
        });
        root = new ScrollPane(box);
        root.setId("vmDetails");
        root.setFitToWidth(true);
    }

    /**
     * Makes the sections not made yet, one per pulse (each a table whose skin and CSS come with the pulse after it
     * joins the scene), unless a VM is shown first: then the rest at once.
     */
    void makeSectionsInStages() {
        if (stages != null || next >= SECTIONS) {
            return;
        }
        stages = new javafx.animation.AnimationTimer() {
            /** The pulse that paints what was asked before this (the first rows) is left to it. */
            private boolean first = true;

            @Override
            public void handle(long now) {
                if (first) {
                    first = false;
                } else if (next < SECTIONS) {
                    makeSection();
                }
                if (next >= SECTIONS) {
                    stop();
                }
            }
        };
        stages.start();
    }

    /** Makes every section not made yet, now. */
    void makeSections() {
        while (next < SECTIONS) {
            makeSection();
        }
        if (stages != null) {
            stages.stop();
        }
    }

    private void makeSection() {
        VBox section = switch (next++) {
            case 0 -> findingsSection();
            case 1 -> tpmSection();
            case 2 -> keyRefSection();
            case 3 -> hostFileSection();
            case 4 -> backupSection();
            default -> tagSection();
        };
        section.visibleProperty().bind(vm.presentBinding());
        section.managedProperty().bind(vm.presentBinding());
        box.getChildren().add(section);
    }

    // several rows: the columns that tell them apart, fitted to the pane; the selected row's every column below

    private VBox findingsSection() {
        TableView<VmFinding> findings = table("findingsTable", "ui.details.noFindings", vm.findings(),
                f -> List.of("severity-" + f.severity()));
        findings.getColumns().setAll(List.of(
                Tables.styled("findingSeverityColumn", "ui.col.severity", 6, f -> I18n.t(f.severity().message()),
                        f -> "severity-" + f.severity().label()),
                Tables.column("findingRuleColumn", "ui.col.rule", 20, f -> f.rule().name()), // the longest whole
                Tables.column("findingTableColumn", "ui.col.table", 11.5, VmFinding::table),
                Tables.column("findingKeyColumn", "ui.col.rowKey", 18, VmFinding::key),
                Tables.column("findingDetailColumn", "ui.col.detail", 30, f -> I18n.t(f.message()))));
        summary(findings, "findingSeverityColumn", "findingRuleColumn", "findingKeyColumn");
        return section("findingsSection", "ui.details.findings", vm.findings(), findings);
    }

    private VBox tpmSection() {
        TableView<VmDetails.Tpm> tpms = table("tpmTable", "ui.details.noTpm", vm.tpms(), t -> List.of());
        tpms.getColumns().setAll(List.of(
                Tables.column("tpmUuidColumn", "ui.col.tpmUuid", Tables.UUID_WIDTH, VmDetails.Tpm::uuid),
                Tables.column("tpmCreatedColumn", "ui.col.created", 11, VmDetails.Tpm::createDate),
                Tables.column("tpmLastOpColumn", "ui.col.lastOp", 11, VmDetails.Tpm::lastOpDate)));
        summary(tpms, "tpmUuidColumn", "tpmCreatedColumn");
        return section("tpmSection", "ui.details.tpm", vm.tpms(), tpms);
    }

    private VBox keyRefSection() {
        TableView<VmDetails.KeyRef> refs = table("keyRefTable", "ui.details.noKeyRefs", vm.keyRefs(),
                r -> List.of());
        refs.getColumns().setAll(List.of(
                Tables.column("keyRefIdColumn", "ui.col.id", 4.5, r -> Long.toString(r.id())),
                Tables.column("keyRefOfColumn", "ui.col.of", 7.5, r -> r.resourceType().equals("TpmVO") ? "TPM" : I18n.t("ui.details.backupCopy")),
                Tables.styled("keyRefStateColumn", "ui.col.state", 8, r -> I18n.t(r.state().message()), r -> VmListView.keyClass(r.state())),
                Tables.styled("keyRefProviderColumn", "ui.col.provider", 9, VmDetails.KeyRef::providerName,
                        r -> r.providerPresent() ? null : "gone"),
                Tables.column("keyRefProviderUuidColumn", "ui.col.providerUuid", Tables.UUID_WIDTH,
                        r -> r.providerUuid() == null ? "NULL" : r.providerPresent() ? r.providerUuid() : I18n.t("ui.gone", r.providerUuid())),
                Tables.column("keyRefVersionColumn", "ui.col.version", 5, r -> Formats.orDash(r.keyVersion())),
                Tables.column("keyRefKekColumn", "ui.col.kekRef", 5, r -> Formats.yesNo(r.kekRefPresent())),
                Tables.column("keyRefAlgorithmColumn", "ui.col.algorithm", 8, r -> Formats.orDash(r.algorithm())),
                Tables.column("keyRefWrappedColumn", "ui.col.wrappedKey", 7,
                        r -> r.wrappedKeyLength() == 0 ? I18n.t("ui.wrapped.empty") : I18n.t("ui.wrapped.chars", r.wrappedKeyLength())),
                Tables.column("keyRefResourceColumn", "ui.col.resource", Tables.UUID_WIDTH, VmDetails.KeyRef::resourceUuid),
                Tables.column("keyRefCreatedColumn", "ui.col.created", 11, VmDetails.KeyRef::createDate)));
        summary(refs, "keyRefIdColumn", "keyRefOfColumn", "keyRefStateColumn", "keyRefProviderColumn");
        return section("keyRefSection", "ui.details.keyRefs", vm.keyRefs(), refs);
    }

    private VBox hostFileSection() {
        TableView<VmDetails.HostFile> files = table("hostFileTable", "ui.details.noHostFiles", vm.hostFiles(),
                f -> f.hostMissing() || f.hostDeleted() ? List.of("gone") : List.of());
        files.getColumns().setAll(List.of(
                Tables.column("hostFileHostColumn", "ui.col.host", 10, f -> f.hostMissing() ? I18n.t("ui.gone", f.hostUuid())
                        : f.hostDeleted() ? I18n.t("ui.deleted", f.hostName()) : f.hostName()),
                Tables.column("hostFileTypeColumn", "ui.col.type", 6, VmDetails.HostFile::type),
                Tables.column("hostFilePathColumn", "ui.col.path", 24, VmDetails.HostFile::path),
                Tables.styled("hostFileOnHostColumn", "ui.col.onHost", 10, f -> vm.onHost(f).text(),
                        f -> vm.onHost(f).missing() ? "missing" : null),
                Tables.column("hostFileSyncColumn", "ui.col.lastSync", 11, f -> Formats.orDash(f.lastSyncDate())),
                Tables.column("hostFileReasonColumn", "ui.col.syncReason", 12.5, f -> Formats.orDash(f.lastSyncReason())),
                Tables.number("hostFileSizeColumn", "ui.col.content", 6, f -> Formats.bytes(f.contentSize())),
                Tables.column("hostFileChangedColumn", "ui.col.changed", 11, f -> Formats.orDash(f.changeDate())),
                Tables.column("hostFileUuidColumn", "ui.col.uuid", Tables.UUID_WIDTH, VmDetails.HostFile::uuid)));

        vm.lastScanProperty().addListener((o, a, b) -> files.refresh());
        summary(files, "hostFileHostColumn", "hostFileTypeColumn", "hostFileOnHostColumn", "hostFilePathColumn");
        return section("hostFileSection", "ui.details.hostFiles", vm.hostFiles(), files);
    }

    private VBox backupSection() {
        TableView<VmDetails.Backup> backups = table("backupTable", "ui.details.noBackups", vm.backups(), b -> List.of());
        backups.getColumns().setAll(List.of(
                Tables.column("backupTypeColumn", "ui.col.type", 6, VmDetails.Backup::type),
                Tables.column("backupOwnerColumn", "ui.col.owner", 8.5, b -> b.ownerKind().toString()),
                Tables.column("backupOwnerNameColumn", "ui.col.ownerName", 11, b -> b.ownerName() == null ? I18n.t("ui.details.thisVm") : b.ownerName()),
                Tables.styled("backupKeyCopyColumn", "ui.col.keyCopy", 7, b -> Formats.yesNo(b.keyCopy()),
                        b -> b.type().equals("TpmState") && !b.keyCopy() ? "missing" : null),
                Tables.number("backupSizeColumn", "ui.col.content", 6, b -> Formats.bytes(b.contentSize())),
                Tables.column("backupCreatedColumn", "ui.col.created", 11, VmDetails.Backup::createDate),
                Tables.column("backupUuidColumn", "ui.col.uuid", Tables.UUID_WIDTH, VmDetails.Backup::uuid)));
        summary(backups, "backupTypeColumn", "backupOwnerColumn", "backupKeyCopyColumn", "backupCreatedColumn");
        return section("backupSection", "ui.details.backups", vm.backups(), backups);
    }

    private VBox tagSection() {
        TableView<VmDetails.Tag> tags = table("tagTable", "ui.details.noTags", vm.tags(), t -> List.of());
        tags.getColumns().setAll(List.of(
                Tables.column("tagOnColumn", "ui.col.on", 10, VmDetails.Tag::resourceType),
                Tables.column("tagTagColumn", "ui.col.tag", 21.5, VmDetails.Tag::tag),
                Tables.column("tagResourceColumn", "ui.col.resource", Tables.UUID_WIDTH, VmDetails.Tag::resourceUuid),
                Tables.column("tagCreatedColumn", "ui.col.created", 11, VmDetails.Tag::createDate)));
        summary(tags, "tagOnColumn", "tagTagColumn");
        return section("tagSection", "ui.details.tags", vm.tags(), tags);
    }

    private <T> TableView<T> table(String id, String placeholder, ObservableList<T> items,
                                   Function<T, Iterable<String>> states) {
        TableView<T> t = Tables.table(id, placeholder);
        t.setItems(items);
        t.setTableMenuButtonVisible(false);
        Tables.rows(t, states, null);
        // header, the rows (at most MAX_VISIBLE_ROWS, then it scrolls), and room for a horizontal scroll bar; the
        // row height comes from CSS in em, so a change of the font size changes it and this height with it
        t.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            double row = t.getFixedCellSize() > 0 ? t.getFixedCellSize() : Em.of(Tables.ROW_EM);
            double em = row / Tables.ROW_EM; // the table's em, as its rows were sized with
            return Math.max(1, Math.min(MAX_VISIBLE_ROWS, items.size())) * row + (HEADER_EM + SCROLL_BAR_EM) * em;
        }, items, t.fixedCellSizeProperty()));
        t.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return t;
    }

    /**
     * Shows only {@code columnIds} of {@code table}, sized to fit its width (the last one takes what is left), so that
     * the table never scrolls sideways; the other columns are read in the form of the selected row.
     */
    private static <T> void summary(TableView<T> table, String... columnIds) {
        List<String> shown = List.of(columnIds);
        List<javafx.scene.control.TableColumn<T, ?>> columns = new java.util.ArrayList<>(table.getColumns());
        // the shown ones first, in the order given (the last, the widest, takes the room left); the form follows it
        columns.sort(java.util.Comparator.comparingInt(c -> shown.contains(c.getId()) ? shown.indexOf(c.getId())
                : shown.size()));
        for (javafx.scene.control.TableColumn<T, ?> c : columns) {
            c.setVisible(shown.contains(c.getId()));
        }
        // those before the last keep their width (a narrow pane scrolls sideways rather than cut "kvm-b5-0..."
        // and "Tp..."); the last gives way
        for (javafx.scene.control.TableColumn<T, ?> c : columns.subList(0, shown.size() - 1)) {
            c.minWidthProperty().bind(c.prefWidthProperty());
        }
        table.getColumns().setAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /**
     * A section: its title with the count, then its rows as a table of the columns that tell them apart, and the
     * selected row as a form (a label and its value to a line, every column); a single row as the form alone. The
     * form needs no scrolling sideways however many columns the table has.
     */
    private <T> VBox section(String id, String title, ObservableList<T> items, TableView<T> table) {
        // told once the table has its columns: a remembered layout (order, widths, sort) is applied to them then
        made.accept(table);
        Label header = new Label();
        header.setId(id + "Title");
        header.getStyleClass().add("section-title");
        header.textProperty().bind(I18n.computed(() -> I18n.t("ui.details.section", I18n.t(title), items.size()), items));
        javafx.scene.layout.GridPane form = new javafx.scene.layout.GridPane();
        form.setId(id + "Form");
        form.getStyleClass().add("details-form");
        javafx.beans.binding.BooleanBinding one = Bindings.size(items).isEqualTo(1);
        javafx.beans.property.ReadOnlyObjectProperty<T> selected = table.getSelectionModel().selectedItemProperty();
        javafx.beans.binding.BooleanBinding formShown = one.or(Bindings.isNotNull(selected));
        form.visibleProperty().bind(formShown);
        form.managedProperty().bind(formShown);
        table.visibleProperty().bind(one.not());
        table.managedProperty().bind(one.not());
        javafx.beans.InvalidationListener fill = o -> fillForm(form, table,
                items.size() == 1 ? items.get(0) : selected.getValue());
        items.addListener(fill);
        selected.addListener(fill);
        I18n.whenChanged(form, () -> fill.invalidated(items));
        fill.invalidated(items);
        VBox section = new VBox(header, table, form);
        section.setId(id);
        section.getStyleClass().addAll("details-section", "gap-s");
        return section;
    }

    /** The form of one row: each column of the table as a label and its value. */
    private static <T> void fillForm(javafx.scene.layout.GridPane form, TableView<T> table, T row) {
        form.getChildren().clear();
        if (row == null) {
            return;
        }
        int i = 0;
        for (javafx.scene.control.TableColumn<T, ?> column : table.getColumns()) {
            Object value = column.getCellObservableValue(row) == null ? null : column.getCellObservableValue(row).getValue();
            Label name = new Label();
            name.textProperty().bind(column.textProperty());
            name.getStyleClass().add("form-label");
            Label text = new Label(value == null ? "" : value.toString());
            text.setId(column.getId() == null ? null : column.getId().replace("Column", "Value"));
            text.getStyleClass().add("form-value");
            text.setWrapText(true);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            form.addRow(i, name, text);
            i++;
        }
    }

    ScrollPane root() {
        return root;
    }

}
