package dev.tpmconsole.model.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue's bulk work in plain SQL, set-based inside SQLite: which cloud a source is, what is known of its
 * findings before an audit, and recording an audit's findings (new, seen, resolved). An audit of a large cloud
 * reports ten thousand findings; an object per row would cost more than the audit itself, and so would starting
 * Hibernate in a command that records only this. Everything with an object model (clouds by name, history,
 * acknowledgements, runs, merges) goes through the mapped entities.
 */
final class Ledger {

    private Ledger() {
    }

    /** A cloud's id and the name it is shown by. */
    record CloudRef(long id, String displayName) {
    }

    /** The cloud of a source: its pin, else the cloud sharing the most markers with it (ties: the newest); or null. */
    static CloudRef find(Connection c, CloudMarkers markers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cloud_id FROM cloud_source WHERE source = ?")) {
            ps.setString(1, markers.source());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return cloud(c, rs.getLong(1));
                }
            }
        }
        Map<Long, Integer> shared = new HashMap<>();
        List<CloudMarkers.Marker> all = List.copyOf(markers.markers());
        for (int i = 0; i < all.size(); i += 400) {
            List<CloudMarkers.Marker> chunk = all.subList(i, Math.min(all.size(), i + 400));
            StringBuilder sql = new StringBuilder("SELECT cloud_id, kind, value FROM cloud_marker WHERE value IN (");
            for (int j = 0; j < chunk.size(); j++) {
                sql.append(j == 0 ? "?" : ", ?");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
                for (int j = 0; j < chunk.size(); j++) {
                    ps.setString(j + 1, chunk.get(j).value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (markers.markers().contains(new CloudMarkers.Marker(rs.getString(2), rs.getString(3)))) {
                            shared.merge(rs.getLong(1), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        Long best = null;
        for (Map.Entry<Long, Integer> e : shared.entrySet()) {
            if (best == null || e.getValue() > shared.get(best) || (e.getValue().equals(shared.get(best)) && e.getKey() > best)) {
                best = e.getKey();
            }
        }
        return best == null ? null : cloud(c, best);
    }

    static CloudRef cloud(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(name, label) FROM cloud WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new CloudRef(id, rs.getString(1)) : null;
            }
        }
    }

    /** The cloud of a source, made when new; its markers are added to it. Inside a write transaction. */
    static CloudRef resolve(Connection c, CloudMarkers markers, Instant now) throws SQLException {
        CloudRef cloud = find(c, markers);
        if (cloud == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cloud (label, created_at) VALUES (?, ?)")) {
                ps.setString(1, markers.label());
                ps.setString(2, InstantText.format(now));
                ps.executeUpdate();
            }
            cloud = new CloudRef(lastId(c), markers.label());
        }
        // one statement for them all (a cloud of 2,500 hosts has as many markers; a statement per marker took 30-45 ms
        // in all)
        String all = json(markers.markers().size() * 60, g -> {
            for (CloudMarkers.Marker m : markers.markers()) {
                g.writeStartArray();
                g.writeString(m.kind());
                g.writeString(m.value());
                g.writeEndArray();
            }
        });
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO cloud_marker (cloud_id, kind, value)"
                + " SELECT ?, j.value ->> 0, j.value ->> 1 FROM json_each(?) j")) {
            ps.setLong(1, cloud.id());
            ps.setString(2, all);
            ps.executeUpdate();
        }
        return cloud;
    }

    static long lastId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A cloud's open findings of a kind (by {@link #identity}), with when each was first seen. */
    static Map<String, Instant> open(Connection c, long cloud, String kind) throws SQLException {
        Map<String, Instant> open = new HashMap<>();
        Map<String, Instant> times = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.rule || char(1) || f.table_name || char(1) || f.row_key"
                + " || char(1) || f.host_uuid || char(1) || f.path, a.started_at FROM finding f"
                + " JOIN audit a ON a.id = f.first_seen_audit_id WHERE f.cloud_id = ? AND f.kind = ?"
                + " AND f.resolved_audit_id IS NULL")) {
            ps.setLong(1, cloud);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // a few audits first saw them all: each time parsed once
                    open.put(rs.getString(1), times.computeIfAbsent(rs.getString(2), Instant::parse));
                }
            }
        }
        return open;
    }

    /** A cloud's acknowledgements, expired ones included (marked inactive at {@code now}). */
    static List<Catalogue.AckEntry> acknowledgements(Connection c, long cloud, Instant now) throws SQLException {
        List<Catalogue.AckEntry> acks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rule, table_name, row_key, host_uuid, path, reason,"
                + " acknowledged_by, acknowledged_at, expires_at FROM acknowledgement WHERE cloud_id = ?"
                + " ORDER BY rule, table_name, row_key, host_uuid, path")) {
            ps.setLong(1, cloud);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant expires = rs.getString(9) == null ? null : Instant.parse(rs.getString(9));
                    acks.add(new Catalogue.AckEntry(new FindingKey(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)), rs.getString(6), rs.getString(7),
                            Instant.parse(rs.getString(8)), expires, expires == null || expires.isAfter(now)));
                }
            }
        }
        return acks;
    }

    /** Inserts an audit row with its counts; returns its id. */
    static long insertAudit(Connection c, long cloud, Catalogue.AuditToRecord a, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (cloud_id, kind, source, started_at,"
                + " duration_ms, rules, scope, user_name, console_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, cloud);
            ps.setString(2, a.kind().label());
            ps.setString(3, a.markers().source());
            ps.setString(4, InstantText.format(a.startedAt()));
            ps.setLong(5, a.durationMs());
            ps.setString(6, String.join(",", a.rules()));
            ps.setString(7, a.scope() == null ? null : String.join(",", a.scope().stream().sorted().toList()));
            ps.setString(8, user);
            ps.setString(9, a.consoleVersion());
            ps.executeUpdate();
        }
        long id = lastId(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_count (audit_id, rule, count) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> e : a.counts().entrySet()) {
                ps.setLong(1, id);
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /**
     * The stage an audit's findings pass through on their way in: a temporary table of this connection, in memory
     * (never in the catalogue file: no other console sees it, nothing of it is written to disk).
     */
    static void createStage(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS staged_finding (batch INTEGER NOT NULL, seq INTEGER NOT NULL,"
                    + " rule TEXT NOT NULL, severity TEXT, table_name TEXT NOT NULL, row_key TEXT NOT NULL,"
                    + " host_uuid TEXT NOT NULL, path TEXT NOT NULL, vm_uuid TEXT, detail TEXT, message TEXT)");
            st.execute("CREATE INDEX IF NOT EXISTS temp.staged_finding_identity ON staged_finding (batch, rule,"
                    + " table_name, row_key, host_uuid, path)");
            st.execute("CREATE TEMP TABLE IF NOT EXISTS staged_detail (seq INTEGER PRIMARY KEY, severity TEXT NOT NULL,"
                    + " vm_uuid TEXT, detail TEXT, message TEXT)");
        }
    }

    /**
     * Puts an audit's findings into the stage under {@code batch}, for {@link #apply} into {@code cloud}'s findings of
     * {@code kind}: every finding's key, then the severity, VM, sentence and message of only those that no open finding
     * of the cloud has yet, which are all that {@link #apply} inserts. A finding seen again is staged by its key alone:
     * an audit that finds what the last one found (the usual case) makes no sentence or message text at all (an
     * {@code audit} command's own JVM, the 100,000-VM demo with 11,581 findings, all seen before: the stage took 300-350
     * ms of the recording's 400-450 with every finding whole, 90-120 ms by key). Each pass is one JSON text that SQLite
     * takes apart itself (json_each), not a statement per finding: in a command's cold JVM, ten thousand JDBC rows cost
     * more than the rest of the recording.
     */
    static void stage(Connection c, long batch, long cloud, String kind, List<Catalogue.Reported> findings)
            throws SQLException {
        createStage(c);
        try (Statement st = c.createStatement()) {
            // for the details' UPDATE below (not kept for stageReported's rows, which come whole)
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS temp.staged_finding_seq ON staged_finding (batch, seq)");
        }
        if (findings.isEmpty()) {
            return;
        }
        String keys = json(findings.size() * 120, g -> {
            for (Catalogue.Reported r : findings) {
                FindingKey k = r.key();
                g.writeStartArray();
                g.writeString(k.rule());
                g.writeString(k.table());
                g.writeString(k.key());
                g.writeString(k.host());
                g.writeString(k.path());
                g.writeEndArray();
            }
        });
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO temp.staged_finding (batch, seq, rule, table_name,"
                + " row_key, host_uuid, path) SELECT ?, j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2,"
                + " j.value ->> 3, j.value ->> 4 FROM json_each(?) j")) {
            ps.setLong(1, batch);
            ps.setString(2, keys);
            ps.executeUpdate();
        }
        // the first of each key without an open finding: what apply() will insert
        List<Integer> fresh = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT min(st.seq) FROM temp.staged_finding st"
                + " WHERE st.batch = ?3 AND NOT EXISTS (SELECT 1 FROM finding f WHERE " + SAME + ")"
                + " GROUP BY st.rule, st.table_name, st.row_key, st.host_uuid, st.path ORDER BY 1")) {
            ps.setLong(1, cloud);
            ps.setString(2, kind);
            ps.setLong(3, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getInt(1));
                }
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        String whole = json(fresh.size() * 200, g -> {
            // fresh is in order: one walk along the findings, whatever kind of list they are
            java.util.Iterator<Catalogue.Reported> all = findings.iterator();
            int at = -1;
            Catalogue.Reported r = null;
            for (int seq : fresh) {
                while (at < seq) {
                    r = all.next();
                    at++;
                }
                g.writeStartArray();
                g.writeNumber(seq);
                g.writeString(r.severity());
                g.writeString(r.vmUuid());
                g.writeString(r.detail());
                g.writeString(dev.tpmconsole.model.i18n.MessageJson.write(r.message()));
                g.writeEndArray();
            }
        });
        // through a table keyed by seq: an UPDATE that joined json_each itself was planned with the JSON as the
        // inner loop, read again for every staged row (90 s for 11,581 new findings)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO temp.staged_detail (seq, severity, vm_uuid,"
                + " detail, message) SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4"
                + " FROM json_each(?) j")) {
            ps.setString(1, whole);
            ps.executeUpdate();
        }
        update(c, "UPDATE temp.staged_finding AS st SET severity = d.severity, vm_uuid = d.vm_uuid, detail = d.detail,"
                + " message = d.message FROM temp.staged_detail d WHERE st.batch = ?1 AND st.seq = d.seq", batch);
        update(c, "DELETE FROM temp.staged_detail");
    }

    /** Writes one JSON array of what {@code rows} writes (each row an array of its own). */
    private static String json(int sizeHint, JsonRows rows) throws SQLException {
        java.io.StringWriter json = new java.io.StringWriter(sizeHint);
        try (com.fasterxml.jackson.core.JsonGenerator g = dev.tpmconsole.model.util.Json.FACTORY.createGenerator(json)) {
            g.writeStartArray();
            rows.write(g);
            g.writeEndArray();
        } catch (java.io.IOException e) {
            throw new SQLException("cannot make the JSON the catalogue takes in: " + e.getMessage(), e);
        }
        return json.toString();
    }

    @FunctionalInterface
    private interface JsonRows {
        void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException;
    }

    /** A finding {@code f} and a staged one {@code st} are the same open finding of cloud ?1 and kind ?2. */
    private static final String SAME = "f.cloud_id = ?1 AND f.kind = ?2 AND f.resolved_audit_id IS NULL"
            + " AND f.rule = st.rule AND f.table_name = st.table_name AND f.row_key = st.row_key"
            + " AND f.host_uuid = st.host_uuid AND f.path = st.path";

    /** How {@link KnownFindings} keys a finding: its key's parts in one string. */
    static String identity(String rule, String table, String key, String host, String path) {
        return rule + '\u0001' + table + '\u0001' + key + '\u0001' + host + '\u0001' + path;
    }

    /** What applying an audit's findings did. */
    record Applied(int findings, int added, int resolved) {
    }

    /**
     * Applies the findings staged under batch {@code audit} to the cloud's findings: those without an open finding
     * start one with it; open ones of the rules (and hosts) it covered that it did not report are resolved by it
     * (their last-seen audit set then); its counts are set and the stage emptied. Which audits reported a finding
     * is not kept row by row: every audit that ran its rule between its first-seen and resolving audits did.
     * Findings seen again are not rewritten (ten thousand row updates would cost more than the rest together): an
     * open finding keeps the sentence of the audit that first reported it, and its last-seen audit is set when it
     * is resolved (while open, the cloud's latest audit of its rule reported it).
     */
    static Applied apply(Connection c, long cloud, String kind, long audit, List<String> rules, Collection<String> scope)
            throws SQLException {
        update(c, "INSERT INTO finding (cloud_id, kind, rule, severity, table_name, row_key, host_uuid, path, vm_uuid,"
                + " detail, message, first_seen_audit_id, last_seen_audit_id) SELECT ?1, ?2, st.rule, st.severity,"
                + " st.table_name, st.row_key, st.host_uuid, st.path, st.vm_uuid, st.detail, st.message, ?3, ?3"
                + " FROM temp.staged_finding st"
                + " WHERE st.batch = ?3 AND st.severity IS NOT NULL AND NOT EXISTS (SELECT 1 FROM finding f WHERE "
                + SAME + ") GROUP BY st.rule, st.table_name, st.row_key, st.host_uuid, st.path", cloud, kind, audit);
        int resolved = 0;
        if (!rules.isEmpty()) {
            // the last audit that reported it: the latest audit before this one that ran its rule (and scanned its host)
            StringBuilder resolve = new StringBuilder("UPDATE finding AS f SET resolved_audit_id = ?3,"
                    + " last_seen_audit_id = coalesce((SELECT a.id FROM audit a WHERE a.cloud_id = ?1 AND a.kind = ?2"
                    + " AND (a.started_at, a.id) < (SELECT t.started_at, t.id FROM audit t WHERE t.id = ?3) AND "
                    + RAN + " ORDER BY a.started_at DESC, a.id DESC LIMIT 1), f.first_seen_audit_id)"
                    + " WHERE f.cloud_id = ?1 AND f.kind = ?2 AND f.resolved_audit_id IS NULL AND f.first_seen_audit_id <> ?3"
                    + " AND NOT EXISTS (SELECT 1 FROM temp.staged_finding st WHERE st.batch = ?3 AND st.rule = f.rule"
                    + " AND st.table_name = f.table_name AND st.row_key = f.row_key AND st.host_uuid = f.host_uuid"
                    + " AND st.path = f.path) AND f.rule IN (");
            List<Object> parameters = new ArrayList<>(List.of(cloud, kind, audit));
            list(resolve, parameters, rules);
            if (scope != null) {
                resolve.append(" AND f.host_uuid IN (");
                list(resolve, parameters, scope);
            }
            resolved = update(c, resolve.toString(), parameters.toArray());
        }
        int linked;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM temp.staged_finding"
                + " WHERE batch = ? GROUP BY rule, table_name, row_key, host_uuid, path)")) {
            ps.setLong(1, audit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                linked = rs.getInt(1);
            }
        }
        int added;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM finding WHERE first_seen_audit_id = ?")) {
            ps.setLong(1, audit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                added = rs.getInt(1);
            }
        }
        update(c, "UPDATE audit SET findings = ?2, new_findings = ?3, resolved_findings = ?4 WHERE id = ?1",
                audit, linked, added, resolved);
        update(c, "DELETE FROM temp.staged_finding WHERE batch = ?1", audit);
        return new Applied(linked, added, resolved);
    }

    private static void list(StringBuilder sql, List<Object> parameters, Collection<String> values) {
        int i = 0;
        for (String v : values) {
            sql.append(i++ == 0 ? "?" : ", ?").append(parameters.size() + 1);
            parameters.add(v);
        }
        sql.append(i == 0 ? "NULL)" : ")");
    }

    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** Whether audit {@code a} covered finding {@code f}: it ran its rule, and for a host scan, scanned its host. */
    private static final String RAN = "instr(',' || a.rules || ',', ',' || f.rule || ',') > 0 AND (a.scope IS NULL"
            + " OR instr(',' || a.scope || ',', ',' || f.host_uuid || ',') > 0)";

    /**
     * Stages, under each audit's id, the findings that the audits of these clouds reported (every audit that covered a
     * finding between its first-seen and its resolving audit), before audits move between clouds.
     */
    static void stageReported(Connection c, List<Long> clouds) throws SQLException {
        createStage(c);
        update(c, "INSERT INTO temp.staged_finding (batch, seq, rule, severity, table_name, row_key, host_uuid, path,"
                + " vm_uuid, detail, message) SELECT a.id, f.id, f.rule, f.severity, f.table_name, f.row_key,"
                + " f.host_uuid, f.path, f.vm_uuid, f.detail, f.message FROM finding f"
                + " JOIN audit fs ON fs.id = f.first_seen_audit_id"
                + " LEFT JOIN audit rs ON rs.id = f.resolved_audit_id JOIN audit a ON a.cloud_id = f.cloud_id"
                + " AND a.kind = f.kind AND (a.started_at, a.id) >= (fs.started_at, fs.id)"
                + " AND (rs.id IS NULL OR (a.started_at, a.id) < (rs.started_at, rs.id)) AND " + RAN
                + " WHERE f.cloud_id IN (" + ids(clouds) + ")");
    }

    /**
     * Computes the findings' history of these clouds again from what {@link #stageReported} staged, audit by audit in
     * the order they ran (after audits moved between clouds). Inside a write transaction.
     */
    static void replay(Connection c, List<Long> clouds) throws SQLException {
        String audits = "SELECT id FROM audit WHERE cloud_id IN (" + ids(clouds) + ")";
        update(c, "DELETE FROM finding WHERE first_seen_audit_id IN (" + audits + ")");
        List<Object[]> ordered = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, cloud_id, kind, rules, scope"
                + " FROM audit WHERE id IN (" + audits + ") ORDER BY started_at, id")) {
            while (rs.next()) {
                ordered.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)});
            }
        }
        for (Object[] a : ordered) {
            String rules = (String) a[3];
            String scope = (String) a[4];
            apply(c, (Long) a[1], (String) a[2], (Long) a[0], rules.isEmpty() ? List.of() : List.of(rules.split(",")),
                    scope == null ? null : Set.of(scope.split(",")));
        }
    }

    private static String ids(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }
}
