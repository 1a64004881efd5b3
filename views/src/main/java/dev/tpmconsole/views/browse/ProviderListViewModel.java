package dev.tpmconsole.views.browse;

import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.browse.KeyRefRow;
import dev.tpmconsole.model.browse.ProviderRow;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.PagedRows;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The key providers (including the ones refs still name though they are gone) and the key refs that name
 * the selected one.
 */
public final class ProviderListViewModel implements AutoCloseable {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<ProviderRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final PagedRows<ProviderRow> rows;
    private final PagedRows<KeyRefRow> refs;
    private final StringBinding countText;
    private final StringBinding refsText;
    private BrowseQueries queries;

    public ProviderListViewModel(FxSchedulers schedulers, int pageSize) {
        this.rows = new PagedRows<>(schedulers, pageSize);
        this.refs = new PagedRows<>(schedulers, pageSize);
        text.addListener((o, a, b) -> reload());
        selected.addListener((o, a, b) -> loadRefs(b));
        this.countText = Lists.countText(rows, "ui.list.providers", text.isNotEmpty());
        this.refsText = Lists.countText(refs, "ui.list.keyRefs", selected.isNull());
    }

    public void setQueries(BrowseQueries q) {
        this.queries = q;
        selected.set(null);
        reload();
    }

    public void reload() {
        BrowseQueries q = queries;
        String t = text.get();
        rows.load(q == null ? null
                : PagedRows.Query.of((offset, limit) -> q.providers(t, offset, limit), () -> q.countProviders(t)));
        loadRefs(selected.get());
    }

    private void loadRefs(ProviderRow provider) {
        BrowseQueries q = queries;
        refs.load(q == null || provider == null ? null : PagedRows.Query.of(
                (offset, limit) -> q.keyRefsOfProvider(provider, offset, limit), () -> q.countKeyRefsOfProvider(provider)));
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<ProviderRow> selectedProperty() {
        return selected;
    }

    public PagedRows<ProviderRow> rows() {
        return rows;
    }

    public PagedRows<KeyRefRow> refs() {
        return refs;
    }

    public StringBinding countTextBinding() {
        return countText;
    }

    public StringBinding refsTextBinding() {
        return refsText;
    }

    @Override
    public void close() {
        rows.close();
        refs.close();
    }
}
