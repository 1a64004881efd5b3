package dev.tpmconsole.app;

import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window tests share: the test class's folder, the snapshot in it, the main window, opening the snapshot
 * and waiting for the window. TestFX only calls the {@code @Start} method the test class itself declares: it calls
 * {@link #show} (or shows the window its own way).
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowFixture {

    @TempDir
    static Path dir;
    static Path snapshot;

    ConsoleGui gui;

    /** Writes the demo snapshot {@code name} in the folder (the same VMs and seed always give the same rows). */
    static void demo(String name, int vms, long seed) throws Exception {
        snapshot = TestSnapshots.demo(dir.resolve(name), vms, seed);
    }

    /** The main window, with the folder as its data folder. */
    void show(Stage stage) {
        gui = ConsoleGui.show(stage, dir, FxSchedulers.javafx());
    }

    /** Opens the snapshot in the window, as File > Open does, and waits until it is open. */
    void openSnapshot(FxRobot robot) throws Exception {
        robot.interact(() -> gui.viewModel().open(snapshot));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> gui.viewModel().sourceProperty().get() != null);
    }

    /** Waits (up to a minute) until {@code condition} holds, then for the FX events it caused. */
    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
