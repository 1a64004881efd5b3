package dev.tpmconsole.views.util;

import dev.tpmconsole.model.browse.Page;
import java.sql.SQLException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of a list that the database filters and sorts: the first page and the total count come
 * together when the list is (re)loaded, further pages are appended when the view scrolls near the end.
 * Never holds more than the pages a person scrolled through. Loading runs through {@link LatestOnly}, so a
 * reload makes every pending page of the previous one moot.
 *
 * @param <R> the row type
 */
public final class PagedRows<R> implements AutoCloseable {

    /** Where the rows come from: one query for a page, one for the count, with the same filter. */
    public interface Query<R> {
        Page<R> page(int offset, int limit) throws SQLException;

        long count() throws SQLException;

        /** The query whose pages {@code page} reads and whose count {@code count} reads. */
        static <R> Query<R> of(Pages<R> page, Count count) {
            return new Query<>() {
                @Override
                public Page<R> page(int offset, int limit) throws SQLException {
                    return page.page(offset, limit);
                }

                @Override
                public long count() throws SQLException {
                    return count.count();
                }
            };
        }

        /** Reads a page of rows. */
        @FunctionalInterface
        interface Pages<R> {
            Page<R> page(int offset, int limit) throws SQLException;
        }

        /** Counts the rows. */
        @FunctionalInterface
        interface Count {
            long count() throws SQLException;
        }
    }

    private final LatestOnly runner;
    private final int pageSize;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final ObservableList<R> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(this, "counting");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding empty;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private Query<R> query;
    private boolean fetchingMore;
    /** A load was asked while the list was not active: it runs when the list becomes active. */
    private boolean deferred;

    public PagedRows(FxSchedulers schedulers, int pageSize) {
        this.runner = new LatestOnly(schedulers);
        this.pageSize = pageSize;
        this.empty = Bindings.isEmpty(rows);
        active.addListener((o, was, is) -> {
            if (is && deferred) {
                load(query);
            }
        });
    }

    /** Replaces the list by the first page of {@code q} (and its count); null empties it. */
    public void load(Query<R> q) {
        this.query = q;
        fetchingMore = false;
        error.set("");
        deferred = q != null && !active.get();
        if (q == null || deferred) {
            runner.next();
            rows.clear();
            total.set(0);
            more.set(false);
            loading.set(false);
            counting.set(false);
            loaded.set(false);
            return;
        }
        loading.set(true);
        counting.set(true);
        // The first page is shown as soon as it arrives; the count (a second pass over the filtered rows)
        // follows in the same generation, so that typing sees rows first, unless the page told it already.
        runner.submit(() -> q.page(0, pageSize), first -> {
            rows.setAll(first.rows());
            more.set(first.more());
            if (!first.more() || first.total() != null) {
                total.set(first.total() != null ? first.total() : first.rows().size());
                counting.set(false);
            } else {
                total.set(first.rows().size());
                runner.follow(runner.current(), q::count, n -> {
                    total.set(n);
                    counting.set(false);
                }, this::failed);
            }
            loading.set(false);
            loaded.set(true);
        }, t -> {
            // the rows shown belong to another query (or source): a list that failed to load shows none
            rows.clear();
            total.set(0);
            more.set(false);
            loaded.set(false);
            failed(t);
        });
    }

    /**
     * Whether the list loads what it is asked to now (the default), or only once it is active again: a list nobody
     * looks at yet (a page not shown) does not compete with the one on screen for the database and the CPU.
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Loads the same query again (after the source changed underneath, or on F5). */
    public void reload() {
        load(query);
    }

    /** Appends the next page, if there is one and none is on its way. */
    public void loadMore() {
        Query<R> q = query;
        if (q == null || !more.get() || fetchingMore || loading.get()) {
            return;
        }
        fetchingMore = true;
        int offset = rows.size();
        loading.set(true);
        runner.follow(runner.current(), () -> q.page(offset, pageSize), page -> {
            fetchingMore = false;
            rows.addAll(page.rows());
            more.set(page.more());
            loading.set(false);
        }, this::failed);
    }

    private void failed(Throwable t) {
        fetchingMore = false;
        counting.set(false);
        loading.set(false);
        error.set(BackgroundTask.messageOf(t));
    }

    public ObservableList<R> rows() {
        return readOnlyRows;
    }

    /** Rows that match, in the whole database (not only those loaded). */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether the total of the current query is still being counted (the rows are shown already). */
    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /** Whether the first page of the current query has arrived. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding emptyBinding() {
        return empty;
    }

    public int pageSize() {
        return pageSize;
    }

    @Override
    public void close() {
        runner.close();
    }
}
