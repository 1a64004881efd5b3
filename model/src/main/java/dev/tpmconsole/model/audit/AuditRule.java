package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rule catalogue of docs/audit-rules.md. Each rule is one set-based query run inside the database
 * engine (SQLite or MariaDB, both VmHostBackupFileVO layouts), returning exactly its subject rows ordered by
 * key, and a mapping of each result row to a {@link Finding} with a sentence a person understands.
 * IDs are stable: scripts and monitoring depend on them; a rule is never renamed or reused.
 */
public enum AuditRule {

    KEY_REF_ORPHANED("EncryptedResourceKeyRefVO", null, Severity.ORPHAN,
            "Key ref without owner",
            "The key ref names a TpmVO, VmHostBackupFileVO or TpmKeyBackupVO that no longer exists: ZStack deleted"
                    + " the owner by SQL before (or instead of) cleaning its keys. Such rows block a global re-key."
                    + " Repair: quarantine the row (it may hold key material), then delete it.") {
        @Override
        String sql(SqlDialect d) {
            StringBuilder sb = new StringBuilder("SELECT id AS k, resourceType, resourceUuid, providerName, hasKey FROM (");
            String[][] owners = {{"TpmVO", "TpmVO"}, {"VmHostBackupFileVO", "VmHostBackupFileVO"},
                {"TpmKeyBackupVO", d.table("TpmKeyBackupVO", "uuid")}};
            for (int i = 0; i < owners.length; i++) {
                sb.append(i == 0 ? "" : " UNION ALL ")
                        .append("SELECT r.id, r.resourceType, r.resourceUuid, r.providerName,")
                        .append(" CASE WHEN r.kekRef IS NOT NULL OR r.wrappedDek <> '' THEN 1 ELSE 0 END AS hasKey")
                        .append(" FROM EncryptedResourceKeyRefVO r WHERE ").append(d.is("r.resourceType", owners[i][0]))
                        .append(" AND NOT EXISTS (SELECT 1 FROM ").append(owners[i][1]).append(" o WHERE ")
                        .append(d.eq("o.uuid", "r.resourceUuid")).append(")");
            }
            return sb.append(") x ORDER BY id").toString();
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            String detail = String.format("Key ref %s (%s key, provider %s%s) names %s %s, which does not exist.",
                    rs.getString("k"), rs.getString("resourceType"), rs.getString("providerName"),
                    rs.getInt("hasKey") == 1 ? ", holds key material" : ", placeholder",
                    rs.getString("resourceType"), rs.getString("resourceUuid"));
            return finding(rs.getString("k"), detail, Repair.DELETE, null, null);
        }
    },

    KEY_REF_DUPLICATE_PLACEHOLDER("EncryptedResourceKeyRefVO", "vmInstanceUuid", Severity.ORPHAN,
            "Duplicate placeholder key ref",
            "A TPM has a placeholder key ref (no kekRef) next to a materialized one: the placeholder was written"
                    + " by attaching a provider again and never filled. ZStack's own repair deletes such placeholders."
                    + " Repair: delete the placeholder.") {
        @Override
        String sql(SqlDialect d) {
            return "SELECT k.id AS k, k.resourceUuid, k.providerName, t.vmInstanceUuid,"
                    + " (SELECT MIN(o.id) FROM EncryptedResourceKeyRefVO o WHERE " + d.is("o.resourceType", "TpmVO")
                    + " AND " + d.eq("o.resourceUuid", "k.resourceUuid") + " AND o.kekRef IS NOT NULL) AS twin"
                    + " FROM EncryptedResourceKeyRefVO k JOIN TpmVO t ON " + d.eq("t.uuid", "k.resourceUuid")
                    + " WHERE " + d.is("k.resourceType", "TpmVO") + " AND k.kekRef IS NULL AND EXISTS (SELECT 1 FROM"
                    + " EncryptedResourceKeyRefVO o WHERE " + d.is("o.resourceType", "TpmVO") + " AND "
                    + d.eq("o.resourceUuid", "k.resourceUuid") + " AND o.kekRef IS NOT NULL)"
                    + " ORDER BY k.id";
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            String detail = String.format("Placeholder key ref %s (provider %s) of TpmVO %s duplicates materialized"
                    + " key ref %s of the same TPM.", rs.getString("k"), rs.getString("providerName"),
                    rs.getString("resourceUuid"), rs.getString("twin"));
            return finding(rs.getString("k"), detail, Repair.DELETE, null, rs.getString("vmInstanceUuid"));
        }
    },

