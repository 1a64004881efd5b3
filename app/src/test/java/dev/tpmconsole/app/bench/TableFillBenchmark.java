package dev.tpmconsole.app.bench;

import dev.tpmconsole.styles.Theme;
import dev.tpmconsole.views.util.Themes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * What the first fill of a table costs in a new window with the console's theme: a 5-column table of 200 rows in a new
 * scene (the styles JavaFX caches are per scene), its CSS and layout once empty, then once filled (a screenful of
 * cells made and styled). Prints each of RUNS windows and the median of the fills after the first. With a stylesheet
 * URL, that sheet stands for console.css (to compare a change of it). Needs a display.
 * Usage: TableFillBenchmark [RUNS] [SHEET_URL]
 */
public final class TableFillBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        String sheet = args.length > 1 ? args[1] : null;
        CountDownLatch started = new CountDownLatch(1);
        dev.tpmconsole.app.PrismOptions.startJavaFx(started::countDown);
        started.await();
        long[] fills = new long[runs];
        for (int run = 0; run < runs; run++) {
            FutureTask<long[]> window = new FutureTask<>(() -> fill(sheet));
            Platform.runLater(window);
            long[] t = window.get();
            fills[run] = t[1];
            System.out.printf("window %d: empty table %d ms, first fill %d ms%n", run + 1, t[0], t[1]);
        }
        long[] warm = Arrays.copyOfRange(fills, 1, runs);
        Arrays.sort(warm);
        System.out.printf("first fill of a table in a new window: median %d ms (of %d windows after the first)%n",
                warm[warm.length / 2], warm.length);
        Platform.exit();
    }

    /** Makes the window and its table; returns the milliseconds of its CSS and layout empty, then filled. */
    private static long[] fill(String sheet) {
        TableView<String[]> table = new TableView<>();
        for (int c = 0; c < 5; c++) {
            int column = c;
            TableColumn<String[], String> col = new TableColumn<>("Column " + c);
            col.setId("column" + c);
            col.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue()[column]));
            col.setPrefWidth(150);
            table.getColumns().add(col);
        }
        table.setFixedCellSize(24);
        BorderPane root = new BorderPane(table);
        Scene scene = new Scene(root, 1000, 650);
        Themes.apply(scene, Theme.LIGHT);
        if (sheet != null) {
            root.getStylesheets().setAll(sheet);
        }
        Stage stage = new Stage();
        stage.setScene(scene);
        long t0 = System.nanoTime();
        root.applyCss();
        root.layout();
        long t1 = System.nanoTime();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new String[] {"key " + i, "state " + i, "a longer sentence about row " + i, "repair", "relink " + i});
        }
        table.getItems().setAll(rows);
        root.applyCss();
        root.layout();
        long t2 = System.nanoTime();
        return new long[] {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000};
    }
}
