package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.PagedRows;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;

/** Small shared bits of the list view-models. */
final class Lists {

    private Lists() {
    }

    /**
     * "12 hosts", "3 hosts · 200 loaded", "Loading…", in the windows' language: {@code key} ("ui.list.hosts") is
     * the count's text, {@code key + ".counting"} the text while the rows are still being counted.
     */
    static StringBinding countText(PagedRows<?> rows, String key, ObservableBooleanValue qualifier) {
        return I18n.computed(() -> {
            if (!rows.loadedProperty().get()) {
                return rows.loadingProperty().get() ? I18n.t("ui.list.loading") : "";
            }
            long total = rows.totalProperty().get();
            if (rows.countingProperty().get()) {
                return I18n.t(key + ".counting", total);
            }
            return loaded(rows, I18n.t(key, total));
        }, rows.loadedProperty(), rows.loadingProperty(), rows.totalProperty(), rows.moreProperty(), rows.rows(), qualifier, rows.countingProperty());
    }

    /** The count, and how many are loaded while there are more. */
    static String loaded(PagedRows<?> rows, String count) {
        return rows.moreProperty().get() ? I18n.t("ui.list.loaded", count, rows.rows().size()) : count;
    }

    /** The keys {@link #countText} builds from the keys it is given. */
    static java.util.List<String> builtKeys() {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (String k : java.util.List.of("ui.list.hosts", "ui.list.files", "ui.list.providers", "ui.list.keyRefs")) {
            keys.add(k + ".counting");
        }
        return keys;
    }
}
