package dev.tpmconsole.views.overview;

import dev.tpmconsole.views.util.Busy;
import dev.tpmconsole.model.browse.KeyState;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.stats.CloudStats;
import dev.tpmconsole.views.util.Em;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Tables;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The cloud's overview on the Summary tab: findings per rule over its audits (a line chart), what the last audit
 * found new and resolved, TPMs by key state (a pie), files and backups of the busiest hosts (stacked bars), and the
 * acknowledged findings with their reasons and expiries. JavaFX charts, coloured by the theme's chart tokens
 * (console.css). All state is in {@link OverviewViewModel}.
 */
public final class OverviewView {

    /**
     * How an audit is named on the chart's axis: its number and when, in the machine's time zone, as the status line
     * above the chart and the acknowledgements' expiries write their times.
     */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final OverviewViewModel vm;
    private final VBox root = new VBox();
    private final LineChart<Number, Number> findingsChart;
    /** The audits as the chart numbers them (1 = the oldest), for the axis' labels. */
    private List<OverviewViewModel.AuditPoint> plotted = List.of();

    /** Above this many audits the points have no symbol: a hundred audits of a dozen rules are many nodes. */
    static final int SYMBOLS_UP_TO = 40;
    private final PieChart keyStates = new PieChart();
    private final StackedBarChart<Number, String> hostChart;
    private TableView<Catalogue.AckEntry> acks;
    /** The findings an audit saw first and those it resolved: their sentences are in the reader's language. */
    private final TableView<Catalogue.FindingEntry> added;
    private final TableView<Catalogue.FindingEntry> resolved;
    /** Draws the data charts again in the language (held here: the language holds it weakly). */
    private final javafx.beans.InvalidationListener relabel = o -> relabel();

