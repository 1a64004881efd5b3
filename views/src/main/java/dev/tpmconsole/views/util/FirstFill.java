package dev.tpmconsole.views.util;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javafx.animation.AnimationTimer;
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
 * that holds rows starts {@link #FIRST_ROWS} rows high and grows, a pulse at a time, from the top, until it has its
 * whole height; from then on it is JavaFX's own, and its rows are reused as before. Each pulse adds as many rows as
 * fit in {@link #PULSE_BUDGET_NANOS} at what each of the rows before took to make (at most
 * {@link #MAX_ROWS_PER_PULSE} a table), one budget for all the tables filling in that pulse, and one row at least:
 * in a JVM whose code is still cold, or on a busy machine, a row costs several times what it costs later, and a fixed
 * number of rows a pulse made pulses of 50-110 ms at the console's start.
 *
 * <p>Only what the table draws is staged: its items, selection, sort and scrolling are the table's, whole, from the
 * start.
 */
public final class FirstFill {

    /**
     * How many rows high the rows' part of a table starts: the first rows a list makes are its dearest (their styles
     * are looked up for the first time), and the first of them is what a person waits for.
     */
    public static final int FIRST_ROWS = 2;

    /** The most rows the rows' part of a table grows by in one pulse while its first screenful is made. */
    public static final int MAX_ROWS_PER_PULSE = 8;

    /** The time the rows a pulse adds may take to make, by what each of the rows before took. */
    static final long PULSE_BUDGET_NANOS = 20_000_000;

    private FirstFill() {
    }

    /** Gives {@code table} a skin that makes its first screenful of rows over several pulses; returns it. */
    public static <T> TableView<T> on(TableView<T> table) {
        table.setSkin(new TableViewSkin<>(table) {
            @Override
            protected VirtualFlow<TableRow<T>> createVirtualFlow() {
                return new StagedFlow<>(table);
            }
        });
        return table;
    }

    /** Gives {@code tree} a skin that makes its first screenful of rows over several pulses; returns it. */
    public static <T> TreeTableView<T> on(TreeTableView<T> tree) {
        tree.setSkin(new TreeTableViewSkin<>(tree) {
            @Override
            protected VirtualFlow<TreeTableRow<T>> createVirtualFlow() {
                return new StagedFlow<>(null);
            }
        });
        return tree;
    }

    /**
     * The flows still growing, in the order they began, and the animation timer that grows them once a pulse, before
     * the pulse's CSS and layout, within one budget for all of them (a window's lists, and the VM details' tables that
     * come a section a pulse, fill in the same pulses). FX thread only.
     */
    private static final List<StagedFlow<?>> GROWING = new ArrayList<>();
    private static final AnimationTimer GROWER = new AnimationTimer() {
        @Override
        public void handle(long now) {
            growAll();
        }
    };

    /**
     * Grows each growing flow by the rows that fit in what is left of the pulse's budget at what each of its rows took
     * (at most {@link #MAX_ROWS_PER_PULSE}); the first flow by one row at least, so that the fill always moves on.
     */
    private static void growAll() {
        long left = PULSE_BUDGET_NANOS;
        boolean grown = false;
        spent = false;
        for (Iterator<StagedFlow<?>> it = GROWING.iterator(); it.hasNext(); ) {
            StagedFlow<?> flow = it.next();
            if (flow.getScene() == null) {
                flow.finish(); // taken out of its window before it was full: JavaFX's own from now on
                it.remove();
                continue;
            }
            long perRow = flow.nanosPerRow;
            // a table whose rows' cost is not known yet starts in a pulse of its own, and takes what is left of it
            int rows = grown && perRow == 0 ? 0 : Math.max(grown ? 0 : 1, rowsFitting(left, perRow));
            if (rows == 0) {
                continue;
            }
            grown = true;
            left = perRow == 0 ? 0 : left - rows * perRow;
            if (flow.grow(rows)) {
                it.remove();
            }
        }
        if (grown) {
            spend();
        }
        if (GROWING.isEmpty()) {
            GROWER.stop();
        }
    }

    /**
     * Whether a table's first screenful is still being made, a few rows a pulse (FX thread only): its row and cell
     * nodes are not all there yet.
     */
    public static boolean filling() {
        return !GROWING.isEmpty();
    }

    /**
     * Whether this pulse made a table's rows already (FX thread only): the rows given out at its start, which took its
     * budget, or a table's first rows, whose cost was not known.
     */
    private static boolean spent;

    /** Until this pulse is over, a table that lays out rows for the first time waits for a later one. */
    private static void spend() {
        if (!spent) {
            spent = true;
            Platform.runLater(() -> spent = false);
        }
    }

    /**
     * How many rows fit in {@code nanos}, when each row made so far took {@code nanosPerRow} (0: none made yet, then
     * {@link #FIRST_ROWS}); at most {@link #MAX_ROWS_PER_PULSE}.
     */
    static int rowsFitting(long nanos, long nanosPerRow) {
        if (nanos <= 0) {
            return 0;
        }
        if (nanosPerRow <= 0) {
            return FIRST_ROWS;
        }
        return (int) Math.min(MAX_ROWS_PER_PULSE, nanos / nanosPerRow);
    }

    /**
     * A flow whose height is held to a number of rows that grows each pulse, until it reaches the height it is given.
     * FX thread only.
     */
    static final class StagedFlow<C extends IndexedCell<?>> extends KeptRowsFlow<C> {
        private double given;
        private int rows = FIRST_ROWS;
        private boolean done;
        private boolean growing;
        /** The rows held when a layout last made new ones, and what each of those took (0: none made yet). */
        private int timedRows;
        private long nanosPerRow;

        /** A table's ({@code table}, whose rows it keeps when given new items) or a tree table's (null). */
        StagedFlow(TableView<?> table) {
            super(table);
        }

        @Override
        protected void setHeight(double value) {
            given = value;
            super.setHeight(done ? value : Math.min(value, rows * rowHeight()));
        }

        /**
         * Before its first rows, in a pulse that made other tables' rows (those the timer gave out, or another table's
         * first ones): holds it at no rows, and lets the timer give it its first ones in a later pulse.
         */
        private void waitIfSpent() {
            if (!done && !growing && spent && getCellCount() > 0) {
                rows = 0;
                startGrowing();
                super.setHeight(0);
            }
        }

        /** From now on the timer grows it, pulse by pulse, until it has its whole height. */
        private void startGrowing() {
            growing = true;
            GROWING.add(this);
            GROWER.start();
        }

        @Override
        protected void layoutChildren() {
            if (done) {
                super.layoutChildren();
                return;
            }
            waitIfSpent();
            long started = System.nanoTime();
            super.layoutChildren(); // makes the rows the held height has room for, each with its skin and first CSS
            long took = System.nanoTime() - started;
            if (getCellCount() > 0 && given > 0) {
                int held = Math.min(rows, (int) Math.ceil(given / rowHeight()));
                if (held > timedRows) {
                    nanosPerRow = Math.max(1, took / (held - timedRows));
                    timedRows = held;
                    spend();
                }
                if (!growing) {
                    startGrowing();
                }
            }
        }

        /** Adds {@code more} rows to the held height; true when it has its whole height from now on. */
        private boolean grow(int more) {
            rows += more;
            double held = rows * rowHeight();
            if (held >= given) {
                done = true;
            }
            super.setHeight(Math.min(given, held));
            return done;
        }

        /** Its whole height from now on. */
        private void finish() {
            done = true;
            super.setHeight(given);
        }

        /**
         * The rows' fixed height, else the console's ({@code -fx-fixed-cell-size: 1.86em} in console.css): a table whose
         * rows keep the theme's own, taller height grows by fewer rows a pulse than it is told.
         */
        private double rowHeight() {
            double fixed = getFixedCellSize();
            return fixed > 0 ? fixed : Em.of(Tables.ROW_EM);
        }
    }
}
