package dev.tpmconsole.views.main;

import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Tables;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The list of keyboard shortcuts (Help > Keyboard shortcuts), with a filter. */
public final class ShortcutsView {

    private final BorderPane root = new BorderPane();

    public ShortcutsView(List<Shortcuts.Shortcut> shortcuts, Runnable close) {
        this(() -> shortcuts, close);
    }

    /** @param shortcuts the list, asked again (in the new language) when the windows' language changes */
    public ShortcutsView(java.util.function.Supplier<List<Shortcuts.Shortcut>> shortcuts, Runnable close) {
        root.setId("shortcutsView");
        javafx.collections.ObservableList<Shortcuts.Shortcut> all = FXCollections.observableArrayList(shortcuts.get());
        I18n.whenChanged(root, () -> all.setAll(shortcuts.get()));
        FilteredList<Shortcuts.Shortcut> shown = new FilteredList<>(all);
        TextField filter = new TextField();
        filter.setId("shortcutFilter");
        I18n.prompt(filter, "ui.shortcuts.filterPrompt");
        filter.setPrefColumnCount(28);
        filter.textProperty().addListener((o, a, b) -> {
            String f = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(s -> f.isEmpty() || (s.where() + " " + s.action() + " " + s.keys())
                    .toLowerCase(Locale.ROOT).contains(f));
        });
        // named where it is seen: its prompt hides while it has the focus, which it has when the window opens
        Label find = I18n.bind(new Label(), "ui.filter.find");
        find.setId("shortcutFilterLabel");
        find.setLabelFor(filter);
        HBox top = new HBox(find, filter);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().addAll("pad-bar", "gap-l");
        root.setTop(top);

        // rows of the height of the console's other lists
        TableView<Shortcuts.Shortcut> table = Tables.longList(new TableView<>(shown));
        table.setId("shortcutTable");
        table.getColumns().add(column("shortcutKeysColumn", "ui.shortcuts.keysColumn", 11, Shortcuts.Shortcut::keys));
        table.getColumns().add(column("shortcutActionColumn", "ui.shortcuts.actionColumn", 24, Shortcuts.Shortcut::action));
        table.getColumns().add(column("shortcutWhereColumn", "ui.shortcuts.whereColumn", 16, Shortcuts.Shortcut::where));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(I18n.bind(new Label(), "ui.shortcuts.none"));
        root.setCenter(table);

        Button closeButton = I18n.bind(new Button(), "ui.button.close");
        closeButton.setId("shortcutsClose");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(spacer, closeButton);
        bottom.getStyleClass().addAll("pad-buttons", "gap-l");
        bottom.setAlignment(Pos.CENTER_RIGHT);
        root.setBottom(bottom);
    }

    public Parent root() {
        return root;
    }

    /** A column of the list, sortable (the list is small and held in memory). */
    private static TableColumn<Shortcuts.Shortcut, String> column(String id, String title, double em,
                                                                  java.util.function.Function<Shortcuts.Shortcut, String> f) {
        TableColumn<Shortcuts.Shortcut, String> c = Tables.column(id, title, em, f);
        c.setSortable(true);
        return c;
    }
}