    public OverviewView(OverviewViewModel vm) {
        this.vm = vm;
        root.setId("overview");
        root.getStyleClass().addAll("overview", "gap-l");

        Label cloud = new Label();
        cloud.setId("overviewCloud");
        cloud.getStyleClass().add("title");
        cloud.textProperty().bind(Bindings.createStringBinding(() -> vm.cloudNameProperty().get().isEmpty() ? ""
                : I18n.t("ui.overview.cloud", vm.cloudNameProperty().get()), vm.cloudNameProperty(),
                I18n.languageProperty()));
        Label status = new Label();
        status.setId("overviewStatus");
        status.getStyleClass().add("subtitle");
        status.setWrapText(true);
        status.textProperty().bind(I18n.text(vm.historyStatusMessageProperty()));
        javafx.scene.control.ProgressIndicator loading = Busy.indicator("overviewLoading", "small-busy",
                vm.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        HBox statusLine = new HBox(status, loading);
        statusLine.getStyleClass().add("gap-m");
        statusLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        // audits numbered from the oldest, labelled with their number and time: an axis of numbers keeps a dozen
        // labels however many audits there are
        NumberAxis x = new NumberAxis();
        x.labelProperty().bind(I18n.computed(() -> auditAxisLabel(java.time.ZoneId.systemDefault(),
                java.time.Instant.now())));
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new javafx.util.StringConverter<Number>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                int i = (int) Math.round(v);
                return Math.abs(v - i) < 1e-9 && i >= 1 && i <= plotted.size() ? category(plotted.get(i - 1)) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.labelProperty().bind(I18n.text("ui.overview.axis.findings"));
        y.setForceZeroInRange(true);
        findingsChart = new LineChart<>(x, y);
        findingsChart.setId("findingsChart");
        findingsChart.titleProperty().bind(I18n.text("ui.overview.chart.findings"));
        findingsChart.setAnimated(false);
        findingsChart.setCreateSymbols(true);
        // room on the right for the last audit's label, centred on the axis' end
        findingsChart.getStyleClass().addAll("overview-chart", "findings-chart");
        vm.audits().addListener((ListChangeListener<OverviewViewModel.AuditPoint>) c -> plotFindings());
        vm.rules().addListener((ListChangeListener<String>) c -> plotFindings());
        findingsChart.visibleProperty().bind(Bindings.isNotEmpty(vm.audits()));
        findingsChart.managedProperty().bind(findingsChart.visibleProperty());

        Label changes = new Label();
        changes.setId("changesTitle");
        changes.getStyleClass().add("section-title");
        changes.textProperty().bind(I18n.text(vm.changesTitleMessageProperty()));
        added = findings("newFindings", "ui.overview.placeholder.new", vm.added());
        resolved = findings("resolvedFindings", "ui.overview.placeholder.resolved", vm.resolved());
        VBox addedBox = new VBox(sectionTitle("newTitle", Bindings.createStringBinding(() -> I18n.t(
                vm.added().size() >= Catalogue.LISTED ? "ui.overview.newMore" : "ui.overview.new", vm.added().size()),
                vm.added(), I18n.languageProperty())), added);
        VBox resolvedBox = new VBox(sectionTitle("resolvedTitle", Bindings.createStringBinding(() -> I18n.t(
                vm.resolved().size() >= Catalogue.LISTED ? "ui.overview.resolvedMore" : "ui.overview.resolved",
                vm.resolved().size()), vm.resolved(), I18n.languageProperty())), resolved);
        HBox.setHgrow(addedBox, Priority.ALWAYS);
        HBox.setHgrow(resolvedBox, Priority.ALWAYS);
        HBox changeTables = new HBox(addedBox, resolvedBox);
        changeTables.getStyleClass().add("gap-l");
        VBox changeBox = new VBox(changes, changeTables);
        changeBox.getStyleClass().add("gap-s");
        changeBox.visibleProperty().bind(changes.textProperty().isNotEmpty());
        changeBox.managedProperty().bind(changeBox.visibleProperty());

        keyStates.setId("keyStateChart");
        keyStates.titleProperty().bind(I18n.text("ui.overview.chart.keyStates"));
        keyStates.setAnimated(false);
        keyStates.setLabelsVisible(false);
        keyStates.getStyleClass().addAll("overview-chart", "key-state-chart"); // each state in its colour in the lists
        // hosts down the side, so that their names read across
        CategoryAxis hosts = new CategoryAxis();
        NumberAxis count = new NumberAxis();
        count.labelProperty().bind(I18n.text("ui.overview.axis.files"));
        hostChart = new StackedBarChart<>(count, hosts);
        hostChart.setId("hostChart");
        hostChart.setTitle(I18n.t("ui.overview.chart.hosts", 0));
        hostChart.setAnimated(false);
        hostChart.getStyleClass().add("overview-chart");
        vm.statsProperty().addListener((o, a, s) -> plotStats(s));
        HBox.setHgrow(hostChart, Priority.ALWAYS);
        HBox dataCharts = new HBox(keyStates, hostChart);
        dataCharts.getStyleClass().add("gap-l");
        dataCharts.visibleProperty().bind(vm.statsProperty().isNotNull());
        dataCharts.managedProperty().bind(dataCharts.visibleProperty());

        TableView<Catalogue.AckEntry> acks = I18n.placeholder(Tables.table("ackTable", ""), "ui.overview.placeholder.acks");
        acks.setItems(vm.acknowledgements());
        acks.getColumns().add(I18n.bindColumn(Tables.column("ackRuleColumn", "", 17, a -> a.key().rule()),
                "ui.overview.column.rule"));
        acks.getColumns().add(I18n.bindColumn(Tables.column("ackTableColumn", "", 14, a -> a.key().table()),
                "ui.overview.column.table"));
        acks.getColumns().add(I18n.bindColumn(Tables.column("ackKeyColumn", "", Tables.UUID_WIDTH, a -> a.key().key()),
                "ui.overview.column.key"));
        acks.getColumns().add(I18n.bindColumn(Tables.column("ackReasonColumn", "", 24, Catalogue.AckEntry::reason),
                "ui.overview.column.reason"));
        acks.getColumns().add(I18n.bindColumn(Tables.column("ackByColumn", "", 7, Catalogue.AckEntry::by),
                "ui.overview.column.by"));
        acks.getColumns().add(I18n.bindColumn(Tables.styled("ackUntilColumn", "", 11,
                a -> a.expiresAt() == null ? I18n.t("ui.overview.noExpiry") : a.active()
                        ? dev.tpmconsole.views.util.Formats.expiry(a.expiresAt())
                        : I18n.t("ui.overview.expired", dev.tpmconsole.views.util.Formats.expiry(a.expiresAt())),
                a -> a.active() ? null : "expired"), "ui.overview.column.until"));
        acks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        acks.getStyleClass().add("overview-table");
        VBox ackBox = new VBox(sectionTitle("ackTitle", Bindings.createStringBinding(() -> I18n.t("ui.overview.acks",
                vm.acknowledgements().size()), vm.acknowledgements(), I18n.languageProperty())), acks);
        this.acks = acks;
        ackBox.visibleProperty().bind(Bindings.isNotEmpty(vm.audits()).or(Bindings.isNotEmpty(vm.acknowledgements())));
        ackBox.managedProperty().bind(ackBox.visibleProperty());

        root.getChildren().addAll(cloud, statusLine, findingsChart, changeBox, dataCharts, ackBox);
        plotFindings();
        plotStats(vm.statsProperty().get());
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    private void relabel() {
        plotStats(vm.statsProperty().get());
        acks.refresh();
        added.refresh();
        resolved.refresh();
    }



    public Parent root() {
        return root;
    }

    /** The findings chart: a series per rule, a point per audit (x: the audit's number from the oldest, 1 up). */
    public LineChart<Number, Number> findingsChart() {
        return findingsChart;
    }

    private static Label sectionTitle(String id, javafx.beans.binding.StringBinding text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("section-title");
        l.textProperty().bind(text);
        return l;
    }

    private static TableView<Catalogue.FindingEntry> findings(String id, String placeholderKey,
                                                              javafx.collections.ObservableList<Catalogue.FindingEntry> items) {
        TableView<Catalogue.FindingEntry> t = I18n.placeholder(Tables.table(id, ""), placeholderKey);
        t.setItems(items);
        t.getColumns().add(I18n.bindColumn(Tables.column(id + "Rule", "", 17, f -> f.key().rule()), "ui.overview.column.rule"));
        t.getColumns().add(I18n.bindColumn(Tables.column(id + "Key", "", Tables.UUID_WIDTH, f -> f.key().key().isEmpty()
                ? f.key().path() : f.key().key()), "ui.overview.column.key"));
        t.getColumns().add(I18n.bindColumn(Tables.column(id + "Detail", "", 30, f -> I18n.t(f.sentence())),
                "ui.overview.column.detail"));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().add("overview-table");
        return t;
    }

    /**
     * The audits' axis names the time zone its times are in (the machine's, as the status line's): "Audit (UTC+08:00)"
     * in Beijing, "Audit (UTC)" where the machine keeps UTC.
     */
    static String auditAxisLabel(java.time.ZoneId zone, java.time.Instant now) {
        java.time.ZoneOffset offset = zone.getRules().getOffset(now);
        return I18n.t("ui.overview.axis.audit", offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId());
    }

    /** An audit's category on the axis: unique (its number) and readable (when). */
    static String category(OverviewViewModel.AuditPoint a) {
        return "#" + a.id() + " " + WHEN.format(a.at().atZone(java.time.ZoneId.systemDefault()));
    }

    /** What the axis calls audit number {@code i} (1 = the oldest). */
    public String auditLabel(int i) {
        return i >= 1 && i <= plotted.size() ? category(plotted.get(i - 1)) : "";
    }

    private void plotFindings() {
        plotted = List.copyOf(vm.audits());
        NumberAxis x = (NumberAxis) findingsChart.getXAxis();
        x.setAutoRanging(false);
        x.setLowerBound(plotted.size() > 1 ? 1 : 0);
        x.setUpperBound(Math.max(2, plotted.size()));
        x.setTickUnit(Math.max(1, Math.ceil(plotted.size() / 8.0)));
        findingsChart.setCreateSymbols(plotted.size() <= SYMBOLS_UP_TO);
        List<XYChart.Series<Number, Number>> series = new java.util.ArrayList<>();
        for (String rule : vm.rules()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(rule);
            for (int i = 0; i < plotted.size(); i++) {
                Long n = plotted.get(i).counts().get(rule);
                if (n != null) {
                    s.getData().add(new XYChart.Data<>(i + 1, n));
                }
            }
            series.add(s);
        }
        findingsChart.getData().setAll(series);
        findingsChart.setMinHeight(Em.of(28));
    }

    private void plotStats(CloudStats s) {
        keyStates.getData().clear();
        hostChart.getData().clear();
        if (s == null) {
            return;
        }
        for (KeyState k : KeyState.values()) { // in this order: the slices' colours (key-state-chart) follow it
            long n = s.keyStates().getOrDefault(k, 0L);
            keyStates.getData().add(new PieChart.Data(I18n.t("ui.overview.keyState", I18n.t(k.message()), n), n));
        }
        XYChart.Series<Number, String> state = new XYChart.Series<>();
        state.setName(I18n.t("ui.overview.series.stateFiles"));
        XYChart.Series<Number, String> nvram = new XYChart.Series<>();
        nvram.setName(I18n.t("ui.overview.series.nvramFiles"));
        XYChart.Series<Number, String> backups = new XYChart.Series<>();
        backups.setName(I18n.t("ui.overview.series.backups"));
        List<String> names = new java.util.ArrayList<>();
        // the busiest host at the top: a category axis runs upwards
        List<CloudStats.HostLoad> loads = new java.util.ArrayList<>(s.hosts());
        java.util.Collections.reverse(loads);
        for (CloudStats.HostLoad h : loads) {
            String name = uniqueName(h, names);
            names.add(name);
            state.getData().add(new XYChart.Data<>(h.tpmStateFiles(), name));
            nvram.getData().add(new XYChart.Data<>(h.nvramFiles(), name));
            backups.getData().add(new XYChart.Data<>(h.backups(), name));
        }
        ((CategoryAxis) hostChart.getYAxis()).getCategories().setAll(names);
        hostChart.getData().setAll(List.of(state, nvram, backups));
        hostChart.setTitle(hostChartTitle(s));
        keyStates.setMinWidth(Em.of(24));
        hostChart.setMinHeight(Em.of(Math.max(16, 6 + 1.6 * names.size())));
    }

    /**
     * The chart's name of a host, unique among {@code taken} (a category axis refuses two the same): its name, then
     * with the start of its uuid, then with all of it, then numbered.
     */
    static String uniqueName(CloudStats.HostLoad h, java.util.Collection<String> taken) {
        String name = hostName(h);
        String uuid = h.hostUuid() == null ? "" : h.hostUuid();
        for (String candidate : List.of(name, name + " " + uuid.substring(0, Math.min(8, uuid.length())),
                name + " " + uuid)) {
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        int n = 2;
        while (taken.contains(name + " #" + n)) {
            n++;
        }
        return name + " #" + n;
    }

    /** A host as the chart names it: its name, shortened; a host without a HostEO row by its uuid's start. */
    static String hostName(CloudStats.HostLoad h) {
        if (h.missing()) {
            return I18n.t("ui.overview.missingHost", h.hostUuid().substring(0, Math.min(8, h.hostUuid().length())));
        }
        String name = h.name().isBlank() ? h.hostUuid() : h.name();
        return name.length() > 24 ? name.substring(0, 23) + "…" : name;
    }

    /**
     * The host chart's title: how many hosts hold files or backups when the chart shows only the busiest, and how many
     * of them HostEO has no row for. The chart counts those missing hosts among its hosts (their files are the audit's
     * findings), so the count can exceed the hosts the Hosts list shows; the title says why.
     */
    static String hostChartTitle(CloudStats s) {
        int all = s.hosts().size() + s.otherHosts();
        return s.otherHosts() > 0
                ? I18n.t("ui.overview.chart.hostsBusiest", s.hosts().size(), all, s.missingHosts())
                : I18n.t("ui.overview.chart.hosts", s.missingHosts());
    }
}
