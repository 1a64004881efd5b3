package dev.tpmconsole.app;

import dev.tpmconsole.views.main.MainViewModel;
import dev.tpmconsole.views.main.MainWindow;
import dev.tpmconsole.views.prefs.PreferencesViewModel;
import dev.tpmconsole.views.prefs.RecentDatabase;
import dev.tpmconsole.views.prefs.TableLayout;
import dev.tpmconsole.views.prefs.TableLayouts;
import dev.tpmconsole.views.prefs.UiPreferences;
import dev.tpmconsole.views.prefs.WindowGeometry;
import dev.tpmconsole.views.prefs.WindowPlacement;
import dev.tpmconsole.views.util.Windows;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * What the preferences keep of the main window: its place and size (moved onto a screen that is there), the layouts
 * of its tables, the divider beside the VM list, the recent sources, and the choices of the preferences window.
 * Restored when the window is made; the recent sources and the choices are saved as they change (the choices once
 * the person stops changing them: holding the font size's arrow saves once), the rest when the window closes.
 * FX thread only.
 */
final class MainWindowState {

    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;

    private final PreferencesBinder binder;
    private final MainWindow window;
    private final MainViewModel main;
    private final PreferencesViewModel preferences;
    private final Stage stage;

    MainWindowState(PreferencesBinder binder, Stage stage, MainWindow window, MainViewModel main,
                    PreferencesViewModel preferences) {
        this.binder = binder;
        this.stage = stage;
        this.window = window;
        this.main = main;
        this.preferences = preferences;
    }

    /** Puts the window on its stage as it was stored, and saves its state from now on. */
    void restore(Windows windows) {
        UiPreferences prefs = binder.current();
        WindowGeometry g = prefs.window() == null ? null : WindowPlacement.clamp(prefs.window(), screens(),
                MIN_WIDTH, MIN_HEIGHT);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(),
                g == null ? Windows.fit(Math.max(1280, windows.em(91)), screen.getWidth()) : g.width(),
                g == null ? Windows.fit(Math.max(800, windows.em(57)), screen.getHeight()) : g.height());
        windows.appearance().style(scene);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (g != null) {
            stage.setX(g.x());
            stage.setY(g.y());
            stage.setMaximized(g.maximized());
        }
        var tables = window.browse().rememberedTables();
        tables.forEach((id, table) -> apply(table, prefs.tables().get(id)));
        // a page made later (Hosts, Key providers) gets its tables' layouts as they are stored then
        tables.addListener((MapChangeListener<String, TableView<?>>) c -> {
            if (c.wasAdded()) {
                apply(c.getValueAdded(), binder.current().tables().get(c.getKey()));
            }
        });
        if (prefs.vmSplit() != null && prefs.vmSplit() > 0.1 && prefs.vmSplit() < 0.9) {
            window.browse().vmSplit().setDividerPositions(prefs.vmSplit());
        }
        main.recent().addListener((ListChangeListener<Path>) c -> binder.update(this::withRecent));
        main.recentDatabases().addListener((ListChangeListener<RecentDatabase>) c -> binder.update(this::withRecent));
        PauseTransition saveSoon = new PauseTransition(Duration.millis(300));
        saveSoon.setOnFinished(e -> binder.update(preferences::applyTo));
        for (Observable o : preferences.dependencies()) {
            o.addListener(x -> saveSoon.playFromStart());
        }
    }

    /** Stores the window as it stands (when it closes). */
    void save() {
        binder.update(this::capture);
    }

    /** {@code base} with the window as it stands now. */
    UiPreferences capture(UiPreferences base) {
        // the layouts of tables not made in this window (a page never shown) stay as they were stored
        Map<String, TableLayout> layouts = new LinkedHashMap<>(base.tables());
        window.browse().rememberedTables().forEach((id, table) -> layouts.put(id, TableLayouts.capture(table)));
        WindowGeometry geometry = stage.isMaximized() && base.window() != null
                ? new WindowGeometry(base.window().x(), base.window().y(), base.window().width(), base.window().height(), true)
                : new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        double[] dividers = window.browse().vmSplit().getDividerPositions();
        return withRecent(preferences.applyTo(base).withWindow(geometry).withTables(layouts)
                .withVmSplit(dividers.length > 0 ? dividers[0] : null));
    }

    /** {@code base} with the recent snapshots and databases as the window has them now. */
    private UiPreferences withRecent(UiPreferences base) {
        return base.withRecent(main.recent().stream().map(Path::toString).toList())
                .withRecentDatabases(List.copyOf(main.recentDatabases()));
    }

    private static <T> void apply(TableView<T> table, TableLayout layout) {
        TableLayouts.apply(table, layout);
    }

    /** The visible bounds of the screens, for tests of the placement. */
    static List<Rectangle2D> screens() {
        return Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
    }
}
