package dev.tpmconsole.views.util;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dialog for an error nobody caught: what happened in a sentence, that the console carries on, the
 * details (thread, stack trace, versions) in an area that can be copied, and a way to the event log. One
 * dialog at a time: errors that come while it is open are counted in it (the event log has each).
 */
public final class ErrorDialog {

    private final Window owner;
    private final Appearance appearance;
    private final java.util.function.Supplier<String> versions;
    private final Runnable openEventLog;
    private Alert showing;
    private Label more;
    private int moreCount;

    /**
     * @param versions     text about the console and its runtime, appended to the details (asked for when an
     *                     error is shown, not before)
     * @param openEventLog opens the event log window
     */
    public ErrorDialog(Window owner, Appearance appearance, java.util.function.Supplier<String> versions,
                       Runnable openEventLog) {
        this.owner = owner;
        this.appearance = appearance;
        this.versions = versions;
        this.openEventLog = openEventLog;
    }

    /** Shows the error, or counts it in the dialog already showing. FX thread. */
    public void show(Throwable error, String thread) {
        if (showing != null && showing.isShowing()) {
            moreCount++;
            more.textProperty().bind(I18n.text("ui.errorDialog.more", moreCount));
            more.setVisible(true);
            more.setManaged(true);
            return;
        }
        moreCount = 0;
        Alert alert = new Alert(Alert.AlertType.ERROR);
        // not modal: the event log, and the window the error came from, stay usable beside it
        alert.initModality(javafx.stage.Modality.NONE);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.titleProperty().bind(I18n.text("ui.errorDialog.title"));
        alert.setHeaderText(UncaughtErrors.describe(error));
        Label text = I18n.bind(new Label(), "ui.errorDialog.text");
        text.setWrapText(true);
        text.setId("errorDialogText");
        more = new Label();
        more.setId("errorDialogMore");
        more.setVisible(false);
        more.setManaged(false);
        TextArea details = new TextArea(details(error, thread));
        details.setId("errorDialogDetails");
        details.setEditable(false);
        details.getStyleClass().add("monospace");
        details.setPrefRowCount(14);
        VBox.setVgrow(details, Priority.ALWAYS);
        VBox content = new VBox(text, more, details);
        content.getStyleClass().add("gap-m");
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("errorDialog");
        // a width of its own, so that the wrapped sentence does not size (and place) the dialog by its one line
        alert.getDialogPane().setPrefWidth(Em.of(48));
        alert.setResizable(true);

        ButtonType copy = new ButtonType(I18n.t("ui.errorDialog.copy"), ButtonBar.ButtonData.LEFT);
        ButtonType log = new ButtonType(I18n.t("ui.errorDialog.eventLog"), ButtonBar.ButtonData.HELP);
        ButtonType close = new ButtonType(I18n.t("ui.dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(copy, log, close);
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.setId("errorDialogCopy");
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            Clipboards.put(details.getText());
            e.consume();
        });
        Button logButton = (Button) alert.getDialogPane().lookupButton(log);
        logButton.setId("errorDialogEventLog");
        logButton.addEventFilter(ActionEvent.ACTION, e -> {
            openEventLog.run();
            e.consume();
        });
        alert.getDialogPane().lookupButton(close).setId("errorDialogClose");
        appearance.style(alert.getDialogPane());
        showing = alert;
        alert.show();
    }

    private String details(Throwable error, String thread) {
        String about;
        try {
            about = versions.get().strip();
        } catch (RuntimeException | LinkageError e) {
            about = "(versions unavailable: " + e + ")";
        }
        return "Thread: " + thread + "\n" + about + "\n\n" + dev.tpmconsole.model.events.EventLog.stackTrace(error);
    }

    /** The dialog on screen, for tests. */
    public Alert showing() {
        return showing != null && showing.isShowing() ? showing : null;
    }
}
