package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanSql;
import dev.tpmconsole.model.plan.RepairPlanner;
import dev.tpmconsole.model.util.AtomicFiles;
import dev.tpmconsole.model.util.Counted;
import java.nio.charset.StandardCharsets;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code repair SOURCE [--rule ID ...] [--key KEY ...]}: the plan that repairs audit findings (each rule's repair
 * action on exactly its rows; relinks as updates), for {@code apply} to run after a person has read it. It never
 * changes the source: without {@code --plan-only} the plan goes to a file (--out, or one beside the snapshot) and
 * the command that applies it is printed; with {@code --plan-only} and no --out, the plan JSON goes to stdout.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Plan the repair of audit findings (all, or of --rule / --key): each finding's repair action"
                + " on exactly its rows and their dependants, relinks of key refs as updates, findings without a"
                + " repair kept with the reason (docs/cleanup.md). Reads only: `apply SOURCE PLAN` runs the plan.",
            "Without --plan-only, the plan is written to --out FILE (default: SOURCE's name with"
                + " .repair-<UTC time>.json, beside a snapshot, or in the current folder for a jdbc: source; nothing"
                + " is written when there is nothing to do), and the apply command to run is printed."
                + " With --plan-only and no --out, the plan JSON goes to stdout."})
public final class RepairCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SshOptions ssh;
    /** {@code --catalogue} / {@code --no-catalogue}: accepted by every command (this one does not use the catalogue). */
    @picocli.CommandLine.Mixin
    CatalogueOption catalogue;

    @Parameters(paramLabel = "SOURCE", description = CliSources.SOURCE_HELP)
    String source;

    @Option(names = "--rule", paramLabel = "ID", arity = "1..*", description = "Repair the findings of these rules.")
    List<AuditRule> rules;

    @Option(names = "--key", paramLabel = "KEY", arity = "1..*", description = "Repair only these findings (by key).")
    List<String> keys;

    @Option(names = "--plan-only",
            description = "Only the plan: as JSON on stdout (or in --out FILE), for scripts.")
    boolean planOnly;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan to FILE; print a summary.")
    Path out;

    @Option(names = "--sql", paramLabel = "FILE", description = "Also write the repair as an SQL script (for the"
            + " sqlite3 shell or the mariadb client), and its inverse as FILE with .inverse before the extension.")
    Path sql;

    /**
     * zstack.sqlite -> zstack.repair-20261202T040000Z.json beside it; for a jdbc: source, the database's name in the
     * current folder; -2, -3... when that name is taken.
     */
    static Path defaultPlanFile(String source, String createdAt) {
        String stamp = createdAt.replaceAll("[^0-9TZ]", "");
        Path base;
        if (source.startsWith("jdbc:")) {
            String database = source.replaceAll("^[^?;]*/([^/?;]*).*$", "$1");
            base = Path.of(database.isBlank() || database.startsWith("jdbc:") ? "database" : database)
                    .toAbsolutePath();
        } else {
            Path snapshot = Path.of(source).toAbsolutePath();
            String name = snapshot.getFileName().toString();
            int dot = name.lastIndexOf('.');
            base = snapshot.resolveSibling(dot > 0 ? name.substring(0, dot) : name);
        }
        Path file = base.resolveSibling(base.getFileName() + ".repair-" + stamp + ".json");
        for (int n = 2; java.nio.file.Files.exists(file); n++) {
            file = base.resolveSibling(base.getFileName() + ".repair-" + stamp + "-" + n + ".json");
        }
        return file;
    }

    static Path inverseOf(Path sql) {
        String name = sql.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return sql.resolveSibling(dot > 0 ? name.substring(0, dot) + ".inverse" + name.substring(dot) : name + ".inverse");
    }

    @Override
    public Integer call() throws Exception {
        Plan plan;
        try (Source s = CliSources.open(source, OpenOptions.readOnly(), ssh)) {
            plan = new RepairPlanner(s, Clock.systemUTC())
                    .plan(rules == null ? List.of() : rules, keys == null ? Set.of() : Set.copyOf(keys)).plan();
            if (sql != null) {
                String forward = PlanSql.forward(plan, s.kind());
                String inverse = PlanSql.inverse(plan, s);
                AtomicFiles.write(sql, o -> o.write(forward.getBytes(StandardCharsets.UTF_8)));
                AtomicFiles.write(inverseOf(sql), o -> o.write(inverse.getBytes(StandardCharsets.UTF_8)));
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        boolean empty = Invocation.isEmpty(plan);
        Path file = out != null ? out : planOnly || empty ? null : defaultPlanFile(source, plan.createdAt());
        if (file == null && planOnly) {
            w.print(PlanJson.write(plan));
        } else {
            if (file != null) {
                PlanJson.write(plan, file);
            }
            w.println("repair: " + plan.summary() + (plan.updates().isEmpty() ? ""
                    : " (" + Counted.of(plan.updates().size(), "key ref") + " relinked)"));
            if (file != null) {
                w.println("Plan written to " + file.toAbsolutePath());
            }
            w.println(Invocation.applyLine(plan, source, file));
        }
        w.flush();
        return 0;
    }
}
