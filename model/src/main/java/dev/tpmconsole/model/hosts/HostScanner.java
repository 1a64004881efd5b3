package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.demo.DemoSnapshots;
import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.sql.SqlDialect;
import dev.tpmconsole.model.ssh.RemoteEntry;
import dev.tpmconsole.model.ssh.RemoteFiles;
import dev.tpmconsole.model.ssh.SshConfigException;
import dev.tpmconsole.model.ssh.SshConnection;
import dev.tpmconsole.model.ssh.SshFailure;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.util.Texts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scans the KVM hosts of a database (docs/hosts.md, "Scan"): on each host, over SFTP and read-only, it lists
 * {@code /var/lib/libvirt/swtpm/} and {@code /var/lib/libvirt/qemu/nvram/} (a missing folder is an empty list)
 * and compares them with the VmHostFileVO rows of that host. Hosts are scanned in parallel (a bound), the paths
 * of one host in order; a host that cannot be reached or read is a finding with its reason, and the others go
 * on. The database is only read.
 *
 * <p>The path rules ({@link HostPaths}) are checked on each row's path and each entry: an entry's type comes from
 * the listing, which is lstat (a symbolic link is seen as one, never followed), and each folder's realpath on
 * the host must be itself, so that an entry that passes has its own path as realpath.
 */
public final class HostScanner {

    /** The folders a scan lists, without their trailing slash. */
    static final String SWTPM_DIR = HostPaths.SWTPM.substring(0, HostPaths.SWTPM.length() - 1);
    static final String NVRAM_DIR = HostPaths.NVRAM.substring(0, HostPaths.NVRAM.length() - 1);

    /**
     * What to scan.
     *
     * @param hostUuids   only these hosts (empty: every host that has a VmHostFileVO row)
     * @param allHosts    every HostEO row (and the hosts of the rows)
     * @param parallelism how many hosts at once
     */
    public record Options(List<String> hostUuids, boolean allHosts, int parallelism) {
        public Options {
            hostUuids = hostUuids == null ? List.of() : List.copyOf(hostUuids);
            if (parallelism < 1) {
                throw new IllegalArgumentException("at least one host at a time");
            }
        }

        public static Options defaults() {
            return new Options(List.of(), false, 8);
        }
    }

    /** A host to scan, as the database names it; {@code unreachable} says why it cannot be, or is null. */
    public record Target(String hostUuid, String name, String managementIp, Message unreachable) {
    }

    /** Hears how a scan goes, from its worker threads. */
    public interface Listener {
        default void planned(List<Target> targets) {
        }

        default void hostStarted(Target target) {
        }

        default void hostEnded(HostScanReport.Host host) {
        }
    }

    /** The scan was cancelled. */
    public static final class Cancelled extends LocalizedException {
        Cancelled() {
            super(Message.of("hosts.scan.cancelled"));
        }
    }

    /** A row of VmHostFileVO on the host being scanned. */
    private record Row(String uuid, String vmUuid, String type, String path) {
    }

    private final Source source;
    private final SshHosts ssh;
    private final Clock clock;
    private final SqlDialect dialect;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<SshConnection> open = ConcurrentHashMap.newKeySet();

    public HostScanner(Source source, SshHosts ssh, Clock clock) {
        this.source = source;
        this.ssh = ssh;
        this.clock = clock;
        this.dialect = new SqlDialect(source.kind(), source.layout());
    }

