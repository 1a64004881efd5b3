package dev.tpmconsole.views.browse;

import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.browse.Sort;
import dev.tpmconsole.model.browse.VmColumn;
import dev.tpmconsole.model.browse.VmFilter;
import dev.tpmconsole.model.browse.VmRow;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.PagedRows;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The VM list: the filter a person types (name or uuid prefix, state, host, dirty rows only), the sort, and
 * the rows the database returns for them, a page at a time. Every change of the filter or the sort reloads
 * at once (no delay): the database answers a keystroke on 100,000 VMs in a few tens of milliseconds, and
 * {@link dev.tpmconsole.views.util.LatestOnly} drops what a newer keystroke made outdated.
 */
public final class VmListViewModel implements AutoCloseable {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<String> chosenStates = FXCollections.observableArrayList();
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final BooleanProperty dirtyOnly = new SimpleBooleanProperty(this, "dirtyOnly");
    private final ReadOnlyObjectWrapper<Sort<VmColumn>> sort =
            new ReadOnlyObjectWrapper<>(this, "sort", Sort.asc(VmColumn.NAME));
    private final ReadOnlyObjectWrapper<VmFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", VmFilter.none());
    private final ReadOnlyObjectWrapper<BrowseQueries> queries = new ReadOnlyObjectWrapper<>(this, "queries");
    private final ObjectProperty<VmRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> selectedUuids = FXCollections.observableArrayList();
    private final ObjectProperty<java.util.Set<String>> marked =
            new SimpleObjectProperty<>(this, "marked", java.util.Set.of());
    private final ObservableList<String> states;
    private final PagedRows<VmRow> rows;
    private final StringBinding countText;
    private final BooleanBinding filtered;

    public VmListViewModel(FxSchedulers schedulers, int pageSize) {
        this.rows = new PagedRows<>(schedulers, pageSize);
        List<String> choices = new ArrayList<>();
        choices.add(VmFilter.SOFT_DELETED);
        choices.addAll(BrowseQueries.VM_STATES);
        this.states = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(choices));
        Observable[] inputs = {text, chosenStates, host, dirtyOnly};
        for (Observable o : inputs) {
            o.addListener(x -> filterChanged());
        }
        this.filtered = Bindings.createBooleanBinding(() -> !filter.get().isEmpty(), filter);
        this.countText = I18n.computed(() -> {
            if (queries.get() == null) {
                return "";
            }
            if (!rows.loadedProperty().get()) {
                return rows.errorProperty().get().isEmpty() ? I18n.t("ui.list.loading") : "";
            }
            long total = rows.totalProperty().get();
            if (rows.countingProperty().get()) {
                return I18n.t(filtered.get() ? "ui.list.vmsMatch.counting" : "ui.list.vms.counting", total);
            }
            return Lists.loaded(rows, I18n.t(filtered.get() ? "ui.list.vmsMatch" : "ui.list.vms", total));
        }, queries, rows.loadedProperty(), rows.totalProperty(), rows.moreProperty(), rows.rows(), rows.errorProperty(),
                filtered, rows.countingProperty());
    }

    /** Shows the VMs of another source (null: none). The filter and the sort stay as they are. */
    public void setQueries(BrowseQueries q) {
        selected.set(null);
        selectedUuids.clear();
        queries.set(q);
        reload();
    }

    private void filterChanged() {
        VmFilter f = new VmFilter(text.get(), java.util.Set.copyOf(chosenStates), host.get(), dirtyOnly.get());
        if (!f.equals(filter.get())) {
            filter.set(f);
            reload();
        }
    }

    /** Sorts by a column (by the database); does nothing when already sorted so. */
    public void sortBy(Sort<VmColumn> s) {
        if (s != null && !s.equals(sort.get())) {
            sort.set(s);
            reload();
        }
    }

    /** Queries again with the current filter and sort. */
    public void reload() {
        BrowseQueries q = queries.get();
        if (q == null) {
            rows.load(null);
            return;
        }
        VmFilter f = filter.get();
        Sort<VmColumn> s = sort.get();
        rows.load(PagedRows.Query.of((offset, limit) -> q.vms(f, s, offset, limit), () -> q.countVms(f)));
    }

    public void loadMore() {
        rows.loadMore();
    }

    /** Empties every part of the filter. */
    public void clearFilter() {
        text.set("");
        chosenStates.clear();
        host.set("");
        dirtyOnly.set(false);
    }

    /** Shows only the VMs on a host (its current host, else the last one), the rest of the filter cleared. */
    public void showVmsOnHost(String hostUuid) {
        clearFilter();
        host.set(hostUuid);
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The states chosen in the state filter (a VM in any of them is shown; none chosen: any state). */
    public ObservableList<String> chosenStates() {
        return chosenStates;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public BooleanProperty dirtyOnlyProperty() {
        return dirtyOnly;
    }

    /**
     * VMs to mark in the list: those the last audit reported an orphan or suspect finding about (empty
     * until an audit ran on the open source).
     */
    public ObjectProperty<java.util.Set<String>> markedProperty() {
        return marked;
    }

    /** The uuids of every selected VM (a multi-selection), in selection order: what a preview acts on. */
    public ObservableList<String> selectedUuids() {
        return selectedUuids;
    }

    public ObjectProperty<VmRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Sort<VmColumn>> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VmFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BrowseQueries> queriesProperty() {
        return queries.getReadOnlyProperty();
    }

    /** The state filter's choices: the soft-deleted VMs, then every VmInstanceState. */
    public ObservableList<String> states() {
        return states;
    }

    public PagedRows<VmRow> rows() {
        return rows;
    }

    /** "1,234 VMs match · 200 loaded". */
    public StringBinding countTextBinding() {
        return countText;
    }

    public BooleanBinding filteredBinding() {
        return filtered;
    }

    /** What "has dirty rows" covers, for the check box's tooltip. */
    public String dirtyRulesText() {
        BrowseQueries q = queries.get();
        return I18n.t("ui.vms.dirtyTip", q == null ? "" : q.dirtyIndex().rules().stream().map(Enum::name)
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    @Override
    public void close() {
        rows.close();
    }
}
