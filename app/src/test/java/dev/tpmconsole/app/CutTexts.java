package dev.tpmconsole.app;

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
        return of(id, true);
    }

    /** The column headers of the table {@code id} (in any open window) shown cut. */
    static List<String> inHeaders(String id) throws Exception {
        return of(id, false);
    }

    private static List<String> of(String id, boolean cells) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node table = Window.getWindows().stream().map(w -> w.getScene().lookup(id)).filter(Objects::nonNull)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + id + " in any window"));
            table.applyCss();
            Set<Node> texts = new LinkedHashSet<>(table.lookupAll(".column-header .label"));
            List<String> cut = new ArrayList<>();
            if (texts.isEmpty()) {
                cut.add("no header in " + id);
            }
            if (cells) {
                texts.addAll(table.lookupAll(".table-cell"));
            }
            for (Node n : texts) {
                if (n instanceof Labeled l && l.isVisible() && l.getText() != null && l.lookup(".text") instanceof Text t
                        && !t.getText().equals(l.getText())) {
                    cut.add(t.getText() + " (" + l.getText() + ")");
                }
            }
            return cut;
        }).get(10, TimeUnit.SECONDS);
    }
}
