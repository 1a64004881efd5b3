package dev.tpmconsole.views.util;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/**
 * A line under a list that shows the chosen row's text whole, where the list cuts it (the audit's findings, the
 * preview's reasons, the repair's actions); hidden while there is no text.
 */
public final class ChosenLine {

    private ChosenLine() {
    }

    /** The line, its text bound to {@code text} (empty when nothing is chosen). */
    public static Label of(String id, ObservableValue<String> text) {
        Label line = new Label();
        line.setId(id);
        line.setWrapText(true);
        // all its lines, however little room the list above leaves: a list shrinks, the chosen row's text does not
        line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        line.getStyleClass().add("rule-explanation");
        line.textProperty().bind(text);
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }
}
