package dev.tpmconsole.views.util;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A table's flow that keeps its rows when the table is given new items, and styles a row again only where its look
 * changed. JavaFX's table answers any new items (a filter's, a sort's, a page's: {@code setAll}) by emptying every
 * row and cell and filling them again (its "rebuild"), then, in {@link VirtualFlow#setCellIndex}, applies CSS again to
 * each row whose text changed, its cells and their texts, whether or not anything a style sheet reads changed. On the
 * 100,000-VM list a keystroke in the filter spent a third of its FX thread's time there (JFR). Here:
 * <ul>
 *   <li>new items alone make the rows go to their new items in place ({@link #reconfigureCells()}): a row whose item
 *   changed updates, as a scrolled row does; a row whose item is equal stays as it is. A new row factory or other
 *   visible columns still make JavaFX rebuild the rows;</li>
 *   <li>a row that already has its skin and styles gets CSS applied again only when its pseudo-classes, style classes
 *   or style, those of a node under it, or its nodes themselves, differ after it took its new item (a row that
 *   became empty or selected, a row that turned "deleted", a cell of another key state). Changed text alone needs no
 *   CSS (a cell keeps its text node when its text goes away): JavaFX lays the row out again as before.</li>
 * </ul>
 * For a tree table (whose rows follow their tree items) it is JavaFX's flow as it is.
 *
 * @param <C> the rows' type
 */
class KeptRowsFlow<C extends IndexedCell<?>> extends VirtualFlow<C> {

    /** VirtualFlow's mark of a row it has just made, whose CSS it must apply (its constant is private). */
    private static final String NEW_CELL = "newcell";

    private final TableView<?> table;
    /** The table was given other items since the rows were last rebuilt or moved to new items. */
    private boolean itemsChanged;
    /** What the rows were last built for: a rebuild for anything else is JavaFX's own. */
    private List<TableColumn<?, ?>> builtColumns = List.of();
    private Object builtRowFactory;

    /** Held by the flow, weakly by the table, so that a flow of a skin the table dropped is not kept. */
    private final ListChangeListener<Object> onItems = c -> itemsChanged = true;
    private final WeakListChangeListener<Object> weakOnItems = new WeakListChangeListener<>(onItems);
    private final InvalidationListener onItemsList = o -> itemsListChanged();
    private ObservableList<?> watched;

    /** A table's flow ({@code table} non-null), or, for a tree table, JavaFX's own (null). */
    KeptRowsFlow(TableView<?> table) {
        this.table = table;
        if (table != null) {
            table.itemsProperty().addListener(new WeakInvalidationListener(onItemsList));
            itemsListChanged();
        }
    }

    private void itemsListChanged() {
        if (watched != null) {
            watched.removeListener(weakOnItems);
        }
        watched = table.getItems();
        if (watched != null) {
            watched.addListener(weakOnItems);
        }
        itemsChanged = true;
    }

    @Override
    protected void rebuildCells() {
        if (table != null && itemsChanged && builtFor()) {
            // the rows go to their new items in place; the layout updates those whose item changed
            itemsChanged = false;
            reconfigureCells();
            return;
        }
        itemsChanged = false;
        if (table != null) {
            builtColumns = List.copyOf(table.getVisibleLeafColumns());
            builtRowFactory = table.getRowFactory();
        }
        super.rebuildCells();
    }

    /** Whether the rows were built for the table's columns and row factory as they are now. */
    private boolean builtFor() {
        return table.getRowFactory() == builtRowFactory && builtColumns.equals(table.getVisibleLeafColumns());
    }

    @Override
    protected void setCellIndex(C cell, int index) {
        if (table == null || cell.getScene() == null || cell.getSkin() == null
                || cell.getProperties().containsKey(NEW_CELL)) {
            super.setCellIndex(cell, index);
            return;
        }
        long before = look(cell);
        cell.updateIndex(index);
        // as VirtualFlow does, where anything a style sheet reads changed (a new row's first CSS is JavaFX's, above)
        if (cell.isNeedsLayout() && look(cell) != before) {
            cell.applyCss();
        }
    }

    /**
     * What CSS reads of a row, as one number: for the row and each node under it, in order, the node itself, its
     * pseudo-classes, style classes and style, each by its hash. Looks that differ give the same number only where
     * those hashes happen to meet; even then a node whose look changed is marked by JavaFX for the next pulse's CSS
     * all the same, so that it would show its old style for one frame, never longer.
     */
    static long look(Node node) {
        long h = 17;
        h = h * 1_000_003 + System.identityHashCode(node);
        h = h * 1_000_003 + node.getPseudoClassStates().hashCode();
        h = h * 1_000_003 + node.getStyleClass().hashCode();
        h = h * 1_000_003 + java.util.Objects.hashCode(node.getStyle());
        if (node instanceof Parent parent) {
            List<Node> children = parent.getChildrenUnmodifiable();
            h = h * 1_000_003 + children.size();
            for (int i = 0, n = children.size(); i < n; i++) {
                h = h * 1_000_003 + look(children.get(i));
            }
        }
        return h;
    }
}
