package dev.tpmconsole.model.plan;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.audit.AuditReport;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of a repair (docs/cleanup.md, "repair"): each chosen finding's repair action from docs/audit-rules.md, on
 * exactly its subject row and that row's dependants, every row named, never relying on a cascade. Relinks of
 * key refs whose provider is back are {@code updates} of {@code providerUuid} (providerName stays); findings
 * without a repair (suspects, info, a provider that is gone for good) are listed as kept, with the reason.
 */
public final class RepairPlanner {


    private final Source source;
    private final SqlDialect d;
    private final Clock clock;

    public RepairPlanner(Source source, Clock clock) {
        this.source = source;
        this.d = new SqlDialect(source.kind(), source.layout());
        this.clock = clock;
    }

    /**
     * Audits the source for these rules (all when empty) and plans the repair of the findings, or of those
     * whose key is in {@code keys} when it is not empty.
     */
    public PlanPreview plan(Collection<AuditRule> rules, Set<String> keys) throws Exception {
        List<AuditRule> chosen = rules.isEmpty() ? List.of(AuditRule.values()) : List.copyOf(rules);
        AuditReport report = new Auditor(source).run(chosen);
        List<Finding> findings = report.findings().stream().filter(f -> keys.isEmpty() || keys.contains(f.key()))
                .toList();
        try (Connection c = source.connection()) {
            return build(c, findings);
        } catch (SQLException e) {
            throw source.failure(e);
        }
    }

    private PlanPreview build(Connection c, List<Finding> findings) throws SQLException, SourceException {
        PlanRows rows = new PlanRows(c, d);
        Map<Plan.StepName, List<Plan.Item>> steps = new LinkedHashMap<>();
        for (Plan.StepName s : List.of(Plan.StepName.HOST_WORK, Plan.StepName.RELINK_KEY_REFS,
                Plan.StepName.DELETE_KEY_REFS, Plan.StepName.DELETE_BACKUPS, Plan.StepName.DELETE_HOST_FILES,
                Plan.StepName.DELETE_TPMS, Plan.StepName.DELETE_CONTENTS, Plan.StepName.DELETE_RESOURCE_ROWS)) {
            steps.put(s, new ArrayList<>());
        }
        List<Plan.RowUpdate> updates = new ArrayList<>();
        List<Plan.HostWork> hostWork = new ArrayList<>();
        List<Plan.Kept> kept = new ArrayList<>();
        // deletions in an order that suits foreign keys: key refs, then owners, then what they hang on
        for (Finding f : findings) {
            Message reason = Message.of("plan.repair.finding", f.rule().name(), f.message());
            switch (f.rule()) {
                case KEY_REF_PROVIDER_LOST -> {
                    if (f.relinkTo() == null) {
                        kept.add(new Plan.Kept(f.table(), f.key(), Message.of("plan.repair.noProvider", reason)));
                    } else {
                        steps.get(Plan.StepName.RELINK_KEY_REFS).add(new Plan.Item(f.table(), f.key(), Plan.Action.UPDATE, reason));
                        updates.add(new Plan.RowUpdate(f.table(), f.key(), Map.of("providerUuid", f.relinkTo())));
                    }
                }
                case KEY_REF_ORPHANED, KEY_REF_DUPLICATE_PLACEHOLDER -> {
                    if (!rows.planned(f.table(), f.key())) {
                        steps.get(Plan.StepName.DELETE_KEY_REFS).add(new Plan.Item(f.table(), f.key(), Plan.Action.DELETE, reason));
                        rows.add(f.table() + "/" + f.key(), List.of(new Plan.RowRef(f.table(), f.key())));
                        if (holdsKeyMaterial(c, f.key())) {
                            rows.keyMaterial(f.key());
                        }
                    }
                }
                case BACKUP_WITHOUT_OWNER, TPM_STATE_BACKUP_WITHOUT_TPM -> item(rows, steps.get(Plan.StepName.DELETE_BACKUPS), f, reason,
                        rows.keyRefs("VmHostBackupFileVO", f.key()));
                case HOST_FILE_WITHOUT_VM, TPM_STATE_FILE_WITHOUT_TPM -> {
                    HostFile file = hostFile(c, f.key());
                    if (!"TpmState".equals(file.type())) {
                        // host work moves TPM state folders only: the row of any other file stays while the file
                        // may be on its host (R3), said here rather than failing when the plan is applied
                        kept.add(new Plan.Kept(f.table(), f.key(), Message.of("plan.repair.otherFileKept", reason,
                                file.type(), file.path(), file.hostUuid())));
                        continue;
                    }
                    if (!rows.planned(f.table(), f.key())) {
                        Plan.HostWork work = file.work(hostWork.size() + 1);
                        hostWork.add(work);
                        steps.get(Plan.StepName.HOST_WORK).add(new Plan.Item(f.table(), f.key(), Plan.Action.EXPORT,
                                Message.of("plan.repair.clean", work.path())));
                    }
                    item(rows, steps.get(Plan.StepName.DELETE_HOST_FILES), f, reason, List.of());
                }
                case TPM_WITHOUT_VM -> item(rows, steps.get(Plan.StepName.DELETE_TPMS), f, reason, rows.keyRefs("TpmVO", f.key()));
                case CONTENT_WITHOUT_OWNER -> {
                    if (!rows.planned(f.table(), f.key())) {
                        List<Plan.RowRef> r = new ArrayList<>(List.of(new Plan.RowRef(f.table(), f.key())));
                        String type = rows.one("SELECT resourceType FROM ResourceVO WHERE " + d.eqParam("uuid"), f.key());
                        if ("VmHostFileVO".equals(type) || "VmHostBackupFileVO".equals(type)) {
                            r.add(new Plan.RowRef("ResourceVO", f.key()));
                        }
                        steps.get(Plan.StepName.DELETE_CONTENTS).add(new Plan.Item(f.table(), f.key(), Plan.Action.DELETE, reason));
                        rows.add(f.table() + "/" + f.key(), r);
                    }
                }
                case RESOURCE_ROW_STALE -> {
                    String type = rows.one("SELECT resourceType FROM ResourceVO WHERE " + d.eqParam("uuid"), f.key());
                    item(rows, steps.get(Plan.StepName.DELETE_RESOURCE_ROWS), f, reason, type == null ? List.of() : rows.keyRefs(type, f.key()));
                }
                default -> kept.add(new Plan.Kept(f.table(), f.key(), Message.of("plan.repair.none", reason,
                        f.severity())));
            }
        }
        List<Plan.Step> planSteps = new ArrayList<>();
        steps.forEach((name, items) -> planSteps.add(new Plan.Step(name, items)));
        List<Plan.RowRef> deletes = rows.deletes();
        List<Plan.RowRef> fingerprinted = new ArrayList<>(deletes);
        updates.forEach(u -> fingerprinted.add(new Plan.RowRef(u.table(), u.key())));
        Map<String, String> fingerprint = RowFingerprints.read(c, d, fingerprinted);
        Plan plan = new Plan(Plan.REPAIR, source.displayName(), Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(),
                List.of(), planSteps, deletes, updates, hostWork, kept, fingerprint);
        Map<String, List<Plan.RowRef>> rowsOfItem = new LinkedHashMap<>(rows.rowsOfItem());
        updates.forEach(u -> rowsOfItem.put(u.table() + "/" + u.key(), List.of(new Plan.RowRef(u.table(), u.key()))));
        return new PlanPreview(plan, rows.keyMaterialDeleted(), Set.of(), rowsOfItem);
    }

