package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In a real window: a long error wraps whole in its banner, and Dismiss keeps its word. */
@ExtendWith(ApplicationExtension.class)
class ErrorBannerTest {

    static final String ERROR = "/var/tmp/zstack-2026-12-06.sql.gz is not a dump of ZStack's database: it holds none of"
            + " the tables ResourceVO, VmInstanceEO, HostEO, TpmVO, VmHostFileVO, VmHostBackupFileVO,"
            + " VmHostFileContentVO, EncryptedResourceKeyRefVO, KeyProviderVO";

    final SimpleStringProperty error = new SimpleStringProperty(ERROR);

    @Start
    void start(Stage stage) {
        LightStage.show(stage, new VBox(ErrorBanner.of(error, () -> error.set(""), "banner", "bannerText",
                "bannerDismiss")), 520, 240);
    }

    @Test
    void aLongErrorWrapsWholeAndDismissShowsWhole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Button dismiss = robot.lookup("#bannerDismiss").queryButton();
        Label text = robot.lookup("#bannerText").queryAs(Label.class);
        assertThat(((Text) dismiss.lookup(".text")).getText()).isEqualTo(dismiss.getText()).isEqualTo("Dismiss");
        assertThat(((Text) text.lookup(".text")).getText()).as("the whole error").isEqualTo(ERROR);
        assertThat(dismiss.localToScene(dismiss.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(520);
        robot.clickOn("#bannerDismiss");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#banner").query().isVisible()).isFalse();
    }
}
