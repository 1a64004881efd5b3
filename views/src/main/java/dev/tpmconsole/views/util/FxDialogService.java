package dev.tpmconsole.views.util;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * {@link DialogService} with JavaFX alerts; the safe choice (Cancel) is the default button. The texts given are
 * the caller's (already in the windows' language); the dialogs' own are the bundle's, in the language of the
 * moment they open (they are modal: the language cannot change while one is open).
 */
public final class FxDialogService implements DialogService {

    private final Window owner;
    private final Appearance appearance;

    public FxDialogService(Window owner) {
        this(owner, null);
    }

    /** Dialogs with the console's theme and font size. */
    public FxDialogService(Window owner, Appearance appearance) {
        this.owner = owner;
        this.appearance = appearance;
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        return confirm(title, message, action, null, false).isPresent();
    }

    @Override
    public java.util.Optional<Boolean> confirm(String title, String message, String action, String choice,
                                               boolean initial) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.t("ui.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, message, act, cancel);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        javafx.scene.control.CheckBox box = null;
        if (choice != null) {
            javafx.scene.control.Label text = new javafx.scene.control.Label(message);
            text.setWrapText(true);
            text.setStyle("-fx-max-width: 36em;");
            text.getStyleClass().add("content"); // where a plain alert has its message
            box = new javafx.scene.control.CheckBox(choice);
            box.setId("confirmChoice");
            box.setWrapText(true);
            box.setStyle("-fx-max-width: 36em;");
            box.setSelected(initial);
            javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(text, box);
            content.setStyle("-fx-spacing: 0.8em;");
            alert.getDialogPane().setContent(content);
        }
        alert.getDialogPane().setId("confirmDialog");
        alert.getDialogPane().lookupButton(act).setId("confirmAction");
        alert.getDialogPane().lookupButton(cancel).setId("confirmCancel");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(act)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        if (appearance != null) {
            appearance.style(alert.getDialogPane());
        }
        if (alert.showAndWait().orElse(cancel) != act) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(box != null ? box.isSelected() : initial);
    }

    @Override
    public char[] password(String title, String message, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.t("ui.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("passwordField");
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setWrapText(true);
        text.setStyle("-fx-max-width: 33em;");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(text, field);
        box.setStyle("-fx-spacing: 0.6em;");
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(act, cancel);
        dialog.getDialogPane().setId("passwordDialog");
        dialog.getDialogPane().lookupButton(act).setId("passwordAction");
        dialog.getDialogPane().lookupButton(cancel).setId("passwordCancel");
        if (appearance != null) {
            appearance.style(dialog.getDialogPane());
        }
        javafx.application.Platform.runLater(field::requestFocus);
        boolean ok = dialog.showAndWait().orElse(cancel) == act;
        char[] typed = field.getText().toCharArray();
        field.clear();
        return ok ? typed : null;
    }

    @Override
    public java.util.Optional<Acknowledging> askAcknowledgement(String title, String message, String action) {
        javafx.scene.control.Dialog<Acknowledging> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.t("ui.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(act, cancel);
        dialog.getDialogPane().setId("ackDialog");
        javafx.scene.control.Label text = new javafx.scene.control.Label(message);
        text.setId("ackMessage");
        text.setWrapText(true);
        javafx.scene.control.TextArea reason = new javafx.scene.control.TextArea();
        reason.setId("ackReason");
        reason.setPromptText(I18n.t("ui.dialog.ack.reasonPrompt"));
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        javafx.scene.control.DatePicker until = new javafx.scene.control.DatePicker();
        until.setId("ackUntil");
        until.setPromptText(I18n.t("ui.dialog.ack.noExpiry"));
        // written as ack --until takes it (YYYY-MM-DD), the same in every language, not the machine's "12/16/2026"
        until.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        javafx.scene.control.Label untilLabel = new javafx.scene.control.Label(I18n.t("ui.dialog.ack.until"));
        untilLabel.setLabelFor(until);
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(text, reason, untilLabel, until);
        content.getStyleClass().addAll("gap-m", "ack-dialog");
        dialog.getDialogPane().setContent(content);
        javafx.scene.control.Button confirm = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(act);
        confirm.setId("ackConfirm");
        dialog.getDialogPane().lookupButton(cancel).setId("ackCancel");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        confirm.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                reason.getText() == null || reason.getText().isBlank()
                        || (until.getValue() != null && until.getValue().isBefore(today)),
                reason.textProperty(), until.valueProperty()));
        dialog.setResultConverter(b -> b == act ? new Acknowledging(reason.getText().strip(), until.getValue()) : null);
        if (appearance != null) {
            appearance.style(dialog.getDialogPane());
        }
        javafx.application.Platform.runLater(reason::requestFocus);
        return dialog.showAndWait();
    }
}
