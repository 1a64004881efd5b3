package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.browse.DirtyVmIndex;
import dev.tpmconsole.model.browse.VmFinding;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The browse view's "dirty rows" answered by the audit itself: the rules' own queries, projected on the VM
 * each finding names, so that a VM is marked exactly when the audit reports an orphan or suspect finding
 * about it, and its details list exactly the audit's findings.
 */
public final class AuditDirtyVmIndex implements DirtyVmIndex {

    private final SqlDialect dialect;

    public AuditDirtyVmIndex(Source source) {
        this.dialect = new SqlDialect(source.kind(), source.layout());
    }

    @Override
    public String dirtyVmUuidsSql(SchemaLayout layout) {
        List<String> parts = new ArrayList<>();
        for (AuditRule rule : AuditRule.values()) {
            if (rule.vmColumn() != null && rule.severity().needsAction()) {
                // only VMs that exist: a finding about an expunged VM's rows marks no row of the list
                parts.add("SELECT x." + rule.vmColumn() + " AS vm FROM (" + rule.query(dialect) + ") x WHERE EXISTS"
                        + " (SELECT 1 FROM VmInstanceEO v WHERE " + dialect.eq("v.uuid", "x." + rule.vmColumn()) + ")");
            }
        }
        return String.join(" UNION ALL ", parts);
    }

    @Override
    public List<VmFinding> findingsForVm(Connection c, SchemaLayout layout, String vmUuid) throws SQLException {
        List<VmFinding> out = new ArrayList<>();
        for (AuditRule rule : AuditRule.values()) {
            if (rule.vmColumn() == null) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (" + rule.query(dialect) + ") x WHERE "
                    + dialect.eqParam("x." + rule.vmColumn()))) {
                dialect.bind(ps, 1, vmUuid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Finding f = rule.map(rs, dialect);
                        out.add(new VmFinding(rule, rule.severity(), f.table(), f.key(), f.message()));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public List<AuditRule> rules() {
        return Arrays.stream(AuditRule.values()).filter(r -> r.vmColumn() != null).toList();
    }
}
