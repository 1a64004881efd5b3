package dev.tpmconsole.views.util;

import javafx.application.Platform;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.TreeTableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A table's first screenful of rows made over several FX pulses instead of one. JavaFX makes a table's row and cell
 * nodes the first time it lays out its rows, all of the screenful in one layout pass (the rows below the last item
 * too, empty), each with its skin and its first CSS: for the console's lists that pass took 50-75 ms (the VM list's
 * first rows, the audit's findings, a plan's tree), more than a pulse may take. With these skins the part of the table
 * that holds rows grows by {@link #ROWS_PER_PULSE} rows a pulse, from the top, until it has its whole height (a few
 * pulses, about 16 ms apart); from then on it is JavaFX's own, and its rows are reused as before.
 *
 * <p>Only what the table draws is staged: its items, selection, sort and scrolling are the table's, whole, from the
 * start.
 */
public final class FirstFill {

    /** How many rows the rows' part of a table grows by per pulse while its first screenful is made. */
    public static final int ROWS_PER_PULSE = 6;

    private FirstFill() {
    }

    /** Gives {@code table} a skin that makes its first screenful of rows over several pulses; returns it. */
    public static <T> TableView<T> on(TableView<T> table) {
        table.setSkin(new TableViewSkin<>(table) {
            @Override
            protected VirtualFlow<TableRow<T>> createVirtualFlow() {
                return new StagedFlow<>();
            }
        });
        return table;
    }

    /** Gives {@code tree} a skin that makes its first screenful of rows over several pulses; returns it. */
    public static <T> TreeTableView<T> on(TreeTableView<T> tree) {
        tree.setSkin(new TreeTableViewSkin<>(tree) {
            @Override
            protected VirtualFlow<TreeTableRow<T>> createVirtualFlow() {
                return new StagedFlow<>();
            }
        });
        return tree;
    }

    /**
     * A flow whose height is held to a number of rows that grows each pulse, until it reaches the height it is given.
     * FX thread only.
     */
    static final class StagedFlow<C extends IndexedCell<?>> extends VirtualFlow<C> {
        private double given;
        private int rows = ROWS_PER_PULSE;
        private boolean done;
        private boolean growing;

        @Override
        protected void setHeight(double value) {
            given = value;
            super.setHeight(done ? value : Math.min(value, rows * rowHeight()));
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (!done && getCellCount() > 0 && given > 0 && !growing) {
                growing = true;
                Platform.runLater(this::grow);
            }
        }

        private void grow() {
            growing = false;
            if (done) {
                return;
            }
            rows += ROWS_PER_PULSE;
            double held = rows * rowHeight();
            if (held >= given) {
                done = true;
            }
            super.setHeight(Math.min(given, held));
        }

        /**
         * The rows' fixed height, else the console's ({@code -fx-fixed-cell-size: 1.86em} in console.css): a table whose
         * rows keep the theme's own, taller height grows by fewer than {@link #ROWS_PER_PULSE} of them a pulse.
         */
        private double rowHeight() {
            double fixed = getFixedCellSize();
            return fixed > 0 ? fixed : Em.of(1.86);
        }
    }
}
