package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.i18n.LocalizedCheckedException;
import dev.tpmconsole.model.i18n.LocalizedFailure;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.audit.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The console's own catalogue (docs/catalogue.md): one SQLite file, mapped with Hibernate, its schema made and
 * migrated by Flyway. It holds the clouds the console has seen, every audit and host scan of them with their
 * findings (first seen, last seen, resolved), the acknowledged findings, and the runs. It is never inside a ZStack
 * database or snapshot, and nothing here reads one: callers hand in what they read ({@link CloudMarkers}, findings).
 *
 * <p>Safe for several threads and several consoles at once: every change is one short transaction that takes the
 * write lock when it begins and waits up to {@link #BUSY_TIMEOUT_MS} for another console's; reads never wait.
 */
public final class Catalogue implements AutoCloseable {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "catalogue.sqlite";
    /** How long a change waits for another console's transaction before giving up (the audit goes on unrecorded). */
    public static final int BUSY_TIMEOUT_MS = 5000;
    /** How many rows the overview lists of the findings new and resolved by an audit. */
    public static final int LISTED = 500;

    private final Path file;
    private final int busyTimeoutMs;
    private final Clock clock;
    private final String user;
    /** Built on first use: recording an audit does not need it, and it takes a cold JVM seconds to start. */
    private SessionFactory sessions;
    private boolean closed;

    private Catalogue(Path file, int busyTimeoutMs, Clock clock, String user) {
        this.file = file;
        this.busyTimeoutMs = busyTimeoutMs;
        this.clock = clock;
        this.user = user;
    }

    /**
     * A catalogue ready for use, or none with the reason; {@code notice} is set when something happened the person
     * should know (a damaged file was set aside) or why there is no catalogue. One line each.
     */
    public record Opened(Catalogue catalogue, Message why) {
        public boolean usable() {
            return catalogue != null;
        }

        /** The notice in English, or null ({@link #why()} is the same to show in the reader's language). */
        public String notice() {
            return why == null ? null : why.english();
        }
    }

    /** Opens (making or migrating it as needed) the catalogue at {@code file}; never throws. */
    public static Opened open(Path file, Clock clock) {
        return open(file, clock, System.getProperty("user.name", "unknown"), BUSY_TIMEOUT_MS);
    }

    /** As {@link #open(Path, Clock)}, recording {@code user} as who acknowledges and runs. */
    public static Opened open(Path file, Clock clock, String user, int busyTimeoutMs) {
        Path f = file.toAbsolutePath().normalize();
        try {
            return new Opened(openOnce(f, clock, user, busyTimeoutMs), null);
        } catch (CatalogueFile.Unusable e) {
            return new Opened(null, e.message());
        } catch (CatalogueFile.Damaged damaged) {
            Path aside;
            try {
                aside = CatalogueFile.setAside(f, clock);
            } catch (IOException e) {
                return new Opened(null, Message.of("catalogue.damagedStuck", f, damaged.message(),
                        CatalogueFile.reason(e)));
            }
            Message setAside = Message.of("catalogue.setAside", f, damaged.message(), aside.getFileName());
            try {
                return new Opened(openOnce(f, clock, user, busyTimeoutMs), setAside);
            } catch (CatalogueFile.Unusable e) {
                return new Opened(null, Message.of("catalogue.setAsideBut", setAside, e.message()));
            } catch (CatalogueFile.Damaged e) {
                return new Opened(null, Message.of("catalogue.setAsideBut", setAside, e.message()));
            }
        } catch (RuntimeException e) {
            return new Opened(null, Message.of("catalogue.cannotOpen", f, CatalogueFile.firstLine(e.toString())));
        }
    }

    private static Catalogue openOnce(Path f, Clock clock, String user, int busyTimeoutMs)
            throws CatalogueFile.Unusable, CatalogueFile.Damaged {
        CatalogueFile.prepare(f, busyTimeoutMs);
        return new Catalogue(f, busyTimeoutMs, clock, user);
    }

    private static SessionFactory sessionFactory(Path file, int busyTimeoutMs) {
        Configuration cfg = new Configuration();
        for (Class<?> entity : List.of(Cloud.class, CloudMarker.class, PinnedSource.class, Audit.class,
                TrackedFinding.class, Acknowledgement.class, RunRecord.class)) {
            cfg.addAnnotatedClass(entity);
        }
        cfg.setProperty(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
        // Flyway owns the schema; Hibernate neither makes nor checks it
        cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        cfg.setProperty("hibernate.boot.allow_jdbc_metadata_access", "false");
        // without metadata access the dialect would assume an SQLite of long ago
        cfg.setProperty("jakarta.persistence.database-product-name", "SQLite");
        cfg.setProperty("jakarta.persistence.database-major-version", "3");
        cfg.setProperty("jakarta.persistence.database-minor-version", "50");
        cfg.setProperty(AvailableSettings.SHOW_SQL, "false");
        cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "200");
        cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        cfg.getProperties().put(AvailableSettings.CONNECTION_PROVIDER, new CatalogueConnections(file, busyTimeoutMs));
        return cfg.buildSessionFactory();
    }

    public Path file() {
        return file;
    }

    public Clock clock() {
        return clock;
    }

    private synchronized SessionFactory sessions() {
        if (closed) {
            throw new IllegalStateException("the catalogue " + file + " is closed");
        }
        if (sessions == null) {
            sessions = sessionFactory(file, busyTimeoutMs);
        }
        return sessions;
    }

    /**
     * Starts Hibernate and has it read once as the overview reads (its first session and queries cost seconds of a
     * cold JVM), so that a window that opens the catalogue in the background shows its first overview at once.
     * Commands do not need it: what they record and look up goes through plain JDBC.
     */
    public void warmUp() throws Failure {
        clouds();
        history(-1, Audit.AUDIT);
        acknowledgements(-1);
        cloud(-1);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (sessions != null) {
            sessions.close();
        }
    }

    /** Work on a plain connection. */
    @FunctionalInterface
    private interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    /** One write transaction on a plain connection (it takes the write lock when it begins). */
    private <R> R writeSql(Work<R> work) throws Failure {
        try (Connection c = CatalogueConnections.open(file, busyTimeoutMs)) {
            c.setAutoCommit(false);
            try {
                R r = work.run(c);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Failure(CatalogueFile.problem(file, e), e);
        }
    }

    private <R> R readSql(Work<R> work) throws Failure {
        try (Connection c = CatalogueConnections.open(file, busyTimeoutMs)) {
            return work.run(c);
        } catch (SQLException e) {
            throw new Failure(CatalogueFile.problem(file, e), e);
        }
    }

    /**
     * A request the catalogue refuses (no such cloud, audit or run; an acknowledgement without a reason): an
     * {@link IllegalArgumentException}, as before, whose message is English and whose localized message is in the
     * process's current language.
     */
    public static final class Refused extends IllegalArgumentException implements LocalizedFailure {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        Refused(Message message) {
            super(message.english());
            this.message = message;
        }

        @Override
        public Message message() {
            return message;
        }

        @Override
        public String getLocalizedMessage() {
            return message.toString();
        }
    }

    /** A change to the catalogue failed (locked past the busy timeout, the disk full...): one line says why. */
    public static final class Failure extends LocalizedCheckedException {
        private static final long serialVersionUID = 1L;

        Failure(Message message, Throwable cause) {
            super(message, cause);
        }
    }

    private <R> R write(Function<Session, R> work) throws Failure {
        try {
            return sessions().fromTransaction(work);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private <R> R read(Function<Session, R> work) throws Failure {
        try (Session s = sessions().openSession()) {
            s.setDefaultReadOnly(true);
            return work.apply(s);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private Failure failure(RuntimeException e) {
        if (e instanceof IllegalArgumentException) {
            throw e;
        }
        SQLException sql = CatalogueFile.sqlCause(e);
        return new Failure(sql != null ? CatalogueFile.problem(file, sql)
                : Message.of("catalogue.cannotUse", file, CatalogueFile.firstLine(e.toString())), e);
    }

    // ---------------------------------------------------------------------------------------------- clouds

    /** A cloud as listed. */
    public record CloudEntry(long id, String name, String label, Instant createdAt, long audits, Instant lastAudit,
                             List<String> sources) {
        /** Its name, else its label. */
        public String displayName() {
            return name != null ? name : label;
        }
    }

    /** The cloud a source belongs to, if the catalogue has seen it (reads only). */
    public Optional<CloudEntry> cloudOf(CloudMarkers markers) throws Failure {
        Ledger.CloudRef ref = readSql(c -> Ledger.find(c, markers));
        return ref == null ? Optional.empty() : cloud(ref.id());
    }

    /** Every cloud, oldest first, with how many audits it has, when the last was, and its sources. */
    public List<CloudEntry> clouds() throws Failure {
        return read(s -> s.createQuery("from Cloud c order by c.id", Cloud.class).getResultList().stream()
                .map(c -> entry(s, c)).toList());
    }

    public Optional<CloudEntry> cloud(long id) throws Failure {
        return read(s -> Optional.ofNullable(s.find(Cloud.class, id)).map(c -> entry(s, c)));
    }

    private static CloudEntry entry(Session s, Cloud c) {
        Object[] stats = s.createQuery("select count(a), max(a.startedAt) from Audit a where a.cloud.id = :c",
                Object[].class).setParameter("c", c.getId()).getSingleResult();
        List<String> sources = s.createQuery("select distinct a.source from Audit a where a.cloud.id = :c order by 1",
                String.class).setParameter("c", c.getId()).getResultList();
        Object last = stats[1];
        return new CloudEntry(c.getId(), c.getName(), c.getLabel(), c.getCreatedAt(), ((Number) stats[0]).longValue(),
                last == null ? null : last instanceof Instant i ? i : Instant.parse(last.toString()), sources);
    }

    /** The cloud of a source, made when new, with its markers added (inside a Hibernate transaction). */
    private Cloud resolve(Session s, CloudMarkers markers) {
        Ledger.CloudRef ref = s.doReturningWork(c -> Ledger.resolve(c, markers, clock.instant()));
        return s.find(Cloud.class, ref.id());
    }

    /** The cloud of a source, made (with its markers) when new: what acknowledgements and runs are recorded on. */
    public CloudEntry cloudFor(CloudMarkers markers) throws Failure {
        return write(s -> entry(s, resolve(s, markers)));
    }

    /** Names a cloud (a blank name takes the name away: it is shown by its label again). */
    public void name(long cloudId, String name) throws Failure {
        write(s -> {
            Cloud c = cloudOrThrow(s, cloudId);
            c.setName(name == null || name.isBlank() ? null : name.strip());
            return null;
        });
    }

    private static Cloud cloudOrThrow(Session s, long id) {
        Cloud c = s.find(Cloud.class, id);
        if (c == null) {
            throw new Refused(Message.of("catalogue.noCloud", String.valueOf(id)));
        }
        return c;
    }

    /**
     * Merges cloud {@code from} into {@code into} (they were one cloud that the console took for two): its audits,
     * runs, markers, pinned sources and acknowledgements move (of two acknowledgements of one finding the later
     * stays), the findings' history is computed again over the audits of both in order, and {@code from} is gone.
     */
    public void merge(long from, long into) throws Failure {
        if (from == into) {
            throw new Refused(Message.of("catalogue.mergeItself"));
        }
        write(s -> {
            Cloud source = cloudOrThrow(s, from);
            Cloud target = cloudOrThrow(s, into);
            // what each audit reported, read while audits and findings still belong to their clouds
            s.doWork(c -> Ledger.stageReported(c, List.of(into, from)));
            native_(s, "INSERT OR IGNORE INTO cloud_marker (cloud_id, kind, value) SELECT ?1, kind, value FROM"
                    + " cloud_marker WHERE cloud_id = ?2", into, from);
            native_(s, "DELETE FROM acknowledgement WHERE cloud_id = ?1 AND EXISTS (SELECT 1 FROM acknowledgement o"
                    + " WHERE o.cloud_id = ?2 AND o.rule = acknowledgement.rule AND o.table_name = acknowledgement.table_name"
                    + " AND o.row_key = acknowledgement.row_key AND o.host_uuid = acknowledgement.host_uuid"
                    + " AND o.path = acknowledgement.path AND o.acknowledged_at >= acknowledgement.acknowledged_at)",
                    into, from);
            native_(s, "DELETE FROM acknowledgement WHERE cloud_id = ?1 AND EXISTS (SELECT 1 FROM acknowledgement o"
                    + " WHERE o.cloud_id = ?2 AND o.rule = acknowledgement.rule AND o.table_name = acknowledgement.table_name"
                    + " AND o.row_key = acknowledgement.row_key AND o.host_uuid = acknowledgement.host_uuid"
                    + " AND o.path = acknowledgement.path)", from, into);
            native_(s, "UPDATE acknowledgement SET cloud_id = ?1 WHERE cloud_id = ?2", into, from);
            native_(s, "UPDATE audit SET cloud_id = ?1 WHERE cloud_id = ?2", into, from);
            native_(s, "UPDATE run SET cloud_id = ?1 WHERE cloud_id = ?2", into, from);
            native_(s, "UPDATE cloud_source SET cloud_id = ?1 WHERE cloud_id = ?2", into, from);
            s.doWork(c -> Ledger.replay(c, List.of(into)));
            native_(s, "DELETE FROM finding WHERE cloud_id = ?1", from);
            if (target.getName() == null && source.getName() != null) {
                target.setName(source.getName());
            }
            s.remove(source);
            return null;
        });
    }

    /**
     * Splits the audits and runs of these sources off cloud {@code cloudId} into a new cloud (the console took two
     * clouds for one); the sources stay with the new cloud whatever their markers say (they are pinned), and the
     * findings' history of both is computed again. Acknowledgements stay with the old cloud. Returns the new cloud.
     */
    public CloudEntry split(long cloudId, Collection<String> sources) throws Failure {
        if (sources.isEmpty()) {
            throw new Refused(Message.of("catalogue.splitNothing"));
        }
        return write(s -> {
            cloudOrThrow(s, cloudId);
            s.doWork(c -> Ledger.stageReported(c, List.of(cloudId)));
            List<String> known = s.createQuery("select distinct a.source from Audit a where a.cloud.id = :c", String.class)
                    .setParameter("c", cloudId).getResultList();
            for (String source : sources) {
                if (!known.contains(source)) {
                    throw new Refused(Message.of("catalogue.noAuditOf", String.valueOf(cloudId), source));
                }
            }
            Cloud split = new Cloud(CloudMarkers.label(sources.iterator().next()), clock.instant());
            s.persist(split);
            s.flush();
            for (String source : sources) {
                s.createMutationQuery("update Audit a set a.cloud = :n where a.cloud.id = :c and a.source = :s")
                        .setParameter("n", split).setParameter("c", cloudId).setParameter("s", source).executeUpdate();
                s.createMutationQuery("update RunRecord r set r.cloud = :n where r.cloud.id = :c and r.source = :s")
                        .setParameter("n", split).setParameter("c", cloudId).setParameter("s", source).executeUpdate();
                PinnedSource pin = s.find(PinnedSource.class, source);
                if (pin == null) {
                    s.persist(new PinnedSource(source, split));
                } else {
                    pin.setCloud(split);
                }
            }
            s.flush();
            s.doWork(c -> Ledger.replay(c, List.of(cloudId, split.getId())));
            return entry(s, split);
        });
    }

    private static int native_(Session s, String sql, Object... parameters) {
        var q = s.createNativeMutationQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        return q.executeUpdate();
    }

    // ---------------------------------------------------------------------------------------------- audits

    /**
     * A finding as recorded: its key, severity, the VM it is about (or null) and the sentence that explains it (kept
     * in English, and as a message that a window shows in its reader's language). Host scans set host and path in the
     * key.
     */
    public record Reported(FindingKey key, String severity, String vmUuid, Message message) {
        public Reported {
            java.util.Objects.requireNonNull(message, "message");
        }

        public static Reported of(Finding f) {
            return new Reported(FindingKey.of(f), f.severity().label(), f.vmUuid(), f.message());
        }

        /** The sentence in English, as JSON reports write it. */
        public String detail() {
            return message.english();
        }
    }

    /**
     * An audit or host scan to record.
     *
     * @param kind    {@link AuditKind#AUDIT} or {@link AuditKind#HOST_SCAN}
     * @param rules   the rules that ran (only their findings are resolved by this audit)
     * @param scope   host scans: the hosts that were scanned (only their findings are resolved); null: all
     * @param counts  findings per rule, every rule that ran
     */
    public record AuditToRecord(AuditKind kind, CloudMarkers markers, Instant startedAt, long durationMs,
                                List<String> rules, Set<String> scope, Map<String, Long> counts,
                                List<Reported> findings, String consoleVersion) {
        public AuditToRecord {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(markers);
            startedAt = startedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            rules = List.copyOf(rules);
            counts = new LinkedHashMap<>(counts);
        }
    }

    /** What recording an audit found: its id and cloud, and how many findings were new and resolved. */
    public record RecordedAudit(long auditId, long cloudId, String cloudName, int findings, int newFindings,
                                int resolvedFindings) {
    }

    /**
     * Records an audit: its cloud (made when new, its markers added), the audit with its counts, and its findings:
     * new ones start, those seen before are seen again, and open ones of the rules that ran that it no longer
     * reports are resolved by it. One transaction: a failure records nothing.
     */
    public RecordedAudit record(AuditToRecord audit) throws Failure {
        return writeSql(c -> {
            Ledger.CloudRef cloud = Ledger.resolve(c, audit.markers(), clock.instant());
            long id = Ledger.insertAudit(c, cloud.id(), audit, user);
            Ledger.stage(c, id, cloud.id(), audit.kind().label(), audit.findings());
            Ledger.Applied p = Ledger.apply(c, cloud.id(), audit.kind().label(), id, audit.rules(), audit.scope());
            return new RecordedAudit(id, cloud.id(), cloud.displayName(), p.findings(), p.added(), p.resolved());
        });
    }

    /** A host scan (docs/hosts.md) to record: as {@link #record}, of kind host-scan, resolving only in its hosts. */
    public RecordedAudit recordHostScan(CloudMarkers markers, Instant startedAt, long durationMs, List<String> rules,
                                        Set<String> scannedHosts, Map<String, Long> counts,
                                        List<Reported> findings) throws Failure {
        for (Reported r : findings) {
            if (r.key().host().isEmpty()) {
                throw new IllegalArgumentException("A host scan's finding names its host: " + r.key());
            }
        }
        return record(new AuditToRecord(Audit.HOST_SCAN, markers, startedAt, durationMs, rules, Set.copyOf(scannedHosts),
                counts, findings, null));
    }

    /**
     * A host scan's report to record: every host rule ran; only the hosts it scanned are in scope (an unreachable
     * host's earlier findings stay open: nothing is known of its files), so a host reached again resolves its
     * HOST_UNREACHABLE finding. A finding's path keeps the report's form (folders end with a slash).
     */
    public RecordedAudit recordHostScan(CloudMarkers markers, dev.tpmconsole.model.hosts.HostScanReport report,
                                        long durationMs) throws Failure {
        Set<String> scanned = new java.util.HashSet<>();
        for (dev.tpmconsole.model.hosts.HostScanReport.Host h : report.hosts()) {
            if (h.status() == dev.tpmconsole.model.hosts.HostScanReport.Status.SCANNED) {
                scanned.add(h.hostUuid());
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        report.counts().forEach((rule, n) -> counts.put(rule.name(), n));
        List<Reported> findings = report.findings().stream()
                .map(f -> new Reported(new FindingKey(f.rule().name(), f.table(), f.key(), f.hostUuid(), f.path()),
                        f.severity().label(), f.vmUuid(), f.message()))
                .toList();
        return recordHostScan(markers, report.scannedAt(), durationMs, List.copyOf(counts.keySet()), scanned, counts,
                findings);
    }

    /**
     * What the catalogue knows of a cloud's open findings and acknowledgements before an audit of it, so that the
     * report can mark each finding as it is written. {@code startedAt} is the audit's start: the first-seen time
     * of what is new. A source the catalogue has not seen yet has nothing known: every finding is new.
     */
    public KnownFindings known(CloudMarkers markers, AuditKind kind, Instant startedAt) throws Failure {
        return readSql(c -> {
            Ledger.CloudRef cloud = Ledger.find(c, markers);
            return cloud == null ? KnownFindings.nothing(startedAt) : known(c, cloud, kind, startedAt);
        });
    }

    /** As {@link #known(CloudMarkers, AuditKind, Instant)}, for a cloud by id. */
    public KnownFindings known(long cloudId, AuditKind kind, Instant startedAt) throws Failure {
        return readSql(c -> {
            Ledger.CloudRef cloud = Ledger.cloud(c, cloudId);
            if (cloud == null) {
                throw new Refused(Message.of("catalogue.noCloud", String.valueOf(cloudId)));
            }
            return known(c, cloud, kind, startedAt);
        });
    }

    private KnownFindings known(Connection c, Ledger.CloudRef cloud, AuditKind kind, Instant startedAt)
            throws SQLException {
        Map<FindingKey, AckEntry> acks = new HashMap<>();
        for (AckEntry a : Ledger.acknowledgements(c, cloud.id(), clock.instant())) {
            if (a.active()) {
                acks.put(a.key(), a);
            }
        }
        return new KnownFindings(cloud.id(), startedAt, Ledger.open(c, cloud.id(), kind.label()), acks);
    }

    // ---------------------------------------------------------------------------------------------- history

    /** One audit of a cloud as the history lists it. */
    public record AuditEntry(long id, AuditKind kind, String source, Instant startedAt, long durationMs,
                             List<String> rules, int findings, int newFindings, int resolvedFindings, String user,
                             Map<String, Long> counts) {
    }

    /** The audits of a cloud of a kind, in the order they ran, each with its counts per rule. */
    public List<AuditEntry> history(long cloudId, AuditKind kind) throws Failure {
        return read(s -> s.createQuery("select distinct a from Audit a left join fetch a.counts where a.cloud.id = :c"
                        + " and a.kind = :k", Audit.class)
                .setParameter("c", cloudId).setParameter("k", kind).getResultList().stream()
                .sorted(Comparator.comparing(Audit::getStartedAt).thenComparing(Audit::getId))
                .map(a -> new AuditEntry(a.getId(), a.getKind(), a.getSource(), a.getStartedAt(), a.getDurationMs(),
                        a.getRules(), a.getFindings(), a.getNewFindings(), a.getResolvedFindings(), a.getUserName(),
                        inRuleOrder(a.getCounts())))
                .toList());
    }

    /** Counts in the audit catalogue's order of rules (others, such as host scans', after them by name). */
    static Map<String, Long> inRuleOrder(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (dev.tpmconsole.model.audit.AuditRule r : dev.tpmconsole.model.audit.AuditRule.values()) {
            if (counts.containsKey(r.name())) {
                ordered.put(r.name(), counts.get(r.name()));
            }
        }
        counts.keySet().stream().sorted().forEach(k -> ordered.putIfAbsent(k, counts.get(k)));
        return ordered;
    }

    /**
     * A finding as the overview lists it.
     *
     * @param detail  the sentence in English, as it was recorded
     * @param message the same sentence as a message, to show in the reader's language; null where the catalogue kept
     *                none (a finding recorded before version 4) or one this console cannot show (see {@link #sentence})
     */
    public record FindingEntry(FindingKey key, String severity, String vmUuid, String detail, Message message,
                               Instant firstSeen, Instant lastSeen) {

        /** The sentence to show: the message, in the reader's language; else the English that was recorded. */
        public Message sentence() {
            return message != null ? message
                    : dev.tpmconsole.model.i18n.LocalizedException.verbatim(detail == null ? "" : detail);
        }
    }

    /** What an audit changed: the findings it saw first and those it resolved (at most {@link #LISTED} of each). */
    public record Changes(long auditId, int newFindings, int resolvedFindings, List<FindingEntry> added,
                          List<FindingEntry> resolved) {
    }

    public Changes changes(long auditId) throws Failure {
        return read(s -> {
            Audit a = s.find(Audit.class, auditId);
            if (a == null) {
                throw new Refused(Message.of("catalogue.noAudit", String.valueOf(auditId)));
            }
            return new Changes(auditId, a.getNewFindings(), a.getResolvedFindings(),
                    findings(s, "f.firstSeen.id = :a", auditId), findings(s, "f.resolvedBy.id = :a", auditId));
        });
    }

    private static List<FindingEntry> findings(Session s, String where, long audit) {
        return s.createQuery("select f, fs.startedAt, ls.startedAt from TrackedFinding f join f.firstSeen fs"
                        + " join f.lastSeen ls where " + where + " order by f.rule, f.tableName, f.rowKey", Object[].class)
                .setParameter("a", audit).setMaxResults(LISTED).getResultList().stream()
                .map(row -> {
                    TrackedFinding f = (TrackedFinding) row[0];
                    return new FindingEntry(f.key(), f.getSeverity(), f.getVmUuid(), f.getDetail(),
                            dev.tpmconsole.model.i18n.MessageJson.read(f.getMessage()), (Instant) row[1], (Instant) row[2]);
                })
                .toList();
    }

    // ---------------------------------------------------------------------------------------------- acknowledgements

    /** An acknowledgement as listed; {@code active} at the time it was read (not expired). */
    public record AckEntry(FindingKey key, String reason, String by, Instant at, Instant expiresAt, boolean active) {
    }

    /**
     * Acknowledges a finding of a cloud (again: the reason, who, when and expiry are replaced). The reason is
     * mandatory; an expiry must be in the future.
     */
    public AckEntry acknowledge(long cloudId, FindingKey key, String reason, Instant expiresAt) throws Failure {
        if (reason == null || reason.isBlank()) {
            throw new Refused(Message.of("catalogue.ackNoReason"));
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new Refused(Message.of("catalogue.ackPast", String.valueOf(expiresAt)));
        }
        return write(s -> {
            Cloud c = cloudOrThrow(s, cloudId);
            Acknowledgement a = ack(s, cloudId, key);
            if (a == null) {
                a = new Acknowledgement(c, key);
                a.set(reason.strip(), user, now, expiresAt);
                s.persist(a);
            } else {
                a.set(reason.strip(), user, now, expiresAt);
            }
            return new AckEntry(key, a.getReason(), a.getAcknowledgedBy(), now, expiresAt, true);
        });
    }

    /** Takes an acknowledgement back; false when there was none. */
    public boolean unacknowledge(long cloudId, FindingKey key) throws Failure {
        return write(s -> {
            Acknowledgement a = ack(s, cloudId, key);
            if (a != null) {
                s.remove(a);
            }
            return a != null;
        });
    }

    private static Acknowledgement ack(Session s, long cloudId, FindingKey k) {
        return s.createQuery("from Acknowledgement a where a.cloud.id = :c and a.rule = :r and a.tableName = :t"
                        + " and a.rowKey = :k and a.hostUuid = :h and a.path = :p", Acknowledgement.class)
                .setParameter("c", cloudId).setParameter("r", k.rule()).setParameter("t", k.table())
                .setParameter("k", k.key()).setParameter("h", k.host()).setParameter("p", k.path())
                .uniqueResult();
    }

    /** The acknowledgements of a cloud, expired ones included (marked), by rule, table and key. */
    public List<AckEntry> acknowledgements(long cloudId) throws Failure {
        return readSql(c -> Ledger.acknowledgements(c, cloudId, clock.instant()));
    }

    // ---------------------------------------------------------------------------------------------- runs

    /** A run as listed. */
    public record RunEntry(long id, RunKind kind, String operation, boolean resumed, String source, String plan,
                           String journal, RunOutcome outcome, int done, int failed, int skipped, Instant startedAt,
                           Instant endedAt, Long durationMs, String user, String message) {
    }

    /**
     * Records that a run started (outcome {@link RunOutcome#RUNNING}) on the cloud of {@code markers}; returns its id
     * for {@link #runEnded}. Plain SQL, like recording an audit: a command that runs a plan does not start Hibernate.
     */
    public long runStarted(CloudMarkers markers, RunKind kind, String operation, boolean resumed, String plan,
                           String journal) throws Failure {
        Instant now = clock.instant();
        return writeSql(c -> {
            Ledger.CloudRef cloud = Ledger.resolve(c, markers, now);
            Ledger.update(c, "INSERT INTO run (cloud_id, kind, operation, resumed, source, plan, journal, outcome,"
                    + " started_at, user_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cloud.id(), kind.label(), operation,
                    resumed ? 1 : 0, markers.source(), plan, journal, RunOutcome.RUNNING.label(), InstantText.format(now),
                    user);
            return Ledger.lastId(c);
        });
    }

    /** Records how a run ended: outcome (done, failed, stopped, cancelled, refused), its counts, and a line of why. */
    public void runEnded(long runId, RunOutcome outcome, int done, int failed, int skipped, String message) throws Failure {
        Instant now = clock.instant();
        int changed = writeSql(c -> {
            Instant started;
            try (PreparedStatement ps = c.prepareStatement("SELECT started_at FROM run WHERE id = ?")) {
                ps.setLong(1, runId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                    started = Instant.parse(rs.getString(1));
                }
            }
            return Ledger.update(c, "UPDATE run SET outcome = ?, items_done = ?, items_failed = ?, items_skipped = ?,"
                    + " message = ?, ended_at = ?, duration_ms = ? WHERE id = ?", outcome.label(), done, failed, skipped,
                    message, InstantText.format(now), now.toEpochMilli() - started.toEpochMilli(), runId);
        });
        if (changed == 0) {
            throw new Refused(Message.of("catalogue.noRun", String.valueOf(runId)));
        }
    }

    /** The runs of a cloud, in the order they started. */
    public List<RunEntry> runs(long cloudId) throws Failure {
        return read(s -> s.createQuery("from RunRecord r where r.cloud.id = :c order by r.startedAt, r.id",
                        RunRecord.class)
                .setParameter("c", cloudId).getResultList().stream()
                .map(r -> new RunEntry(r.getId(), r.getKind(), r.getOperation(), r.isResumed(), r.getSource(),
                        r.getPlan(), r.getJournal(), r.getOutcome(), r.getDone(), r.getFailed(), r.getSkipped(),
                        r.getStartedAt(), r.getEndedAt(), r.getDurationMs(), r.getUserName(), r.getMessage()))
                .toList());
    }
}
