package dev.tpmconsole.views.util;

import dev.tpmconsole.model.browse.Sort;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Builds the console's tables the same way everywhere: every column has an id and shows text (what is
 * shown is what Ctrl+C copies), cells and rows carry their state as CSS pseudo-classes, sorting is asked of
 * the database instead of done in memory, and a list loads its next page when the view nears its end. Sizes
 * are in em (multiples of the root font size): the row height in CSS ({@code .console-table}), a column's
 * first width given to {@link #column} and its kin, so that both follow the font size.
 */
public final class Tables {

    private Tables() {
    }

    /** The style class of the tables made here; console.css gives their rows a fixed height in em. */
    public static final String STYLE_CLASS = "console-table";

    /** That height, in em ({@code .console-table { -fx-fixed-cell-size: 1.86em; }} in console.css). */
    public static final double ROW_EM = 1.86;

    /**
     * The style class of the cells that carry a state of their own ({@link #styled}): console.css writes the cells'
     * states on it, so that the other cells are not tried against those rules as they are made.
     */
    public static final String STATE_CELL = "state-cell";

    /**
     * A table with cell selection (several cells or rows), copy, a placeholder (a bundle key, following the
     * language), the whole text of a cut cell or header in a tooltip, and rows of a fixed height. Its cells are made
     * again when the language changes (what they show may be written in it).
     */
    public static <T> TableView<T> table(String id, String placeholder) {
        TableView<T> table = longList(new TableView<>());
        table.setId(id);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setTableMenuButtonVisible(true);
        Label empty = new Label();
        empty.textProperty().bind(I18n.textOf(placeholder));
        table.setPlaceholder(empty);
        I18n.whenChanged(table, table::refresh);
        TableCopy.install(table);
        WholeTextTooltip.install(table);
        return table;
    }

    /**
     * {@code table} as a list that can grow long: rows of the console's fixed height ({@link #STYLE_CLASS}, decision
     * 0019) and its first screenful of rows made over several pulses ({@link FirstFill}). Returns {@code table}.
     *
     * <p>The height is given here as well as by the stylesheet (which sets the same, and follows the font size): the
     * skin {@link FirstFill} gives is made at once, before the table is styled, and a table that has its rows by then
     * (the run window's items) had its rows' heights estimated on rows not styled yet, which opened it at its last
     * rows.
     */
    public static <T> TableView<T> longList(TableView<T> table) {
        table.getStyleClass().add(STYLE_CLASS);
        table.setFixedCellSize(Em.of(ROW_EM));
        return FirstFill.on(table);
    }

    /** {@code tree} as a list that can grow long, as {@link #longList(TableView)}. Returns {@code tree}. */
    public static <T> javafx.scene.control.TreeTableView<T> longList(javafx.scene.control.TreeTableView<T> tree) {
        tree.getStyleClass().add(STYLE_CLASS);
        tree.setFixedCellSize(Em.of(ROW_EM));
        return FirstFill.on(tree);
    }

    /**
     * {@code table} showing {@code items} (a view-model's list, which views may not change) in the order of the columns
     * the person sorts by. A table sorts its own items in place: on a list it may not change, a click on a sortable
     * column's header did nothing (JavaFX drops the sort it cannot do). Returns {@code table}.
     */
    public static <T> TableView<T> sorted(TableView<T> table, javafx.collections.ObservableList<T> items) {
        javafx.collections.transformation.SortedList<T> sorted = new javafx.collections.transformation.SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        return table;
    }

    /** The width, in em, of a column of ZStack uuids: 32 hexadecimal digits, shown whole. */
    public static final double UUID_WIDTH = 22;

    /**
     * A column of text, {@code widthEm} wide at first (in em: 18 is about 250 px at the default 14 px), its
     * header the text of the bundle key {@code title}, following the language.
     */
    public static <T> TableColumn<T, String> column(String id, String title, double widthEm, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>();
        c.textProperty().bind(I18n.textOf(title));
        c.setId(id);
        c.setPrefWidth(Em.of(widthEm));
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue() == null ? null : text.apply(d.getValue())));
        return c;
    }

    /** A column of numbers, aligned right, {@code widthEm} wide at first. */
    public static <T> TableColumn<T, String> number(String id, String title, double widthEm, Function<T, String> text) {
        TableColumn<T, String> c = column(id, title, widthEm, text);
        c.getStyleClass().add("number");
        return c;
    }

    /**
     * A column whose cells carry a pseudo-class named by {@code state} (e.g. "provider-lost"), so that the
     * theme colours them; null means none. {@code widthEm} wide at first.
     */
    public static <T> TableColumn<T, String> styled(String id, String title, double widthEm, Function<T, String> text,
                                                     Function<T, String> state) {
        TableColumn<T, String> c = column(id, title, widthEm, text);
        c.setCellFactory(col -> new TableCell<>() {
            private PseudoClass current;

            {
                getStyleClass().add(STATE_CELL);
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                T row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String s = row == null ? null : state.apply(row);
                PseudoClass next = s == null ? null : PseudoClass.getPseudoClass(s);
                if (current != null && current != next) {
                    pseudoClassStateChanged(current, false);
                }
                if (next != null) {
                    pseudoClassStateChanged(next, true);
                }
                current = next;
            }
        });
        return c;
    }

    /**
     * Rows carry the pseudo-classes {@code states} gives for their item; when a row near the end of the
     * loaded items is shown, {@code nearEnd} runs (to load the next page). When one of {@code restyleOn} changes (what
     * {@code states} reads besides the item), each row asks {@code states} again for its item: the rows and their
     * cells stay as they are, where {@link TableView#refresh()} would make every cell anew (a 100,000-VM list's
     * visible rows took a 160-200 ms pulse for their new cells' CSS after each audit).
     */
    public static <T> void rows(TableView<T> table, Function<T, Iterable<String>> states, Runnable nearEnd,
                                javafx.beans.value.ObservableValue<?>... restyleOn) {
        table.setRowFactory(tv -> new TableRow<>() {
            private final java.util.Set<PseudoClass> on = new java.util.HashSet<>();
            /** Held by the row: the observables hold it weakly, so a row the table drops is not kept. */
            private final javafx.beans.value.ChangeListener<Object> restyle = (o, was, now) -> restyle();

            {
                for (javafx.beans.value.ObservableValue<?> o : restyleOn) {
                    o.addListener(new javafx.beans.value.WeakChangeListener<>(restyle));
                }
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                restyle();
                if (!empty && nearEnd != null && getIndex() >= tv.getItems().size() - 40) {
                    nearEnd.run();
                }
            }

            private void restyle() {
                T item = getItem();
                java.util.Set<PseudoClass> next = new java.util.HashSet<>();
                if (!isEmpty() && item != null && states != null) {
                    for (String s : states.apply(item)) {
                        next.add(PseudoClass.getPseudoClass(s));
                    }
                }
                for (PseudoClass p : on) {
                    if (!next.contains(p)) {
                        pseudoClassStateChanged(p, false);
                    }
                }
                for (PseudoClass p : next) {
                    if (!on.contains(p)) {
                        pseudoClassStateChanged(p, true);
                    }
                }
                on.clear();
                on.addAll(next);
            }
        });
    }

    /**
     * Sorting by the database: clicking a column header asks {@code sortBy} for the column's sort (the rows
     * are never sorted in memory), and the header shows {@code sort}'s current state. Columns not in
     * {@code columns} cannot be sorted. An empty sort order means the list's default sort.
     */
    public static <T, C extends Enum<C>> void sortByDatabase(TableView<T> table, Map<TableColumn<T, ?>, C> columns,
                                                             ReadOnlyObjectProperty<Sort<C>> sort, Sort<C> defaultSort,
                                                             Consumer<Sort<C>> sortBy) {
        Map<TableColumn<T, ?>, C> byColumn = new LinkedHashMap<>(columns);
        for (TableColumn<T, ?> c : table.getColumns()) {
            c.setSortable(byColumn.containsKey(c));
        }
        table.setSortPolicy(t -> true);
        Runnable ask = () -> {
            if (table.getSortOrder().isEmpty()) {
                sortBy.accept(defaultSort);
                return;
            }
            TableColumn<T, ?> first = table.getSortOrder().get(0);
            C c = byColumn.get(first);
            if (c != null) {
                sortBy.accept(new Sort<>(c, first.getSortType() == TableColumn.SortType.ASCENDING));
            }
        };
        table.getSortOrder().addListener((ListChangeListener<TableColumn<T, ?>>) ch -> ask.run());
        byColumn.keySet().forEach(c -> c.sortTypeProperty().addListener((o, a, b) -> {
            if (!table.getSortOrder().isEmpty() && table.getSortOrder().get(0) == c) {
                ask.run();
            }
        }));
        Sort<C> s = sort.get();
        byColumn.forEach((column, c) -> {
            if (s != null && c == s.column() && !s.equals(defaultSort)) {
                column.setSortType(s.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(column);
            }
        });
    }
}
