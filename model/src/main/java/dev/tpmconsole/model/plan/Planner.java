package dev.tpmconsole.model.plan;

import dev.tpmconsole.model.i18n.Message;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the plans of "remove TPM" and "reset TPM" exactly as docs/cleanup.md defines them, reading only.
 * Every row to delete is named with its dependants (content, system tags, key refs, ResourceVO row), never
 * relying on a cascade; host work is listed with the most recently touched TPM-state file last; what is kept
 * is listed with the reason; every planned row is fingerprinted as read.
 */
public final class Planner {


    private final Source source;
    private final SqlDialect d;
    private final Clock clock;
    private final String owner;

    public Planner(Source source, Clock clock) {
        this.source = source;
        this.d = new SqlDialect(source.kind(), source.layout());
        this.clock = clock;
        this.owner = source.layout().backupOwnerColumn();
    }

    /** The plan of "remove TPM" of these VMs. */
    public PlanPreview remove(List<String> vmUuids) throws SourceException, PlanException {
        return plan(Plan.REMOVE, vmUuids);
    }

    /** The plan of "reset TPM" of these VMs: the TPM and its key stay, its state is wiped. */
    public PlanPreview reset(List<String> vmUuids) throws SourceException, PlanException {
        return plan(Plan.RESET, vmUuids);
    }

    private PlanPreview plan(String operation, List<String> requested) throws SourceException, PlanException {
        List<String> vms = List.copyOf(new LinkedHashSet<>(requested));
        if (vms.isEmpty()) {
            throw new PlanException(Message.of("plan.noVm"));
        }
        try (Connection c = source.connection()) {
            Builder b = new Builder(c);
            for (String vm : vms) {
                b.vm(vm, operation.equals(Plan.REMOVE));
            }
            return b.build(operation, vms);
        } catch (SQLException e) {
            throw source.failure(e);
        }
    }

    /** Collects the plan of several VMs, step by step. */
    private final class Builder {
        private final Connection c;
        private final List<StateFile> stateFiles = new ArrayList<>();
        private final List<Plan.Item> backupItems = new ArrayList<>();
        private final List<Plan.Item> fileItems = new ArrayList<>();
        private final List<Plan.Item> tpmItems = new ArrayList<>();
        private final List<Plan.Kept> kept = new ArrayList<>();
        /** {@link #providers()}: null until first needed. */
        private Map<String, String> providers;
        private final Set<String> lastCopies = new LinkedHashSet<>();
        private final Set<String> keptWithoutKey = new LinkedHashSet<>();
        private final Map<String, Message> vmLabels = new java.util.LinkedHashMap<>();
        private final PlanRows rows;

        Builder(Connection c) {
            this.c = c;
            this.rows = new PlanRows(c, d);
        }

