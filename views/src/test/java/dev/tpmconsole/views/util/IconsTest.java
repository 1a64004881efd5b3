package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The icon fonts are read, and an icon laid out, off the FX thread; the window's icons then show as before. */
@ExtendWith(ApplicationExtension.class)
class IconsTest {

    StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void preloadingOffTheFxThreadLaysOutAnIconAndTheWindowsIconsStillShow(FxRobot robot) throws Exception {
        assertThat(Platform.isFxApplicationThread()).isFalse();
        AtomicReference<Boolean> preloaded = new AtomicReference<>();
        Thread t = new Thread(() -> preloaded.set(Icons.preload()), "icon-fonts");
        t.start();
        t.join(30_000);
        assertThat(preloaded.get()).as("read the fonts and laid out an icon off the FX thread").isTrue();

        AtomicReference<Button> button = new AtomicReference<>();
        robot.interact(() -> {
            Button b = Icons.on(new Button("Export CSV…"), MaterialDesignE.EXPORT);
            root.getChildren().add(b);
            button.set(b);
        });
        robot.interact(() -> root.layout());
        FontIcon icon = (FontIcon) button.get().getGraphic();
        assertThat(icon.getIconCode()).isEqualTo(MaterialDesignE.EXPORT);
        assertThat(icon.getLayoutBounds().getWidth()).as("the icon's glyph has a width").isPositive();
        assertThat(button.get().getText()).isEqualTo("Export CSV…");
    }
}
