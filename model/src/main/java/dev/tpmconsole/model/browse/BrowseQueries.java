package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The queries of the browse views, as set-based SQL run by the database: lists are filtered and sorted by
 * the database (a snapshot's VM list by name from its {@link VmNameIndex} in memory, which answers as the SQL would)
 * and fetched a page at a time (LIMIT/OFFSET, ordered by the sort column and then the row's
 * key), the per-row aggregates of a list (TPMs, key state, files, backups) are computed for the uuids of
 * the page only, blobs are measured with {@code length()} and never read, and the wrapped key of a key ref
 * is never selected (only its length). Every call takes its own connection from the {@link Source} (where
 * the thread guard sits) and closes it. Thread-safe; never call it on the UI thread.
 *
 * <p>The SQL is portable between SQLite and MariaDB. Optional tables and columns a database lacks read as
 * empty or NULL.
 */
public final class BrowseQueries {

    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE = 1000;
    /** Above this many dirty VMs the filter asks the index's SQL each time instead of binding the uuids. */
    static final int MAX_BOUND_DIRTY = 10_000;

    /** The values of {@code VmInstanceEO.state} (VmInstanceState), for the state filter. */
    public static final List<String> VM_STATES = List.of("Created", "Starting", "Running", "Stopping", "Stopped",
            "Rebooting", "Destroying", "Destroyed", "Migrating", "Expunging", "Pausing", "Paused", "Resuming",
            "VolumeMigrating", "VolumeRecovering", "Error", "NoState", "Unknown", "Crashed");

    private final Source source;
    private final DirtyVmIndex dirtyIndex;
    private final SchemaLayout layout;
    private final String owner;
    private final boolean groups;
    private final dev.tpmconsole.model.util.Kept<List<String>> dirtyVms = new dev.tpmconsole.model.util.Kept<>();
    /** Whether the VM list's filter by name is answered from memory ({@link VmNameIndex}: snapshots only). */
    private final boolean nameIndexed;
    private final dev.tpmconsole.model.util.Kept<Optional<VmNameIndex>> nameIndex = new dev.tpmconsole.model.util.Kept<>();
    /**
     * The last few filters' VMs by name, the newest first: a page and its count ask for the same, a person types on
     * from one (whose VMs hold the next one's) and back to one.
     */
    private final java.util.Deque<Matched> recent = new java.util.ArrayDeque<>();
    private static final int RECENT = 8;
    /** A snapshot's snapshot groups by VM, read by the warm-up ({@link #pageBackups}). */
    private final dev.tpmconsole.model.util.Kept<Map<String, List<String>>> groupsOfVms =
            new dev.tpmconsole.model.util.Kept<>();

    public BrowseQueries(Source source, DirtyVmIndex dirtyIndex) {
        this(source, dirtyIndex, source.snapshotFile().isPresent());
    }

    /**
     * @param nameIndexed whether the VM list's filter by name, and a page's snapshot groups, are answered from memory
     *                    (a snapshot's only)
     */
    BrowseQueries(Source source, DirtyVmIndex dirtyIndex, boolean nameIndexed) {
        this.nameIndexed = nameIndexed;
        this.source = Objects.requireNonNull(source);
        this.dirtyIndex = Objects.requireNonNull(dirtyIndex);
        this.layout = source.layout();
        this.owner = layout.backupOwnerColumn();
        this.groups = !layout.legacyBackupLayout() && layout.has("VolumeSnapshotGroupVO");
    }

    public Source source() {
        return source;
    }

    public DirtyVmIndex dirtyIndex() {
        return dirtyIndex;
    }

    // ------------------------------------------------------------------------------------------------ VMs

    /** A page of the VM list. */
    public Page<VmRow> vms(VmFilter filter, Sort<VmColumn> sort, int offset, int limit) throws SQLException {
        checkPage(offset, limit);
        try (Connection c = source.connection()) {
            List<String> byName = byName(c, filter, sort);
            // the first page says how many VMs the filter lets through when that costs nothing: the VMs by name in
            // memory, or MariaDB's FOUND_ROWS() (its sort reads every row that matches anyway: 0 ms against a COUNT of
            // 40 ms on 100,000 VMs); the list then asks for no count of its own
            boolean counted = offset == 0 && byName == null && source.kind() == dev.tpmconsole.model.schema.DatabaseKind.MARIADB;
            List<Base> base = byName != null ? baseOf(c, byName.subList(Math.min(offset, byName.size()),
                    (int) Math.min(byName.size(), (long) offset + limit + 1))) : baseOf(c, filter, sort, offset, limit, counted);
            Long total = byName != null ? Long.valueOf(byName.size())
                    : counted ? new BrowseSql("SELECT FOUND_ROWS()").count(c) : null;
            boolean more = base.size() > limit;
            if (more) {
                base = base.subList(0, limit);
            }
            if (base.isEmpty()) {
                return new Page<>(List.of(), offset, false, total);
            }
            List<String> uuids = base.stream().map(Base::uuid).toList();
            List<String> hostUuids = base.stream().map(b -> b.host() != null ? b.host() : b.lastHost())
                    .filter(Objects::nonNull).distinct().toList();
            Map<String, String> hostNames = new HashMap<>();
            if (!hostUuids.isEmpty()) {
                new BrowseSql("SELECT h.uuid, h.name FROM HostEO h WHERE h.uuid IN ").in(hostUuids)
                        .list(c, rs -> hostNames.put(rs.getString(1), rs.getString(2)));
            }
            Map<String, int[]> tpm = new HashMap<>(); // vm -> {tpms, key state code}
            pageTpmSql(uuids).list(c, rs -> tpm.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}));
            Map<String, Integer> files = new HashMap<>();
            pageFilesSql(uuids).list(c, rs -> files.put(rs.getString(1), rs.getInt(2)));
            Map<String, Integer> backups = pageBackups(c, uuids);
            List<VmRow> rows = new ArrayList<>(base.size());
            for (Base b : base) {
                String host = b.host() != null ? b.host() : b.lastHost();
                int[] t = tpm.get(b.uuid());
                rows.add(new VmRow(b.uuid(), b.name(), b.state(), b.deleted(), host, host == null ? null : hostNames.get(host),
                        b.host() != null, t == null ? 0 : t[0], t == null ? null : KeyState.ofCode(t[1]),
                        files.getOrDefault(b.uuid(), 0), backups.getOrDefault(b.uuid(), 0)));
            }
            return new Page<>(rows, offset, more, total);
        }
    }

    /** The columns of a VM row that come from VmInstanceEO itself. */
    private record Base(String uuid, String name, String state, String deleted, String host, String lastHost) {
    }

    private static final String BASE_COLUMNS = "v.uuid, v.name, v.state, v.deleted, ";

    /** A page of VM rows by SQL; {@code countAll}: MariaDB's FOUND_ROWS() will tell how many match (MariaDB only). */
    private List<Base> baseOf(Connection c, VmFilter filter, Sort<VmColumn> sort, int offset, int limit, boolean countAll)
            throws SQLException {
        BrowseSql q = new BrowseSql("SELECT " + (countAll ? "SQL_CALC_FOUND_ROWS " : "") + BASE_COLUMNS + col("v", "VmInstanceEO", "hostUuid") + ", "
                + col("v", "VmInstanceEO", "lastHostUuid") + " FROM VmInstanceEO v");
        String order = vmSortJoin(q, sort.column());
        vmWhere(c, q, filter);
        q.sql(" ORDER BY " + order + " " + sort.direction() + ", v.uuid ASC LIMIT ? OFFSET ?", limit + 1, offset);
        return q.list(c, BrowseQueries::base);
    }

    /** The rows of these VMs, in this order (by their primary key). */
    private List<Base> baseOf(Connection c, List<String> uuids) throws SQLException {
        if (uuids.isEmpty()) {
            return List.of();
        }
        Map<String, Base> read = new HashMap<>();
        new BrowseSql("SELECT " + BASE_COLUMNS + col("v", "VmInstanceEO", "hostUuid") + ", "
                + col("v", "VmInstanceEO", "lastHostUuid") + " FROM VmInstanceEO v WHERE v.uuid IN ").in(uuids)
                .list(c, rs -> read.put(rs.getString(1), base(rs)));
        return uuids.stream().map(read::get).filter(Objects::nonNull).toList();
    }

    private static Base base(java.sql.ResultSet rs) throws SQLException {
        return new Base(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }

    /**
     * The uuids {@code filter} lets through in {@code sort}'s order (null: either order, for a count), from the
     * snapshot's {@link VmNameIndex}; null when the SQL answers instead (a live database, a sort by another column, a
     * filter by host, an index not read yet).
     */
    private List<String> byName(Connection c, VmFilter filter, Sort<VmColumn> sort) throws SQLException {
        if (!nameIndexed || (sort != null && sort.column() != VmColumn.NAME) || !filter.host().isEmpty()) {
            return null;
        }
        // read by warmUp once the first rows are shown: until then (and for a snapshot it cannot serve) the SQL answers
        Optional<VmNameIndex> index = nameIndex.peek();
        if (index == null || index.isEmpty()) {
            return null;
        }
        List<String> dirtyList = filter.dirtyOnly() ? dirtyVms(c) : null;
        VmNameIndex names = index.get();
        boolean descending = sort != null && !sort.ascending();
        Matched found = null;
        VmNameIndex.Hits within = null;
        // an answer holds while the index and the dirty VMs it was made from do (refresh() replaces them); a filter
        // that narrows to this one holds its VMs, so only those are looked at again
        synchronized (recent) {
            for (Matched m : recent) {
                if (m.index != names || m.dirty != dirtyList) {
                    continue;
                }
                if (m.filter.equals(filter)) {
                    found = m;
                    break;
                }
                boolean smaller = within == null || m.hits.size() < within.size();
                if (smaller && VmNameIndex.narrows(m.filter, m.hits, filter)) {
                    within = m.hits;
                }
            }
            if (found != null) {
                recent.remove(found);
                recent.addFirst(found);
            }
        }
        if (found == null) {
            found = new Matched(names, dirtyList, filter, names.hits(filter,
                    dirtyList == null ? java.util.Set.of() : java.util.Set.copyOf(dirtyList), within));
            synchronized (recent) {
                recent.removeIf(m -> m.index != names); // an index refresh() replaced
                recent.addFirst(found);
                while (recent.size() > RECENT) {
                    recent.removeLast();
                }
            }
        }
        return found.uuids(descending);
    }

    /** Whether the VM list by name is answered from memory now. */
    boolean nameIndexReady() {
        Optional<VmNameIndex> index = nameIndex.peek();
        return index != null && index.isPresent();
    }

    /**
     * A filter's VMs by name and what they were read from; the uuids in either order, made once each (a page and its
     * count ask for the same).
     */
    private static final class Matched {
        final VmNameIndex index;
        final List<String> dirty;
        final VmFilter filter;
        final VmNameIndex.Hits hits;
        private List<String> ascending;
        private List<String> descending;

        Matched(VmNameIndex index, List<String> dirty, VmFilter filter, VmNameIndex.Hits hits) {
            this.index = index;
            this.dirty = dirty;
            this.filter = filter;
            this.hits = hits;
        }

        synchronized List<String> uuids(boolean inDescendingOrder) {
            if (inDescendingOrder) {
                return descending != null ? descending : (descending = index.uuids(hits, true));
            }
            return ascending != null ? ascending : (ascending = index.uuids(hits, false));
        }
    }

    /** How many VMs the filter lets through. */
    public long countVms(VmFilter filter) throws SQLException {
        try (Connection c = source.connection()) {
            List<String> byName = byName(c, filter, null);
            if (byName != null) {
                return byName.size();
            }
            BrowseSql q = new BrowseSql("SELECT COUNT(*) FROM VmInstanceEO v");
            vmWhere(c, q, filter);
            return q.count(c);
        }
    }

    /**
     * The uuids of the VMs with dirty rows. Computed once by the index's set-based SQL, then bound into the VM
     * list's filter, until {@link #refresh} says the database changed.
     */
    public List<String> dirtyVmUuids() throws SQLException {
        try (Connection c = source.connection()) {
            return dirtyVms(c);
        }
    }

    /**
     * Forgets what was computed once (the VMs with dirty rows, a snapshot's VMs by name, the index's findings): the
     * database changed underneath (a run or repair
     * from the window, or F5 on a live database), and the next question computes it again. Never waits: a
     * computation still running when this is called keeps its result to itself.
     */
    public void refresh() {
        synchronized (recent) {
            recent.clear();
        }
        dirtyVms.forget();
        nameIndex.forget();
        groupsOfVms.forget();
        dirtyIndex.refresh();
    }

    /**
     * Computes ahead what the filter box and the details of a VM need once per source (asked once the first rows are
     * shown): a snapshot's VMs by name (the SQL answers the filter box if they cannot be read), then the index's
     * findings.
     */
    public void warmUp() throws SQLException {
        try (Connection c = source.connection()) {
            if (nameIndexed) {
                try {
                    nameIndex.get(() -> Optional.ofNullable(VmNameIndex.read(c)));
                } catch (SQLException | RuntimeException e) {
                    // the filter box asks the SQL, as before it is read
                }
            }
            if (nameIndexed && groups) {
                groupsOfVms.get(() -> groupsOfVms(c));
            }
            dirtyIndex.warmUp(c);
        }
    }

    /**
     * A snapshot's snapshot groups by the uuid of their VM, as the page's {@code IN} finds them: only a text uuid
     * equals the text a page binds.
     */
    private static Map<String, List<String>> groupsOfVms(Connection c) throws SQLException {
        Map<String, List<String>> byVm = new HashMap<>();
        new BrowseSql("SELECT g.uuid, g.vmInstanceUuid FROM VolumeSnapshotGroupVO g"
                + " WHERE typeof(g.vmInstanceUuid) = 'text'").list(c,
                rs -> byVm.computeIfAbsent(rs.getString(2), k -> new ArrayList<>(1)).add(rs.getString(1)));
        return byVm;
    }

    private List<String> dirtyVms(Connection c) throws SQLException {
        return dirtyVms.get(() -> List.copyOf(new BrowseSql("SELECT DISTINCT d.vm FROM ("
                + dirtyIndex.dirtyVmUuidsSql(layout) + ") d WHERE d.vm IS NOT NULL ORDER BY d.vm").list(c, rs -> rs.getString(1))));
    }

    private void vmWhere(Connection c, BrowseSql q, VmFilter f) throws SQLException {
        String[] sep = {" WHERE "};
        Runnable next = () -> {
            q.sql(sep[0]);
            sep[0] = " AND ";
        };
        if (!f.text().isEmpty()) {
            next.run();
            String hex = BrowseSql.uuidPrefix(f.text());
            q.sql("(v.name LIKE ? ESCAPE '!'", BrowseSql.startsWith(f.text()));
            if (hex != null) {
                q.sql(" OR ").uuidStartsWith("v.uuid", hex);
            }
            q.sql(")");
        }
        if (!f.states().isEmpty()) {
            next.run();
            List<String> states = f.states().stream().filter(s -> !s.equals(VmFilter.SOFT_DELETED)).sorted().toList();
            boolean deleted = f.states().contains(VmFilter.SOFT_DELETED);
            q.sql("(");
            if (!states.isEmpty()) {
                q.sql("v.state IN ").in(states);
            }
            q.sql(states.isEmpty() || !deleted ? "" : " OR ").sql(deleted ? "v.deleted IS NOT NULL" : "").sql(")");
        }
        if (!f.host().isEmpty()) {
            next.run();
            String like = BrowseSql.startsWith(f.host());
            String hex = BrowseSql.uuidPrefix(f.host());
            q.sql("COALESCE(" + col("v", "VmInstanceEO", "hostUuid") + ", " + col("v", "VmInstanceEO", "lastHostUuid")
                    + ") IN (SELECT h.uuid FROM HostEO h WHERE h.name LIKE ? ESCAPE '!' OR h.managementIp LIKE ? ESCAPE '!'", like, like);
            if (hex != null) {
                q.sql(" OR ").uuidStartsWith("h.uuid", hex);
            }
            q.sql(")");
        }
        if (f.dirtyOnly()) {
            next.run();
            List<String> dirty = dirtyVms(c);
            if (dirty.isEmpty()) {
                q.sql("1 = 0");
            } else if (dirty.size() <= MAX_BOUND_DIRTY) {
                q.sql("v.uuid IN ").in(dirty);
            } else {
                q.sql("v.uuid IN (SELECT d.vm FROM (" + dirtyIndex.dirtyVmUuidsSql(layout) + ") d)");
            }
        }
    }

    /** Adds the join a sort needs (aggregates over the whole table only when sorting by them); returns the key. */
    private String vmSortJoin(BrowseSql q, VmColumn column) {
        String hostOf = "COALESCE(" + col("v", "VmInstanceEO", "hostUuid") + ", " + col("v", "VmInstanceEO", "lastHostUuid") + ")";
        switch (column) {
            case NAME:
                return "v.name";
            case UUID:
                return "v.uuid";
            case STATE:
                return "v.state";
            case HOST:
                q.sql(" LEFT JOIN HostEO sh ON sh.uuid = " + hostOf);
                return "COALESCE(sh.name, '')";
            case TPM:
                q.sql(" LEFT JOIN (SELECT t.vmInstanceUuid AS vm, COUNT(*) AS n FROM TpmVO t GROUP BY t.vmInstanceUuid) s"
                        + " ON s.vm = v.uuid");
                return "COALESCE(s.n, 0)";
            case KEY_STATE:
                q.sql(" LEFT JOIN (SELECT t.vmInstanceUuid AS vm, MAX(" + KeyState.codeSql("r", "p") + ") AS n FROM TpmVO t"
                        + " LEFT JOIN EncryptedResourceKeyRefVO r ON r.resourceType = 'TpmVO' AND r.resourceUuid = t.uuid"
                        + " LEFT JOIN KeyProviderVO p ON p.uuid = r.providerUuid GROUP BY t.vmInstanceUuid) s ON s.vm = v.uuid");
                return "COALESCE(s.n, -1)";
            case TPM_STATE_FILES:
                q.sql(" LEFT JOIN (SELECT f.vmInstanceUuid AS vm, COUNT(*) AS n FROM VmHostFileVO f WHERE f.type = 'TpmState'"
                        + " GROUP BY f.vmInstanceUuid) s ON s.vm = v.uuid");
                return "COALESCE(s.n, 0)";
            case BACKUPS:
                q.sql(" LEFT JOIN (SELECT x.vm, COUNT(*) AS n FROM (SELECT b." + owner + " AS vm FROM VmHostBackupFileVO b"
                        + (groups ? " UNION ALL SELECT g.vmInstanceUuid FROM VolumeSnapshotGroupVO g JOIN VmHostBackupFileVO b"
                        + " ON b." + owner + " = g.uuid" : "") + ") x GROUP BY x.vm) s ON s.vm = v.uuid");
                return "COALESCE(s.n, 0)";
            default:
                throw new IllegalArgumentException(column.toString());
        }
    }

    /** TPMs and the key state code per VM of a page: TpmVO by the index of its foreign key to the VM, and indexed refs. */
    BrowseSql pageTpmSql(List<String> vmUuids) {
        return new BrowseSql("SELECT t.vmInstanceUuid, COUNT(DISTINCT t.uuid), MAX(" + KeyState.codeSql("r", "p") + ")"
                + " FROM TpmVO t LEFT JOIN EncryptedResourceKeyRefVO r ON r.resourceType = 'TpmVO' AND r.resourceUuid = t.uuid"
                + " LEFT JOIN KeyProviderVO p ON p.uuid = r.providerUuid WHERE t.vmInstanceUuid IN ")
                .in(vmUuids).sql(" GROUP BY t.vmInstanceUuid");
    }

    BrowseSql pageFilesSql(List<String> vmUuids) {
        return new BrowseSql("SELECT f.vmInstanceUuid, COUNT(*) FROM VmHostFileVO f WHERE f.type = 'TpmState'"
                + " AND f.vmInstanceUuid IN ").in(vmUuids).sql(" GROUP BY f.vmInstanceUuid");
    }

    /** Backups per owner uuid, from the owner index. */
    BrowseSql pageBackupsSql(List<String> ownerUuids) {
        return new BrowseSql("SELECT b." + owner + ", COUNT(*) FROM VmHostBackupFileVO b WHERE b." + owner + " IN ")
                .in(ownerUuids).sql(" GROUP BY b." + owner);
    }

    /**
     * Backups per VM of a page: those the VMs own, and those their snapshot groups own. The groups are found
     * first (VolumeSnapshotGroupVO is small and has no index on vmInstanceUuid), so that the backups are
     * always read through the owner index; one query with a join lets SQLite scan every backup instead. A snapshot's
     * groups by VM are kept once the warm-up has read them: scanning the groups was the dearest of a page's queries
     * (a third of their time on the 100,000-VM demo's 4,969 groups).
     */
    private Map<String, Integer> pageBackups(Connection c, List<String> vmUuids) throws SQLException {
        Map<String, Integer> backups = new HashMap<>();
        pageBackupsSql(vmUuids).list(c, rs -> backups.merge(rs.getString(1), rs.getInt(2), Integer::sum));
        if (groups) {
            Map<String, String> vmOfGroup = new HashMap<>();
            Map<String, List<String>> kept = groupsOfVms.peek();
            if (kept != null) {
                for (String vm : vmUuids) {
                    kept.getOrDefault(vm, List.of()).forEach(g -> vmOfGroup.put(g, vm));
                }
            } else {
                new BrowseSql("SELECT g.uuid, g.vmInstanceUuid FROM VolumeSnapshotGroupVO g WHERE g.vmInstanceUuid IN ")
                        .in(vmUuids).list(c, rs -> vmOfGroup.put(rs.getString(1), rs.getString(2)));
            }
            if (!vmOfGroup.isEmpty()) {
                pageBackupsSql(List.copyOf(vmOfGroup.keySet()))
                        .list(c, rs -> backups.merge(vmOfGroup.get(rs.getString(1)), rs.getInt(2), Integer::sum));
            }
        }
        return backups;
    }

    /** Everything about one VM, or empty when no VmInstanceEO row has that uuid. */
    public Optional<VmDetails> vmDetails(String vmUuid) throws SQLException {
        try (Connection c = source.connection()) {
            List<VmDetails.Vm> vms = new BrowseSql("SELECT v.uuid, v.name, v.state, v.deleted, h.uuid, h.name, l.uuid, l.name, "
                    + col("v", "VmInstanceEO", "platform") + ", " + col("v", "VmInstanceEO", "guestOsType") + ", "
                    + col("v", "VmInstanceEO", "architecture") + ", v.createDate, v.lastOpDate, "
                    + col("v", "VmInstanceEO", "hostUuid") + ", " + col("v", "VmInstanceEO", "lastHostUuid")
                    + " FROM VmInstanceEO v LEFT JOIN HostEO h ON h.uuid = " + col("v", "VmInstanceEO", "hostUuid")
                    + " LEFT JOIN HostEO l ON l.uuid = " + col("v", "VmInstanceEO", "lastHostUuid") + " WHERE v.uuid = ?", vmUuid)
                    .list(c, rs -> new VmDetails.Vm(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(14), rs.getString(6), rs.getString(15), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)));
            if (vms.isEmpty()) {
                return Optional.empty();
            }
            List<VmDetails.Tpm> tpms = new BrowseSql("SELECT t.uuid, t.createDate, t.lastOpDate FROM TpmVO t"
                    + " WHERE t.vmInstanceUuid = ? ORDER BY t.createDate, t.uuid", vmUuid)
                    .list(c, rs -> new VmDetails.Tpm(rs.getString(1), rs.getString(2), rs.getString(3)));
            List<VmDetails.HostFile> files = new BrowseSql("SELECT f.uuid, f.hostUuid, h.name, h.deleted IS NOT NULL, f.type,"
                    + " f.path, " + col("f", "VmHostFileVO", "lastSyncDate") + ", " + col("f", "VmHostFileVO", "lastSyncReason")
                    + ", " + col("f", "VmHostFileVO", "changeDate") + ", f.lastOpDate, LENGTH(c.content), c.format, c.uuid"
                    + " FROM VmHostFileVO f LEFT JOIN HostEO h ON h.uuid = f.hostUuid"
                    + " LEFT JOIN VmHostFileContentVO c ON c.uuid = f.uuid WHERE f.vmInstanceUuid = ?"
                    + " ORDER BY COALESCE(h.name, f.hostUuid), f.hostUuid, f.type, f.uuid", vmUuid)
                    .list(c, rs -> new VmDetails.HostFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(13) == null ? null : contentSize(rs.getObject(11)), rs.getString(12)));
            String backupCols = "SELECT b.uuid, b.type, b.createDate, LENGTH(c.content), c.uuid, EXISTS (SELECT 1 FROM"
                    + " EncryptedResourceKeyRefVO k WHERE k.resourceType = 'VmHostBackupFileVO' AND k.resourceUuid = b.uuid)";
            List<VmDetails.Backup> backups = new ArrayList<>(new BrowseSql(backupCols + " FROM VmHostBackupFileVO b"
                    + " LEFT JOIN VmHostFileContentVO c ON c.uuid = b.uuid WHERE b." + owner + " = ? ORDER BY b.type, b.createDate, b.uuid",
                    vmUuid).list(c, rs -> new VmDetails.Backup(rs.getString(1), rs.getString(2), VmDetails.OwnerKind.VM, vmUuid,
                    null, rs.getString(3), rs.getString(5) == null ? null : contentSize(rs.getObject(4)), rs.getBoolean(6))));
            if (groups) {
                // CROSS JOIN keeps SQLite's order (the VM's groups, then their backups by the owner's index); for the
                // ORDER BY it otherwise scanned every backup (the same inner join on MariaDB)
                backups.addAll(new BrowseSql(backupCols + ", g.uuid, g.name FROM VolumeSnapshotGroupVO g CROSS JOIN VmHostBackupFileVO b"
                        + " ON b." + owner + " = g.uuid LEFT JOIN VmHostFileContentVO c ON c.uuid = b.uuid WHERE g.vmInstanceUuid = ?"
                        + " ORDER BY g.createDate, g.uuid, b.type, b.uuid", vmUuid)
                        .list(c, rs -> new VmDetails.Backup(rs.getString(1), rs.getString(2), VmDetails.OwnerKind.SNAPSHOT_GROUP,
                                rs.getString(7), rs.getString(8), rs.getString(3),
                                rs.getString(5) == null ? null : contentSize(rs.getObject(4)), rs.getBoolean(6))));
            }
            List<String> tpmUuids = tpms.stream().map(VmDetails.Tpm::uuid).toList();
            List<String> backupUuids = backups.stream().map(VmDetails.Backup::uuid).toList();
            List<VmDetails.KeyRef> refs = new ArrayList<>();
            if (!tpmUuids.isEmpty()) {
                refs.addAll(keyRefsOf(c, "TpmVO", tpmUuids));
            }
            if (!backupUuids.isEmpty()) {
                refs.addAll(keyRefsOf(c, "VmHostBackupFileVO", backupUuids));
            }
            List<VmDetails.Tag> tags = new ArrayList<>();
            if (layout.has("SystemTagVO")) {
                tags.addAll(new BrowseSql("SELECT s.resourceUuid, s.resourceType, s.tag, s.createDate FROM SystemTagVO s"
                        + " WHERE s.resourceUuid = ? AND (s.tag LIKE 'bootMode::%' OR LOWER(s.tag) LIKE '%tpm%'"
                        + " OR LOWER(s.tag) LIKE '%secureboot%' OR LOWER(s.tag) LIKE '%nvram%' OR LOWER(s.tag) LIKE '%keyprovider%')"
                        + " ORDER BY s.tag, s.uuid", vmUuid).list(c, BrowseQueries::tag));
                List<String> owned = new ArrayList<>(tpmUuids);
                owned.addAll(backupUuids);
                if (!owned.isEmpty()) {
                    tags.addAll(new BrowseSql("SELECT s.resourceUuid, s.resourceType, s.tag, s.createDate FROM SystemTagVO s"
                            + " WHERE s.resourceUuid IN ").in(owned).sql(" ORDER BY s.resourceType, s.resourceUuid, s.tag, s.uuid")
                            .list(c, BrowseQueries::tag));
                }
            }
            List<VmFinding> findings = dirtyIndex.findingsForVm(c, layout, vmUuid);
            return Optional.of(new VmDetails(vms.get(0), tpms, refs, files, backups, tags, findings));
        }
    }

    private static VmDetails.Tag tag(java.sql.ResultSet rs) throws SQLException {
        return new VmDetails.Tag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** {@code LENGTH(content)}: bytes for a blob; NULL content counts as 0 bytes of a present row. */
    private static Long contentSize(Object length) {
        return length == null ? 0L : ((Number) length).longValue();
    }

    private List<VmDetails.KeyRef> keyRefsOf(Connection c, String type, List<String> uuids) throws SQLException {
        return new BrowseSql("SELECT r.id, r.resourceType, r.resourceUuid, r.providerUuid, r.providerName,"
                + " p.uuid IS NOT NULL, " + col("r", "EncryptedResourceKeyRefVO", "keyVersion") + ", "
                + col("r", "EncryptedResourceKeyRefVO", "kekRef") + " IS NOT NULL, "
                + col("r", "EncryptedResourceKeyRefVO", "algorithm") + ", LENGTH(r.wrappedDek), "
                + KeyState.codeSql("r", "p") + ", r.createDate FROM EncryptedResourceKeyRefVO r"
                + " LEFT JOIN KeyProviderVO p ON p.uuid = r.providerUuid WHERE r.resourceType = ? AND r.resourceUuid IN ", type)
                .in(uuids).sql(" ORDER BY r.id")
                .list(c, rs -> new VmDetails.KeyRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), BrowseSql.longOrNull(rs, 7), rs.getBoolean(8), rs.getString(9),
                        rs.getLong(10), KeyState.ofCode(rs.getInt(11)), rs.getString(12)));
    }

    // ------------------------------------------------------------------------------------------------ hosts

    /** A page of the host list, filtered by a prefix of the name, management IP or uuid. */
    public Page<HostRow> hosts(String text, Sort<HostColumn> sort, int offset, int limit) throws SQLException {
        checkPage(offset, limit);
        try (Connection c = source.connection()) {
            BrowseSql q = new BrowseSql("SELECT h.uuid, h.name, h.managementIp, h.state, h.status, h.clusterUuid, h.deleted"
                    + " FROM HostEO h");
            String order = hostSortJoin(q, sort.column());
            hostWhere(q, text);
            q.sql(" ORDER BY " + order + " " + sort.direction() + ", h.uuid ASC LIMIT ? OFFSET ?", limit + 1, offset);
            List<String[]> base = q.list(c, rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)});
            boolean more = base.size() > limit;
            if (more) {
                base = base.subList(0, limit);
            }
            if (base.isEmpty()) {
                return new Page<>(List.of(), offset, false);
            }
            List<String> uuids = base.stream().map(b -> b[0]).toList();
            Map<String, Integer> vms = new HashMap<>();
            new BrowseSql("SELECT v.hostUuid, COUNT(*) FROM VmInstanceEO v WHERE v.deleted IS NULL AND v.hostUuid IN ")
                    .in(uuids).sql(" GROUP BY v.hostUuid").list(c, rs -> vms.put(rs.getString(1), rs.getInt(2)));
            Map<String, Integer> state = new HashMap<>();
            Map<String, Integer> nvram = new HashMap<>();
            new BrowseSql("SELECT f.hostUuid, f.type, COUNT(*) FROM VmHostFileVO f WHERE f.hostUuid IN ").in(uuids)
                    .sql(" GROUP BY f.hostUuid, f.type").list(c, rs -> {
                        if ("TpmState".equals(rs.getString(2))) {
                            state.put(rs.getString(1), rs.getInt(3));
                        } else if ("NvRam".equals(rs.getString(2))) {
                            nvram.put(rs.getString(1), rs.getInt(3));
                        }
                        return null;
                    });
            List<HostRow> rows = new ArrayList<>();
            for (String[] b : base) {
                rows.add(new HostRow(b[0], b[1], b[2], b[3], b[4], b[5], b[6], vms.getOrDefault(b[0], 0),
                        state.getOrDefault(b[0], 0), nvram.getOrDefault(b[0], 0)));
            }
            return new Page<>(rows, offset, more);
        }
    }

    public long countHosts(String text) throws SQLException {
        try (Connection c = source.connection()) {
            BrowseSql q = new BrowseSql("SELECT COUNT(*) FROM HostEO h");
            hostWhere(q, text);
            return q.count(c);
        }
    }

    private static void hostWhere(BrowseSql q, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return;
        }
        String like = BrowseSql.startsWith(t);
        q.sql(" WHERE (h.name LIKE ? ESCAPE '!' OR h.managementIp LIKE ? ESCAPE '!'", like, like);
        String hex = BrowseSql.uuidPrefix(t);
        if (hex != null) {
            q.sql(" OR ").uuidStartsWith("h.uuid", hex);
        }
        q.sql(")");
    }

    private static String hostSortJoin(BrowseSql q, HostColumn column) {
        switch (column) {
            case NAME:
                return "h.name";
            case UUID:
                return "h.uuid";
            case MANAGEMENT_IP:
                return "h.managementIp";
            case STATE:
                return "h.state";
            case STATUS:
                return "h.status";
            case VMS:
                q.sql(" LEFT JOIN (SELECT v.hostUuid AS host, COUNT(*) AS n FROM VmInstanceEO v WHERE v.deleted IS NULL"
                        + " GROUP BY v.hostUuid) s ON s.host = h.uuid");
                return "COALESCE(s.n, 0)";
            case TPM_STATE_FILES:
            case NVRAM_FILES:
                q.sql(" LEFT JOIN (SELECT f.hostUuid AS host, COUNT(*) AS n FROM VmHostFileVO f WHERE f.type = '"
                        + (column == HostColumn.NVRAM_FILES ? "NvRam" : "TpmState") + "' GROUP BY f.hostUuid) s ON s.host = h.uuid");
                return "COALESCE(s.n, 0)";
            default:
                throw new IllegalArgumentException(column.toString());
        }
    }

    /** A page of the host files a host holds, ordered by VM name, type and uuid. */
    public Page<HostFileRow> filesOnHost(String hostUuid, int offset, int limit) throws SQLException {
        checkPage(offset, limit);
        try (Connection c = source.connection()) {
            List<HostFileRow> rows = new BrowseSql("SELECT f.uuid, f.vmInstanceUuid, v.name, v.deleted IS NOT NULL, f.type,"
                    + " f.path, " + col("f", "VmHostFileVO", "lastSyncDate") + ", " + col("f", "VmHostFileVO", "lastSyncReason")
                    + ", LENGTH(c.content), c.uuid FROM VmHostFileVO f LEFT JOIN VmInstanceEO v ON v.uuid = f.vmInstanceUuid"
                    + " LEFT JOIN VmHostFileContentVO c ON c.uuid = f.uuid WHERE f.hostUuid = ?"
                    + " ORDER BY COALESCE(v.name, ''), f.vmInstanceUuid, f.type, f.uuid LIMIT ? OFFSET ?", hostUuid, limit + 1, offset)
                    .list(c, rs -> new HostFileRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(10) == null ? null : contentSize(rs.getObject(9))));
            return page(rows, offset, limit);
        }
    }

    public long countFilesOnHost(String hostUuid) throws SQLException {
        try (Connection c = source.connection()) {
            return new BrowseSql("SELECT COUNT(*) FROM VmHostFileVO f WHERE f.hostUuid = ?", hostUuid).count(c);
        }
    }

    // ------------------------------------------------------------------------------------------------ providers

    private static final String LOST_REF = "NOT EXISTS (SELECT 1 FROM KeyProviderVO q WHERE q.uuid = r.providerUuid)";

    /**
     * A page of the key providers, by name: the KeyProviderVO rows, and one row for each provider name that
     * refs with a lost provider still carry while no provider of that name exists.
     */
    public Page<ProviderRow> providers(String namePrefix, int offset, int limit) throws SQLException {
        checkPage(offset, limit);
        String t = namePrefix == null ? "" : namePrefix.strip();
        String nkp = layout.has("NkpVO") ? "n.currentVersion" : "NULL";
        String kms = layout.has("KmsVO") ? "k.endpoint" : "NULL";
        try (Connection c = source.connection()) {
            BrowseSql q = new BrowseSql("SELECT p.uuid, p.name, p.type, " + col("p", "KeyProviderVO", "connected") + ", 1, "
                    + col("p", "KeyProviderVO", "description") + ", " + nkp + ", " + kms + ","
                    + " (SELECT COUNT(*) FROM EncryptedResourceKeyRefVO r WHERE r.providerUuid = p.uuid),"
                    + " (SELECT COUNT(*) FROM EncryptedResourceKeyRefVO r WHERE r.providerName = p.name AND " + LOST_REF + ")"
                    + " FROM KeyProviderVO p" + (layout.has("NkpVO") ? " LEFT JOIN NkpVO n ON n.uuid = p.uuid" : "")
                    + (layout.has("KmsVO") ? " LEFT JOIN KmsVO k ON k.uuid = p.uuid" : ""));
            if (!t.isEmpty()) {
                q.sql(" WHERE p.name LIKE ? ESCAPE '!'", BrowseSql.startsWith(t));
            }
            q.sql(" UNION ALL SELECT NULL, r.providerName, NULL, 0, 0, NULL, NULL, NULL, COUNT(*), 0"
                    + " FROM EncryptedResourceKeyRefVO r WHERE " + LOST_REF
                    + " AND r.providerName NOT IN (SELECT q2.name FROM KeyProviderVO q2)");
            if (!t.isEmpty()) {
                q.sql(" AND r.providerName LIKE ? ESCAPE '!'", BrowseSql.startsWith(t));
            }
            q.sql(" GROUP BY r.providerName ORDER BY 2, 1 LIMIT ? OFFSET ?", limit + 1, offset);
            List<ProviderRow> rows = q.list(c, rs -> {
                Object version = rs.getObject(7);
                String endpoint = rs.getString(8);
                String detail = version != null ? "NKP version " + version : endpoint != null ? "KMIP " + endpoint : null;
                return new ProviderRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getInt(5) == 1, rs.getLong(9), rs.getLong(10), rs.getString(6), detail);
            });
            return page(rows, offset, limit);
        }
    }

    public long countProviders(String namePrefix) throws SQLException {
        String t = namePrefix == null ? "" : namePrefix.strip();
        try (Connection c = source.connection()) {
            BrowseSql q = new BrowseSql("SELECT (SELECT COUNT(*) FROM KeyProviderVO p"
                    + (t.isEmpty() ? "" : " WHERE p.name LIKE ? ESCAPE '!'") + ") + (SELECT COUNT(DISTINCT r.providerName)"
                    + " FROM EncryptedResourceKeyRefVO r WHERE " + LOST_REF + " AND r.providerName NOT IN (SELECT q2.name FROM KeyProviderVO q2)"
                    + (t.isEmpty() ? "" : " AND r.providerName LIKE ? ESCAPE '!'") + ")");
            if (!t.isEmpty()) {
                q = new BrowseSql(q.text(), BrowseSql.startsWith(t), BrowseSql.startsWith(t));
            }
            return q.count(c);
        }
    }

    /**
     * A page of the key refs that name a provider, by id: for a present provider the refs whose
     * {@code providerUuid} is its uuid and the refs with a lost provider that carry its name; for a missing
     * one the refs with a lost provider that carry its name.
     */
    public Page<KeyRefRow> keyRefsOfProvider(ProviderRow provider, int offset, int limit) throws SQLException {
        checkPage(offset, limit);
        try (Connection c = source.connection()) {
            String vmOf = groups ? "COALESCE(t.vmInstanceUuid, g.vmInstanceUuid, b." + owner + ")"
                    : "COALESCE(t.vmInstanceUuid, b." + owner + ")";
            BrowseSql q = new BrowseSql("SELECT r.id, r.resourceType, r.resourceUuid, v.uuid, v.name, r.providerUuid,"
                    + " r.providerName, " + col("r", "EncryptedResourceKeyRefVO", "keyVersion") + ", "
                    + col("r", "EncryptedResourceKeyRefVO", "kekRef") + " IS NOT NULL, "
                    + col("r", "EncryptedResourceKeyRefVO", "algorithm") + ", LENGTH(r.wrappedDek), "
                    + KeyState.codeSql("r", "p") + ", r.createDate, p.uuid IS NULL"
                    + " FROM EncryptedResourceKeyRefVO r LEFT JOIN KeyProviderVO p ON p.uuid = r.providerUuid"
                    + " LEFT JOIN TpmVO t ON r.resourceType = 'TpmVO' AND t.uuid = r.resourceUuid"
                    + " LEFT JOIN VmHostBackupFileVO b ON r.resourceType = 'VmHostBackupFileVO' AND b.uuid = r.resourceUuid"
                    + (groups ? " LEFT JOIN VolumeSnapshotGroupVO g ON g.uuid = b." + owner : "")
                    + " LEFT JOIN VmInstanceEO v ON v.uuid = " + vmOf);
            keyRefWhere(q, provider);
            q.sql(" ORDER BY r.id LIMIT ? OFFSET ?", limit + 1, offset);
            List<KeyRefRow> rows = q.list(c, rs -> new KeyRefRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), BrowseSql.longOrNull(rs, 8),
                    rs.getBoolean(9), rs.getString(10), rs.getLong(11), KeyState.ofCode(rs.getInt(12)), rs.getString(13),
                    rs.getBoolean(14)));
            return page(rows, offset, limit);
        }
    }

    public long countKeyRefsOfProvider(ProviderRow provider) throws SQLException {
        try (Connection c = source.connection()) {
            BrowseSql q = new BrowseSql("SELECT COUNT(*) FROM EncryptedResourceKeyRefVO r");
            keyRefWhere(q, provider);
            return q.count(c);
        }
    }

    private static void keyRefWhere(BrowseSql q, ProviderRow provider) {
        if (provider.present()) {
            q.sql(" WHERE (r.providerUuid = ? OR (r.providerName = ? AND " + LOST_REF + "))", provider.uuid(), provider.name());
        } else {
            q.sql(" WHERE r.providerName = ? AND " + LOST_REF, provider.name());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String col(String alias, String table, String column) {
        return BrowseSql.col(layout, alias, table, column);
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("bad page: offset " + offset + ", limit " + limit);
        }
    }

    private static <T> Page<T> page(List<T> rowsPlusOne, int offset, int limit) {
        boolean more = rowsPlusOne.size() > limit;
        return new Page<>(more ? rowsPlusOne.subList(0, limit) : rowsPlusOne, offset, more);
    }
}
