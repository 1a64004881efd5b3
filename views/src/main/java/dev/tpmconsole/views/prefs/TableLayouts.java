package dev.tpmconsole.views.prefs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Reads a table's column order, widths, visibility and sort into a {@link TableLayout}, and applies one. */
public final class TableLayouts {

    private TableLayouts() {
    }

    public static TableLayout capture(TableView<?> table) {
        List<TableLayout.ColumnLayout> columns = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            columns.add(new TableLayout.ColumnLayout(c.getId(), c.getWidth(), c.isVisible()));
        }
        TableColumn<?, ?> sorted = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        return new TableLayout(columns, sorted == null ? null : sorted.getId(),
                sorted == null || sorted.getSortType() == TableColumn.SortType.ASCENDING);
    }

    /**
     * Puts the columns named in the layout in its order (columns it does not name keep their place after
     * them), with its widths and visibility, then sorts as it says (which, for a list sorted by the
     * database, asks the database). Visibility only where the person chooses the columns (the table's menu button):
     * elsewhere the view decides which columns show.
     */
    public static <T> void apply(TableView<T> table, TableLayout layout) {
        if (layout == null) {
            return;
        }
        Map<String, TableColumn<T, ?>> byId = new LinkedHashMap<>();
        for (TableColumn<T, ?> c : table.getColumns()) {
            byId.put(c.getId(), c);
        }
        List<TableColumn<T, ?>> ordered = new ArrayList<>();
        for (TableLayout.ColumnLayout cl : layout.columns()) {
            TableColumn<T, ?> c = byId.remove(cl.id());
            if (c == null) {
                continue;
            }
            if (cl.width() > 10) {
                c.setPrefWidth(cl.width());
            }
            if (table.isTableMenuButtonVisible()) {
                c.setVisible(cl.visible());
            }
            ordered.add(c);
        }
        ordered.addAll(byId.values());
        if (ordered.stream().noneMatch(TableColumn::isVisible) && !ordered.isEmpty()) {
            ordered.get(0).setVisible(true);
        }
        table.getColumns().setAll(ordered);
        if (layout.sortColumn() != null) {
            for (TableColumn<T, ?> c : ordered) {
                if (layout.sortColumn().equals(c.getId()) && c.isSortable()) {
                    c.setSortType(layout.sortAscending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                    table.getSortOrder().setAll(List.of(c));
                }
            }
        }
    }
}
