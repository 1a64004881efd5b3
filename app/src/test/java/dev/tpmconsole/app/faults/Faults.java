package dev.tpmconsole.app.faults;

import dev.tpmconsole.app.TpmConsoleCommand;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TableContents;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import java.util.stream.Stream;

/** What the fault suite's tests share: commands run in this JVM, tables compared, run folders inspected. */
final class Faults {

    private Faults() {
    }

    /** How many kill trials, and the seed of their moments (the long form raises the one, varies the other). */
    static int kills() {
        return Integer.getInteger("faults.kills", 20);
    }

    static long seed() {
        return Long.getLong("faults.seed", 17L);
    }

    /** A command run in this JVM, as the jar runs it (the writers escape as they do on a terminal). */
    static ConsoleProcess.Result console(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = TpmConsoleCommand.commandLine(out, err).execute(args);
        return new ConsoleProcess.Result(status, out.toString(), err.toString());
    }

    /** VMs of a demo whose TPM state the plans remove: live VMs with TpmState host files, first by uuid. */
    static List<String> vmsWithTpmState(Path snapshot, int limit) throws Exception {
        return strings(snapshot, "SELECT DISTINCT vmInstanceUuid FROM VmHostFileVO WHERE type = 'TpmState'"
                + " AND vmInstanceUuid IN (SELECT uuid FROM VmInstanceEO) ORDER BY vmInstanceUuid LIMIT " + limit);
    }

    /** VMs of a demo with TpmState backups (their items carry the most key material), first by uuid. */
    static List<String> vmsWithTpmStateBackups(Path snapshot, int limit) throws Exception {
        return strings(snapshot, "SELECT DISTINCT resourceUuid FROM VmHostBackupFileVO WHERE type = 'TpmState'"
                + " AND resourceUuid IN (SELECT uuid FROM VmInstanceEO) ORDER BY resourceUuid LIMIT " + limit);
    }

    /** VMs with both TpmState host files and backups: each has items in every step. */
    static List<String> vmsWithTpmStateBackupsAndFiles(Path snapshot, int limit) throws Exception {
        return strings(snapshot, "SELECT DISTINCT f.vmInstanceUuid FROM VmHostFileVO f JOIN VmHostBackupFileVO b"
                + " ON b.resourceUuid = f.vmInstanceUuid WHERE f.type = 'TpmState' AND f.vmInstanceUuid IN"
                + " (SELECT uuid FROM VmInstanceEO) ORDER BY f.vmInstanceUuid LIMIT " + limit);
    }

    private static List<String> strings(Path snapshot, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + snapshot); var st = c.createStatement();
             var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The "remove TPM" preview of these VMs, read from the snapshot as the console reads it. */
    static PlanPreview removal(Path snapshot, List<String> vms) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly())) {
            return new Planner(s, Clock.systemUTC()).remove(vms);
        }
    }

    /** The "remove TPM" plan of these VMs, written to {@code file}. */
    static Plan writeRemoval(Path snapshot, List<String> vms, Path file) throws Exception {
        Plan plan = removal(snapshot, vms).plan();
        PlanJson.write(plan, file);
        return plan;
    }

    /** Every row of every table of a snapshot, as comparable text. */
    static Map<String, List<String>> tables(Path snapshot) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + snapshot)) {
            return TableContents.fromSqlite(c, TableContents.sqliteColumns(c));
        }
    }

    /** The differences between two table maps, a line each (at most 12), for a readable failure. */
    static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> out = new ArrayList<>();
        Set<String> names = new HashSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String table : names.stream().sorted().toList()) {
            List<String> e = expected.getOrDefault(table, List.of());
            List<String> a = actual.getOrDefault(table, List.of());
            if (e.equals(a)) {
                continue;
            }
            Set<String> es = new HashSet<>(e);
            Set<String> as = new HashSet<>(a);
            e.stream().filter(r -> !as.contains(r)).limit(3).forEach(r -> out.add(table + " lacks " + cut(r)));
            a.stream().filter(r -> !es.contains(r)).limit(3).forEach(r -> out.add(table + " has extra " + cut(r)));
            if (e.size() != a.size()) {
                out.add(table + ": " + a.size() + " rows, expected " + e.size());
            }
        }
        return out.size() > 12 ? out.subList(0, 12) : out;
    }

    private static String cut(String row) {
        return row.length() > 160 ? row.substring(0, 160) + "…" : row;
    }

    /** The run folders of a snapshot (not the hidden ones a run prepares in). */
    static List<Path> runFolders(Path snapshot) throws Exception {
        Path runs = snapshot.resolveSibling(snapshot.getFileName() + ".runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Anything hidden a run left in the runs folder but its lock. */
    static List<String> leftovers(Path snapshot) throws Exception {
        Path runs = snapshot.resolveSibling(snapshot.getFileName() + ".runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".lock")).toList();
        }
    }
}
