package dev.tpmconsole.views.util;

import dev.tpmconsole.model.i18n.Message;
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
        return of((javafx.beans.value.ObservableValue<String>) error, dismiss, bannerId, textId, dismissId);
    }

    /** A banner for an error kept as a {@link Message} (rendered in the windows' language); null or none hides it. */
    public static HBox ofMessage(javafx.beans.value.ObservableValue<? extends Message> error, Runnable dismiss,
                                 String bannerId, String textId, String dismissId) {
        return of(I18n.text(error), dismiss, bannerId, textId, dismissId);
    }

    private static HBox of(javafx.beans.value.ObservableValue<String> error, Runnable dismiss, String bannerId,
                           String textId, String dismissId) {
        Label text = new Label();
        text.setId(textId);
        text.setWrapText(true);
        text.textProperty().bind(error);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        // a long message wraps; it does not squeeze Dismiss to "..."
        text.setMinWidth(0);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button button = I18n.bind(new Button(), "ui.banner.dismiss");
        button.setId(dismissId);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> dismiss.run());
        HBox banner = new HBox(text, button);
        banner.setId(bannerId);
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> error.getValue() != null && !error.getValue().isEmpty(), error));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
