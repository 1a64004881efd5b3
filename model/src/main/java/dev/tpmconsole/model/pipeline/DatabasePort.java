package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.plan.Plan;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The database work of a run, as a port: the same pipeline runs on an SQLite snapshot and on MariaDB, and
 * tests wrap it to inject failures or count deletes.
 */
public interface DatabasePort {

    /** Fingerprints of the rows that exist now ({@code table/key} → hash), as the plan computed them. */
    Map<String, String> fingerprints(List<Plan.RowRef> rows) throws SQLException;

    /**
     * The key refs, then the system tags, that belong to rows of a table (so that rows can be assigned to items),
     * for each of {@code keys} (every key is in the map, with an empty list when nothing belongs to it).
     */
    Map<String, List<Plan.RowRef>> dependants(String table, java.util.Collection<String> keys) throws SQLException;

    /** The rows as they are now (those that exist), to be quarantined. */
    List<QuarantinedRow> read(String item, List<Plan.RowRef> rows) throws SQLException;

    /** An item's rows as read (those that exist), or why they could not be read. */
    record ItemRows(List<QuarantinedRow> rows, SQLException failure) {
    }

    /**
     * The rows of several items ({@code item id -> its rows}) as they are now, to be quarantined: a read that fails
     * fails its item alone. By default one {@link #read} per item.
     */
    default Map<String, ItemRows> read(Map<String, List<Plan.RowRef>> items) {
        Map<String, ItemRows> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<Plan.RowRef>> e : items.entrySet()) {
            try {
                out.put(e.getKey(), new ItemRows(read(e.getKey(), e.getValue()), null));
            } catch (SQLException failure) {
                out.put(e.getKey(), new ItemRows(List.of(), failure));
            }
        }
        return out;
    }

    /** Which of these rows still exist. */
    List<Plan.RowRef> existing(List<Plan.RowRef> rows) throws SQLException;

    /** A transaction for one item. */
    ItemTransaction begin() throws SQLException;

    /**
     * Puts quarantined rows back in one transaction: deleted rows are inserted, rows of {@code updated} (ids of
     * rows the run changed) get their old values back; a row that is there with the same values is in place,
     * one there with other values is refused (never overwritten). Returns what was restored, in place, refused.
     */
    Runs.UndoResult restore(List<QuarantinedRow> rows, Set<String> updated) throws SQLException;

    /** One item's changes; nothing is visible until {@link #commit()}. */
    interface ItemTransaction extends AutoCloseable {

        /** Deletes a row (not a key ref); returns the rows deleted (0 or 1). */
        int delete(Plan.RowRef row) throws SQLException;

        /** Deletes a key ref by id; returns the rows deleted (0 or 1). Key refs go only with their owner. */
        int deleteKeyRef(String id) throws SQLException;

        /** Sets columns of one row (a relink); returns the rows changed (0 or 1). */
        int update(Plan.RowRef row, Map<String, String> set) throws SQLException;

        void commit() throws SQLException;

        /** Rolls back what was not committed. */
        @Override
        void close() throws SQLException;
    }
}
