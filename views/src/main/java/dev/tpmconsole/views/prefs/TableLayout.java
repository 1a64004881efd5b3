package dev.tpmconsole.views.prefs;

import java.util.List;

/**
 * A table's columns in their order (by id) with width and visibility, and the column it is sorted by
 * (null: the default sort).
 */
public record TableLayout(List<ColumnLayout> columns, String sortColumn, boolean sortAscending) {

    public TableLayout {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** One column of a {@link TableLayout}. */
    public record ColumnLayout(String id, double width, boolean visible) {
    }
}