    KEY_REF_PROVIDER_LOST("EncryptedResourceKeyRefVO", "vm", Severity.SUSPECT,
            "Key ref whose provider is gone",
            "The key ref holds key material (kekRef set) but its provider row is gone: providerUuid was set to"
                    + " NULL when the provider was deleted, or points at no provider. When a provider with the ref's"
                    + " providerName exists again (for example an NKP restored at a DR site), the ref can be relinked"
                    + " to it, as ZStack's applyKeyProviderWithKek does; otherwise the key cannot be unwrapped and"
                    + " the provider must be restored first.") {
        @Override
        String sql(SqlDialect d) {
            String o = d.layout().backupOwnerColumn();
            String holders = d.table("TpmKeyBackupVO", "uuid");
            return "SELECT k.id AS k, k.resourceType, k.resourceUuid, k.providerUuid, k.providerName,"
                    + " (SELECT MIN(p.uuid) FROM KeyProviderVO p WHERE " + d.eq("p.name", "k.providerName") + ") AS relinkTo,"
                    + " COALESCE((SELECT t.vmInstanceUuid FROM TpmVO t WHERE " + d.eq("t.uuid", "k.resourceUuid")
                    + " AND " + d.is("k.resourceType", "TpmVO") + "), (SELECT COALESCE(g.vmInstanceUuid, b." + o + ")"
                    + " FROM VmHostBackupFileVO b LEFT JOIN " + d.table("VolumeSnapshotGroupVO", "uuid", "vmInstanceUuid")
                    + " g ON " + d.eq("g.uuid", "b." + o) + " WHERE " + d.eq("b.uuid", "k.resourceUuid") + " AND "
                    + d.is("k.resourceType", "VmHostBackupFileVO") + ")) AS vm"
                    + " FROM EncryptedResourceKeyRefVO k"
                    + " WHERE k.kekRef IS NOT NULL"
                    + " AND (k.providerUuid IS NULL OR NOT EXISTS (SELECT 1 FROM KeyProviderVO p WHERE "
                    + d.eq("p.uuid", "k.providerUuid") + "))"
                    + " AND ((" + d.is("k.resourceType", "TpmVO") + " AND EXISTS (SELECT 1 FROM TpmVO t WHERE "
                    + d.eq("t.uuid", "k.resourceUuid") + "))"
                    + " OR (" + d.is("k.resourceType", "VmHostBackupFileVO") + " AND EXISTS (SELECT 1 FROM"
                    + " VmHostBackupFileVO b WHERE " + d.eq("b.uuid", "k.resourceUuid") + "))"
                    + " OR (" + d.is("k.resourceType", "TpmKeyBackupVO") + " AND EXISTS (SELECT 1 FROM " + holders
                    + " h WHERE " + d.eq("h.uuid", "k.resourceUuid") + ")))"
                    + " ORDER BY k.id";
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            String providerUuid = rs.getString("providerUuid");
            String relinkTo = rs.getString("relinkTo");
            String name = rs.getString("providerName");
            String what = providerUuid == null ? "has no provider (providerUuid is NULL)"
                    : "names provider " + providerUuid + ", which does not exist";
            String then = relinkTo != null
                    ? "; a provider named '" + name + "' exists now (" + relinkTo + "): relink to it."
                    : "; no provider is named '" + name + "' any more: restore that provider, then relink.";
            String detail = String.format("Key ref %s of %s %s holds key material but %s%s", rs.getString("k"),
                    rs.getString("resourceType"), rs.getString("resourceUuid"), what, then);
            return finding(rs.getString("k"), detail, relinkTo != null ? Repair.RELINK : Repair.NONE, relinkTo, rs.getString("vm"));
        }
    },

