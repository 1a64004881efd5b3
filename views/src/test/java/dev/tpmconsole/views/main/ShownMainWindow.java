package dev.tpmconsole.views.main;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.browse.BrowseViewModel;
import dev.tpmconsole.views.util.Appearance;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.Windows;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real main window shown on the robot's stage, for the tests that drive it: its view-models wired as the
 * console wires them (the browse view follows the open source, the stage's title the main view-model), in the
 * light theme, 1280 by 800.
 */
final class ShownMainWindow {

    final Stage stage;
    final Appearance appearance = Appearance.detached(Theme.LIGHT);
    final MainViewModel vm;
    final BrowseViewModel browse;
    final MainWindow window;

    /** Builds and shows it; call on the FX thread (from a {@code @Start} method). */
    ShownMainWindow(Stage stage, SourceService service, MainWindow.Actions actions) {
        this.stage = stage;
        vm = new MainViewModel(service, FxSchedulers.javafx());
        browse = new BrowseViewModel(FxSchedulers.javafx(), s -> new BrowseQueries(s, new AuditDirtyVmIndex(s)));
        vm.sourceProperty().addListener((o, a, b) -> browse.setSource(b));
        window = new MainWindow(vm, browse, new Windows(appearance, () -> stage), actions);
        stage.setScene(appearance.style(new Scene(window.root(), 1280, 800)));
        stage.titleProperty().bind(vm.titleBinding());
        stage.show();
    }

    /** Closes every window but the main one (dialogs, the windows it asked for); on the FX thread. */
    void closeOtherWindows() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != stage && w instanceof Stage s) {
                s.close();
            }
        }
    }

    /** Closes the other windows and the view-models; from the test's thread, after each test. */
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            closeOtherWindows();
            vm.close();
            browse.close();
        }).get(10, TimeUnit.SECONDS);
    }
}
