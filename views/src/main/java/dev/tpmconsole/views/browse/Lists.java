package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.PagedRows;
import java.text.NumberFormat;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;

/** Small shared bits of the list view-models. */
final class Lists {

    private Lists() {
    }

    /** "12 hosts", "3 hosts match · 200 loaded", "Loading…", or "" when {@code blank} holds. */
    static StringBinding countText(PagedRows<?> rows, String one, String many, ObservableBooleanValue qualifier) {
        NumberFormat n = NumberFormat.getIntegerInstance();
        return Bindings.createStringBinding(() -> {
            if (!rows.loadedProperty().get()) {
                return rows.loadingProperty().get() ? "Loading…" : "";
            }
            long total = rows.totalProperty().get();
            if (rows.countingProperty().get()) {
                return n.format(total) + "+ " + many + " · counting…";
            }
            return n.format(total) + " " + (total == 1 ? one : many)
                    + (rows.moreProperty().get() ? " · " + n.format(rows.rows().size()) + " loaded" : "");
        }, rows.loadedProperty(), rows.loadingProperty(), rows.totalProperty(), rows.moreProperty(), rows.rows(), qualifier, rows.countingProperty());
    }
}
