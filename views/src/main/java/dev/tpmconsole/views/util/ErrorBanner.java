package dev.tpmconsole.views.util;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The banner a view shows an error in: the message, wrapped, and Dismiss; present only while there is one. */
public final class ErrorBanner {

    private ErrorBanner() {
    }

    public static HBox of(ObservableStringValue error, Runnable dismiss, String bannerId, String textId, String dismissId) {
        Label text = new Label();
        text.setId(textId);
        text.setWrapText(true);
        text.textProperty().bind(error);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button button = new Button("Dismiss");
        button.setId(dismissId);
        button.setOnAction(e -> dismiss.run());
        HBox banner = new HBox(text, button);
        banner.setId(bannerId);
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(error));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
