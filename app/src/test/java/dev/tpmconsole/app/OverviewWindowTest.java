package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.catalogue.Audit;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.FindingKey;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.QueryGuard;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.util.FxQueryGuard;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Summary tab's overview in the real window (Monocle) on a catalogue holding 30 audits of the open snapshot's
 * cloud: the chart has a series per rule that found something and a point per audit, each the count the catalogue
 * holds; the last audit's new and resolved findings, the acknowledged finding with its reason, and the snapshot's
 * key states and host files are shown.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewWindowTest {

    static final int AUDITS = 30;

    @TempDir
    static Path dir;
    static Path snapshot;
    static Path catalogueFile;
    /** What the catalogue holds: per audit, the counts per rule. */
    static List<Map<String, Long>> recorded = new ArrayList<>();

    ConsoleGui gui;

    @BeforeAll
    static void thirtyAudits() throws Exception {
        snapshot = SqliteTestDatabase.create(dir.resolve("cloud.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p1", "nkp").host("h1", false).host("h2", false).vm("v1", true).tpm("t1", "v1");
            r.keyRef(1, "TpmVO", "t1", "p1", "nkp", "kek");
            r.vm("v2", true).tpm("t2", "v2").keyRef(2, "TpmVO", "t2", "p1", "nkp", null);
            r.hostFile("f1", "v1", "h1", "TpmState").hostFile("f2", "v2", "h1", "NvRam").hostFile("f3", "v2", "h2", "TpmState");
            r.backup("b1", "v1", "TpmState");
        });
        catalogueFile = dir.resolve("catalogue.sqlite");
        Instant t = Instant.parse("2026-09-01T06:00:00Z");
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
             Catalogue c = Catalogue.open(catalogueFile, Clock.systemUTC()).catalogue()) {
            CloudMarkers markers = CloudMarkers.read(s);
            for (int i = 0; i < AUDITS; i++) {
                // stale rows come and go: audit i reports i % 7 + 1 of them, and the two orphans in two audits of three
                List<Catalogue.Reported> findings = new ArrayList<>();
                Map<String, Long> counts = new LinkedHashMap<>();
                int stale = i % 7 + 1;
                for (int k = 0; k < stale; k++) {
                    findings.add(reported("RESOURCE_ROW_STALE", "ResourceVO", "stale-" + k));
                }
                counts.put("RESOURCE_ROW_STALE", (long) stale);
                long orphans = i % 3 != 2 ? 2 : 0;
                for (int k = 0; k < orphans; k++) {
                    findings.add(reported("KEY_REF_ORPHANED", "EncryptedResourceKeyRefVO", String.valueOf(100 + k)));
                }
                counts.put("KEY_REF_ORPHANED", orphans);
                counts.put("TPM_WITHOUT_VM", 0L);
                recorded.add(counts);
                c.record(new Catalogue.AuditToRecord(Audit.AUDIT, markers, t.plus(Duration.ofDays(i)), 100,
                        List.copyOf(counts.keySet()), null, counts, findings, "test"));
            }
            long cloud = c.cloudOf(markers).orElseThrow().id();
            c.acknowledge(cloud, FindingKey.of("RESOURCE_ROW_STALE", "ResourceVO", "stale-0"),
                    "kept on purpose: the DR copy still points at it", null);
        }
    }

    /** A finding with its rule's sentence, as an audit reports it. */
    static Catalogue.Reported reported(String rule, String table, String key) {
        Message sentence = rule.equals("RESOURCE_ROW_STALE")
                ? Message.of("rule.RESOURCE_ROW_STALE.detail.unnamed", key, "VmInstanceVO")
                : Message.of("rule.KEY_REF_ORPHANED.detail.placeholder", key, "TpmVO", "p1", "t-" + key);
        return new Catalogue.Reported(FindingKey.of(rule, table, key), "orphan", null, sentence);
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        gui = ConsoleGui.show(stage, new ConsoleGui.Setup(data, PreferencesStore.inMemory(), null,
                FxQueryGuard.create(QueryGuard.Mode.THROW), FxSchedulers.javafx(),
                new EventLog(ConsoleGui.EVENTS_KEPT, Clock.systemUTC()), catalogueFile));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChartHoldsTheCountsOfTheCatalogue(FxRobot robot) throws Exception {
        robot.interact(() -> gui.viewModel().open(snapshot));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gui.viewModel().sourceProperty().get() != null);
        robot.interact(() -> gui.window().showSummary());
        LineChart<Number, Number> chart = robot.lookup("#findingsChart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> chart.getData().size() == 2
                && gui.overviewViewModel().statsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.isVisible()).isTrue();
        assertThat(chart.getData()).extracting(XYChart.Series::getName)
                .as("rules that found something, in catalogue order").containsExactly("KEY_REF_ORPHANED",
                        "RESOURCE_ROW_STALE");
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            assertThat(series.getData()).hasSize(AUDITS);
            for (int i = 0; i < AUDITS; i++) {
                assertThat(series.getData().get(i).getXValue().intValue()).isEqualTo(i + 1);
                assertThat(series.getData().get(i).getYValue().longValue()).as(series.getName() + " of audit " + (i + 1))
                        .isEqualTo(recorded.get(i).get(series.getName()));
            }
        }
        // in the machine's time zone, as the status line below
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault());
        assertThat(gui.window().overview().auditLabel(1)).as("the axis' label of the first audit")
                .isEqualTo("#1 " + when.format(Instant.parse("2026-09-01T06:00:00Z")));
        assertThat(gui.window().overview().auditLabel(30)).isEqualTo("#30 " + when.format(Instant.parse("2026-09-30T06:00:00Z")));
        assertThat(robot.lookup("#overviewCloud").queryAs(Label.class).getText()).isEqualTo("Cloud: cloud.sqlite");
        assertThat(robot.lookup("#overviewStatus").queryAs(Label.class).getText())
                .startsWith("30 audits, the last on " // written as the language writes dates, in the machine's zone
                        + dev.tpmconsole.model.i18n.Messages.english().dateTime(Instant.parse("2026-09-30T06:00:00Z"))
                        + " with 2 findings");

        // the last audit (i = 29: 2 stale rows, no orphan) against the one before (1 stale row, 2 orphans)
        assertThat(robot.lookup("#changesTitle").queryAs(Label.class).getText())
                .isEqualTo("Since the audit before: 1 new, 2 resolved");
        TableView<Catalogue.FindingEntry> added = robot.lookup("#newFindings").queryTableView();
        TableView<Catalogue.FindingEntry> resolved = robot.lookup("#resolvedFindings").queryTableView();
        assertThat(added.getItems()).extracting(f -> f.key().key()).containsExactly("stale-1");
        assertThat(resolved.getItems()).extracting(f -> f.key().key()).containsExactly("100", "101");
        assertThat(detailCells(robot, "newFindingsDetail"))
                .containsExactly("ResourceVO stale-1 says VmInstanceVO, but no VmInstanceVO row has this uuid.");
        assertThat(detailCells(robot, "resolvedFindingsDetail")).containsExactly(
                "Key ref 100 (TpmVO key, provider p1, placeholder) names TpmVO t-100, which does not exist.",
                "Key ref 101 (TpmVO key, provider p1, placeholder) names TpmVO t-101, which does not exist.");
        // in Chinese, the sentences the catalogue keeps are shown in Chinese, as the audit window shows them
        Language before = I18n.languageProperty().get();
        try {
            robot.interact(() -> I18n.languageProperty().set(Language.ZH_CN));
            assertThat(detailCells(robot, "newFindingsDetail"))
                    .containsExactly("ResourceVO stale-1 的类型为 VmInstanceVO，但没有任何 VmInstanceVO 行具有此 uuid。");
            assertThat(detailCells(robot, "resolvedFindingsDetail")).containsExactly(
                    "密钥引用 100（TpmVO 密钥，密钥提供者 p1，占位）指向的 TpmVO t-100 不存在。",
                    "密钥引用 101（TpmVO 密钥，密钥提供者 p1，占位）指向的 TpmVO t-101 不存在。");
        } finally {
            robot.interact(() -> I18n.languageProperty().set(before));
        }
        assertThat(detailCells(robot, "newFindingsDetail")).singleElement().asString().startsWith("ResourceVO stale-1 says");

        TableView<Catalogue.AckEntry> acks = robot.lookup("#ackTable").queryTableView();
        assertThat(acks.isVisible()).isTrue();
        assertThat(acks.getItems()).singleElement().satisfies(a -> {
            assertThat(a.key().key()).isEqualTo("stale-0");
            assertThat(a.reason()).isEqualTo("kept on purpose: the DR copy still points at it");
        });

        PieChart keyStates = robot.lookup("#keyStateChart").queryAs(PieChart.class);
        Map<String, Double> pie = new HashMap<>();
        keyStates.getData().forEach(d -> pie.put(d.getName(), d.getPieValue()));
        assertThat(pie).containsEntry("materialized (1)", 1.0).containsEntry("placeholder (1)", 1.0)
                .containsEntry("none (0)", 0.0).containsEntry("provider lost (0)", 0.0);
        // each slice, and its legend's symbol, in the colour the lists give its state (materialized green, ...)
        Map<dev.tpmconsole.model.browse.KeyState, javafx.scene.paint.Paint> listColours = new HashMap<>();
        robot.interact(() -> {
            javafx.scene.layout.Pane parent = (javafx.scene.layout.Pane) keyStates.getParent();
            for (dev.tpmconsole.model.browse.KeyState k : dev.tpmconsole.model.browse.KeyState.values()) {
                Label cell = new Label("probe");
                cell.getStyleClass().add("state-cell");
                cell.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(
                        "key-" + k.name().toLowerCase().replace('_', '-')), true);
                parent.getChildren().add(cell);
                cell.applyCss();
                listColours.put(k, cell.getTextFill());
                parent.getChildren().remove(cell);
            }
        });
        assertThat(new java.util.HashSet<>(listColours.values())).as("four colours").hasSize(4);
        List<javafx.scene.Node> symbols = List.copyOf(keyStates.lookupAll(".chart-legend-item-symbol"));
        assertThat(symbols).hasSize(4);
        for (int i = 0; i < 4; i++) {
            dev.tpmconsole.model.browse.KeyState k = dev.tpmconsole.model.browse.KeyState.values()[i];
            PieChart.Data d = keyStates.getData().get(i);
            assertThat(d.getName()).startsWith(k.label());
            assertThat(inColour(fill(d.getNode()), listColours.get(k))).as("the slice of " + k + ": " + fill(d.getNode())
                    + " in " + listColours.get(k)).isTrue();
            assertThat(fill(symbols.get(i))).as("the legend's symbol of " + k).isEqualTo(listColours.get(k));
        }
        StackedBarChart<Number, String> hosts = robot.lookup("#hostChart").queryAs(StackedBarChart.class);
        Map<String, Long> stateFiles = new HashMap<>();
        hosts.getData().get(0).getData().forEach(d -> stateFiles.put(d.getYValue(), d.getXValue().longValue()));
        assertThat(stateFiles).isEqualTo(Map.of("host h1", 1L, "host h2", 1L));
        Map<String, Long> backups = new HashMap<>();
        hosts.getData().get(2).getData().forEach(d -> backups.put(d.getYValue(), d.getXValue().longValue()));
        assertThat(backups).as("no VM has a host in these rows: no backup is on a host").isEqualTo(Map.of("host h1", 0L,
                "host h2", 0L));
    }

    /** The texts of a column's cells that show a row, top to bottom. */
    static List<String> detailCells(FxRobot robot, String columnId) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()))
                .filter(c -> !c.isEmpty() && c.getTableRow() != null && c.getTableRow().getItem() != null)
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.TableCell::getIndex))
                .map(javafx.scene.control.Labeled::getText).toList();
    }

    /**
     * Whether a paint is in a colour: that colour, or a gradient made from it (modena draws a slice from its pie colour
     * lighter to darker), whose stops then hold each of its red, green and blue between them.
     */
    static boolean inColour(javafx.scene.paint.Paint paint, javafx.scene.paint.Paint colour) {
        javafx.scene.paint.Color c = (javafx.scene.paint.Color) colour;
        if (paint instanceof javafx.scene.paint.Color p) {
            return p.equals(c);
        }
        List<javafx.scene.paint.Stop> stops = ((javafx.scene.paint.RadialGradient) paint).getStops();
        javafx.scene.paint.Color a = stops.get(0).getColor();
        javafx.scene.paint.Color b = stops.get(stops.size() - 1).getColor();
        return between(c.getRed(), a.getRed(), b.getRed()) && between(c.getGreen(), a.getGreen(), b.getGreen())
                && between(c.getBlue(), a.getBlue(), b.getBlue());
    }

    static boolean between(double x, double a, double b) {
        return x >= Math.min(a, b) - 0.01 && x <= Math.max(a, b) + 0.01;
    }

    /** The first fill of a region's background: a slice's colour. */
    static javafx.scene.paint.Paint fill(javafx.scene.Node node) {
        return ((javafx.scene.layout.Region) node).getBackground().getFills().get(0).getFill();
    }
}
