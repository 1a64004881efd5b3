package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.css.CssMetaData;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A console table given new items ({@link KeptRowsFlow}, the skin {@link FirstFill} gives), beside a table with
 * JavaFX's own skin given the same: the console's rows go to their new items in place, without being emptied first,
 * and a row is styled again only where its look changed, in the same pulse (as JavaFX styles each row whose text
 * changed). The counts are of each table's "probe" cells: the times one was emptied, and the times CSS moved it to its
 * state (JavaFX asks each of a node's CSS properties whether it may be set, each time).
 */
@ExtendWith(ApplicationExtension.class)
class KeptRowsFlowTest {

    record Vm(String name, boolean gone) {
    }

    TableView<Vm> kept;
    TableView<Vm> plain;

    @Start
    void start(Stage stage) {
        kept = table(Tables.longList(new TableView<>()));
        plain = table(new TableView<>());
        plain.setSkin(new TableViewSkin<>(plain));
        LightStage.show(stage, new HBox(kept, plain), 900, 600);
    }

    private static TableView<Vm> table(TableView<Vm> t) {
        t.setPrefSize(400, 560);
        t.getStyleClass().add(Tables.STYLE_CLASS);
        t.setFixedCellSize(Em.of(Tables.ROW_EM));
        TableColumn<Vm, String> name = Tables.column("nameColumn", "ui.col.name", 10, Vm::name);
        TableColumn<Vm, String> probe = Tables.column("probeColumn", "ui.col.state", 10, Vm::name);
        probe.setCellFactory(c -> new ProbeCell());
        t.getColumns().setAll(List.of(name, probe));
        Tables.rows(t, v -> v.gone() ? List.of("gone") : List.of(), null);
        t.getItems().setAll(vms("a", 100, -1));
        return t;
    }

    /** {@code n} VMs named {@code prefix}-0, ...; the one at {@code gone} (if any) is gone. */
    private static List<Vm> vms(String prefix, int n, int gone) {
        return IntStream.range(0, n).mapToObj(i -> new Vm(prefix + "-" + i, i == gone)).toList();
    }

    @BeforeEach
    void filled(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !FirstFill.filling()
                && shown(kept).size() > 10 && shown(kept).equals(shown(plain))).get(10, TimeUnit.SECONDS));
        robot.interact(() -> {
            ProbeCell.reset(kept);
            ProbeCell.reset(plain);
        });
    }

    @Test
    void newItemsMoveTheRowsToThemWithoutEmptyingThem(FxRobot robot) {
        giveBoth(robot, vms("b", 100, -1));
        robot.interact(() -> {
            assertThat(ProbeCell.emptied(kept)).as("the console's rows, emptied").isZero();
            assertThat(ProbeCell.emptied(plain)).as("JavaFX's rows, each emptied first").isGreaterThan(10);
            for (TableView<Vm> t : List.of(kept, plain)) {
                shown(t).forEach((index, text) -> assertThat(text).isEqualTo("b-" + index));
            }
        });
        // fewer items: the rows past the last one empty, the others keep theirs
        robot.interact(() -> {
            kept.getItems().setAll(vms("c", 5, -1));
            ProbeCell.reset(kept);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(shown(kept)).containsOnlyKeys(0, 1, 2, 3, 4).containsEntry(4, "c-4");
            assertThat(ProbeCell.emptiedRows(kept)).as("the rows emptied").isNotEmpty().allMatch(index -> index >= 5);
        });
    }

    @Test
    void aRowWhoseTextAloneChangesIsNotStyledAgain(FxRobot robot) {
        giveBoth(robot, vms("b", 100, -1));
        robot.interact(() -> {
            assertThat(ProbeCell.styled(kept)).as("the console's cells styled again").isEmpty();
            assertThat(ProbeCell.styled(plain)).as("JavaFX's cells, each styled again").hasSizeGreaterThan(10);
        });
    }

    /**
     * A row that turns "gone" (italics) is styled in the pulse that gave it its item, before it draws: here the layout
     * pass alone, as a pulse runs it after its CSS pass. A row whose text goes away keeps its look (its cells keep
     * their text nodes, empty) and is not styled again.
     */
    @Test
    void aRowWhoseLookChangesIsStyledInTheSamePulse(FxRobot robot) {
        robot.interact(() -> {
            List<Vm> items = new ArrayList<>(vms("b", 100, 3));
            items.set(5, new Vm(null, false));
            kept.getItems().setAll(items);
            kept.layout();
            assertThat(ProbeCell.styled(kept)).as("the cells styled again, by their rows").containsOnlyKeys(3);
            assertThat(nameCell(kept, 3).getFont().getStyle()).isEqualTo("Italic");
            assertThat(nameCell(kept, 4).getFont().getStyle()).isEqualTo("Regular");
            assertThat(nameCell(kept, 5).getText()).isNull();
        });
        // and back: the row is no longer gone
        robot.interact(() -> {
            ProbeCell.reset(kept);
            kept.getItems().setAll(vms("c", 100, -1));
            kept.layout();
            assertThat(ProbeCell.styled(kept)).containsOnlyKeys(3);
            assertThat(nameCell(kept, 3).getFont().getStyle()).isEqualTo("Regular");
            assertThat(nameCell(kept, 5).getText()).isEqualTo("c-5");
        });
    }

    /** Other columns with new items: JavaFX rebuilds the rows, which show the new items in the new columns. */
    @Test
    void otherColumnsWithNewItemsRebuildTheRows(FxRobot robot) {
        robot.interact(() -> {
            kept.getItems().setAll(vms("b", 100, -1));
            kept.getColumns().get(0).setVisible(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(ProbeCell.emptied(kept)).as("JavaFX's rebuild").isGreaterThan(10);
            shown(kept).forEach((index, text) -> assertThat(text).isEqualTo("b-" + index));
            kept.lookupAll(".table-row-cell").forEach(r -> assertThat(((TableRow<?>) r).getChildrenUnmodifiable()
                    .stream().filter(n -> n instanceof TableCell<?, ?> c && c.isVisible()).count()).isEqualTo(1));
        });
    }

    /** Gives both tables {@code items}, and waits for the pulses that lay them out. */
    private void giveBoth(FxRobot robot, List<Vm> items) {
        robot.interact(() -> {
            kept.getItems().setAll(items);
            plain.getItems().setAll(items);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The probe cells' texts of the rows that show an item, by index. */
    private static Map<Integer, String> shown(TableView<Vm> table) {
        Map<Integer, String> texts = new TreeMap<>();
        for (var n : table.lookupAll(".probe-cell")) {
            ProbeCell c = (ProbeCell) n;
            if (c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible() && !c.isEmpty()) {
                texts.put(c.getIndex(), c.getText());
            }
        }
        return texts;
    }

    private static TableCell<?, ?> nameCell(TableView<Vm> table, int index) {
        return table.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getIndex() == index && c.getTableColumn() == table.getColumns().get(0)
                        && c.getTableRow().isVisible())
                .findFirst().orElseThrow();
    }

    /** A cell that counts the times it is emptied and the times CSS moves it to its state, by its row's index. */
    static final class ProbeCell extends TableCell<Vm, String> {
        private final Map<Integer, Integer> emptied = new TreeMap<>();
        private final Map<Integer, Integer> styled = new TreeMap<>();

        ProbeCell() {
            getStyleClass().add("probe-cell");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            if (empty) {
                emptied.merge(getIndex(), 1, Integer::sum);
            }
        }

        /** Asked by CSS each time it moves the cell to its state, whether it may set the (made-up) property. */
        private static final CssMetaData<ProbeCell, Boolean> PROBE = new CssMetaData<>("-tpm-test-probe",
                StyleConverter.getBooleanConverter(), false) {
            @Override
            public boolean isSettable(ProbeCell cell) {
                cell.styled.merge(cell.getIndex(), 1, Integer::sum);
                return false;
            }

            @Override
            public StyleableProperty<Boolean> getStyleableProperty(ProbeCell cell) {
                return null;
            }
        };

        @Override
        public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
            List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(super.getControlCssMetaData());
            all.add(PROBE);
            return all;
        }

        static void reset(TableView<?> table) {
            table.lookupAll(".probe-cell").forEach(n -> {
                ((ProbeCell) n).emptied.clear();
                ((ProbeCell) n).styled.clear();
            });
        }

        /** How many times the table's probe cells were emptied. */
        static int emptied(TableView<?> table) {
            return byRow(table, c -> c.emptied).values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The indexes of the rows whose probe cell was emptied. */
        static java.util.Set<Integer> emptiedRows(TableView<?> table) {
            return byRow(table, c -> c.emptied).keySet();
        }

        /** The indexes of the rows whose probe cell CSS moved to its state, with how many times. */
        static Map<Integer, Integer> styled(TableView<?> table) {
            return byRow(table, c -> c.styled);
        }

        /** One count of the table's probe cells, added up by row index. */
        private static Map<Integer, Integer> byRow(TableView<?> table,
                                                   java.util.function.Function<ProbeCell, Map<Integer, Integer>> count) {
            Map<Integer, Integer> all = new TreeMap<>();
            table.lookupAll(".probe-cell").forEach(n -> count.apply((ProbeCell) n).forEach((i, k) -> all.merge(i, k,
                    Integer::sum)));
            return all;
        }
    }
}
