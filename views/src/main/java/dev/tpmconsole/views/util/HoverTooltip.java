package dev.tpmconsole.views.util;

import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A cell's tooltip, made when the pointer first enters the cell and kept from row to row after that. A tooltip is a
 * popup window with a scene of its own: one made with each cell was a fifth of a table's first fill (the audit's
 * findings), for tooltips hardly anyone looks at; the first one of a window took some 20 ms of its making. A control's
 * tooltip whose text is bound is made on the first hover too ({@link #bound}).
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

    /**
     * Gives {@code control} a tooltip saying what {@code text} says, wrapped at {@code ems} em (a tooltip's width is not
     * styleable, so it follows the tooltip's font), made when the pointer first comes over the control and bound from
     * then on. A screen reader needs the text before that: bind the control's accessible help to it as well.
     */
    public static void bound(Control control, ObservableValue<String> text, double ems) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(text);
                tip.setWrapText(true);
                tip.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> tip.getFont().getSize() * ems,
                        tip.fontProperty()));
                control.setTooltip(tip);
            }
        });
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
