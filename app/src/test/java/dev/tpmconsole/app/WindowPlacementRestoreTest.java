package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.views.prefs.UiPreferences;
import dev.tpmconsole.views.prefs.WindowGeometry;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window's place and size are stored when it closes and restored when the console starts again, in
 * a real window; a place on a screen that is gone (unplugged since) is corrected onto the screen there is.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementRestoreTest {

    @TempDir
    Path dir;

    JsonPreferencesStore store;
    EventLog events = new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC());

    @Start
    void start(Stage stage) {
        // each test opens its own console
    }

    @AfterEach
    void closeAll() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(w -> {
            if (w instanceof Stage s) {
                s.close();
            }
        })).get(10, TimeUnit.SECONDS);
    }

    ConsoleGui open() throws Exception {
        store = new JsonPreferencesStore(dir.resolve("config"));
        ConsoleGui gui = WaitForAsyncUtils.asyncFx(() -> ConsoleGui.show(new Stage(), new ConsoleGui.Setup(dir.resolve("data"),
                store, store.file(), FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx(), events)))
                .get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return gui;
    }

    static WindowGeometry placeOf(Stage stage) {
        return new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    @Test
    void thePlaceIsStoredOnClosingAndRestoredOnStarting(FxRobot robot) throws Exception {
        ConsoleGui first = open();
        WindowGeometry moved = new WindowGeometry(130, 90, 1100, 720, false);
        robot.interact(() -> {
            first.stage().setX(moved.x());
            first.stage().setY(moved.y());
            first.stage().setWidth(moved.width());
            first.stage().setHeight(moved.height());
        });
        assertThat(placeOf(first.stage())).isEqualTo(moved);
        robot.interact(() -> first.stage().close());
        assertThat(store.load().window()).as("stored on closing").isEqualTo(moved);

        ConsoleGui again = open();
        assertThat(placeOf(again.stage())).as("restored").isEqualTo(moved);
    }

    @Test
    void aPlaceOnAScreenThatIsGoneIsMovedOntoTheScreenThereIs(FxRobot robot) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // right of the only screen, where a second one used to be
        store = new JsonPreferencesStore(dir.resolve("config"));
        store.save(UiPreferences.defaults().withWindow(new WindowGeometry(screen.getMaxX() + 200, 100, 900, 600, false)));

        ConsoleGui gui = open();
        WindowGeometry placed = placeOf(gui.stage());
        assertThat(placed.width()).isEqualTo(900);
        assertThat(placed.height()).isEqualTo(600);
        assertThat(placed.x()).as("centred on the screen").isEqualTo(screen.getMinX() + (screen.getWidth() - 900) / 2);
        assertThat(placed.y()).isEqualTo(screen.getMinY() + (screen.getHeight() - 600) / 2);
        assertThat(screen.contains(placed.x(), placed.y(), placed.width(), placed.height())).isTrue();

        // too large for the screen: shrunk to it, never below the minimum
        robot.interact(() -> gui.stage().close());
        store.save(UiPreferences.defaults().withWindow(new WindowGeometry(0, 0, screen.getWidth() + 500,
                screen.getHeight() + 400, false)));
        ConsoleGui shrunk = open();
        assertThat(placeOf(shrunk.stage())).isEqualTo(new WindowGeometry(screen.getMinX(), screen.getMinY(),
                screen.getWidth(), screen.getHeight(), false));
    }
}
