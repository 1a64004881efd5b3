package dev.tpmconsole.views.prefs;

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
 * The preferences window: theme, font size (with a line of sample text) and the confirmations. Every
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
        RadioButton light = radio("prefThemeLight", "Light", themes);
        RadioButton dark = radio("prefThemeDark", "Dark", themes);
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
        Label px = new Label("px");
        Label sample = new Label("VM 3f2a… · TPM state on 2 hosts · 4 backups");
        sample.setId("prefFontSample");
        sample.getStyleClass().add("muted");

        CheckBox runOnSnapshot = new CheckBox("Ask before a run or a repair changes a snapshot");
        runOnSnapshot.setId("prefConfirmRunOnSnapshot");
        runOnSnapshot.selectedProperty().bindBidirectional(vm.confirmRunOnSnapshotProperty());
        Label snapshotNote = note("A snapshot is backed up into its run folder first and a run can be undone."
                + " A run on a live database is always confirmed.");
        CheckBox quit = new CheckBox("Ask before quitting while a run, a repair or an import is going");
        quit.setId("prefConfirmQuitWhileBusy");
        quit.selectedProperty().bindBidirectional(vm.confirmQuitWhileBusyProperty());
        CheckBox overSsh = new CheckBox("Do a run's host work on the hosts, over SSH");
        overSsh.setId("prefHostWorkOverSsh");
        overSsh.selectedProperty().bindBidirectional(vm.hostWorkOverSshProperty());
        Label overSshNote = note("Each TPM state folder is moved into the run's trash on its host, and undo puts it"
                + " back; otherwise the host work is exported as scripts. A run's confirmation asks again.");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        HBox themeRow = new HBox(light, dark);
        themeRow.getStyleClass().add("gap-l");
        HBox sizeRow = new HBox(size, px, sample);
        sizeRow.getStyleClass().add("gap-l");
        sizeRow.setAlignment(Pos.CENTER_LEFT);
        VBox confirmations = new VBox(runOnSnapshot, snapshotNote, quit, overSsh, overSshNote);
        confirmations.getStyleClass().add("gap-m");
        grid.addRow(0, heading("Theme"), themeRow);
        grid.addRow(1, heading("Font size"), sizeRow);
        Label confirmationsHeading = heading("Confirmations");
        GridPane.setValignment(confirmationsHeading, javafx.geometry.VPos.TOP);
        grid.addRow(2, confirmationsHeading, confirmations);
        root.setCenter(grid);

        Label where = new Label(file == null ? "Preferences are kept in memory only" : "Saved as you change them, in " + file);
        where.setId("prefFile");
        where.getStyleClass().add("muted");
        where.setWrapText(true);
        Button defaults = new Button("Restore defaults");
        defaults.setId("prefRestoreDefaults");
        defaults.setOnAction(e -> vm.restoreDefaults());
        Button closeButton = new Button("Close");
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

    public Parent root() {
        return root;
    }

    private static RadioButton radio(String id, String text, ToggleGroup group) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setToggleGroup(group);
        return r;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-heading");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("muted", "note");
        l.setWrapText(true);
        return l;
    }
}
