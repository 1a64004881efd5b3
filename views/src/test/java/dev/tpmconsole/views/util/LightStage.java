package dev.tpmconsole.views.util;

import dev.tpmconsole.styles.Theme;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** A view shown in a test's window as the console styles it (the light theme), at a size in pixels. */
public final class LightStage {

    private LightStage() {
    }

    /** Puts {@code root} in a scene of that size styled with the light theme, on {@code stage}, shown; returns it. */
    public static Scene show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        // the test's stage may be one an earlier test gave another size: the window takes the scene's
        stage.sizeToScene();
        stage.show();
        return scene;
    }
}
