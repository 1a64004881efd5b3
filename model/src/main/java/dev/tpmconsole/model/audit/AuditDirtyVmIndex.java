package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.browse.DirtyVmIndex;
import dev.tpmconsole.model.browse.VmFinding;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.sql.SqlDialect;
import dev.tpmconsole.model.util.Kept;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            // only VMs that exist: a finding about an expunged VM's rows marks no row of the list. A rule whose
            // findings name only such VMs is not asked; one whose findings name only VMs that exist is asked alone, for
            // MariaDB plans a query wrapped in the look-up otherwise (on 100,000 VMs: HOST_FILE_WITHOUT_VM so wrapped
            // took 1.5-2.1 s of the whole 3.7 s, for no VM; TPM_STATE_FILE_WITHOUT_TPM 360-760 ms against 170 ms alone)
            if (rule.vmColumn() == null || !rule.severity().needsAction()
                    || rule.vmPresence() == AuditRule.VmPresence.ABSENT) {
                continue;
            }
            String vms = "SELECT x." + rule.vmColumn() + " AS vm FROM (" + rule.query(dialect) + ") x";
            parts.add(rule.vmPresence() == AuditRule.VmPresence.PRESENT ? vms : vms + " WHERE EXISTS (SELECT 1 FROM"
                    + " VmInstanceEO v WHERE " + dialect.eq("v.uuid", "x." + rule.vmColumn()) + ")");
        }
        return String.join(" UNION ALL ", parts);
    }

    @Override
    public List<VmFinding> findingsForVm(Connection c, SchemaLayout layout, String vmUuid) throws SQLException {
        List<VmFinding> out = new ArrayList<>();
        Map<AuditRule, Map<String, List<VmFinding>>> whole = null;
        for (AuditRule rule : AuditRule.values()) {
            if (rule.vmColumn() == null) {
                continue;
            }
            if (WHOLE.contains(rule)) {
                whole = whole != null ? whole : whole(c);
                out.addAll(whole.get(rule).getOrDefault(vmUuid, List.of()));
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM (" + rule.query(dialect) + ") x WHERE "
                    + dialect.eqParam("x." + rule.vmColumn()))) {
                dialect.bind(ps, 1, vmUuid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(vmFinding(rule.map(rs, dialect)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The rules whose VM the database cannot look up by an index when asked for one VM: a VM computed from the
     * key ref's resource (KEY_REF_PROVIDER_LOST), or a join the planner drives by the rule's order
     * (KEY_REF_DUPLICATE_PLACEHOLDER). Asking them for one VM reads as much as asking them for all (tens of ms on
     * 100,000 VMs, at every click), so they are asked once for all VMs, kept until {@link #refresh}.
     */
    static final Set<AuditRule> WHOLE = EnumSet.of(AuditRule.KEY_REF_DUPLICATE_PLACEHOLDER, AuditRule.KEY_REF_PROVIDER_LOST);

    private final Kept<Map<AuditRule, Map<String, List<VmFinding>>>> wholeFindings = new Kept<>();

    /** The findings of the {@link #WHOLE} rules, by rule and VM, in each rule's order. */
    private Map<AuditRule, Map<String, List<VmFinding>>> whole(Connection c) throws SQLException {
        return wholeFindings.get(() -> {
            Map<AuditRule, Map<String, List<VmFinding>>> w = new EnumMap<>(AuditRule.class);
            for (AuditRule rule : WHOLE) {
                Map<String, List<VmFinding>> byVm = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement(rule.query(dialect)); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Finding f = rule.map(rs, dialect);
                        if (f.vmUuid() != null) {
                            byVm.computeIfAbsent(f.vmUuid(), vm -> new ArrayList<>())
                                    .add(vmFinding(f));
                        }
                    }
                }
                w.put(rule, byVm);
            }
            return w;
        });
    }

    /** A finding as the details pane lists it. */
    private static VmFinding vmFinding(Finding f) {
        return new VmFinding(f.rule(), f.severity(), f.table(), f.key(), f.message());
    }

    @Override
    public void warmUp(Connection c) throws SQLException {
        whole(c);
    }

    @Override
    public void refresh() {
        wholeFindings.forget();
    }

    @Override
    public List<AuditRule> rules() {
        return Arrays.stream(AuditRule.values()).filter(r -> r.vmColumn() != null).toList();
    }
}
