package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.schema.SchemaLayout;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dirty rows of a VM that plain SQL decides, until the audit engine answers {@link DirtyVmIndex}. The
 * rules, with the IDs and wording of design/audit-rules.md, restricted to a VM's rows:
 * <ul>
 *   <li>TPM_STATE_FILE_WITHOUT_TPM (orphan): a TpmState host file of a live VM that has no TpmVO;</li>
 *   <li>TPM_STATE_BACKUP_WITHOUT_TPM (orphan): a TpmState backup owned by a VM (its ResourceVO type is
 *       VmInstanceVO) that has no TpmVO;</li>
 *   <li>TPM_DUPLICATE_FOR_VM (suspect): a VM with more than one TpmVO;</li>
 *   <li>KEY_REF_DUPLICATE_PLACEHOLDER (orphan): a placeholder ref of a TPM that also has a materialized ref;</li>
 *   <li>KEY_REF_PROVIDER_LOST (suspect): a materialized ref of the VM's TPMs or backups whose provider is
 *       NULL or names no KeyProviderVO row;</li>
 *   <li>BACKUP_WITHOUT_KEY (suspect): a TpmState backup of a VM whose TPM has a materialized key, without a
 *       key copy;</li>
 *   <li>HOST_FILE_ON_MISSING_HOST (info, findings only): a host file on a host that is gone or soft-deleted.</li>
 * </ul>
 * Rules about rows that belong to no VM (orphaned refs, stale ResourceVO rows, content without owner...) are
 * the audit's alone. "Has dirty rows" means at least one orphan or suspect finding; {@link #dirtyVmUuidsSql}
 * and {@link #findingsForVm} decide the same rules (a test holds them to it).
 */
public final class SqlDirtyVmIndex implements DirtyVmIndex {

    static final String TPM_STATE_FILE_WITHOUT_TPM = "TPM_STATE_FILE_WITHOUT_TPM";
    static final String TPM_STATE_BACKUP_WITHOUT_TPM = "TPM_STATE_BACKUP_WITHOUT_TPM";
    static final String TPM_DUPLICATE_FOR_VM = "TPM_DUPLICATE_FOR_VM";
    static final String KEY_REF_DUPLICATE_PLACEHOLDER = "KEY_REF_DUPLICATE_PLACEHOLDER";
    static final String KEY_REF_PROVIDER_LOST = "KEY_REF_PROVIDER_LOST";
    static final String BACKUP_WITHOUT_KEY = "BACKUP_WITHOUT_KEY";
    static final String HOST_FILE_ON_MISSING_HOST = "HOST_FILE_ON_MISSING_HOST";

    private static final String LOST = "(k.providerUuid IS NULL OR k.providerUuid NOT IN (SELECT p.uuid FROM KeyProviderVO p))";

    @Override
    public List<String> rules() {
        return List.of(TPM_STATE_FILE_WITHOUT_TPM, TPM_STATE_BACKUP_WITHOUT_TPM, TPM_DUPLICATE_FOR_VM,
                KEY_REF_DUPLICATE_PLACEHOLDER, KEY_REF_PROVIDER_LOST, BACKUP_WITHOUT_KEY, HOST_FILE_ON_MISSING_HOST);
    }

    @Override
    public String dirtyVmUuidsSql(SchemaLayout layout) {
        String o = "b." + layout.backupOwnerColumn();
        List<String> parts = new ArrayList<>();
        // Every sub-select is set-based: NOT IN / IN over a sub-select is materialized once by both engines
        // (a correlated NOT EXISTS on TpmVO, which has no index on vmInstanceUuid in a snapshot, is not).
        parts.add("SELECT f.vmInstanceUuid AS vm FROM VmHostFileVO f JOIN VmInstanceEO v ON v.uuid = f.vmInstanceUuid"
                + " AND v.deleted IS NULL WHERE f.type = 'TpmState'"
                + " AND f.vmInstanceUuid NOT IN (SELECT t.vmInstanceUuid FROM TpmVO t)");
        parts.add("SELECT " + o + " FROM VmHostBackupFileVO b"
                + (layout.legacyBackupLayout() ? ""
                : " JOIN ResourceVO r ON r.uuid = " + o + " AND r.resourceType = 'VmInstanceVO'")
                + " WHERE b.type = 'TpmState' AND " + o + " NOT IN (SELECT t.vmInstanceUuid FROM TpmVO t)");
        parts.add("SELECT t.vmInstanceUuid FROM TpmVO t GROUP BY t.vmInstanceUuid HAVING COUNT(*) > 1");
        parts.add("SELECT t.vmInstanceUuid FROM EncryptedResourceKeyRefVO k JOIN TpmVO t ON t.uuid = k.resourceUuid"
                + " WHERE k.resourceType = 'TpmVO' AND k.kekRef IS NULL AND EXISTS (SELECT 1 FROM"
                + " EncryptedResourceKeyRefVO m WHERE m.resourceType = 'TpmVO' AND m.resourceUuid = k.resourceUuid"
                + " AND m.kekRef IS NOT NULL)");
        parts.add("SELECT t.vmInstanceUuid FROM EncryptedResourceKeyRefVO k JOIN TpmVO t ON t.uuid = k.resourceUuid"
                + " WHERE k.resourceType = 'TpmVO' AND k.kekRef IS NOT NULL AND " + LOST);
        String lostCopies = " FROM EncryptedResourceKeyRefVO k JOIN VmHostBackupFileVO b ON b.uuid = k.resourceUuid";
        String lostWhere = " WHERE k.resourceType = 'VmHostBackupFileVO' AND k.kekRef IS NOT NULL AND " + LOST;
        parts.add("SELECT " + o + lostCopies + lostWhere);
        if (groupsBrowsable(layout)) {
            parts.add("SELECT g.vmInstanceUuid" + lostCopies + " JOIN VolumeSnapshotGroupVO g ON g.uuid = " + o + lostWhere);
        }
        parts.add("SELECT " + o + " FROM VmHostBackupFileVO b WHERE b.type = 'TpmState' AND " + o + " IN ("
                + "SELECT t.vmInstanceUuid FROM TpmVO t JOIN EncryptedResourceKeyRefVO k ON k.resourceType = 'TpmVO'"
                + " AND k.resourceUuid = t.uuid AND k.kekRef IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM"
                + " EncryptedResourceKeyRefVO c WHERE c.resourceType = 'VmHostBackupFileVO' AND c.resourceUuid = b.uuid)");
        return String.join("\nUNION ", parts);
    }

    /** Snapshot-group backups exist only in the newer layout, and only where the group table exists. */
    static boolean groupsBrowsable(SchemaLayout layout) {
        return !layout.legacyBackupLayout() && layout.has("VolumeSnapshotGroupVO");
    }

    @Override
    public List<VmFinding> findingsForVm(Connection c, SchemaLayout layout, String vmUuid) throws SQLException {
        String owner = layout.backupOwnerColumn();
        List<VmFinding> out = new ArrayList<>();
        List<String> vm = new BrowseSql("SELECT v.deleted FROM VmInstanceEO v WHERE v.uuid = ?", vmUuid)
                .list(c, rs -> rs.getString(1) == null ? "live" : "deleted");
        boolean live = vm.equals(List.of("live"));
        List<String> tpms = new BrowseSql("SELECT t.uuid FROM TpmVO t WHERE t.vmInstanceUuid = ? ORDER BY t.uuid", vmUuid)
                .list(c, rs -> rs.getString(1));
        if (tpms.size() > 1) {
            for (String t : tpms) {
                out.add(new VmFinding(TPM_DUPLICATE_FOR_VM, "suspect", "TpmVO", t, "The VM has " + tpms.size()
                        + " TpmVO rows; ZStack expects at most one per VM."));
            }
        }

        record File(String uuid, String type, String hostUuid, boolean hostGone, boolean hostDeleted) {
        }
        List<File> files = new BrowseSql("SELECT f.uuid, f.type, f.hostUuid, h.uuid IS NULL, h.deleted IS NOT NULL"
                + " FROM VmHostFileVO f LEFT JOIN HostEO h ON h.uuid = f.hostUuid WHERE f.vmInstanceUuid = ?"
                + " ORDER BY f.type, f.uuid", vmUuid)
                .list(c, rs -> new File(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
        for (File f : files) {
            if (f.type().equals("TpmState") && live && tpms.isEmpty()) {
                out.add(new VmFinding(TPM_STATE_FILE_WITHOUT_TPM, "orphan", "VmHostFileVO", f.uuid(),
                        "TPM state file of a live VM that has no TPM (left by an incomplete remove)."));
            }
        }

        record Ref(long id, String resourceType, String resourceUuid, boolean placeholder, boolean providerPresent,
                   String providerName) {
        }
        List<Ref> tpmRefs = tpms.isEmpty() ? List.of() : new BrowseSql("SELECT k.id, k.resourceType, k.resourceUuid,"
                + " k.kekRef IS NULL, p.uuid IS NOT NULL, k.providerName FROM EncryptedResourceKeyRefVO k"
                + " LEFT JOIN KeyProviderVO p ON p.uuid = k.providerUuid WHERE k.resourceType = 'TpmVO' AND k.resourceUuid IN ")
                .in(tpms).sql(" ORDER BY k.id")
                .list(c, rs -> new Ref(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getString(6)));
        Set<String> materializedTpms = tpmRefs.stream().filter(r -> !r.placeholder()).map(Ref::resourceUuid)
                .collect(Collectors.toSet());
        for (Ref r : tpmRefs) {
            if (r.placeholder() && materializedTpms.contains(r.resourceUuid())) {
                out.add(new VmFinding(KEY_REF_DUPLICATE_PLACEHOLDER, "orphan", "EncryptedResourceKeyRefVO",
                        Long.toString(r.id()), "Placeholder key ref of TPM " + r.resourceUuid()
                        + " next to its materialized ref."));
            }
        }

        record Backup(String uuid, String type, boolean keyCopy) {
        }
        BrowseSql backupSql = new BrowseSql("SELECT b.uuid, b.type, EXISTS (SELECT 1 FROM EncryptedResourceKeyRefVO c"
                + " WHERE c.resourceType = 'VmHostBackupFileVO' AND c.resourceUuid = b.uuid) FROM VmHostBackupFileVO b"
                + " WHERE b." + owner + " = ? ORDER BY b.type, b.uuid", vmUuid);
        List<Backup> own = backupSql.list(c, rs -> new Backup(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
        boolean ownerIsVm = layout.legacyBackupLayout() || !new BrowseSql(
                "SELECT 1 FROM ResourceVO r WHERE r.uuid = ? AND r.resourceType = 'VmInstanceVO'", vmUuid).list(c, rs -> 1).isEmpty();
        for (Backup b : own) {
            if (!b.type().equals("TpmState")) {
                continue;
            }
            if (ownerIsVm && tpms.isEmpty()) {
                out.add(new VmFinding(TPM_STATE_BACKUP_WITHOUT_TPM, "orphan", "VmHostBackupFileVO", b.uuid(),
                        "TPM state backup of a VM that has no TPM (left by an incomplete remove)."));
            }
            if (!materializedTpms.isEmpty() && !b.keyCopy()) {
                out.add(new VmFinding(BACKUP_WITHOUT_KEY, "suspect", "VmHostBackupFileVO", b.uuid(),
                        "TPM state backup without a key copy while the TPM's key is materialized: it cannot be restored."));
            }
        }

        List<String> backupUuids = new ArrayList<>(own.stream().map(Backup::uuid).toList());
        if (groupsBrowsable(layout)) {
            backupUuids.addAll(new BrowseSql("SELECT b.uuid FROM VmHostBackupFileVO b JOIN VolumeSnapshotGroupVO g"
                    + " ON g.uuid = b." + owner + " WHERE g.vmInstanceUuid = ?", vmUuid).list(c, rs -> rs.getString(1)));
        }
        List<Ref> copies = backupUuids.isEmpty() ? List.of() : new BrowseSql("SELECT k.id, k.resourceType,"
                + " k.resourceUuid, k.kekRef IS NULL, p.uuid IS NOT NULL, k.providerName FROM EncryptedResourceKeyRefVO k"
                + " LEFT JOIN KeyProviderVO p ON p.uuid = k.providerUuid WHERE k.resourceType = 'VmHostBackupFileVO'"
                + " AND k.resourceUuid IN ").in(backupUuids).sql(" ORDER BY k.id")
                .list(c, rs -> new Ref(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getString(6)));
        List<Ref> lost = new ArrayList<>();
        for (Ref r : tpmRefs) {
            if (!r.placeholder() && !r.providerPresent()) {
                lost.add(r);
            }
        }
        for (Ref r : copies) {
            if (!r.placeholder() && !r.providerPresent()) {
                lost.add(r);
            }
        }
        if (!lost.isEmpty()) {
            Set<String> names = new HashSet<>();
            lost.forEach(r -> names.add(r.providerName()));
            Map<String, String> relink = new java.util.HashMap<>();
            new BrowseSql("SELECT p.name, p.uuid FROM KeyProviderVO p WHERE p.name IN ").in(names)
                    .list(c, rs -> relink.put(rs.getString(1), rs.getString(2)));
            for (Ref r : lost) {
                String to = relink.get(r.providerName());
                out.add(new VmFinding(KEY_REF_PROVIDER_LOST, "suspect", "EncryptedResourceKeyRefVO", Long.toString(r.id()),
                        "Materialized key ref (" + r.resourceType() + ") whose provider \"" + r.providerName()
                                + "\" is gone" + (to != null ? "; a provider of that name exists (" + to + ") to relink to."
                                : "; no provider of that name exists.")));
            }
        }

        for (File f : files) {
            if (f.hostGone() || f.hostDeleted()) {
                out.add(new VmFinding(HOST_FILE_ON_MISSING_HOST, "info", "VmHostFileVO", f.uuid(), f.type()
                        + " file on host " + f.hostUuid() + (f.hostGone() ? ", which no longer exists" : ", which is soft-deleted")
                        + " (ZStack keeps these by design)."));
            }
        }
        return out;
    }
}
