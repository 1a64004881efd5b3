package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.plan.Plan;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The database work of a run, as a port: the same pipeline runs on an SQLite snapshot and on MariaDB, and
 * tests wrap it to inject failures or count deletes.
 */
public interface DatabasePort {

    /** Fingerprints of the rows that exist now ({@code table/key} → hash), as the plan computed them. */
    Map<String, String> fingerprints(List<Plan.RowRef> rows) throws SQLException;

    /** The system tags and key refs that belong to an item's owning row (so that rows can be assigned to items). */
    List<Plan.RowRef> dependants(String table, String key) throws SQLException;

    /** The rows as they are now (those that exist), to be quarantined. */
    List<QuarantinedRow> read(String item, List<Plan.RowRef> rows) throws SQLException;

    /** Which of these rows still exist. */
    List<Plan.RowRef> existing(List<Plan.RowRef> rows) throws SQLException;

    /** A transaction for one item. */
    ItemTransaction begin() throws SQLException;

    /** Puts quarantined rows back in one transaction, refusing rows whose key exists again; returns those refused. */
    List<QuarantinedRow> restore(List<QuarantinedRow> rows) throws SQLException;

    /** One item's changes; nothing is visible until {@link #commit()}. */
    interface ItemTransaction extends AutoCloseable {

        /** Deletes a row (not a key ref); returns the rows deleted (0 or 1). */
        int delete(Plan.RowRef row) throws SQLException;

        /** Deletes a key ref by id; returns the rows deleted (0 or 1). Key refs go only with their owner. */
        int deleteKeyRef(String id) throws SQLException;

        void commit() throws SQLException;

        /** Rolls back what was not committed. */
        @Override
        void close() throws SQLException;
    }
}
