package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.sql.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * On a live MariaDB, the keys the rules compare, read once per table, and for each rule the keys of the rows it may
 * report (decision 0026): its <em>candidates</em>. The rule's own query then runs on its candidates only
 * ({@link AuditRule#query(SqlDialect, int)}), so that the database looks up a few rows by key where the whole query
 * reads every row of its tables again (the 13 rules read ResourceVO three times, VmHostFileVO four times, the file
 * contents once; each rule's anti-join compares every row under an exact collation).
 * <p>
 * The candidates are a superset: a row is left out only when the keys read here show that the rule cannot report
 * it (its reference is exactly one of the keys it must be among, compared as {@link String#equals}, which is what
 * the rules' {@code utf8mb4_nopad_bin} comparisons decide); every other condition of a rule is left to its query, which
 * stays the judge of what is reported and in which order. A rule with more than {@link #MAX_CANDIDATES} candidates
 * runs its whole query, as without the scan.
 * <p>
 * The tables are read on {@link #READERS} connections of their own (the keys of a table once; the file contents, the
 * largest, from the start); memory: the keys as {@link KeySet}s and the rows of TpmVO, the backups and the key refs as
 * {@link ScanRows}, 16 bytes a ZStack UUID in both (an audit of 100,000 VMs held at most 32 MB after a collection).
 */
final class KeyScan implements AutoCloseable {

    /** Above this many candidates a rule runs its whole query (a longer IN list is no cheaper than the scan). */
    static final int MAX_CANDIDATES = 5000;
    private static final int FETCH = 4096;
    /** Connections the reads share. */
    static final int READERS = 3;

    /** A rule's candidates: their keys (strings, or longs for the key refs' ids), or {@code null}: all rows. */
    record Candidates(List<Object> keys) {
        static final Candidates ALL = new Candidates(null);

        boolean all() {
            return keys == null;
        }
    }

    /** TpmVO's rows: the TPM's key ({@link #KEY}) and its VM's ({@link #OTHER}). */
    private record Tpms(ScanRows rows, KeySet uuids, KeySet vms) {
    }

    /**
     * The backups' rows: the backup's key ({@link #KEY}), its owner's ({@link #OTHER}), and the flags {@link #STATE}
     * (its type is TpmState), {@link #OWNED} (its owner is exactly the key of a row of the owners' table) and
     * {@link #OWNER_IS_VM} (that row is a VM's: its ResourceVO row's type is VmInstanceVO; in the legacy layout, whose
     * owners' table is the VMs' and whose TPM_STATE_BACKUP_WITHOUT_TPM does not look at ResourceVO, every backup's).
     */
    private record Backups(ScanRows rows, KeySet uuids) {
    }

    /**
     * The key refs' rows: the ref's id (the number), its resource's key ({@link #KEY}) and its provider's
     * ({@link #OTHER}); the flags: {@link #KEYED} (it holds a key) and its resource type, one of {@link #REF_TPM},
     * {@link #REF_BACKUP}, {@link #REF_KEY_BACKUP} or none.
     */
    private record KeyRefs(ScanRows rows) {
    }

    /** The columns of the rows kept ({@link ScanRows}). */
    private static final int KEY = 0;
    private static final int OTHER = 1;
    /** The flags of a backup's row. */
    private static final int STATE = 1;
    private static final int OWNED = 2;
    private static final int OWNER_IS_VM = 4;
    /** The flags of a key ref's row. */
    private static final int KEYED = 1;
    private static final int REF_TPM = 2;
    private static final int REF_BACKUP = 4;
    private static final int REF_KEY_BACKUP = 8;
    private static final byte[] TPM_VO = "TpmVO".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BACKUP_VO = "VmHostBackupFileVO".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY_BACKUP_VO = "TpmKeyBackupVO".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VM_VO = "VmInstanceVO".getBytes(StandardCharsets.UTF_8);
    /** The type of a TPM-state file or backup, as the driver's bytes. */
    private static final byte[] TPM_STATE = "TpmState".getBytes(StandardCharsets.UTF_8);
    /** The ResourceVO types of the rows RESOURCE_ROW_STALE looks at, and their bytes. */
    private static final List<String> CHILD_TYPES = List.of("TpmVO", "VmHostFileVO", "VmHostBackupFileVO",
            "TpmKeyBackupVO");
    private static final byte[][] CHILD_TYPE_BYTES = CHILD_TYPES.stream()
            .map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);

    private record Files(KeySet uuids, Candidates withoutVm, Candidates stateWithoutTpm, Candidates onMissingHost) {
    }

    /** Collects a rule's candidates, giving up (all rows) past {@link #MAX_CANDIDATES}. */
    private static final class Collector {
        private List<Object> keys = new ArrayList<>();

        void add(Object key) {
            if (keys != null) {
                keys.add(key);
                if (keys.size() > MAX_CANDIDATES) {
                    keys = null;
                }
            }
        }

        Candidates done() {
            return keys == null ? Candidates.ALL : new Candidates(List.copyOf(keys));
        }
    }

    private final Source source;
    private final SqlDialect d;
    private final Set<Statement> running;
    private final BooleanSupplier cancelled;
    /**
     * The reads, each on the first connection free, the read of lowest {@link Read#rank} first: a read queued later
     * (the files', which waits for three others) goes before those that have not started yet.
     */
    private final ThreadPoolExecutor readers = new ThreadPoolExecutor(READERS, READERS, 0, TimeUnit.SECONDS,
            new PriorityBlockingQueue<>(), daemon("audit-keys"));
    /**
     * Works out the candidates from what has been read, so that a connection goes on to its next read as soon as it
     * has read the rows of one.
     */
    private final ExecutorService derive = Executors.newSingleThreadExecutor(daemon("audit-candidates"));
    /** Ties between reads of the same rank go to the one queued first. */
    private final AtomicLong queued = new AtomicLong();
    private final Map<AuditRule, CompletableFuture<Candidates>> candidates = new EnumMap<>(AuditRule.class);
    private final Set<Statement> reading = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Starts reading. {@code running}: where the statements running now are kept for a cancel; {@code cancelled}:
     * asked between rows.
     */
    KeyScan(Source source, SqlDialect dialect, Set<Statement> running, BooleanSupplier cancelled) {
        this.source = source;
        this.d = dialect;
        this.running = running;
        this.cancelled = cancelled;
        start();
    }

    /** The rule's candidates, once read (a failure to read is thrown as it came: an SQLException most often). */
    Candidates candidates(AuditRule rule) throws Exception {
        try {
            return candidates.get(rule).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
        }
    }

    /**
     * Runs {@code task} on {@code workers} once the rule's candidates are read, or their read has failed (the task's
     * {@link #candidates} then throws what it failed with): a rule starts as soon as what it needs is there, not after
     * the rules before it in the catalogue, whose reads may take longer. A task whose turn comes after {@code workers}
     * has been shut down does not run (its future fails; a run that shuts them down waits for none).
     */
    <T> CompletableFuture<T> whenRead(AuditRule rule, Callable<T> task, Executor workers) {
        return candidates.get(rule).handle((c, failed) -> null).thenApplyAsync(x -> {
            try {
                return task.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, workers);
    }

    /**
     * Stops the reads still running (those of rules the run did not ask for, or of a failed or cancelled run: a read not
     * yet started fails at once) and waits for every read to end and hand its connection back (at most 30 s), even when
     * this thread is interrupted. The readers stay up until then: a read whose turn comes after the close must still
     * run (and fail), or what waits on it would wait for ever.
     */
    @Override
    public void close() {
        closed = true;
        Auditor.cancelAll(reading);
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        CompletableFuture<Void> all = CompletableFuture.allOf(candidates.values().toArray(CompletableFuture[]::new));
        while (!all.isDone() && System.nanoTime() < deadline) {
            try {
                all.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException e) {
                // failed reads are what a cancel makes; a timeout ends the wait
            }
        }
        readers.shutdown();
        derive.shutdown();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void start() {
        String owner = d.layout().backupOwnerColumn();
        // three connections, the reads in this order, but the files' (which needs three others) before any read that has
        // not started when it can; each read keeps what it needs, so that none waits for another but the files
        CompletableFuture<KeySet> contents = keys("VmHostFileContentVO", "uuid", null);
        CompletableFuture<KeySet> vms = keys("VmInstanceEO", "uuid", null);
        CompletableFuture<Tpms> tpms = read("TpmVO", null, List.of("uuid", "vmInstanceUuid"), () -> {
            ScanRows rows = new ScanRows(2);
            KeySet uuids = new KeySet();
            KeySet vmKeys = new KeySet();
            return new Reader<>(rs -> {
                byte[] uuid = rs.getBytes(1);
                byte[] vm = rs.getBytes(2);
                rows.add(0, 0, uuid, vm);
                uuids.add(uuid);
                vmKeys.add(vm);
            }, () -> new Tpms(rows, uuids, vmKeys));
        }, false);
        CompletableFuture<KeySet> liveHosts = keys("HostEO", "uuid", "deleted IS NULL");
        CompletableFuture<Files> files = CompletableFuture.allOf(vms, tpms, liveHosts).thenCompose(x -> read(
                "VmHostFileVO", null, List.of("uuid", "vmInstanceUuid", "hostUuid", "type"), () -> {
                    KeySet vmKeys = vms.join();
                    KeySet tpmVms = tpms.join().vms();
                    KeySet hosts = liveHosts.join();
                    KeySet uuids = new KeySet();
                    Collector withoutVm = new Collector();
                    Collector stateWithoutTpm = new Collector();
                    Collector onMissingHost = new Collector();
                    return new Reader<>(rs -> {
                        // the values as the driver's bytes, compared as such; a String only for a candidate's key
                        byte[] uuid = rs.getBytes(1);
                        byte[] vm = rs.getBytes(2);
                        uuids.add(uuid);
                        boolean noVm = !vmKeys.contains(vm);
                        boolean stateNoTpm = Arrays.equals(TPM_STATE, rs.getBytes(4)) && !tpmVms.contains(vm);
                        boolean noHost = !hosts.contains(rs.getBytes(3));
                        if (noVm || stateNoTpm || noHost) {
                            String key = new String(uuid, StandardCharsets.UTF_8);
                            if (noVm) {
                                withoutVm.add(key);
                            }
                            if (stateNoTpm) {
                                stateWithoutTpm.add(key);
                            }
                            if (noHost) {
                                onMissingHost.add(key);
                            }
                        }
                    }, () -> new Files(uuids, withoutVm.done(), stateWithoutTpm.done(), onMissingHost.done()));
                }, true));
        // each backup with the row of the owners' table its owner names, if any: a look-up by the table's key under its
        // own collation, which finds the one row equal to the owner ignoring case and trailing spaces; the owner is among
        // the table's keys exactly when that row's key is the owner (a row that equals it exactly also equals it so)
        // (and, in the current layout, that row's type: a backup of a VM's TPM state is owned by the VM's row)
        boolean legacy = d.layout().legacyBackupLayout();
        String ownerTable = legacy ? "VmInstanceEO" : "ResourceVO";
        CompletableFuture<Backups> backups = read("VmHostBackupFileVO b LEFT JOIN " + ownerTable + " r ON r.uuid = b."
                + owner, null, List.of("b.uuid", "b." + owner, "b.type", "r.uuid", legacy ? "NULL" : "r.resourceType"),
                () -> {
                    ScanRows rows = new ScanRows(2);
                    KeySet uuids = new KeySet();
                    return new Reader<>(rs -> {
                        // compared as the driver's bytes: exactly as the Strings they make
                        byte[] uuid = rs.getBytes(1);
                        byte[] ownerKey = rs.getBytes(2);
                        boolean owned = ownerKey != null && Arrays.equals(ownerKey, rs.getBytes(4));
                        boolean ownerIsVm = legacy || owned && Arrays.equals(VM_VO, rs.getBytes(5));
                        rows.add(0, (Arrays.equals(TPM_STATE, rs.getBytes(3)) ? STATE : 0) | (owned ? OWNED : 0)
                                | (ownerIsVm ? OWNER_IS_VM : 0), uuid, ownerKey);
                        uuids.add(uuid);
                    }, () -> new Backups(rows, uuids));
                }, false);
        CompletableFuture<KeyRefs> keyRefs = read("EncryptedResourceKeyRefVO", null, List.of("id", "resourceType",
                "resourceUuid", "providerUuid", "kekRef IS NOT NULL"), () -> {
                    ScanRows rows = new ScanRows(2);
                    return new Reader<>(rs -> {
                        byte[] type = rs.getBytes(2);
                        int typeFlag = Arrays.equals(TPM_VO, type) ? REF_TPM : Arrays.equals(BACKUP_VO, type)
                                ? REF_BACKUP : Arrays.equals(KEY_BACKUP_VO, type) ? REF_KEY_BACKUP : 0;
                        long id = rs.getLong(1);
                        byte[] resource = rs.getBytes(3);
                        byte[] provider = rs.getBytes(4);
                        rows.add(id, typeFlag | (rs.getBoolean(5) ? KEYED : 0), resource, provider);
                    }, () -> new KeyRefs(rows));
                }, false);
        CompletableFuture<KeySet> providers = keys("KeyProviderVO", "uuid", null);
        CompletableFuture<KeySet> keyBackups = keys(d.table("TpmKeyBackupVO", "uuid") + " h", "uuid", null);
        // the ResourceVO rows of the four child types only, through the index on resourceType (its keys, without the
        // rows); the IN compares under the column's collation, and the type is compared exactly here
        CompletableFuture<Map<String, KeySet>> typed = read("ResourceVO", "resourceType IN ('"
                + String.join("', '", CHILD_TYPES) + "')", List.of("uuid", "resourceType"), () -> {
                    KeySet[] keys = new KeySet[CHILD_TYPES.size()];
                    Arrays.setAll(keys, i -> new KeySet());
                    return new Reader<>(rs -> {
                        byte[] type = rs.getBytes(2);
                        for (int i = 0; i < keys.length; i++) {
                            if (Arrays.equals(CHILD_TYPE_BYTES[i], type)) {
                                keys[i].add(rs.getBytes(1));
                                break;
                            }
                        }
                    }, () -> {
                        Map<String, KeySet> byType = new java.util.HashMap<>();
                        for (int i = 0; i < keys.length; i++) {
                            byType.put(CHILD_TYPES.get(i), keys[i]);
                        }
                        return byType;
                    });
                }, false);

        candidates.put(AuditRule.TPM_WITHOUT_VM, tpms.thenCombineAsync(vms, (t, v) ->
                collect(t.rows(), r -> t.rows().in(r, OTHER, v) ? null : t.rows().key(r, KEY)), derive));
        candidates.put(AuditRule.TPM_DUPLICATE_FOR_VM, tpms.thenApplyAsync(t -> {
            // asked as it is filled: sealed first, a KeySet takes keys into its table
            ScanRows rows = t.rows();
            KeySet seen = new KeySet().seal();
            KeySet twice = new KeySet();
            for (int r = 0; r < rows.size(); r++) {
                if (rows.in(r, OTHER, seen)) {
                    rows.addTo(r, OTHER, twice);
                } else {
                    rows.addTo(r, OTHER, seen);
                }
            }
            return collect(rows, r -> rows.in(r, OTHER, twice) ? rows.key(r, KEY) : null);
        }, derive));
        candidates.put(AuditRule.HOST_FILE_WITHOUT_VM, files.thenApply(Files::withoutVm));
        candidates.put(AuditRule.TPM_STATE_FILE_WITHOUT_TPM, files.thenApply(Files::stateWithoutTpm));
        candidates.put(AuditRule.HOST_FILE_ON_MISSING_HOST, files.thenApply(Files::onMissingHost));
        candidates.put(AuditRule.BACKUP_WITHOUT_OWNER, backups.thenApplyAsync(b ->
                collect(b.rows(), r -> b.rows().flagged(r, OWNED) ? null : b.rows().key(r, KEY)), derive));
        candidates.put(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM, backups.thenCombineAsync(tpms, (b, t) ->
                collect(b.rows(), r -> b.rows().flagged(r, STATE | OWNER_IS_VM) && !b.rows().in(r, OTHER, t.vms())
                        ? b.rows().key(r, KEY) : null), derive));
        // the TPMs that have a ref holding a key
        CompletableFuture<KeySet> keyedTpms = keyRefs.thenApplyAsync(k -> keysFlagged(k.rows(), REF_TPM | KEYED, KEY)
                .seal(), derive);
        candidates.put(AuditRule.BACKUP_WITHOUT_KEY, CompletableFuture.allOf(backups, keyedTpms, tpms)
                .thenApplyAsync(x -> {
                    // a backup without a ref of its own, of a VM whose TPM has a ref that holds a key
                    KeySet withRef = keysFlagged(keyRefs.join().rows(), REF_BACKUP, KEY);
                    KeySet tpmsWithKey = keyedTpms.join();
                    ScanRows tpmRows = tpms.join().rows();
                    KeySet vmsWithKey = new KeySet();
                    for (int r = 0; r < tpmRows.size(); r++) {
                        if (tpmRows.in(r, KEY, tpmsWithKey)) {
                            tpmRows.addTo(r, OTHER, vmsWithKey);
                        }
                    }
                    ScanRows b = backups.join().rows();
                    return collect(b, r -> b.flagged(r, STATE) && b.in(r, OTHER, vmsWithKey)
                            && !b.in(r, KEY, withRef) ? b.key(r, KEY) : null);
                }, derive));
        candidates.put(AuditRule.KEY_REF_ORPHANED, CompletableFuture.allOf(keyRefs, tpms, backups, keyBackups)
                .thenApplyAsync(x -> {
                    ScanRows refs = keyRefs.join().rows();
                    KeySet ofTpms = tpms.join().uuids();
                    KeySet ofBackups = backups.join().uuids();
                    KeySet ofKeyBackups = keyBackups.join();
                    return collect(refs, r -> {
                        KeySet o = refs.flagged(r, REF_TPM) ? ofTpms : refs.flagged(r, REF_BACKUP) ? ofBackups
                                : refs.flagged(r, REF_KEY_BACKUP) ? ofKeyBackups : null;
                        return o != null && !refs.in(r, KEY, o) ? (Object) refs.number(r) : null;
                    });
                }, derive));
        candidates.put(AuditRule.KEY_REF_DUPLICATE_PLACEHOLDER, keyRefs.thenCombineAsync(keyedTpms, (k, keyed) ->
                collect(k.rows(), r -> k.rows().flagged(r, REF_TPM) && !k.rows().flagged(r, KEYED)
                        && k.rows().in(r, KEY, keyed) ? (Object) k.rows().number(r) : null), derive));
        candidates.put(AuditRule.KEY_REF_PROVIDER_LOST, keyRefs.thenCombineAsync(providers, (k, p) ->
                collect(k.rows(), r -> k.rows().flagged(r, KEYED) && !k.rows().in(r, OTHER, p)
                        ? (Object) k.rows().number(r) : null), derive));
        candidates.put(AuditRule.CONTENT_WITHOUT_OWNER, CompletableFuture.allOf(contents, files, backups).thenApplyAsync(x -> {
            KeySet fileKeys = files.join().uuids();
            KeySet backupKeys = backups.join().uuids();
            Collector c = new Collector();
            contents.join().forEachNotIn(List.of(fileKeys, backupKeys), c::add);
            return c.done();
        }, derive));
        candidates.put(AuditRule.RESOURCE_ROW_STALE, CompletableFuture.allOf(typed, tpms, files, backups, keyBackups)
                .thenApplyAsync(x -> {
                    Map<String, KeySet> children = Map.of("TpmVO", tpms.join().uuids(),
                            "VmHostFileVO", files.join().uuids(), "VmHostBackupFileVO", backups.join().uuids(),
                            "TpmKeyBackupVO", keyBackups.join());
                    Collector c = new Collector();
                    typed.join().forEach((type, keys) -> keys.forEachNotIn(List.of(children.get(type)), c::add));
                    return c.done();
                }, derive));
    }

    /** The keys in {@code column} of the rows whose flags hold every bit of {@code flags}. */
    private static KeySet keysFlagged(ScanRows rows, int flags, int column) {
        KeySet keys = new KeySet();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.flagged(r, flags)) {
                rows.addTo(r, column, keys);
            }
        }
        return keys;
    }

    /** The keys {@code key} gives for the rows (null: not a candidate). */
    private static Candidates collect(ScanRows rows, IntFunction<Object> key) {
        Collector c = new Collector();
        for (int r = 0; r < rows.size(); r++) {
            Object k = key.apply(r);
            if (k != null) {
                c.add(k);
            }
        }
        return c.done();
    }

    /** What a read does with each row, and then gives. */
    private record Reader<T>(Row row, java.util.function.Supplier<T> result) {
    }

    /** Takes the values it needs from the result set's current row. */
    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** The keys of one column of a table (its NULLs left out). */
    private CompletableFuture<KeySet> keys(String from, String column, String where) {
        return read(from, where, List.of(column), () -> {
            KeySet keys = new KeySet();
            return new Reader<>(rs -> keys.add(rs.getBytes(1)), () -> keys);
        }, false);
    }

    /**
     * Reads {@code columns} of every row of {@code from} (that {@code where} lets through, when not null) on one of the
     * connections, streamed ({@link #FETCH} rows at a time), in its turn: reads go in the order they are asked for,
     * except that one asked for {@code ahead} goes before every read not yet started. The future completes on the
     * reader's thread, before it takes its next read: a read that waits for it is asked for in time to go first; what
     * takes longer runs on {@link #derive}.
     */
    private <T> CompletableFuture<T> read(String from, String where, List<String> columns,
                                          java.util.function.Supplier<Reader<T>> reader, boolean ahead) {
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + from + (where == null ? "" : " WHERE " + where);
        CompletableFuture<T> read = new CompletableFuture<>();
        readers.execute(new Read(ahead ? 0 : 1, queued.getAndIncrement(), () -> {
            try {
                read.complete(rows(sql, reader));
            } catch (Throwable e) { // an Error too: what waits for the read must not wait for ever
                read.completeExceptionally(e);
            }
        }));
        return read;
    }

    private <T> T rows(String sql, java.util.function.Supplier<Reader<T>> reader) throws SQLException {
        try (Connection c = source.connection(); Statement st = c.createStatement()) {
            running.add(st);
            reading.add(st);
            try {
                checkOpen();
                Reader<T> r = reader.get();
                st.setFetchSize(FETCH);
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (next(rs)) {
                        r.row().accept(rs);
                    }
                }
                return r.result().get();
            } finally {
                running.remove(st);
                reading.remove(st);
            }
        }
    }

    /** A read waiting for a connection: the lower {@code rank} first, then the one queued first. */
    private record Read(int rank, long queued, Runnable work) implements Runnable, Comparable<Read> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Read o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : Long.compare(queued, o.queued);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void checkOpen() throws SQLException {
        if (closed || cancelled.getAsBoolean()) {
            throw new SQLException("the audit was cancelled");
        }
    }

    private boolean next(ResultSet rs) throws SQLException {
        checkOpen();
        return rs.next();
    }
}
