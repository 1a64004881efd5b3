package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.Busy;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Keys;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/** The bar above each list: filter fields on the left, a busy spinner and the count on the right. */
final class FilterBar {

    private FilterBar() {
    }

    /**
     * Filter fields that wrap onto a second line when the pane is narrow; none of them shrinks to "...", and a label
     * wraps with the field it names (the node after it that it is the label for), never alone at a line's end.
     */
    static FlowPane fields(String id, Node... fields) {
        FlowPane bar = new FlowPane();
        bar.setId(id);
        bar.getStyleClass().add("filter-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node n : fields) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] instanceof Label l && i + 1 < fields.length && l.getLabelFor() == fields[i + 1]) {
                HBox named = new HBox(l, fields[i + 1]);
                named.getStyleClass().add("filter-field");
                named.setAlignment(Pos.CENTER_LEFT);
                named.setMinWidth(Region.USE_PREF_SIZE);
                bar.getChildren().add(named);
                i++;
            } else {
                bar.getChildren().add(fields[i]);
            }
        }
        bar.widthProperty().addListener((o, a, w) -> bar.setPrefWrapLength(w.doubleValue()));
        return bar;
    }

    /** The line under a list: a busy spinner and the count ("1,234 VMs match · 200 loaded"), with extra nodes. */
    static HBox footer(String id, ObservableBooleanValue loading, ObservableStringValue count, String countId, Node... extra) {
        ProgressIndicator busy = Busy.indicator(id + "Loading", "small-busy", loading);
        Label countLabel = new Label();
        countLabel.setId(countId);
        countLabel.getStyleClass().add("count");
        countLabel.textProperty().bind(count);
        countLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(extra);
        bar.getChildren().addAll(spacer, busy, countLabel);
        bar.setId(id);
        bar.getStyleClass().add("list-footer");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** A label (the bundle key's text) whose mnemonic (Alt+letter) focuses {@code target}. */
    static Label label(String key, Node target) {
        Label l = I18n.bind(new Label(), key);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    /**
     * Keyboard in a filter field: Escape empties it (or, when empty, goes to the list); Down or Enter goes to
     * the list and selects its first row when none is.
     */
    static void filterKeys(TextField field, TableView<?> table) {
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (Keys.ESCAPE.match(e)) {
                if (!field.getText().isEmpty()) {
                    field.clear();
                } else {
                    table.requestFocus();
                }
                e.consume();
            } else if (Keys.DOWN.match(e) || Keys.ENTER.match(e)) {
                focusList(table);
                e.consume();
            }
        });
    }

    static <T> void focusList(TableView<T> table) {
        table.requestFocus();
        if (table.getSelectionModel().getSelectedCells().isEmpty() && !table.getItems().isEmpty()) {
            javafx.scene.control.TableColumn<T, ?> first = table.getVisibleLeafColumn(0);
            table.getSelectionModel().clearAndSelect(0, first);
            table.getFocusModel().focus(0, first);
        }
    }
}
