package dev.tpmconsole.views.util;

import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A cell's tooltip, made when the pointer first enters the cell and kept from row to row after that. A tooltip is a
 * popup window with a scene of its own: one made with each cell was a fifth of a table's first fill (the audit's
 * findings), for tooltips hardly anyone looks at.
 */
public final class HoverTooltip {

    private final Control cell;
    private final Supplier<String> text;
    private Tooltip tooltip;

    /** @param text what the tooltip says for what the cell shows now (null: no tooltip) */
    public HoverTooltip(Control cell, Supplier<String> text) {
        this.cell = cell;
        this.text = text;
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> show());
    }

    /** What the cell shows changed: its tooltip follows, once the pointer has been over it (or is now). */
    public void update() {
        if (tooltip != null || cell.isHover()) {
            show();
        }
    }

    private void show() {
        String now = text.get();
        if (now == null) {
            cell.setTooltip(null);
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
        }
        tooltip.setText(now);
        cell.setTooltip(tooltip);
    }
}
