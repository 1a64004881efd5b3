package dev.tpmconsole.views.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.audit.AuditView;
import dev.tpmconsole.views.audit.AuditViewModel;
import dev.tpmconsole.views.browse.BrowseView;
import dev.tpmconsole.views.browse.BrowseViewModel;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Sizes follow the root font size, at once: the audit and browse views in a scene styled by an
 * {@link Appearance}, the font size changed from 14 to 21 px, and the padding of a bar, the height of a
 * table's rows (and the height computed from it), a column's width and an icon all grow by half. A size
 * set in px in code, or an icon sized by the theme, would stay as it was.
 */
@ExtendWith(ApplicationExtension.class)
class FontSizeTest {

    Appearance appearance;
    AuditView audit;
    BrowseView browse;

    @Start
    void start(Stage stage) {
        appearance = new Appearance(Theme.LIGHT, 14); // first: the views take their column widths from it
        audit = new AuditView(new AuditViewModel(new SimpleObjectProperty<Source>(), FxSchedulers.javafx(), uuid -> { }));
        browse = browseView();
        browse.makeDetails(); // without a source no VM rows come, after which they would be made
        Scene scene = new Scene(new VBox(audit.root(), browse.tabs()), 1600, 1000);
        appearance.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    static BrowseView browseView() {
        return new BrowseView(new BrowseViewModel(FxSchedulers.javafx(),
                s -> new BrowseQueries(s, new AuditDirtyVmIndex(s))));
    }

    @AfterEach
    void backToTheDefaults(FxRobot robot) {
        robot.interact(() -> {
            appearance.fontSizeProperty().set(14);
            appearance.themeProperty().set(Theme.LIGHT);
        });
    }

    /** What the test measures, read on the FX thread. */
    record Sizes(double barPaddingTop, double barPaddingLeft, double barSpacing, double rowHeight, double detailsHeight,
                 double nameColumnWidth, int iconSize, double freshNameColumn) {

        static Sizes read(FxRobot robot, FontSizeTest t) {
            HBox bar = robot.lookup("#auditToolbar").queryAs(HBox.class);
            TableView<?> vms = robot.lookup("#vmTable").queryTableView();
            TableView<?> findings = t.browse.rememberedTables().get("findingsTable");
            FontIcon icon = (FontIcon) robot.lookup("#runAudit").queryAs(Button.class).getGraphic();
            double[] fresh = new double[1];
            robot.interact(() -> fresh[0] = nameColumn(browseView().rememberedTables().get("vmTable")).getPrefWidth());
            return new Sizes(bar.getPadding().getTop(), bar.getPadding().getLeft(), bar.getSpacing(),
                    vms.getFixedCellSize(), findings.getPrefHeight(), nameColumn(vms).getWidth(), icon.getIconSize(),
                    fresh[0]);
        }
    }

    static TableColumn<?, ?> nameColumn(TableView<?> table) {
        return table.getColumns().stream().filter(c -> "vmNameColumn".equals(c.getId())).findFirst().orElseThrow();
    }

    @Test
    void sizesGrowWithTheFontSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Sizes at14 = Sizes.read(robot, this);
        // what console.css and the views say at the default size
        assertThat(at14.barPaddingTop()).isCloseTo(0.45 * 14, within(0.01));
        assertThat(at14.barPaddingLeft()).isCloseTo(0.7 * 14, within(0.01));
        assertThat(at14.barSpacing()).isCloseTo(0.6 * 14, within(0.01));
        assertThat(at14.rowHeight()).isCloseTo(1.86 * 14, within(0.1));
        assertThat(at14.nameColumnWidth()).as("the name column, 9 em").isCloseTo(9 * 14, within(0.5));
        assertThat(at14.iconSize()).isEqualTo(16);

        robot.interact(() -> appearance.fontSizeProperty().set(21));
        WaitForAsyncUtils.waitForFxEvents();
        Sizes at21 = Sizes.read(robot, this);

        assertThat(at21.barPaddingTop() / at14.barPaddingTop()).as("padding").isCloseTo(1.5, within(0.01));
        assertThat(at21.barPaddingLeft() / at14.barPaddingLeft()).as("padding").isCloseTo(1.5, within(0.01));
        assertThat(at21.barSpacing() / at14.barSpacing()).as("spacing").isCloseTo(1.5, within(0.01));
        assertThat(at21.rowHeight() / at14.rowHeight()).as("fixed cell size").isCloseTo(1.5, within(0.01));
        assertThat(at21.detailsHeight() / at14.detailsHeight()).as("details table height").isCloseTo(1.5, within(0.01));
        assertThat(at21.nameColumnWidth() / at14.nameColumnWidth()).as("column width").isCloseTo(1.5, within(0.02));
        assertThat(at21.freshNameColumn() / at14.freshNameColumn()).as("new column width").isCloseTo(1.5, within(0.01));
        assertThat(at21.iconSize()).as("icon size").isEqualTo(24);
    }

    @Test
    void iconsAreColouredLikeTheTextOfTheirButtonInBothThemes(FxRobot robot) {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> appearance.themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : new String[] {"#runAudit", "#exportJson", "#showVm"}) {
                Button button = robot.lookup(id).queryAs(Button.class);
                assertThat(((FontIcon) button.getGraphic()).getIconColor()).as(theme + " " + id)
                        .isEqualTo(button.getTextFill());
            }
        }
    }
}
