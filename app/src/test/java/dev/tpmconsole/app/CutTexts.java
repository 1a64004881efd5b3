package dev.tpmconsole.app;

import dev.tpmconsole.views.util.WholeTextTooltip;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The texts of a table that show cut to "..." although the table was given room for them: what a person reads as
 * "Rows del..." or "Manageme...". Each as "shown (whole)".
 */
final class CutTexts {

    private CutTexts() {
    }

    /** The column headers and the cells of the table {@code id} (in any open window) shown cut. */
    static List<String> in(String id) throws Exception {
        return of(id, c -> true);
    }

    /** The column headers of the table {@code id} (in any open window) shown cut. */
    static List<String> inHeaders(String id) throws Exception {
        return of(id, c -> false);
    }

    /**
     * The column headers of the table {@code id} and its cells but those of its last shown column (the one that
     * takes the room left, a path or a uuid, cut where the table is narrow) shown cut.
     */
    static List<String> inAllButTheLastColumn(String id) throws Exception {
        return of(id, c -> c.getTableView() == null || c.getTableColumn() != lastShown(c.getTableView()));
    }

    /** The column headers of the table {@code id} and the cells of the columns named, shown cut. */
    static List<String> inColumns(String id, String... columnIds) throws Exception {
        List<String> named = List.of(columnIds);
        return of(id, c -> c.getTableColumn() != null && named.contains(c.getTableColumn().getId()));
    }

    /**
     * The headers of the table {@code id}, and those of its cells that {@code cells} takes, shown cut: as the console's
     * own tooltip for cut text sees them ({@link WholeTextTooltip#isCut}), each as "shown (whole)".
     */
    private static List<String> of(String id, java.util.function.Predicate<javafx.scene.control.TableCell<?, ?>> cells)
            throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node table = Window.getWindows().stream().map(w -> w.getScene().lookup(id)).filter(Objects::nonNull)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + id + " in any window"));
            table.applyCss();
            Set<Node> texts = new LinkedHashSet<>(table.lookupAll(".column-header .label"));
            List<String> cut = new ArrayList<>();
            if (texts.isEmpty()) {
                cut.add("no header in " + id);
            }
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> c && cells.test(c)) {
                    texts.add(n);
                }
            }
            for (Node n : texts) {
                if (n instanceof Labeled l && l.isVisible() && WholeTextTooltip.isCut(l)) {
                    cut.add(((Text) l.lookup(".text")).getText() + " (" + l.getText() + ")");
                }
            }
            return cut;
        }).get(10, TimeUnit.SECONDS);
    }

    private static Object lastShown(javafx.scene.control.TableView<?> table) {
        List<? extends javafx.scene.control.TableColumn<?, ?>> shown = table.getVisibleLeafColumns();
        return shown.isEmpty() ? null : shown.get(shown.size() - 1);
    }
}
