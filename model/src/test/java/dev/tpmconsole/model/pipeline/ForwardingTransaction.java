package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.plan.Plan;
import java.sql.SQLException;
import java.util.Map;

/** An item transaction that forwards everything; tests override what they inject into or count. */
class ForwardingTransaction implements DatabasePort.ItemTransaction {

    private final DatabasePort.ItemTransaction next;

    ForwardingTransaction(DatabasePort.ItemTransaction next) {
        this.next = next;
    }

    @Override
    public int delete(Plan.RowRef row) throws SQLException {
        return next.delete(row);
    }

    @Override
    public int deleteKeyRef(String id) throws SQLException {
        return next.deleteKeyRef(id);
    }

    @Override
    public int update(Plan.RowRef row, Map<String, String> set) throws SQLException {
        return next.update(row, set);
    }

    @Override
    public void commit() throws SQLException {
        next.commit();
    }

    @Override
    public void close() throws SQLException {
        next.close();
    }
}
