package dev.tpmconsole.views.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.views.util.LightStage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In a real window with the console's stylesheet: the findings chart has a series per audit rule, more than the
 * palette's colours; no two series look the same, in the plot or in the legend (the ninth on repeated the first).
 */
@ExtendWith(ApplicationExtension.class)
class FindingsChartStyleTest {

    LineChart<Number, Number> chart;

    @Start
    void start(Stage stage) {
        chart = new LineChart<>(new NumberAxis(), new NumberAxis());
        chart.getStyleClass().addAll("overview-chart", "findings-chart");
        chart.setAnimated(false);
        for (AuditRule rule : AuditRule.values()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(rule.name());
            s.getData().add(new XYChart.Data<>(1, rule.ordinal()));
            s.getData().add(new XYChart.Data<>(2, rule.ordinal()));
            chart.getData().add(s);
        }
        LightStage.show(stage, chart, 900, 500);
    }

    @Test
    void everyRulesSeriesLooksItsOwn(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AuditRule.values().length).as("more series than the palette's 8 colours").isGreaterThan(8);
        Set<String> lines = new HashSet<>();
        Set<String> legend = new HashSet<>();
        for (int i = 0; i < AuditRule.values().length; i++) {
            Path line = robot.from(chart).lookup(".chart-series-line.series" + i).queryAs(Path.class);
            lines.add(line.getStroke() + " " + line.getStrokeDashArray());
            List<String> looks = new ArrayList<>();
            for (Node n : robot.from(chart).lookup(".chart-legend-item-symbol.series" + i).queryAll()) {
                Region symbol = (Region) n;
                looks.add(symbol.getBackground().getFills().get(0).getFill() + " "
                        + symbol.getBackground().getFills().get(0).getRadii().getTopLeftHorizontalRadius());
            }
            assertThat(looks).as("the legend's symbol of series %d", i).hasSize(1);
            legend.add(looks.get(0));
        }
        assertThat(lines).as("each line its colour and dashes").hasSize(AuditRule.values().length);
        assertThat(legend).as("each legend symbol its colour and shape").hasSize(AuditRule.values().length);
    }
}