    /** An item owning a uuid-bearing row, unless an earlier item deletes that row already. */
    private static void item(PlanRows rows, List<Plan.Item> items, Finding f, Message reason, List<String> keyRefs)
            throws SQLException {
        if (!rows.planned(f.table(), f.key())) {
            items.add(new Plan.Item(f.table(), f.key(), Plan.Action.DELETE, reason));
            rows.addItem(f.table(), f.key(), keyRefs);
        }
    }

    private boolean holdsKeyMaterial(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM EncryptedResourceKeyRefVO WHERE id = ?"
                + " AND (kekRef IS NOT NULL OR wrappedDek <> '')")) {
            ps.setLong(1, Long.parseLong(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** A host file's row as its repair needs it: its type, and where it is. */
    private record HostFile(String type, String hostUuid, String managementIp, String path, String vmUuid) {
        /** The host work that cleans it, {@code order}th of the plan. */
        Plan.HostWork work(int order) {
            return new Plan.HostWork(hostUuid, managementIp, path, vmUuid, order);
        }
    }

    private HostFile hostFile(Connection c, String fileUuid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT f.type, f.hostUuid, h.managementIp, f.path, f.vmInstanceUuid"
                + " FROM VmHostFileVO f LEFT JOIN HostEO h ON " + d.eq("h.uuid", "f.hostUuid") + " WHERE "
                + d.eqParam("f.uuid"))) {
            d.bind(ps, 1, fileUuid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no VmHostFileVO row " + fileUuid);
                }
                return new HostFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            }
        }
    }
}
