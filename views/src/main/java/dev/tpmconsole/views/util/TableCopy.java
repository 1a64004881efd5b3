package dev.tpmconsole.views.util;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Ctrl+C copies the selected cells of a table as tab-separated text (one line per row, cells in column
 * order); Ctrl+Shift+C copies the whole rows of the selection with a header line. The text is what the
 * cells show.
 */
public final class TableCopy {

    public static final KeyCombination COPY = Keys.COPY;
    public static final KeyCombination COPY_ROWS = Keys.COPY_ROWS;

    private TableCopy() {
    }

    static void install(TableView<?> table) {
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY_ROWS.match(e)) {
                toClipboard(rows(table, true));
                e.consume();
            } else if (COPY.match(e)) {
                toClipboard(cells(table));
                e.consume();
            }
        });
        // the menu is a popup window with a scene of its own: made when first asked for (a right click, the menu
        // key), before the table's own handler shows it, not with every table
        table.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (table.getContextMenu() == null) {
                table.setContextMenu(menu(table));
            }
        });
    }

    /** Copy (the selected cells) and Copy rows (with a header line). */
    private static ContextMenu menu(TableView<?> table) {
        MenuItem copy = I18n.bind(new MenuItem(), "ui.table.copy");
        copy.setId("tableCopyCells");
        copy.setOnAction(e -> toClipboard(cells(table)));
        MenuItem copyRows = I18n.bind(new MenuItem(), "ui.table.copyRows");
        copyRows.setId("tableCopyRows");
        copyRows.setOnAction(e -> toClipboard(rows(table, true)));
        return new ContextMenu(copy, copyRows);
    }

    private static void toClipboard(String text) {
        Clipboards.put(text);
    }

    /** The selected cells: rows in order, and in each row the selected cells in visible column order. */
    public static String cells(TableView<?> table) {
        List<TableColumn<?, ?>> visible = visibleColumns(table);
        TreeMap<Integer, Set<TableColumn<?, ?>>> byRow = new TreeMap<>();
        for (TablePosition<?, ?> p : table.getSelectionModel().getSelectedCells()) {
            if (p.getRow() < 0) {
                continue;
            }
            Set<TableColumn<?, ?>> cols = byRow.computeIfAbsent(p.getRow(), r -> new LinkedHashSet<>());
            if (p.getTableColumn() == null) {
                cols.addAll(visible);
            } else {
                cols.add(p.getTableColumn());
            }
        }
        List<String> lines = new ArrayList<>();
        byRow.forEach((row, cols) -> lines.add(visible.stream().filter(cols::contains)
                .map(c -> text(c, row)).collect(Collectors.joining("\t"))));
        return String.join("\n", lines);
    }

    /** The rows that have a selected cell, every visible column, with a header line when asked. */
    public static String rows(TableView<?> table, boolean header) {
        List<TableColumn<?, ?>> visible = visibleColumns(table);
        Set<Integer> rows = new java.util.TreeSet<>();
        for (TablePosition<?, ?> p : table.getSelectionModel().getSelectedCells()) {
            if (p.getRow() >= 0) {
                rows.add(p.getRow());
            }
        }
        table.getSelectionModel().getSelectedIndices().forEach(i -> {
            if (i >= 0) {
                rows.add(i);
            }
        });
        if (rows.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        if (header) {
            lines.add(visible.stream().map(TableColumn::getText).collect(Collectors.joining("\t")));
        }
        for (int row : rows) {
            lines.add(visible.stream().map(c -> text(c, row)).collect(Collectors.joining("\t")));
        }
        return String.join("\n", lines);
    }

    private static List<TableColumn<?, ?>> visibleColumns(TableView<?> table) {
        List<TableColumn<?, ?>> out = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
            out.add(c);
        }
        return out;
    }

    private static String text(TableColumn<?, ?> column, int row) {
        Object v = column.getCellData(row);
        return v == null ? "" : v.toString().replace('\t', ' ').replace('\n', ' ');
    }
}
