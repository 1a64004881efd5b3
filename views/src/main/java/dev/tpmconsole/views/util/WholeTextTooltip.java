package dev.tpmconsole.views.util;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Text;

/**
 * A table's cell or column header that shows its text cut to "…" (a uuid, a path, a long reason in a narrow pane)
 * says the whole of it in a tooltip while the pointer is over it. One tooltip for the table, moved to the cut text
 * under the pointer: a tooltip per cell is a popup window each, and was a fifth of a table's first fill
 * ({@link HoverTooltip}). A cell with a tooltip of its own keeps it.
 */
public final class WholeTextTooltip {

    /** Made when first needed: the first tooltip of a window took some 20 ms of its making ({@link HoverTooltip}). */
    private Tooltip tooltip;
    /** The cell or header the tooltip is installed on, or null. */
    private Labeled on;

    private WholeTextTooltip(Control table) {
        table.addEventFilter(MouseEvent.MOUSE_MOVED, e -> moveTo(cut(e.getPickResult().getIntersectedNode(), table)));
        table.addEventFilter(MouseEvent.MOUSE_EXITED, e -> moveTo(null));
        // the rows move under a still pointer: what it was over is no longer what it is over
        table.addEventFilter(ScrollEvent.SCROLL, e -> moveTo(null));
    }

    /** Gives {@code table}'s cut cells and headers their whole text in a tooltip. */
    public static void install(TableView<?> table) {
        new WholeTextTooltip(table);
    }

    /** Gives {@code tree}'s cut cells and headers their whole text in a tooltip. */
    public static void install(TreeTableView<?> tree) {
        new WholeTextTooltip(tree);
    }

    private void moveTo(Labeled cut) {
        if (cut == on && (cut == null || cut.getText().equals(tooltip.getText()))) {
            return;
        }
        if (cut != null && tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(Em.of(40));
        }
        if (on != null) {
            Tooltip.uninstall(on, tooltip);
            on = null;
        }
        if (cut != null) {
            tooltip.setText(cut.getText());
            Tooltip.install(cut, tooltip);
            on = cut;
        }
    }

    /** The cell or column header at {@code node} if it shows its text cut and has no tooltip of its own. */
    static Labeled cut(Node node, Node table) {
        for (Node n = node; n != null && n != table; n = n.getParent()) {
            if (n instanceof TableCell<?, ?> || n instanceof TreeTableCell<?, ?>
                    || n instanceof Labeled && n.getStyleClass().contains("label")
                    && n.getParent() != null && n.getParent().getStyleClass().contains("column-header")) {
                Labeled l = (Labeled) n;
                return isCut(l) && (l.getTooltip() == null) ? l : null;
            }
        }
        return null;
    }

    /** Whether {@code l} shows less than its text: its skin's text node holds the text cut, with "…". */
    public static boolean isCut(Labeled l) {
        String whole = l.getText();
        return whole != null && !whole.isEmpty() && l.lookup(".text") instanceof Text t && !whole.equals(t.getText());
    }
}
