package dev.tpmconsole.views.prefs;

import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.util.Appearance;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The preferences window: language, theme, font size (with a line of sample text) and the confirmations. Every
 * change takes effect at once, in every window, and is saved as it is made. Thin: state is in
 * {@link PreferencesViewModel}.
 */
public final class PreferencesView {

    private final BorderPane root = new BorderPane();

    /**
     * @param file  where the preferences are kept (shown), or null
     * @param close closes the window
     */
    public PreferencesView(PreferencesViewModel vm, Path file, Runnable close) {
        root.setId("preferencesView");
        root.getStyleClass().add("preferences-view");

        ToggleGroup themes = new ToggleGroup();
        RadioButton light = radio("prefThemeLight", "ui.prefs.themeLight", themes);
        RadioButton dark = radio("prefThemeDark", "ui.prefs.themeDark", themes);
        Runnable showTheme = () -> themes.selectToggle(vm.themeProperty().get() == Theme.DARK ? dark : light);
        showTheme.run();
        vm.themeProperty().addListener((o, a, b) -> showTheme.run());
        light.setOnAction(e -> vm.themeProperty().set(Theme.LIGHT));
        dark.setOnAction(e -> vm.themeProperty().set(Theme.DARK));

        Spinner<Integer> size = new Spinner<>();
        size.setId("prefFontSize");
        SpinnerValueFactory.IntegerSpinnerValueFactory sizes = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                Appearance.MIN_FONT_SIZE, Appearance.MAX_FONT_SIZE, vm.fontSizeProperty().get());
        size.setValueFactory(sizes);
        size.setEditable(true);
        size.getStyleClass().add("font-size-spinner");
        sizes.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.fontSizeProperty().set(b);
            }
        });
        vm.fontSizeProperty().addListener((o, a, b) -> sizes.setValue(b.intValue()));
        Label px = I18n.bind(new Label(), "ui.prefs.px");
        Label sample = I18n.bind(new Label(), "ui.prefs.fontSample");
        sample.setId("prefFontSample");
        sample.getStyleClass().add("muted");

        CheckBox runOnSnapshot = I18n.bind(new CheckBox(), "ui.prefs.confirmRunOnSnapshot");
        runOnSnapshot.setId("prefConfirmRunOnSnapshot");
        runOnSnapshot.selectedProperty().bindBidirectional(vm.confirmRunOnSnapshotProperty());
        Label snapshotNote = note("ui.prefs.confirmRunOnSnapshotNote");
        CheckBox quit = I18n.bind(new CheckBox(), "ui.prefs.confirmQuit");
        quit.setId("prefConfirmQuitWhileBusy");
        quit.selectedProperty().bindBidirectional(vm.confirmQuitWhileBusyProperty());
        CheckBox overSsh = I18n.bind(new CheckBox(), "ui.prefs.hostWorkOverSsh");
        overSsh.setId("prefHostWorkOverSsh");
        overSsh.selectedProperty().bindBidirectional(vm.hostWorkOverSshProperty());
        Label overSshNote = note("ui.prefs.hostWorkOverSshNote");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        HBox themeRow = new HBox(light, dark);
        themeRow.getStyleClass().add("gap-l");
        HBox sizeRow = new HBox(size, px, sample);
        sizeRow.getStyleClass().add("gap-l");
        sizeRow.setAlignment(Pos.CENTER_LEFT);
        VBox confirmations = new VBox(runOnSnapshot, snapshotNote, quit, overSsh, overSshNote);
        confirmations.getStyleClass().add("gap-m");
        grid.addRow(0, heading("ui.prefs.language"), language(vm));
        grid.addRow(1, heading("ui.prefs.theme"), themeRow);
        grid.addRow(2, heading("ui.prefs.fontSize"), sizeRow);
        Label confirmationsHeading = heading("ui.prefs.confirmations");
        GridPane.setValignment(confirmationsHeading, javafx.geometry.VPos.TOP);
        grid.addRow(3, confirmationsHeading, confirmations);
        root.setCenter(grid);

        Label where = file == null ? I18n.bind(new Label(), "ui.prefs.inMemory")
                : I18n.bind(new Label(), "ui.prefs.savedIn", file.toString());
        where.setId("prefFile");
        where.getStyleClass().add("muted");
        where.setWrapText(true);
        Button defaults = I18n.bind(new Button(), "ui.prefs.restoreDefaults");
        defaults.setId("prefRestoreDefaults");
        defaults.setOnAction(e -> vm.restoreDefaults());
        Button closeButton = I18n.bind(new Button(), "ui.button.close");
        closeButton.setId("prefClose");
        closeButton.setDefaultButton(true);
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        defaults.setMinWidth(Region.USE_PREF_SIZE);
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(spacer, defaults, closeButton);
        buttons.getStyleClass().add("gap-l");
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(where, buttons);
        bottom.getStyleClass().addAll("pad-buttons", "gap-m");
        root.setBottom(bottom);
    }

    public javafx.scene.layout.Region root() {
        return root;
    }

    /**
     * The language: English or 简体中文, each by its own name, showing the language the windows speak (which a
     * {@code --lang} of this start may have chosen); choosing one applies it at once and saves it.
     */
    private static javafx.scene.control.ChoiceBox<Language> language(PreferencesViewModel vm) {
        javafx.scene.control.ChoiceBox<Language> choice = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(Language.values()));
        choice.setId("prefLanguage");
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Language l) {
                return l == null ? "" : l.nativeName();
            }

            @Override
            public Language fromString(String s) {
                return null;
            }
        });
        choice.setValue(I18n.languageProperty().get());
        boolean[] following = {false};
        I18n.whenChanged(choice, () -> {
            following[0] = true;
            try {
                choice.setValue(I18n.languageProperty().get());
            } finally {
                following[0] = false;
            }
        });
        choice.valueProperty().addListener((o, a, b) -> {
            if (!following[0] && b != null) {
                vm.languageProperty().set(b);
            }
        });
        return choice;
    }

    private static RadioButton radio(String id, String key, ToggleGroup group) {
        RadioButton r = I18n.bind(new RadioButton(), key);
        r.setId(id);
        r.setToggleGroup(group);
        return r;
    }

    private static Label heading(String key) {
        Label l = I18n.bind(new Label(), key);
        l.getStyleClass().add("form-heading");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label note(String key) {
        Label l = I18n.bind(new Label(), key);
        l.getStyleClass().addAll("muted", "note");
        l.setWrapText(true);
        return l;
    }
}
