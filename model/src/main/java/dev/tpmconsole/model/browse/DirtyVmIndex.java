package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.schema.SchemaLayout;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Which VMs have dirty rows, and the findings about one VM's rows: what the browse view's "has dirty rows"
 * filter and the details pane's Findings section ask. {@code dev.tpmconsole.model.audit.AuditDirtyVmIndex}
 * answers with the audit's own rule queries, so that the browse view and the audit never disagree: a VM's
 * findings are those the audit reports with that VM's uuid (its TPMs and their key refs, its host files, the
 * backups it owns, and key copies of backups of its snapshot groups).
 */
public interface DirtyVmIndex {

    /**
     * A one-column {@code SELECT} of the uuids of VMs with at least one finding of severity orphan or
     * suspect, set-based, to be run inside the database (for instance as {@code uuid IN (...)}). It may list
     * a uuid more than once. Must run on SQLite and MariaDB alike and take no parameters.
     */
    String dirtyVmUuidsSql(SchemaLayout layout);

    /** The findings (any severity) about the rows of one VM, in a stable order. */
    List<VmFinding> findingsForVm(Connection connection, SchemaLayout layout, String vmUuid) throws SQLException;

    /** Computes ahead what {@link #findingsForVm} keeps, so that the first VM shown does not wait for it. */
    default void warmUp(Connection connection) throws SQLException {
    }

    /** Forgets what it keeps: the database changed underneath. Never waits. */
    default void refresh() {
    }

    /** The rules this index decides, for people to know what "dirty" covers here. */
    List<dev.tpmconsole.model.audit.AuditRule> rules();
}
