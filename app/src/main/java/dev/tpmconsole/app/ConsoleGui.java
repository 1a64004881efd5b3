package dev.tpmconsole.app;

import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.main.MainViewModel;
import dev.tpmconsole.views.main.MainWindow;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.Themes;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Builds the main window and wires it: the view-model gets its collaborators through its constructor.
 * Used by the {@code gui} command and by the UI tests, which mount it on their own stage.
 */
public final class ConsoleGui {

    private final MainViewModel viewModel;
    private final Stage stage;

    private ConsoleGui(MainViewModel viewModel, Stage stage) {
        this.viewModel = viewModel;
        this.stage = stage;
    }

    /** Mounts the main window on {@code stage} (on the FX thread) and shows it. */
    public static ConsoleGui show(Stage stage, Path dataDir, FxSchedulers schedulers) {
        MainViewModel vm = new MainViewModel(new DefaultSourceService(dataDir), schedulers);
        MainWindow window = new MainWindow(vm, stage::close);
        Scene scene = new Scene(window.root(), 1100, 720);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleBinding());
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.setOnHidden(e -> vm.close());
        stage.show();
        return new ConsoleGui(vm, stage);
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }
}