    TPM_WITHOUT_VM("TpmVO", "vmInstanceUuid", Severity.ORPHAN,
            "TPM without VM",
            "No VM row (live or soft-deleted) has the TPM's vmInstanceUuid. The SQL foreign key should make this"
                    + " impossible; it happens after imports with foreign key checks off or manual deletes."
                    + " Repair: delete the TPM with its key refs, system tags and ResourceVO row.") {
        @Override
        String sql(SqlDialect d) {
            return "SELECT t.uuid AS k, t.vmInstanceUuid FROM TpmVO t WHERE NOT EXISTS (SELECT 1 FROM VmInstanceEO v"
                    + " WHERE " + d.eq("v.uuid", "t.vmInstanceUuid") + ") ORDER BY " + d.order("t.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            return finding(rs.getString("k"), String.format("TPM %s belongs to VM %s, which does not exist.",
                    rs.getString("k"), rs.getString("vmInstanceUuid")), Repair.DELETE, null, rs.getString("vmInstanceUuid"));
        }
    },

    TPM_DUPLICATE_FOR_VM("TpmVO", "vmInstanceUuid", Severity.SUSPECT,
            "Several TPMs for one VM",
            "ZStack assumes at most one TPM per VM (there is no unique key). Which one the VM uses cannot be told"
                    + " from the database; a person must decide. Every TPM of such a VM is reported.") {
        @Override
        String sql(SqlDialect d) {
            return "SELECT t.uuid AS k, t.vmInstanceUuid, (SELECT COUNT(*) FROM TpmVO c WHERE "
                    + d.eq("c.vmInstanceUuid", "t.vmInstanceUuid") + ") AS n FROM TpmVO t WHERE EXISTS (SELECT 1 FROM"
                    + " TpmVO o WHERE " + d.eq("o.vmInstanceUuid", "t.vmInstanceUuid") + " AND " + d.ne("o.uuid", "t.uuid")
                    + ") ORDER BY " + d.order("t.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            return finding(rs.getString("k"), String.format("VM %s has %d TPMs; this is TPM %s.",
                    rs.getString("vmInstanceUuid"), rs.getLong("n"), rs.getString("k")), Repair.NONE, null,
                    rs.getString("vmInstanceUuid"));
        }
    },

    HOST_FILE_WITHOUT_VM("VmHostFileVO", "vmInstanceUuid", Severity.ORPHAN,
            "Host file without VM",
            "The VM of this NvRam or TpmState file was expunged but the file row stayed (VmHostFileVO has no SQL"
                    + " foreign key). Repair: delete the row, its content, tags and ResourceVO row, and clean the"
                    + " path on the host.") {
        @Override
        String sql(SqlDialect d) {
            return "SELECT f.uuid AS k, f.vmInstanceUuid, f.hostUuid, f.type, f.path FROM VmHostFileVO f"
                    + " WHERE NOT EXISTS (SELECT 1 FROM VmInstanceEO v WHERE " + d.eq("v.uuid", "f.vmInstanceUuid")
                    + ") ORDER BY " + d.order("f.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            return finding(rs.getString("k"), String.format("%s file %s on host %s belongs to VM %s, which does not"
                    + " exist.", rs.getString("type"), rs.getString("path"), rs.getString("hostUuid"),
                    rs.getString("vmInstanceUuid")), Repair.DELETE, null, rs.getString("vmInstanceUuid"));
        }
    },

    TPM_STATE_FILE_WITHOUT_TPM("VmHostFileVO", "vmInstanceUuid", Severity.ORPHAN,
            "TPM-state file of a VM without TPM",
            "A live VM has no TPM but still has TpmState files: a remove-TPM flow deleted the TPM and stopped"
                    + " before the files. Repair: as for a host file without VM.") {
        @Override
        String sql(SqlDialect d) {
            return "SELECT f.uuid AS k, f.vmInstanceUuid, f.hostUuid, f.path, v.name FROM VmHostFileVO f"
                    + " JOIN VmInstanceEO v ON " + d.eq("v.uuid", "f.vmInstanceUuid") + " AND v.deleted IS NULL"
                    + " WHERE " + d.is("f.type", "TpmState") + " AND NOT EXISTS (SELECT 1 FROM TpmVO t WHERE "
                    + d.eq("t.vmInstanceUuid", "f.vmInstanceUuid") + ") ORDER BY " + d.order("f.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            return finding(rs.getString("k"), String.format("TpmState file %s on host %s belongs to live VM %s (%s),"
                    + " which has no TPM.", rs.getString("path"), rs.getString("hostUuid"), rs.getString("name"),
                    rs.getString("vmInstanceUuid")), Repair.DELETE, null, rs.getString("vmInstanceUuid"));
        }
    },

    HOST_FILE_ON_MISSING_HOST("VmHostFileVO", "vmInstanceUuid", Severity.INFO,
            "Host file on a missing host",
            "The host of this file was expunged or is soft-deleted. ZStack keeps such rows by design (host deletion"
                    + " does not delete them); shown so that the state is visible. No repair.") {
        @Override
        String sql(SqlDialect d) {
            return "SELECT f.uuid AS k, f.vmInstanceUuid, f.hostUuid, f.type, f.path, h.deleted FROM VmHostFileVO f"
                    + " LEFT JOIN HostEO h ON " + d.eq("h.uuid", "f.hostUuid")
                    + " WHERE h.uuid IS NULL OR h.deleted IS NOT NULL ORDER BY " + d.order("f.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            String deleted = rs.getString("deleted");
            return finding(rs.getString("k"), String.format("%s file %s of VM %s is on host %s, which %s.",
                    rs.getString("type"), rs.getString("path"), rs.getString("vmInstanceUuid"), rs.getString("hostUuid"),
                    deleted == null ? "does not exist" : "was deleted on " + deleted), Repair.NONE, null,
                    rs.getString("vmInstanceUuid"));
        }
    },

    BACKUP_WITHOUT_OWNER("VmHostBackupFileVO", null, Severity.ORPHAN,
            "Backup without owner",
            "The resource that owns this saved copy (a VM or a snapshot group) no longer exists. Repair: delete the"
                    + " backup with its key refs, content, tags and ResourceVO row.") {
        @Override
        String sql(SqlDialect d) {
            String o = d.layout().backupOwnerColumn();
            String owners = d.layout().legacyBackupLayout() ? "VmInstanceEO" : "ResourceVO";
            return "SELECT b.uuid AS k, b." + o + " AS owner, b.type FROM VmHostBackupFileVO b WHERE NOT EXISTS"
                    + " (SELECT 1 FROM " + owners + " r WHERE " + d.eq("r.uuid", "b." + o) + ") ORDER BY " + d.order("b.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            String ownerKind = d.layout().legacyBackupLayout() ? "VM" : "resource";
            return finding(rs.getString("k"), String.format("%s backup %s is owned by %s %s, which does not exist.",
                    rs.getString("type"), rs.getString("k"), ownerKind, rs.getString("owner")), Repair.DELETE, null, null);
        }
    },

    TPM_STATE_BACKUP_WITHOUT_TPM("VmHostBackupFileVO", "owner", Severity.ORPHAN,
            "TPM-state backup of a VM without TPM",
            "A TpmState backup owned by a VM that has no TPM: the leftover of a remove-TPM flow that skipped or"
                    + " aborted the backup clean-up (the defects R3 and R4 of ZStack). Repair: as for a backup"
                    + " without owner.") {
        @Override
        String sql(SqlDialect d) {
            String o = d.layout().backupOwnerColumn();
            String ownerIsVm = d.layout().legacyBackupLayout() ? "" : " AND EXISTS (SELECT 1 FROM ResourceVO r WHERE "
                    + d.eq("r.uuid", "b." + o) + " AND " + d.is("r.resourceType", "VmInstanceVO") + ")";
            return "SELECT b.uuid AS k, b." + o + " AS owner, (SELECT v.name FROM VmInstanceEO v WHERE "
                    + d.eq("v.uuid", "b." + o) + ") AS name FROM VmHostBackupFileVO b WHERE "
                    + d.is("b.type", "TpmState") + ownerIsVm + " AND NOT EXISTS (SELECT 1 FROM TpmVO t WHERE "
                    + d.eq("t.vmInstanceUuid", "b." + o) + ") ORDER BY " + d.order("b.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            String name = rs.getString("name");
            return finding(rs.getString("k"), String.format("TpmState backup %s belongs to VM %s%s, which has no TPM.",
                    rs.getString("k"), name != null ? name + " (" + rs.getString("owner") + ")" : rs.getString("owner"),
                    name != null ? "" : " (no VM row)"), Repair.DELETE, null, rs.getString("owner"));
        }
    },

    BACKUP_WITHOUT_KEY("VmHostBackupFileVO", "owner", Severity.SUSPECT,
            "TPM-state backup without key copy",
            "The VM's TPM has key material but this TpmState backup has no key copy"
                    + " (EncryptedResourceKeyRefVO of type VmHostBackupFileVO): the backup cannot be restored. It can"
                    + " be legitimate for a backup of a backup. No repair; a person decides whether to keep it.") {
        @Override
        String sql(SqlDialect d) {
            String o = d.layout().backupOwnerColumn();
            return "SELECT b.uuid AS k, b." + o + " AS owner FROM VmHostBackupFileVO b WHERE " + d.is("b.type", "TpmState")
                    // nested EXISTS: the backup's VM drives the lookup (an index on TpmVO.vmInstanceUuid), never
                    // a scan of every TPM key ref per backup
                    + " AND EXISTS (SELECT 1 FROM TpmVO t WHERE " + d.eq("t.vmInstanceUuid", "b." + o)
                    + " AND EXISTS (SELECT 1 FROM EncryptedResourceKeyRefVO r WHERE " + d.is("r.resourceType", "TpmVO")
                    + " AND " + d.eq("r.resourceUuid", "t.uuid") + " AND r.kekRef IS NOT NULL))"
                    + " AND NOT EXISTS (SELECT 1 FROM EncryptedResourceKeyRefVO c WHERE "
                    + d.is("c.resourceType", "VmHostBackupFileVO") + " AND " + d.eq("c.resourceUuid", "b.uuid") + ")"
                    + " ORDER BY " + d.order("b.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            return finding(rs.getString("k"), String.format("TpmState backup %s of VM %s has no key copy while the"
                    + " VM's TPM holds key material: it cannot be restored.", rs.getString("k"), rs.getString("owner")), Repair.NONE, null, rs.getString("owner"));
        }
    },

    CONTENT_WITHOUT_OWNER("VmHostFileContentVO", null, Severity.ORPHAN,
            "Content without file or backup",
            "File content whose host file or backup row is gone (deleted by raw SQL while its ResourceVO row, and"
                    + " so the cascade, stayed). Repair: delete the content, and its ResourceVO row when that row says"
                    + " VmHostFileVO or VmHostBackupFileVO.") {
        @Override
        String sql(SqlDialect d) {
            return "SELECT c.uuid AS k, c.format, " + d.byteLength("c.content") + " AS size, r.resourceType"
                    + " FROM VmHostFileContentVO c LEFT JOIN ResourceVO r ON " + d.eq("r.uuid", "c.uuid")
                    + " WHERE NOT EXISTS (SELECT 1 FROM VmHostFileVO f WHERE " + d.eq("f.uuid", "c.uuid") + ")"
                    + " AND NOT EXISTS (SELECT 1 FROM VmHostBackupFileVO b WHERE " + d.eq("b.uuid", "c.uuid") + ")"
                    + " ORDER BY " + d.order("c.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            String type = rs.getString("resourceType");
            long size = rs.getLong("size");
            String sizeText = rs.wasNull() ? "empty" : size + " bytes";
            return finding(rs.getString("k"), String.format("Content %s (%s, %s) belongs to no host file or backup;"
                    + " its ResourceVO row %s.", rs.getString("k"), rs.getString("format"), sizeText,
                    type == null ? "is missing" : "says " + type), Repair.DELETE, null, null);
        }
    },

    RESOURCE_ROW_STALE("ResourceVO", null, Severity.ORPHAN,
            "Stale ResourceVO row",
            "A ResourceVO row of a TPM, host file, backup or key-backup holder whose own row is gone (raw child"
                    + " deletes, or the TpmVO cascade from VmInstanceEO). It keeps orphaned key refs, content and tags"
                    + " alive and blocks cascades. Repair: delete the row and what references it.") {
        @Override
        String sql(SqlDialect d) {
            // one pass over ResourceVO (the largest table) rather than one per child type: each row is looked up in
            // its own type's table only
            String[][] children = {{"TpmVO", "TpmVO"}, {"VmHostFileVO", "VmHostFileVO"},
                {"VmHostBackupFileVO", "VmHostBackupFileVO"}, {"TpmKeyBackupVO", d.table("TpmKeyBackupVO", "uuid")}};
            StringBuilder types = new StringBuilder();
            StringBuilder orphaned = new StringBuilder();
            for (int i = 0; i < children.length; i++) {
                types.append(i == 0 ? "" : ", ").append(SqlDialect.quote(children[i][0]));
                orphaned.append(i == 0 ? "" : " OR ").append("(").append(d.is("r.resourceType", children[i][0]))
                        .append(" AND NOT EXISTS (SELECT 1 FROM ").append(children[i][1]).append(" c WHERE ")
                        .append(d.eq("c.uuid", "r.uuid")).append("))");
            }
            return "SELECT r.uuid AS k, r.resourceType, r.resourceName FROM ResourceVO r WHERE r.resourceType IN ("
                    + types + ") AND (" + orphaned + ") ORDER BY " + d.order("r.uuid");
        }

        @Override
        Finding map(ResultSet rs, SqlDialect d) throws SQLException {
            String name = rs.getString("resourceName");
            return finding(rs.getString("k"), String.format("ResourceVO %s says %s%s, but no %s row has this uuid.",
                    rs.getString("k"), rs.getString("resourceType"), name == null ? "" : " '" + name + "'",
                    rs.getString("resourceType")), Repair.DELETE, null, null);
        }
    };

    private final String table;
    private final String vmColumn;
    private final Severity severity;
    private final String title;
    private final String explanation;

    AuditRule(String table, String vmColumn, Severity severity, String title, String explanation) {
        this.table = table;
        this.vmColumn = vmColumn;
        this.severity = severity;
        this.title = title;
        this.explanation = explanation;
    }

    /** The subject table. */
    public String table() {
        return table;
    }

    public Severity severity() {
        return severity;
    }

    /**
     * The result column of {@link #query} naming the VM a finding belongs to (the one {@link Finding#vmUuid()}
     * reports), or null when a rule's subject belongs to no VM one can name.
     */
    public String vmColumn() {
        return vmColumn;
    }

    /** A short name for people. */
    public String title() {
        return title;
    }

    /** Why the rule exists, what it means, and what its repair does. */
    public String explanation() {
        return explanation;
    }

    /** The rule's query for this database: subject rows ordered by key, column {@code k} being the key. */
    public String query(SqlDialect dialect) {
        return sql(dialect);
    }

    abstract String sql(SqlDialect d);

    abstract Finding map(ResultSet rs, SqlDialect d) throws SQLException;

    Finding finding(String key, String detail, Repair repair, String relinkTo, String vmUuid) {
        return new Finding(this, table, key, detail, repair, relinkTo, vmUuid);
    }

    /** The rule with this ID, or null. */
    public static AuditRule byId(String id) {
        for (AuditRule r : values()) {
            if (r.name().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
