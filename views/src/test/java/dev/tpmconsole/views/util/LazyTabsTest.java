package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A lazy tab's page is out of the scene (no CSS, no layout) until its tab is first selected, then stays. */
@ExtendWith(ApplicationExtension.class)
class LazyTabsTest {

    Label first;
    Label later;
    Tab shown;
    Tab hidden;
    TabPane tabs;

    @Start
    void start(Stage stage) {
        first = new Label("first page");
        later = new Label("later page");
        shown = new Tab("shown");
        hidden = new Tab("hidden");
        tabs = new TabPane(shown, hidden);
        LazyTabs.content(shown, () -> made(first));
        LazyTabs.content(hidden, () -> made(later));
        stage.setScene(new Scene(tabs, 400, 300));
        stage.show();
    }

    /** The pages made, in order. */
    final java.util.List<Label> madePages = new java.util.ArrayList<>();

    Label made(Label page) {
        madePages.add(page);
        return page;
    }

    @Test
    void aPageJoinsTheSceneWhenItsTabIsFirstSelected(FxRobot robot) {
        assertThat(first.getScene()).isNotNull();
        assertThat(later.getScene()).as("not selected yet").isNull();
        assertThat(hidden.getContent()).isNull();
        assertThat(madePages).as("the hidden page is not made yet").containsExactly(first);

        robot.interact(() -> tabs.getSelectionModel().select(hidden));
        assertThat(later.getScene()).isNotNull();
        assertThat(later.isVisible()).isTrue();

        robot.interact(() -> tabs.getSelectionModel().select(shown));
        robot.interact(() -> tabs.getSelectionModel().select(hidden));
        assertThat(hidden.getContent()).as("stays once shown").isSameAs(later);
        assertThat(first.getScene()).isNotNull();
        assertThat(madePages).as("each page made once").containsExactly(first, later);
    }
}
