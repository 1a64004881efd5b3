package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.styles.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table's first screenful of rows made over several pulses ({@link FirstFill}), in a real window beside a table with
 * JavaFX's own skin given the same rows: the staged one makes at most {@link FirstFill#FIRST_ROWS} rows in its first
 * pulse with rows and at most {@link FirstFill#MAX_ROWS_PER_PULSE} more a pulse after it, one a pulse when a row takes
 * longer to make than a pulse's budget, and ends showing the same rows as the other; a scroll asked for at once lands
 * on the same row.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFillTest {

    private static final int ROWS = 500;
    private static final double ROW = 24;

    TableView<String> staged;
    TableView<String> plain;
    TreeTableView<String> stagedTree;
    TreeTableView<String> plainTree;
    Scene scene;

    @Start
    void start(Stage stage) {
        staged = FirstFill.on(table());
        plain = table();
        stagedTree = FirstFill.on(tree());
        plainTree = tree();
        scene = LightStage.show(stage, new HBox(staged, plain, stagedTree, plainTree), 1200, 500);
    }

    private static TableView<String> table() {
        TableView<String> t = new TableView<>();
        t.setFixedCellSize(ROW);
        t.setPrefSize(290, 480);
        TableColumn<String, String> a = new TableColumn<>("A");
        a.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
        TableColumn<String, String> b = new TableColumn<>("B");
        b.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().toUpperCase()));
        t.getColumns().setAll(List.of(a, b));
        return t;
    }

    private static TreeTableView<String> tree() {
        TreeTableView<String> t = new TreeTableView<>(new TreeItem<>("root"));
        t.setShowRoot(false);
        t.setFixedCellSize(ROW);
        t.setPrefSize(290, 480);
        TreeTableColumn<String, String> a = new TreeTableColumn<>("A");
        a.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        t.getColumns().add(a);
        return t;
    }

    @Test
    void aTablesFirstRowsComeAFewPerPulse_andEndAsJavaFxsOwn() throws Exception {
        List<int[]> pulses = recordPulses(() -> new int[] {rows(staged).size(), rows(plain).size()});
        fx(() -> {
            List<String> items = items();
            staged.getItems().setAll(items);
            plain.getItems().setAll(items);
            return null;
        });
        awaitSameRows(() -> texts(staged), () -> texts(plain));

        int full = fx(() -> rows(plain).size());
        assertThat(full).as("a screenful of rows").isGreaterThan(2 * FirstFill.MAX_ROWS_PER_PULSE);
        List<int[]> filling = pulses.stream().filter(p -> p[1] > 0).toList();
        assertThat(filling.get(0)[0]).as("rows made in the first pulse with rows").isLessThanOrEqualTo(
                FirstFill.FIRST_ROWS);
        for (int i = 1; i < filling.size(); i++) {
            assertThat(filling.get(i)[0] - filling.get(i - 1)[0]).as("rows made in pulse %d", i)
                    .isLessThanOrEqualTo(FirstFill.MAX_ROWS_PER_PULSE);
        }
        assertThat(fx(() -> texts(staged))).startsWith("row 0", "row 1").isEqualTo(fx(() -> texts(plain)));

        // its rows are reused from then on: all of a new set of rows in one pulse
        fx(() -> {
            staged.getItems().setAll(new ArrayList<>(staged.getItems().subList(100, ROWS)));
            plain.getItems().setAll(new ArrayList<>(plain.getItems().subList(100, ROWS)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        awaitSameRows(() -> texts(staged), () -> texts(plain));
        assertThat(fx(() -> texts(staged))).startsWith("row 100");
    }

    /**
     * Rows that each take longer to make than a pulse's budget (a cold JVM, a busy machine) come one a pulse after the
     * first ones, however many tables fill in the same pulses (one budget for all of them: a table that gets its rows
     * while another fills makes its first ones, whose cost is not known yet, in a pulse of their own); the tables end
     * with their whole screenful all the same.
     */
    @Test
    void rowsThatTakeLongerThanTheBudgetComeOneAPulse_forAllTablesTogether() throws Exception {
        List<TableView<String>> slow = fx(() -> {
            List<TableView<String>> tables = List.of(slowTable(), slowTable());
            ((HBox) scene.getRoot()).getChildren().setAll(tables.get(0), tables.get(1), plain);
            return tables;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<int[]> pulses = recordPulses(() -> new int[] {rows(slow.get(0)).size(), rows(slow.get(1)).size()});
        fx(() -> {
            slow.get(0).getItems().setAll(items());
            plain.getItems().setAll(items());
            return null;
        });
        // the second gets its rows once the first has begun to fill
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> rows(slow.get(0)).size()) > FirstFill.FIRST_ROWS);
        fx(() -> slow.get(1).getItems().setAll(items()));
        for (TableView<String> t : slow) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                List<String> x = fx(() -> texts(t));
                return !x.isEmpty() && x.equals(fx(() -> texts(plain)));
            });
        }
        List<int[]> filling = pulses.stream().filter(p -> p[0] > 0).toList();
        assertThat(filling.get(0)[0]).as("the first pulse with rows").isLessThanOrEqualTo(FirstFill.FIRST_ROWS);
        assertThat(filling.size()).as("pulses that made rows").isGreaterThan(20);
        for (int i = 1; i < filling.size(); i++) {
            int[] before = filling.get(i - 1);
            int[] now = filling.get(i);
            String pulse = "pulse " + i + " of " + filling.stream().map(java.util.Arrays::toString).toList();
            if (before[1] == 0 && now[1] > 0) {
                assertThat(now[0] - before[0]).as("the first table's rows in the second's first, %s", pulse).isZero();
                assertThat(now[1]).as("the second table's first rows, %s", pulse).isLessThanOrEqualTo(
                        FirstFill.FIRST_ROWS);
            } else {
                assertThat(now[0] - before[0] + now[1] - before[1]).as("rows made by both tables in %s", pulse)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    /**
     * Tables that get their rows in the same turn (the audit's rules and its first rule's findings, when its result
     * comes) make their first rows in pulses of their own: what a table's first rows cost is not known before they are
     * made, and two tables' first rows in one pulse took 30 ms of it. The tables end with their whole screenful.
     */
    @Test
    void tablesThatGetTheirRowsInTheSameTurnMakeTheirFirstRowsInPulsesOfTheirOwn() throws Exception {
        TableView<String> other = fx(() -> {
            TableView<String> t = FirstFill.on(table());
            ((HBox) scene.getRoot()).getChildren().setAll(staged, t, plain);
            return t;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<int[]> pulses = recordPulses(() -> new int[] {rows(staged).size(), rows(other).size()});
        fx(() -> {
            List<String> items = items();
            staged.getItems().setAll(items);
            other.getItems().setAll(items);
            plain.getItems().setAll(items);
            return null;
        });
        awaitSameRows(() -> texts(staged), () -> texts(plain));
        awaitSameRows(() -> texts(other), () -> texts(plain));

        List<int[]> filling = pulses.stream().filter(p -> p[0] + p[1] > 0).toList();
        String all = filling.stream().map(java.util.Arrays::toString).toList().toString();
        assertThat(Math.min(filling.get(0)[0], filling.get(0)[1])).as("the first pulse with rows, of %s", all).isZero();
        assertThat(Math.max(filling.get(0)[0], filling.get(0)[1])).as("the first pulse with rows, of %s", all)
                .isBetween(1, FirstFill.FIRST_ROWS);
        for (int i = 1; i < filling.size(); i++) {
            int[] before = filling.get(i - 1);
            int[] now = filling.get(i);
            assertThat(now[0] > before[0] && now[1] > before[1]).as("both tables made rows in pulse %d of %s", i, all)
                    .isFalse();
        }
    }

    /** A table whose every row takes longer to make than a pulse's budget. */
    private static TableView<String> slowTable() {
        long rowMillis = FirstFill.PULSE_BUDGET_NANOS / 1_000_000 + 10;
        TableView<String> t = FirstFill.on(table());
        t.setRowFactory(v -> {
            try {
                Thread.sleep(rowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new javafx.scene.control.TableRow<>();
        });
        return t;
    }

    @Test
    void theRowsOfAPulseFitItsBudget() {
        long budget = FirstFill.PULSE_BUDGET_NANOS;
        assertThat(FirstFill.rowsFitting(budget, 0)).as("nothing made yet").isEqualTo(FirstFill.FIRST_ROWS);
        assertThat(FirstFill.rowsFitting(budget, budget * 2)).isZero();
        assertThat(FirstFill.rowsFitting(budget, budget / 5)).isEqualTo(5);
        assertThat(FirstFill.rowsFitting(budget, 1)).isEqualTo(FirstFill.MAX_ROWS_PER_PULSE);
        assertThat(FirstFill.rowsFitting(0, 1)).as("no budget left").isZero();
    }

    @Test
    void aScrollAskedForBeforeTheRowsAreMade_landsOnTheRow() throws Exception {
        fx(() -> {
            List<String> items = items();
            staged.getItems().setAll(items);
            plain.getItems().setAll(items);
            staged.scrollTo(300);
            plain.scrollTo(300);
            staged.getSelectionModel().select(300);
            return null;
        });
        // where JavaFX's own skin puts it (its rows are counted after the scroll is asked for)
        awaitSameRows(() -> texts(staged), () -> texts(plain));
        assertThat(fx(() -> texts(staged))).contains("row 300").doesNotContain("row 0");
        assertThat(fx(() -> staged.getSelectionModel().getSelectedItem())).isEqualTo("row 300");
    }

    @Test
    void aTreeTablesFirstRowsComeAFewPerPulse() throws Exception {
        List<int[]> pulses = recordPulses(() -> new int[] {rows(stagedTree).size(), rows(plainTree).size()});
        fx(() -> {
            for (TreeTableView<String> t : List.of(stagedTree, plainTree)) {
                for (int i = 0; i < ROWS / 10; i++) {
                    TreeItem<String> step = new TreeItem<>("step " + i);
                    step.getChildren().add(new TreeItem<>("item " + i));
                    step.setExpanded(true);
                    t.getRoot().getChildren().add(step);
                }
                t.getRoot().setExpanded(true);
            }
            return null;
        });
        awaitSameRows(() -> texts(stagedTree), () -> texts(plainTree));
        List<int[]> filling = pulses.stream().filter(p -> p[1] > 0).toList();
        assertThat(filling.get(0)[0]).isLessThanOrEqualTo(FirstFill.FIRST_ROWS);
        assertThat(fx(() -> texts(stagedTree))).startsWith("step 0", "item 0", "step 1");
    }

    /**
     * A long list that has its rows before its first layout, its rows' height given by the stylesheet alone (the run
     * window's items), opens at its first row, as a table with JavaFX's own skin does: the staged flow had opened it at
     * its last rows (its first estimate of the rows' height was made on rows not styled yet).
     */
    @Test
    void aLongListWithItsRowsBeforeItsFirstLayoutOpensAtItsFirstRow() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            items.add("row " + i);
        }
        TableView<String> list = fx(() -> {
            TableView<String> t = new TableView<>(javafx.collections.FXCollections.observableArrayList(items));
            TableColumn<String, String> a = new TableColumn<>("A");
            a.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
            t.getColumns().add(a);
            return Tables.longList(t);
        });
        Stage window = fx(() -> {
            Scene s = new Scene(new HBox(list), 400, 400);
            Themes.apply(s, Theme.LIGHT);
            Stage w = new Stage();
            w.setScene(s);
            w.show();
            return w;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !FirstFill.filling() && !texts(list).isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> texts(list))).startsWith("row 0", "row 1", "row 2");
        fx(() -> {
            window.close();
            return null;
        });
    }

    /**
     * {@link When#afterFirstFill} waits for the pulse that makes a table's last first rows, where
     * {@link When#afterNextPulse} runs after the pulse that makes its first ones: what the window starts after a list's
     * first rows (decision 0046) does not share the cores with the making of the rest of its screenful.
     */
    @Test
    void afterFirstFillRunsOnceTheWholeFirstScreenfulIsMade() throws Exception {
        java.util.concurrent.CompletableFuture<int[]> afterPulse = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<int[]> afterFill = new java.util.concurrent.CompletableFuture<>();
        fx(() -> {
            List<String> items = items();
            staged.getItems().setAll(items);
            plain.getItems().setAll(items);
            When.afterNextPulse(() -> afterPulse.complete(rowsAndFilling()));
            When.afterFirstFill(() -> afterFill.complete(rowsAndFilling()));
            return null;
        });
        int[] pulse = afterPulse.get(10, TimeUnit.SECONDS);
        int[] fill = afterFill.get(10, TimeUnit.SECONDS);
        int full = fx(() -> rows(plain).size());
        assertThat(pulse[1]).as("after the next pulse, the table is still filling").isEqualTo(1);
        assertThat(pulse[0]).as("rows made by the next pulse").isLessThanOrEqualTo(FirstFill.FIRST_ROWS);
        assertThat(fill[1]).as("after the first fill, no table is filling").isZero();
        assertThat(fill[0]).as("rows made by then: the whole screenful").isEqualTo(full);
        assertThat(full).isGreaterThan(2 * FirstFill.MAX_ROWS_PER_PULSE);
    }

    /** The staged table's rows, and 1 while a table is making its first screenful (0 once none is). */
    private int[] rowsAndFilling() {
        return new int[] {rows(staged).size(), FirstFill.filling() ? 1 : 0};
    }

    private static List<String> items() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            items.add("row " + i);
        }
        return items;
    }

    /** Records, after each pulse's layout, what {@code count} says (on the FX thread). */
    private List<int[]> recordPulses(Supplier<int[]> count) throws Exception {
        List<int[]> pulses = java.util.Collections.synchronizedList(new ArrayList<>());
        fx(() -> {
            scene.addPostLayoutPulseListener(() -> pulses.add(count.get()));
            return null;
        });
        return pulses;
    }

    private void awaitSameRows(Callable<List<String>> a, Callable<List<String>> b) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            List<String> x = fx(a);
            return !x.isEmpty() && x.equals(fx(b));
        });
    }

    /** The rows a table draws: its visible row cells that show an item. */
    private static List<IndexedCell<?>> rows(Parent table) {
        List<IndexedCell<?>> out = new ArrayList<>();
        for (Node n : table.lookupAll(".indexed-cell")) {
            if (n instanceof IndexedCell<?> c && c.isVisible() && (n.getStyleClass().contains("table-row-cell")
                    || n.getStyleClass().contains("tree-table-row-cell"))) {
                out.add(c);
            }
        }
        return out;
    }

    /** The text of the first column of each row shown with an item, top to bottom, within the table's height. */
    private static List<String> texts(Parent table) {
        return rows(table).stream().filter(c -> !c.isEmpty() && c.getItem() != null)
                .filter(c -> c.localToScene(0, 0).getY() < table.localToScene(0, table.getLayoutBounds().getHeight()).getY())
                .sorted(java.util.Comparator.comparingDouble(c -> c.localToScene(0, 0).getY()))
                .map(c -> c.getItem() instanceof TreeItem<?> t ? String.valueOf(t.getValue()) : String.valueOf(c.getItem()))
                .toList();
    }

    private static <T> T fx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(10, TimeUnit.SECONDS);
    }
}
