package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A console table's Copy menu, in a real window: made when first asked for (a popup window with a scene of its own
 * for each table was made with the table before), then shown by the request that asked, and copying what it says.
 */
@ExtendWith(ApplicationExtension.class)
class TableCopyTest {

    record Host(String name, String address) {
    }

    TableView<Host> table;

    @Start
    void start(Stage stage) {
        table = Tables.table("hostTable", "ui.hosts.none");
        TableColumn<Host, String> name = new TableColumn<>("Name");
        name.setId("hostName");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<Host, String> address = new TableColumn<>("Address");
        address.setId("hostAddress");
        address.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().address()));
        table.getColumns().setAll(java.util.List.of(name, address));
        table.setItems(FXCollections.observableArrayList(new Host("kvm-a", "127.0.0.11"), new Host("kvm-b", "127.0.0.12")));
        LightStage.show(stage, table, 500, 300);
    }

    @Test
    void theCopyMenuIsMadeWhenFirstAskedFor_andCopies(FxRobot robot) throws Exception {
        assertThat(table.getContextMenu()).as("no menu before anyone asked for one").isNull();

        robot.clickOn("kvm-b");
        askForTheMenu(robot, "kvm-b");
        assertThat(table.getContextMenu()).isNotNull();
        assertThat(table.getContextMenu().isShowing()).as("shown by the click that asked for it").isTrue();
        assertThat(table.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getId)
                .containsExactly("tableCopyCells", "tableCopyRows");

        robot.clickOn("#tableCopyRows");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard()).isEqualTo("Name\tAddress\nkvm-b\t127.0.0.12");

        // asked for again: the same menu
        javafx.scene.control.ContextMenu first = table.getContextMenu();
        robot.clickOn("127.0.0.11", MouseButton.PRIMARY);
        askForTheMenu(robot, "127.0.0.11");
        assertThat(table.getContextMenu()).isSameAs(first);
        robot.clickOn("#tableCopyCells");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard()).isEqualTo("127.0.0.11");
    }

    /**
     * What a right click on the cell showing {@code text} makes the window do: the context menu asked for there (the
     * headless test platform sends no such event of its own for a right click).
     */
    private static void askForTheMenu(FxRobot robot, String text) {
        javafx.scene.Node cell = robot.lookup(".table-cell").lookup(org.testfx.matcher.control.LabeledMatchers.hasText(text))
                .query();
        robot.interact(() -> {
            javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            javafx.geometry.Bounds s = cell.localToScene(cell.getBoundsInLocal());
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, s.getCenterX(), s.getCenterY(),
                    b.getCenterX(), b.getCenterY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
    }
}
