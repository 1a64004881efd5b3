package dev.tpmconsole.views.browse;

import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.browse.HostColumn;
import dev.tpmconsole.model.browse.HostFileRow;
import dev.tpmconsole.model.browse.HostRow;
import dev.tpmconsole.model.browse.Sort;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.PagedRows;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The host list (filtered by a prefix of name, IP or uuid) and the files the selected host holds. */
public final class HostListViewModel implements AutoCloseable {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<Sort<HostColumn>> sort =
            new ReadOnlyObjectWrapper<>(this, "sort", Sort.asc(HostColumn.NAME));
    private final ObjectProperty<HostRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final PagedRows<HostRow> rows;
    private final PagedRows<HostFileRow> files;
    private final StringBinding countText;
    private final StringBinding filesText;
    private BrowseQueries queries;

    public HostListViewModel(FxSchedulers schedulers, int pageSize) {
        this.rows = new PagedRows<>(schedulers, pageSize);
        this.files = new PagedRows<>(schedulers, pageSize);
        text.addListener((o, a, b) -> reload());
        selected.addListener((o, a, b) -> loadFiles(b));
        this.countText = Lists.countText(rows, "ui.list.hosts", text.isNotEmpty());
        this.filesText = Lists.countText(files, "ui.list.files", selected.isNull());
    }

    public void setQueries(BrowseQueries q) {
        this.queries = q;
        selected.set(null);
        reload();
    }

    public void sortBy(Sort<HostColumn> s) {
        if (s != null && !s.equals(sort.get())) {
            sort.set(s);
            reload();
        }
    }

    public void reload() {
        BrowseQueries q = queries;
        String t = text.get();
        Sort<HostColumn> s = sort.get();
        rows.load(q == null ? null
                : PagedRows.Query.of((offset, limit) -> q.hosts(t, s, offset, limit), () -> q.countHosts(t)));
        loadFiles(selected.get());
    }

    private void loadFiles(HostRow host) {
        BrowseQueries q = queries;
        files.load(q == null || host == null ? null : PagedRows.Query.of(
                (offset, limit) -> q.filesOnHost(host.uuid(), offset, limit), () -> q.countFilesOnHost(host.uuid())));
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<Sort<HostColumn>> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ObjectProperty<HostRow> selectedProperty() {
        return selected;
    }

    public PagedRows<HostRow> rows() {
        return rows;
    }

    public PagedRows<HostFileRow> files() {
        return files;
    }

    public StringBinding countTextBinding() {
        return countText;
    }

    public StringBinding filesTextBinding() {
        return filesText;
    }

    @Override
    public void close() {
        rows.close();
        files.close();
    }
}
