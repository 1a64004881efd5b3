package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The check menu button in a real window: its choices are out of the window's scene until it first opens (decision
 * 0050), several are checked by mouse or keyboard with the list left open, and the caller's list and the boxes agree
 * whichever side changes.
 */
@ExtendWith(ApplicationExtension.class)
class CheckMenuButtonTest {

    final ObservableList<String> choices = FXCollections.observableArrayList("Running", "Stopped", "Crashed");
    final ObservableList<String> checked = FXCollections.observableArrayList();
    final SimpleStringProperty none = new SimpleStringProperty("Any state");
    CheckMenuButton<String> button;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        button = new CheckMenuButton<>("states", choices, checked, new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s.toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        }, none);
        TextField before = new TextField();
        before.setId("before");
        stage.setScene(new Scene(new HBox(before, button), 500, 300));
        stage.show();
    }

    @Test
    void theChoicesAreOutOfTheWindowUntilTheListFirstOpens(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().lookupAll(".check-box")).as("no check box in the window").isEmpty();
        assertThat(stage.getScene().getRoot().lookupAll(".list-view")).as("no list in the window").isEmpty();
        assertThat(box(robot, 0).getScene()).as("not styled: in no scene").isNull();
        assertThat(button.getText()).isEqualTo("Any state");

        robot.clickOn("#states");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button.isShowing()).isTrue();
        assertThat(box(robot, 0).getScene()).as("in the menu's scene").isNotNull().isNotSameAs(stage.getScene());
        assertThat(box(robot, 0).getText()).isEqualTo("running");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void clicksCheckSeveralChoicesWithTheListLeftOpen(FxRobot robot) {
        robot.clickOn("#states");
        robot.clickOn("#states-2");
        assertThat(checked).containsExactly("Crashed");
        assertThat(button.isShowing()).as("left open for the next").isTrue();
        robot.clickOn("#states-0");
        assertThat(checked).as("in the order of the choices").containsExactly("Running", "Crashed");
        assertThat(box(robot, 0).isSelected()).isTrue();
        assertThat(box(robot, 1).isSelected()).isFalse();
        assertThat(box(robot, 2).isSelected()).isTrue();
        assertThat(button.getText()).isEqualTo("running, crashed");
        // anywhere on the row the list highlights, not only on the box and its words
        javafx.scene.Node row = box(robot, 2).getParent();
        javafx.geometry.Bounds onScreen = row.localToScreen(row.getLayoutBounds());
        robot.clickOn(new javafx.geometry.Point2D(onScreen.getMaxX() - 3, onScreen.getCenterY()));
        assertThat(checked).as("a second click unchecks").containsExactly("Running");
        assertThat(box(robot, 2).isSelected()).isFalse();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button.isShowing()).isFalse();
        assertThat(button.getText()).isEqualTo("running");
    }

    @Test
    void theKeyboardOpensTheListAndChecksAChoiceWithSpaceOrEnter(FxRobot robot) throws Exception {
        robot.clickOn("#before");
        robot.type(KeyCode.TAB);
        assertThat(button.isFocused()).isTrue();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, button::isShowing);
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        robot.type(KeyCode.SPACE);
        assertThat(checked).containsExactly("Stopped");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        assertThat(checked).containsExactly("Stopped", "Crashed");
        assertThat(button.isShowing()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(checked).containsExactly("Stopped");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theCallersListAndTheBoxesAgreeWhicheverSideChanges(FxRobot robot) {
        robot.interact(() -> checked.setAll("Stopped"));
        assertThat(box(robot, 1).isSelected()).isTrue();
        assertThat(button.getText()).isEqualTo("stopped");
        robot.interact(checked::clear);
        assertThat(box(robot, 1).isSelected()).isFalse();
        assertThat(button.getText()).isEqualTo("Any state");
        robot.interact(() -> none.set("Toute"));
        assertThat(button.getText()).as("the words for none follow").isEqualTo("Toute");
        // choices that change are made again, with what is checked
        robot.interact(() -> {
            checked.setAll("Paused");
            choices.add("Paused");
        });
        assertThat(button.getItems()).hasSize(4);
        assertThat(box(robot, 3).isSelected()).isTrue();
        assertThat(box(robot, 3).getText()).isEqualTo("paused");
    }

    private CheckBox box(FxRobot robot, int i) {
        return (CheckBox) ((javafx.scene.control.CustomMenuItem) button.getItems().get(i)).getContent();
    }
}