    /** Refuses the demo snapshot: its hosts do not exist, so nothing may try to reach its made-up addresses. */
    public static void refuseDemo(Source source) throws SourceException {
        boolean demo;
        try {
            demo = DemoSnapshots.isDemo(source);
        } catch (SQLException e) {
            throw source.failure(e);
        }
        if (demo) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("hosts.scan.demo",
                    source.displayName()));
        }
    }

    /** The hosts a scan with these options reaches, in the order of their uuids. Unknown uuids are listed apart. */
    public List<Target> targets(Options options, List<String> unknown) throws SQLException {
        Map<String, Target> all = new LinkedHashMap<>();
        try (Connection c = source.connection(); Statement st = c.createStatement()) {
            String sql = "SELECT f.hostUuid, h.uuid, h.name, h.managementIp FROM (SELECT DISTINCT hostUuid FROM"
                    + " VmHostFileVO) f LEFT JOIN HostEO h ON " + dialect.eq("h.uuid", "f.hostUuid");
            if (options.allHosts() || !options.hostUuids().isEmpty()) {
                sql += " UNION SELECT h.uuid, h.uuid, h.name, h.managementIp FROM HostEO h";
            }
            try (ResultSet rs = st.executeQuery("SELECT * FROM (" + sql + ") t ORDER BY " + dialect.order("t.hostUuid"))) {
                while (rs.next()) {
                    String host = rs.getString(1);
                    if (host == null) {
                        continue;
                    }
                    String ip = rs.getString(4);
                    Message why = rs.getString(2) == null ? Message.of("hosts.scan.noHostRow", Texts.quoted(host))
                            : HostPaths.addressRefusal(ip);
                    all.putIfAbsent(host, new Target(host, rs.getString(3), ip, why));
                }
            }
        }
        if (options.hostUuids().isEmpty()) {
            return List.copyOf(all.values());
        }
        List<Target> chosen = new ArrayList<>();
        for (String h : options.hostUuids()) {
            Target t = all.get(h);
            if (t == null) {
                unknown.add(h);
            } else if (!chosen.contains(t)) {
                chosen.add(t);
            }
        }
        return chosen;
    }

    /** Scans {@code targets}; a host that fails is a finding, the scan goes on. */
    public HostScanReport scan(List<Target> targets, int parallelism, Listener listener) throws SQLException {
        listener.planned(targets);
        java.time.Instant started = clock.instant();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, targets.size())), r -> {
            Thread t = new Thread(r, "host-scan-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<HostScanReport.Host>> futures = new ArrayList<>();
            for (Target t : targets) {
                futures.add(pool.submit(() -> {
                    if (cancelled.get()) {
                        return cancelledHost(t);
                    }
                    listener.hostStarted(t);
                    HostScanReport.Host h = scanHost(t);
                    listener.hostEnded(h);
                    return h;
                }));
            }
            List<HostScanReport.Host> hosts = new ArrayList<>();
            for (Future<HostScanReport.Host> f : futures) {
                try {
                    hosts.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                    throw new Cancelled();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException sql) {
                        cancel();
                        throw sql;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            if (cancelled.get()) {
                throw new Cancelled();
            }
            List<HostFinding> findings = new ArrayList<>();
            hosts.forEach(h -> findings.addAll(h.findings()));
            return new HostScanReport(source.displayName(), started, List.copyOf(hosts), List.copyOf(findings));
        } finally {
            pool.shutdownNow();
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Stops the scan: hosts not started are skipped, connections open are closed. */
    public void cancel() {
        cancelled.set(true);
        for (SshConnection c : open) {
            c.close();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    private static HostScanReport.Host cancelledHost(Target t) {
        return new HostScanReport.Host(t.hostUuid(), t.name(), t.managementIp(), HostScanReport.Status.CANCELLED,
                Message.of("hosts.scan.cancelled"), List.of(), List.of());
    }

    private HostScanReport.Host scanHost(Target t) throws SQLException {
        if (t.unreachable() != null) {
            return unreachable(t, t.unreachable());
        }
        List<Row> rows = rows(t.hostUuid());
        SshConnection connection;
        try {
            connection = ssh.connect(t.managementIp());
        } catch (SshFailure | SshConfigException e) {
            return cancelled.get() ? cancelledHost(t) : unreachable(t, LocalizedException.messageOf(e));
        }
        open.add(connection);
        try (connection; RemoteFiles files = connection.files()) {
            Listing swtpm = list(files, t, SWTPM_DIR);
            Listing nvram = list(files, t, NVRAM_DIR);
            if (cancelled.get()) {
                return cancelledHost(t);
            }
            return compare(t, rows, swtpm, nvram, files);
        } catch (SshFailure e) {
            return cancelled.get() ? cancelledHost(t) : unreachable(t, LocalizedException.messageOf(e));
        } finally {
            open.remove(connection);
        }
    }

    /** A folder's entries, or why the folder itself is refused. */
    private record Listing(String dir, List<RemoteEntry> entries, Message refused) {
    }

    private Listing list(RemoteFiles files, Target t, String dir) throws SshFailure {
        Optional<RemoteEntry> self = files.lstat(dir);
        if (self.isEmpty()) {
            return new Listing(dir, List.of(), null);
        }
        Message refused = HostTrash.folderRefusal(files, self.get());
        if (refused != null) {
            return new Listing(dir, List.of(), refused);
        }
        List<RemoteEntry> entries = new ArrayList<>();
        for (RemoteEntry e : files.list(dir).orElse(List.of())) {
            if (!e.name().equals(HostPaths.TRASH)) {
                entries.add(e);
            }
        }
        entries.sort(java.util.Comparator.comparing(RemoteEntry::name));
        return new Listing(dir, List.copyOf(entries), null);
    }

    private List<Row> rows(String hostUuid) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = source.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT uuid, vmInstanceUuid, type, path FROM VmHostFileVO WHERE " + dialect.eqParam("hostUuid")
                        + " ORDER BY " + dialect.order("uuid"))) {
            dialect.bind(ps, 1, hostUuid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    private HostScanReport.Host unreachable(Target t, Message reason) {
        HostFinding f = new HostFinding(HostRule.HOST_UNREACHABLE, t.hostUuid(), t.managementIp(), null, "HostEO",
                t.hostUuid(), null, Message.of("hosts.scan.unreachable", name(t), reason), NONE);
        return new HostScanReport.Host(t.hostUuid(), t.name(), t.managementIp(), HostScanReport.Status.UNREACHABLE,
                reason, List.of(), List.of(f));
    }

    private static final Message NONE = Message.of("hosts.repair.none");

    /** The host as a sentence names it: its name (or uuid) quoted, and its address. */
    private static Message name(Target t) {
        String name = t.name() == null ? Texts.quoted(t.hostUuid()) : Texts.quoted(t.name());
        return t.managementIp() == null || t.managementIp().isEmpty() ? Message.of("hosts.scan.hostNoAddress", name)
                : Message.of("hosts.scan.host", name, Texts.escaped(t.managementIp()));
    }

    private HostScanReport.Host compare(Target t, List<Row> rows, Listing swtpm, Listing nvram, RemoteFiles files)
            throws SQLException, SshFailure {
        List<HostFinding> findings = new ArrayList<>();
        for (Listing l : List.of(swtpm, nvram)) {
            if (l.refused() != null) {
                findings.add(finding(HostRule.HOST_PATH_REFUSED, t, l.dir() + "/", null, null, null,
                        Message.of("hosts.scan.folderRefused", name(t), l.refused()), NONE));
            }
        }
        Map<String, RemoteEntry> states = byName(swtpm.entries());
        Map<String, RemoteEntry> nvrams = byName(nvram.entries());
        Set<String> trackedStates = new HashSet<>();
        Set<String> trackedNvram = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (Row r : rows) {
            HostPaths.FileType type = HostPaths.FileType.of(r.type());
            if (type == null) {
                continue;
            }
            Message why = type == HostPaths.FileType.TPM_STATE ? HostPaths.stateFolderRefusal(r.path(), r.vmUuid())
                    : HostPaths.refusal(type, r.path());
            if (why != null) {
                findings.add(finding(HostRule.HOST_PATH_REFUSED, t, r.path(), "VmHostFileVO", r.uuid(), r.vmUuid(),
                        Message.of("hosts.scan.rowRefused", r.type(), Texts.quoted(r.uuid()), name(t),
                                Texts.quoted(r.path()), why), NONE));
                continue;
            }
            String entryName = HostPaths.folderName(r.path());
            Listing listing = type == HostPaths.FileType.TPM_STATE ? swtpm : nvram;
            (type == HostPaths.FileType.TPM_STATE ? trackedStates : trackedNvram).add(entryName);
            if (listing.refused() != null) {
                continue;
            }
            RemoteEntry e = (type == HostPaths.FileType.TPM_STATE ? states : nvrams).get(entryName);
            if (e == null) {
                if (type == HostPaths.FileType.TPM_STATE) {
                    findings.add(finding(HostRule.HOST_STATE_MISSING, t, r.path(), "VmHostFileVO", r.uuid(), r.vmUuid(),
                            Message.of("hosts.scan.stateMissing", Texts.quoted(r.uuid()), Texts.quoted(r.vmUuid()),
                                    Texts.quoted(r.path()), name(t)), NONE));
                }
                continue;
            }
            Message entryWhy = entryRefusal(type, e, files);
            if (entryWhy != null && reported.add(e.path())) {
                findings.add(finding(HostRule.HOST_PATH_REFUSED, t, e.path(), "VmHostFileVO", r.uuid(), r.vmUuid(),
                        Message.of("hosts.scan.namedEntryRefused", name(t), Texts.quoted(e.path()), r.type(),
                                Texts.quoted(r.uuid()), entryWhy), NONE));
            }
        }
        List<RemoteEntry> untracked = new ArrayList<>();
        for (RemoteEntry e : swtpm.entries()) {
            Message why = entryRefusal(HostPaths.FileType.TPM_STATE, e, files);
            if (why != null) {
                if (reported.add(e.path())) {
                    findings.add(finding(HostRule.HOST_PATH_REFUSED, t, e.path(), null, null,
                            HostPaths.uuidOfFolder(e.name()), Message.of("hosts.scan.entryRefused", name(t),
                                    Texts.quoted(e.path()), why), NONE));
                }
            } else if (!trackedStates.contains(e.name())) {
                untracked.add(e);
            }
        }
        findings.addAll(untrackedStates(t, untracked));
        for (RemoteEntry e : nvram.entries()) {
            Message why = entryRefusal(HostPaths.FileType.NVRAM, e, files);
            if (why != null) {
                if (reported.add(e.path())) {
                    findings.add(finding(HostRule.HOST_PATH_REFUSED, t, e.path(), null, null, null,
                            Message.of("hosts.scan.entryRefused", name(t), Texts.quoted(e.path()), why), NONE));
                }
            } else if (!trackedNvram.contains(e.name())) {
                findings.add(finding(HostRule.HOST_NVRAM_UNTRACKED, t, e.path(), null, null, null,
                        Message.of("hosts.scan.nvramUntracked", name(t), Texts.quoted(e.path()), e.size()), NONE));
            }
        }
        List<RemoteEntry> entries = new ArrayList<>(swtpm.entries());
        entries.addAll(nvram.entries());
        return new HostScanReport.Host(t.hostUuid(), t.name(), t.managementIp(), HostScanReport.Status.SCANNED, null,
                List.copyOf(entries), List.copyOf(findings));
    }

    private static Map<String, RemoteEntry> byName(List<RemoteEntry> entries) {
        Map<String, RemoteEntry> m = new HashMap<>();
        entries.forEach(e -> m.put(e.name(), e));
        return m;
    }

    /** Why an entry seen on the host may not be touched as a file of this type, or null. */
    private static Message entryRefusal(HostPaths.FileType type, RemoteEntry e, RemoteFiles files) throws SshFailure {
        if (e.kind() == RemoteEntry.Kind.SYMLINK) {
            return Message.of("hosts.entry.symlink", Texts.quoted(files.readLink(e.path())));
        }
        String path = type == HostPaths.FileType.TPM_STATE ? e.path() + "/" : e.path();
        Message why = HostPaths.refusal(type, path);
        if (why != null) {
            return Message.of("hosts.entry.pathRules", why);
        }
        if (type == HostPaths.FileType.TPM_STATE && e.kind() != RemoteEntry.Kind.FOLDER) {
            return Message.of("hosts.entry.notStateFolder", e.kind());
        }
        if (type == HostPaths.FileType.NVRAM && e.kind() != RemoteEntry.Kind.FILE) {
            return Message.of("hosts.entry.notNvramFile", e.kind());
        }
        return null;
    }

    /** What the database knows of a VM named by a state folder. */
    private record Vm(String uuid, boolean softDeleted, String hostUuid, String lastHostUuid, String state, boolean tpm) {
    }

    private List<HostFinding> untrackedStates(Target t, List<RemoteEntry> untracked) throws SQLException {
        if (untracked.isEmpty()) {
            return List.of();
        }
        List<String> uuids = untracked.stream().map(e -> HostPaths.uuidOfFolder(e.name())).toList();
        Map<String, Vm> vms = vms(uuids);
        List<HostFinding> out = new ArrayList<>();
        for (RemoteEntry e : untracked) {
            String uuid = HostPaths.uuidOfFolder(e.name());
            Vm vm = vms.get(uuid);
            Message what;
            Message repair = Message.of("hosts.repair.trash");
            if (vm == null) {
                what = Message.of("hosts.untracked.noVm", uuid);
            } else {
                boolean here = t.hostUuid().equals(vm.hostUuid());
                Message where = here ? Message.of("hosts.untracked.here", Texts.escaped(vm.state()))
                        : vm.hostUuid() != null ? Message.of("hosts.untracked.elsewhere", Texts.escaped(vm.hostUuid()))
                        : t.hostUuid().equals(vm.lastHostUuid()) ? Message.of("hosts.untracked.lastHere")
                        : Message.of("hosts.untracked.nowhere");
                what = Message.of(vm.softDeleted() ? "hosts.untracked.vmDeleted" : "hosts.untracked.vm", uuid,
                        Message.of(vm.tpm() ? "hosts.untracked.tpm" : "hosts.untracked.noTpm"), where);
                if (!vm.softDeleted() && vm.tpm() && here) {
                    repair = Message.of("hosts.repair.inUse");
                }
            }
            Message d = e.mtime() == null ? Message.of("hosts.untracked", name(t), e.path() + "/", what)
                    : Message.of("hosts.untracked.changed", name(t), e.path() + "/", what, e.mtime().toString());
            out.add(finding(HostRule.HOST_STATE_UNTRACKED, t, e.path() + "/", null, null, uuid, d, repair));
        }
        return out;
    }

    private Map<String, Vm> vms(List<String> uuids) throws SQLException {
        Map<String, Vm> out = new HashMap<>();
        try (Connection c = source.connection()) {
            for (List<String> chunk : dev.tpmconsole.model.sql.InLists.chunks(uuids)) {
                String in = dev.tpmconsole.model.sql.InLists.placeholders(chunk.size());
                Set<String> withTpm = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT vmInstanceUuid FROM TpmVO WHERE"
                        + " vmInstanceUuid IN " + in)) {
                    dev.tpmconsole.model.sql.InLists.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            withTpm.add(rs.getString(1));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT uuid, deleted, hostUuid, lastHostUuid, state FROM"
                        + " VmInstanceEO WHERE uuid IN " + in)) {
                    dev.tpmconsole.model.sql.InLists.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String u = rs.getString(1);
                            if (chunk.contains(u)) { // exact: MariaDB's collation ignores case
                                out.put(u, new Vm(u, rs.getString(2) != null, rs.getString(3), rs.getString(4),
                                        rs.getString(5), withTpm.contains(u)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static HostFinding finding(HostRule rule, Target t, String path, String table, String key, String vmUuid,
                                       Message detail, Message repair) {
        return new HostFinding(rule, t.hostUuid(), t.managementIp(), path, table, key, vmUuid, detail, repair);
    }
}