        void vm(String vm, boolean remove) throws SQLException, PlanException {
            String name = one("SELECT name FROM VmInstanceEO WHERE " + d.eqParam("uuid"), vm);
            if (name == null && !referenced(vm)) {
                throw new PlanException(Message.of("plan.unknownVm", vm));
            }
            Message label = name != null ? Message.of("plan.vm", name, vm) : Message.of("plan.vm.noRow", vm);
            vmLabels.put(vm, label);

            // host files of the VM: TpmState ones go, NvRam ones are secure boot's
            List<StateFile> files = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.uuid, f.type, f.hostUuid, f.path, f.lastOpDate,"
                    + " h.managementIp, h.name AS hostName FROM VmHostFileVO f LEFT JOIN HostEO h ON "
                    + d.eq("h.uuid", "f.hostUuid")
                    + " WHERE " + d.eqParam("f.vmInstanceUuid") + " ORDER BY f.lastOpDate, " + d.order("f.uuid"))) {
                d.bind(ps, 1, vm);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if ("TpmState".equals(rs.getString("type"))) {
                            files.add(new StateFile(rs.getString("uuid"), rs.getString("hostUuid"),
                                    rs.getString("hostName"), rs.getString("managementIp"), rs.getString("path"), vm,
                                    timestamp(rs.getString("lastOpDate"))));
                        } else {
                            kept.add(new Plan.Kept("VmHostFileVO", rs.getString("uuid"), Message.of(
                                    "plan.kept.secureBootFile", rs.getString("type"), label)));
                        }
                    }
                }
            }
            stateFiles.addAll(files);

            // backups owned by the VM: TpmState ones go (with their key copies), others stay
            List<String[]> backups = rows("SELECT uuid, type FROM VmHostBackupFileVO WHERE " + d.eqParam(owner)
                    + " ORDER BY lastOpDate, " + d.order("uuid"), vm, 2);
            List<String> stateBackups = new ArrayList<>();
            for (String[] backup : backups) {
                if ("TpmState".equals(backup[1])) {
                    stateBackups.add(backup[0]);
                } else {
                    kept.add(new Plan.Kept("VmHostBackupFileVO", backup[0], Message.of("plan.kept.secureBootBackup",
                            backup[1], label)));
                }
            }
            for (String backup : stateBackups) {
                List<String> refs = keyRefs("VmHostBackupFileVO", backup);
                Message copies = switch (refs.size()) {
                    case 0 -> Message.of("plan.backup.noCopy");
                    case 1 -> Message.of("plan.backup.copy", refs.get(0));
                    default -> Message.of("plan.backup.copies", refs.size(), String.join(", ", refs));
                };
                Message reason = Message.of(files.isEmpty() ? "plan.backup.noLiveFile" : "plan.backup", label, copies);
                item(backupItems, "VmHostBackupFileVO", backup, reason, refs);
            }
            if (!source.layout().legacyBackupLayout() && source.layout().has("VolumeSnapshotGroupVO")) {
                // CROSS JOIN keeps SQLite's order (the VM's groups, then their backups by the owner's index): for
                // an ORDER BY it could read from an index, SQLite otherwise scanned every backup, 0.1 s per VM on a
                // cloud of 100,000 VMs; on MariaDB it is the same inner join
                try (PreparedStatement ps = c.prepareStatement("SELECT b.uuid, b.type, g.uuid AS g, g.name FROM"
                        + " VolumeSnapshotGroupVO g CROSS JOIN VmHostBackupFileVO b ON " + d.eq("b." + owner, "g.uuid")
                        + " WHERE " + d.eqParam("g.vmInstanceUuid") + " ORDER BY " + d.order("b.uuid"))) {
                    d.bind(ps, 1, vm);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            kept.add(new Plan.Kept("VmHostBackupFileVO", rs.getString("uuid"), Message.of(
                                    "plan.kept.groupBackup", rs.getString("type"), rs.getString("name"),
                                    rs.getString("g"))));
                        }
                    }
                }
            }

            // the TpmState files themselves, the most recently touched last
            for (int i = 0; i < files.size(); i++) {
                StateFile f = files.get(i);
                boolean newest = i == files.size() - 1;
                item(fileItems, "VmHostFileVO", f.uuid(), Message.of(newest ? "plan.file.newest" : "plan.file", f.path(),
                        f.hostLabel(), label), List.of());
                if (newest) {
                    lastCopies.add("VmHostFileVO/" + f.uuid());
                }
            }
            if (files.isEmpty() && !stateBackups.isEmpty()) {
                lastCopies.add("VmHostBackupFileVO/" + stateBackups.get(stateBackups.size() - 1));
            }

            // the TPM: removed with its key refs (detaching the key provider), or kept by a reset
            for (String[] tpm : rows("SELECT uuid FROM TpmVO WHERE " + d.eqParam("vmInstanceUuid") + " ORDER BY "
                    + d.order("uuid"), vm, 1)) {
                List<PlanRows.KeyRef> refRows = rows.keyRefRows("TpmVO", tpm[0]);
                List<String> refs = refRows.stream().map(PlanRows.KeyRef::id).toList();
                if (remove) {
                    item(tpmItems, "TpmVO", tpm[0], refs.isEmpty() ? Message.of("plan.tpm.noRef", label)
                            : Message.of("plan.tpm", label, String.join(", ", refs)), refs);
                } else {
                    // a kept key whose provider is gone (KEY_REF_PROVIDER_LOST, as the audit finds it) unwraps
                    // nothing: a reset, which deletes the backups' key copies, leaves a TPM whose every key is so
                    // with no key it can use until Repair relinks one (to the provider of the same name) or the
                    // provider is restored. Uuids and names are compared exactly, in Java, as the rule defines
                    // them: on MariaDB a correlated comparison of names matched in other letters.
                    Map<String, Message> lost = new HashMap<>();
                    boolean usable = false;
                    for (PlanRows.KeyRef r : refRows) {
                        if (!r.wrapped()) {
                            continue;
                        }
                        if (r.providerUuid() != null && providers().containsKey(r.providerUuid())) {
                            usable = true;
                        } else {
                            String relinkTo = relinkTo(r.providerName());
                            lost.put(r.id(), relinkTo != null
                                    ? Message.of("plan.kept.resetKeyLost", r.providerName(), relinkTo)
                                    : Message.of("plan.kept.resetKeyLostNoProvider", r.providerName()));
                        }
                    }
                    boolean noKey = !lost.isEmpty() && !usable;
                    if (noKey) {
                        keptWithoutKey.add("TpmVO/" + tpm[0]);
                    }
                    kept.add(new Plan.Kept("TpmVO", tpm[0], noKey
                            ? Message.of("plan.kept.resetTpmNoKey", label) : Message.of("plan.kept.resetTpm", label)));
                    for (String ref : refs) {
                        kept.add(new Plan.Kept("EncryptedResourceKeyRefVO", ref,
                                lost.getOrDefault(ref, Message.of("plan.kept.resetKey"))));
                    }
                }
            }
        }

        private void item(List<Plan.Item> items, String table, String key, Message reason, List<String> keyRefs)
                throws SQLException {
            items.add(new Plan.Item(table, key, Plan.Action.DELETE, reason));
            rows.addItem(table, key, keyRefs);
        }

        private List<String> keyRefs(String type, String uuid) throws SQLException {
            return rows.keyRefs(type, uuid);
        }

        private boolean referenced(String vm) throws SQLException {
            return one("SELECT uuid FROM TpmVO WHERE " + d.eqParam("vmInstanceUuid"), vm) != null
                    || one("SELECT uuid FROM VmHostFileVO WHERE " + d.eqParam("vmInstanceUuid"), vm) != null
                    || one("SELECT uuid FROM VmHostBackupFileVO WHERE " + d.eqParam(owner), vm) != null;
        }

        private String one(String sql, String value) throws SQLException {
            return rows.one(sql, value);
        }

        private List<String[]> rows(String sql, String value, int columns) throws SQLException {
            return rows.query(sql, value, columns);
        }

        /** The key providers, uuid to name, read once a plan. */
        private Map<String, String> providers() throws SQLException {
            if (providers == null) {
                providers = new HashMap<>();
                for (String[] p : rows.all("SELECT uuid, name FROM KeyProviderVO", 2)) {
                    providers.put(p[0], p[1]);
                }
            }
            return providers;
        }

        /** The provider a lost key ref can be relinked to: the least uuid among those of its name, or null. */
        private String relinkTo(String providerName) throws SQLException {
            return providerName == null ? null : providers().entrySet().stream()
                    .filter(e -> providerName.equals(e.getValue())).map(Map.Entry::getKey).min(String::compareTo)
                    .orElse(null);
        }

        PlanPreview build(String operation, List<String> vms) throws SQLException {
            List<Plan.Step> steps = new ArrayList<>();
            List<StateFile> ordered = stateFiles.stream()
                    .sorted(Comparator.comparing(StateFile::lastOpDate).thenComparing(StateFile::uuid)).toList();
            List<Plan.HostWork> hostWork = new ArrayList<>();
            List<Plan.Item> hostItems = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                StateFile f = ordered.get(i);
                hostWork.add(new Plan.HostWork(f.hostUuid(), f.managementIp(), f.path(), f.vmUuid(), i + 1));
                hostItems.add(new Plan.Item("VmHostFileVO", f.uuid(), Plan.Action.EXPORT, f.managementIp() == null
                        ? Message.of("plan.host.noAddress", f.path(), f.hostUuid(), i + 1)
                        : Message.of("plan.host", f.path(), f.hostLabel(), f.managementIp(), i + 1)));
            }
            steps.add(new Plan.Step(Plan.StepName.HOST_WORK, hostItems));
            steps.add(new Plan.Step(Plan.StepName.DELETE_BACKUPS, backupItems));
            steps.add(new Plan.Step(Plan.StepName.DELETE_HOST_FILES, fileItems));
            if (operation.equals(Plan.REMOVE)) {
                steps.add(new Plan.Step(Plan.StepName.DELETE_TPM, tpmItems));
            }
            List<Plan.RowRef> deleteList = rows.deletes();
            Map<String, String> fingerprint = RowFingerprints.read(c, d, deleteList);
            Plan plan = new Plan(operation, source.displayName(),
                    Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), vms, steps, deleteList, List.of(),
                    hostWork, kept, fingerprint);
            Map<String, String> hostNames = new HashMap<>();
            stateFiles.stream().filter(f -> f.hostName() != null)
                    .forEach(f -> hostNames.put(f.hostUuid(), f.hostName()));
            return new PlanPreview(plan, rows.keyMaterialDeleted(), lastCopies, keptWithoutKey, rows.rowsOfItem(),
                    vmLabels, hostNames);
        }
    }

    private static String timestamp(String value) {
        return value == null ? "" : value;
    }

    /** A TpmState file of a VM; {@code hostName} is null when HostEO has no row for its host. */
    private record StateFile(String uuid, String hostUuid, String hostName, String managementIp, String path,
                             String vmUuid, String lastOpDate) {

        /** How a person knows the host: its name and uuid, or its uuid alone when HostEO has no row for it. */
        Message hostLabel() {
            return dev.tpmconsole.model.i18n.Labels.host(hostName, hostUuid);
        }
    }
}
