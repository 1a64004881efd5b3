package dev.tpmconsole.views.main;

import dev.tpmconsole.views.util.Clipboards;
import dev.tpmconsole.views.util.I18n;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The About box: the console's name and version, the versions of what it runs on (Java, JavaFX, the ORM,
 * the JDBC drivers and SQLite itself), where it keeps its files, and Copy, for a bug report.
 */
public final class AboutView {

    private final BorderPane root = new BorderPane();

    /**
     * @param versions name → version, the console first
     * @param folders  what → where (data folder, preferences, event log); what is a bundle key or a text
     */
    public AboutView(javafx.scene.Node icon, List<Map.Entry<String, String>> versions,
                     List<Map.Entry<String, String>> folders, Runnable close) {
        root.setId("aboutView");
        root.getStyleClass().add("about-view");
        Label name = I18n.bind(new Label(), "ui.title.app");
        name.getStyleClass().add("title");
        Label version = new Label(versions.isEmpty() ? "" : versions.get(0).getValue());
        version.setId("aboutVersion");
        Label tagline = I18n.bind(new Label(), "ui.about.tagline");
        tagline.getStyleClass().add("muted");
        VBox heading = new VBox(name, version, tagline);
        HBox top = icon == null ? new HBox(heading) : new HBox(icon, heading);
        top.getStyleClass().add("gap-l");
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setId("aboutVersions");
        grid.getStyleClass().add("form-grid");
        int row = 0;
        for (Map.Entry<String, String> e : versions.subList(Math.min(1, versions.size()), versions.size())) {
            grid.addRow(row++, key(e.getKey()), value(e.getValue(), "aboutVersion" + row));
        }
        for (Map.Entry<String, String> e : folders) {
            grid.addRow(row++, key(e.getKey()), value(e.getValue(), "aboutFolder" + row));
        }
        VBox centre = new VBox(top, grid);
        centre.getStyleClass().add("gap-m");
        centre.getStyleClass().add("about-body");
        root.setCenter(centre);

        Button copy = I18n.bind(new Button(), "ui.button.copy");
        copy.setId("aboutCopy");
        copy.setOnAction(e -> Clipboards.put(text(versions, folders)));
        Button closeButton = I18n.bind(new Button(), "ui.button.close");
        closeButton.setId("aboutClose");
        closeButton.setDefaultButton(true);
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bottom = new HBox(copy, spacer, closeButton);
        bottom.getStyleClass().addAll("pad-buttons", "gap-l");
        root.setBottom(bottom);
    }

    public Parent root() {
        return root;
    }

    /** Every line as "what: value", what Copy puts on the clipboard (what in the windows' language). */
    public static String text(List<Map.Entry<String, String>> versions, List<Map.Entry<String, String>> folders) {
        return java.util.stream.Stream.concat(versions.stream(), folders.stream())
                .map(e -> I18n.textOf(e.getKey()).get() + ": " + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
    }

    private static Label key(String text) {
        Label l = new Label();
        l.textProperty().bind(I18n.textOf(text));
        l.getStyleClass().add("form-heading");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }
}
