package dev.tpmconsole.views.main;

import dev.tpmconsole.views.prefs.RecentDatabase;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import dev.tpmconsole.views.util.I18n;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * File > Open database: asks for the URL of a live ZStack database, the user and the password (in a password
 * field). Open is enabled once the URL is a {@code jdbc:mariadb://} or {@code jdbc:mysql://} URL naming a
 * database. The password goes to the connection and nowhere else; the dialog forgets it when it closes.
 */
public final class OpenDatabaseDialog {

    private static final Pattern URL = Pattern.compile("^jdbc:(mariadb|mysql)://[^/\\s]+/[^/?\\s]+.*$");

    /** What was typed; {@link #toString()} never shows the password. */
    public record Login(String url, String user, String password, String sshAlias) {
        /** A login without SSH. */
        public Login(String url, String user, String password) {
            this(url, user, password, null);
        }

        @Override
        public String toString() {
            return "Login[url=" + dev.tpmconsole.model.source.JdbcUrls.withoutPassword(url) + ", user=" + user
                    + ", password=" + (password == null || password.isEmpty() ? "none" : "***")
                    + (sshAlias == null ? "" : ", through ssh " + sshAlias) + "]";
        }
    }

    private final Dialog<Login> dialog = new Dialog<>();
    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final javafx.scene.control.CheckBox throughSsh = I18n.bind(new javafx.scene.control.CheckBox(), "ui.openDb.throughSsh");
    private final TextField sshAlias = new TextField();
    private final ButtonType open = new ButtonType(I18n.t("ui.openDb.open"), ButtonBar.ButtonData.OK_DONE);

    /**
     * @param prefill a database opened before (its URL and user; the password is asked again), or null
     */
    public OpenDatabaseDialog(Window owner, RecentDatabase prefill) {
        dialog.titleProperty().bind(I18n.text("ui.openDb.title"));
        dialog.headerTextProperty().bind(I18n.text("ui.openDb.header"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        url.setId("dbUrl");
        I18n.prompt(url, "ui.openDb.urlPrompt");
        url.setPrefColumnCount(36);
        user.setId("dbUser");
        I18n.prompt(user, "ui.openDb.userPrompt");
        password.setId("dbPassword");
        I18n.prompt(password, "ui.openDb.passwordPrompt");
        throughSsh.setId("dbThroughSsh");
        throughSsh.setMnemonicParsing(true);
        sshAlias.setId("dbSshAlias");
        I18n.prompt(sshAlias, "ui.openDb.sshAliasPrompt");
        sshAlias.disableProperty().bind(throughSsh.selectedProperty().not());
        if (prefill != null) {
            url.setText(prefill.url());
            user.setText(prefill.user() == null ? "" : prefill.user());
            if (prefill.sshAlias() != null) {
                throughSsh.setSelected(true);
                sshAlias.setText(prefill.sshAlias());
            }
        }
        Label note = I18n.bind(new Label(), "ui.openDb.note");
        note.setId("dbNote");
        note.setWrapText(true);
        note.setStyle("-fx-max-width: 33em;");
        GridPane grid = new GridPane();
        grid.setId("openDatabaseForm");
        // in em, so that they follow the font size; inline, as the dialog has its own scene, which may not
        // carry the console's stylesheets
        grid.setStyle("-fx-padding: 0.85em; -fx-hgap: 0.7em; -fx-vgap: 0.6em;");
        grid.addRow(0, label("ui.openDb.url", url), url);
        grid.addRow(1, label("ui.openDb.user", user), user);
        grid.addRow(2, label("ui.openDb.password", password), password);
        grid.addRow(3, throughSsh, sshAlias);
        Label sshNote = I18n.bind(new Label(), "ui.openDb.sshNote");
        sshNote.setId("dbSshNote");
        sshNote.setWrapText(true);
        sshNote.setStyle("-fx-max-width: 33em;");
        grid.add(sshNote, 0, 4, 2, 1);
        grid.add(note, 0, 5, 2, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, grow);
        dialog.getDialogPane().setId("openDatabaseDialog");
        dialog.getDialogPane().setContent(grid);
        ButtonType cancel = new ButtonType(I18n.t("ui.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(open, cancel);
        Node openButton = dialog.getDialogPane().lookupButton(open);
        openButton.setId("dbOpen");
        dialog.getDialogPane().lookupButton(cancel).setId("dbCancel");
        openButton.disableProperty().bind(valid().not());
        dialog.setResultConverter(b -> b == open ? new Login(url.getText().strip(), user.getText().strip(),
                password.getText(), throughSsh.isSelected() && !sshAlias.getText().isBlank()
                ? sshAlias.getText().strip() : null) : null);
        dialog.setOnHidden(e -> password.clear());
        if (owner != null && owner.getScene() != null) {
            // the theme and font size of the window it belongs to (a modal dialog: a snapshot of them will do)
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
            dialog.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        Platform.runLater(() -> (prefill != null ? password : url).requestFocus());
    }

    private static Label label(String key, Node field) {
        Label l = I18n.bind(new Label(), key);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** Whether the URL is one a live source can be opened from. */
    public BooleanBinding valid() {
        return Bindings.createBooleanBinding(() -> URL.matcher(url.getText().strip()).matches()
                        && (!throughSsh.isSelected() || !sshAlias.getText().isBlank()),
                url.textProperty(), throughSsh.selectedProperty(), sshAlias.textProperty());
    }

    public Dialog<Login> dialog() {
        return dialog;
    }

    /** Shows the dialog (without blocking) and hands what was typed to {@code onOpen} when Open is chosen. */
    /** The dialog's pane (the console's theme and font size are applied to it). */
    public javafx.scene.control.DialogPane pane() {
        return dialog.getDialogPane();
    }

    public void show(Consumer<Login> onOpen) {
        dialog.resultProperty().addListener((o, a, login) -> {
            if (login != null) {
                onOpen.accept(login);
            }
        });
        dialog.show();
    }
}
