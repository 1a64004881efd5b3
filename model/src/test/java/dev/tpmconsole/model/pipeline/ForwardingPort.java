package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.plan.Plan;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A database port that forwards everything; tests override what they inject into. */
class ForwardingPort implements DatabasePort {

    private final DatabasePort next;

    ForwardingPort(DatabasePort next) {
        this.next = next;
    }

    @Override
    public Map<String, String> fingerprints(List<Plan.RowRef> rows) throws SQLException {
        return next.fingerprints(rows);
    }

    @Override
    public Map<String, List<Plan.RowRef>> dependants(String table, java.util.Collection<String> keys) throws SQLException {
        return next.dependants(table, keys);
    }

    @Override
    public List<QuarantinedRow> read(String item, List<Plan.RowRef> rows) throws SQLException {
        return next.read(item, rows);
    }

    @Override
    public List<Plan.RowRef> existing(List<Plan.RowRef> rows) throws SQLException {
        return next.existing(rows);
    }

    @Override
    public ItemTransaction begin() throws SQLException {
        return next.begin();
    }

    @Override
    public Runs.UndoResult restore(List<QuarantinedRow> rows, java.util.Set<String> updated) throws SQLException {
        return next.restore(rows, updated);
    }
}
