package dev.tpmconsole.app;

import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.audit.AuditView;
import dev.tpmconsole.views.audit.AuditViewModel;
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
    private final AuditViewModel auditViewModel;
    private final Stage stage;
    private Stage auditStage;

    private ConsoleGui(MainViewModel viewModel, FxSchedulers schedulers, Stage stage) {
        this.viewModel = viewModel;
        this.stage = stage;
        this.auditViewModel = new AuditViewModel(viewModel.sourceProperty(), schedulers, vmUuid -> stage.toFront());
    }

    /** Mounts the main window on {@code stage} (on the FX thread) and shows it. */
    public static ConsoleGui show(Stage stage, Path dataDir, FxSchedulers schedulers) {
        MainViewModel vm = new MainViewModel(new DefaultSourceService(dataDir), schedulers);
        ConsoleGui gui = new ConsoleGui(vm, schedulers, stage);
        MainWindow window = new MainWindow(vm, stage::close, gui::showAudit);
        Scene scene = new Scene(window.root(), 1100, 720);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleBinding());
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.setOnHidden(e -> {
            gui.auditViewModel.close();
            vm.close();
        });
        stage.show();
        return gui;
    }

    /** Opens (or brings forward) the audit window of the open source. */
    public void showAudit() {
        if (auditStage == null) {
            auditStage = new Stage();
            auditStage.initOwner(stage);
            Scene scene = new Scene(new AuditView(auditViewModel).root(), 1200, 700);
            Themes.apply(scene, Theme.LIGHT);
            auditStage.setScene(scene);
            auditStage.titleProperty().bind(javafx.beans.binding.Bindings.concat("Audit — ", viewModel.titleBinding()));
        }
        auditStage.show();
        auditStage.toFront();
    }

    public AuditViewModel auditViewModel() {
        return auditViewModel;
    }

    public Stage auditStage() {
        return auditStage;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public Stage stage() {
        return stage;
    }
}
