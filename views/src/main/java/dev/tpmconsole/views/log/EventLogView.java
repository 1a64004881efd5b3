package dev.tpmconsole.views.log;

import dev.tpmconsole.views.util.Keys;
import dev.tpmconsole.model.events.Event;
import dev.tpmconsole.views.util.Clipboards;
import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.views.util.Tables;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The event log window: what the console did, newest at the bottom (followed while the last row is
 * selected or nothing is), a level filter, the details of the selected event (a stack trace, say), Copy
 * (the selected events, or all shown) and Save. Thin: state is in {@link EventLogViewModel}.
 */
public final class EventLogView {

    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final EventLogViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<Event> table = new TableView<>();
    private final Label saveStatus = new Label();
    private final Runnable close;
    /** Writes the levels and the table's cells again in the language (held here: the language holds it weakly). */
    private javafx.beans.InvalidationListener relabel;

    /** @param close closes the window (Close, and Escape) */
    public EventLogView(EventLogViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
        root.setId("eventLogView");
        root.getStyleClass().add("event-log-view");
        root.setTop(toolbar());
        TextArea details = new TextArea();
        details.setId("eventDetails");
        details.setEditable(false);
        details.getStyleClass().add("monospace");
        details.textProperty().bind(vm.detailsBinding());
        // an event's long line read without scrolling sideways; and, before one is chosen, what the pane is for
        details.setWrapText(true);
        I18n.prompt(details, "ui.eventlog.detailsPrompt");
        SplitPane split = new SplitPane(buildTable(), details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        root.setCenter(split);
    }

    public Parent root() {
        return root;
    }

    private HBox toolbar() {
        ComboBox<Event.Level> level = new ComboBox<>();
        level.setId("eventLevelFilter");
        level.getItems().setAll(Event.Level.values());
        level.setConverter(levels());
        relabel = o -> {
            level.setConverter(levels());
            table.refresh();
        };
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        level.valueProperty().bindBidirectional(vm.minimumLevelProperty());
        Button copy = I18n.bind(new Button(), "ui.job.copy");
        copy.setId("copyEvents");
        copy.setOnAction(e -> copySelectionOrAll());
        Button save = I18n.bind(new Button(), "ui.eventlog.save");
        save.setId("saveEvents");
        save.setOnAction(e -> save());
        Label count = new Label();
        count.setId("eventCount");
        count.textProperty().bind(vm.countBinding());
        saveStatus.setId("eventSaveStatus");
        Label file = vm.file() == null ? new Label() : I18n.bind(new Label(), "ui.eventlog.file", vm.file().toString());
        file.setId("eventLogFile");
        file.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button closeButton = I18n.bind(new Button(), "ui.job.close");
        closeButton.setId("closeEventLog");
        closeButton.setCancelButton(true);
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        closeButton.setOnAction(e -> close.run());
        HBox bar = new HBox(level, copy, save, count, saveStatus, spacer, file, closeButton);
        bar.getStyleClass().addAll("pad-bar", "gap-l");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<Event> buildTable() {
        table.setId("eventTable");
        Tables.longList(table);
        table.setItems(vm.events());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(I18n.bind(new Label(), "ui.eventlog.placeholder"));
        table.getColumns().add(I18n.bindColumn(Tables.column("eventTimeColumn", "", 11, Event::localTime),
                "ui.eventlog.column.time"));
        table.getColumns().add(I18n.bindColumn(Tables.column("eventLevelColumn", "", 5.5, e -> level(e.level())),
                "ui.eventlog.column.level"));
        table.getColumns().add(I18n.bindColumn(Tables.column("eventCategoryColumn", "", 6.5, e -> category(e.category())),
                "ui.eventlog.column.part"));
        table.getColumns().add(I18n.bindColumn(Tables.column("eventMessageColumn", "", 52,
                e -> e.details() == null ? e.message() : e.message() + "  …"), "ui.eventlog.column.message"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Event item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(WARNING, !empty && item != null && item.level() == Event.Level.WARNING);
                pseudoClassStateChanged(ERROR, !empty && item != null && item.level() == Event.Level.ERROR);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (Keys.COPY.match(e)) {
                copySelectionOrAll();
                e.consume();
            }
        });
        // follow the newest event unless the person is looking at an older one
        vm.events().addListener((ListChangeListener<Event>) c -> {
            int selected = table.getSelectionModel().getSelectedIndex();
            int size = vm.events().size();
            if (size > 0 && (selected < 0 || selected >= size - 2)) {
                table.scrollTo(size - 1);
            }
        });
        return table;
    }

    private void copySelectionOrAll() {
        List<Event> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
        Clipboards.put(chosen.isEmpty() ? vm.shownText() : EventLogViewModel.text(chosen));
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("ui.eventlog.saveTitle"));
        chooser.setInitialFileName("tpm-console-events.log");
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            vm.save(f.toPath());
            saveStatus.textProperty().bind(I18n.text("ui.eventlog.saved", f.toString()));
        } catch (IOException ex) {
            saveStatus.textProperty().bind(I18n.text("ui.eventlog.cannotSave", ex.getLocalizedMessage()));
        }
    }

    private static StringConverter<Event.Level> levels() {
        return new StringConverter<>() {
            @Override
            public String toString(Event.Level l) {
                return l == null ? "" : switch (l) {
                    case INFO -> I18n.t("ui.eventlog.filter.all");
                    case WARNING -> I18n.t("ui.eventlog.filter.warnings");
                    case ERROR -> I18n.t("ui.eventlog.filter.errors");
                };
            }

            @Override
            public Event.Level fromString(String s) {
                return null;
            }
        };
    }

    /** A level as the table writes it, in the current language. */
    static String level(Event.Level l) {
        return switch (l) {
            case INFO -> I18n.t("ui.eventlog.level.info");
            case WARNING -> I18n.t("ui.eventlog.level.warning");
            case ERROR -> I18n.t("ui.eventlog.level.error");
        };
    }

    /** The part of the console an event is from, in the current language (an unknown one as it is). */
    static String category(String category) {
        return switch (category == null ? "" : category) {
            case "source" -> I18n.t("ui.eventlog.part.source");
            case "audit" -> I18n.t("ui.eventlog.part.audit");
            case "preview" -> I18n.t("ui.eventlog.part.preview");
            case "run" -> I18n.t("ui.eventlog.part.run");
            case "undo" -> I18n.t("ui.eventlog.part.undo");
            case "repair" -> I18n.t("ui.eventlog.part.repair");
            case "import" -> I18n.t("ui.eventlog.part.import");
            case "preferences" -> I18n.t("ui.eventlog.part.preferences");
            case "app" -> I18n.t("ui.eventlog.part.app");
            case "catalogue" -> I18n.t("ui.eventlog.part.catalogue");
            case "hosts" -> I18n.t("ui.eventlog.part.hosts");
            default -> category;
        };
    }


    /** The table, for tests. */
    public TableView<Event> table() {
        return table;
    }
}
