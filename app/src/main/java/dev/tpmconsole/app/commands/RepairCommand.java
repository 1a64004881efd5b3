package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanSql;
import dev.tpmconsole.model.plan.RepairPlanner;
import dev.tpmconsole.model.util.AtomicFiles;
import java.nio.charset.StandardCharsets;
import dev.tpmconsole.model.source.Source;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code repair SOURCE [--rule ID ...] [--key KEY ...]}: the plan that repairs audit findings (each rule's repair
 * action on exactly its rows; relinks as updates), for {@code apply} to run after a person has read it. It never
 * changes the source: without {@code --plan-only} the plan goes to a file (--out, or one beside the snapshot) and
 * the command that applies it is printed; with {@code --plan-only} and no --out, the plan JSON goes to stdout.
 */
@Command(name = "repair", mixinStandardHelpOptions = true)
public final class RepairCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** SOURCE, SSH and the catalogue's options (this command does not use the catalogue). */
    @picocli.CommandLine.Mixin
    SourceOptions options;

    @Option(names = "--rule", paramLabel = "ID", arity = "1..*")
    List<AuditRule> rules;

    @Option(names = "--key", paramLabel = "KEY", arity = "1..*")
    List<String> keys;

    @Option(names = "--plan-only")
    boolean planOnly;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Option(names = "--sql", paramLabel = "FILE")
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
        try (Source s = options.openReadOnly()) {
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
        Path file = out != null ? out : planOnly || empty ? null : defaultPlanFile(options.source, plan.createdAt());
        if (file == null && planOnly) {
            w.print(PlanJson.write(plan));
        } else {
            if (file != null) {
                PlanJson.write(plan, file);
            }
            w.println(Messages.text(plan.updates().isEmpty() ? "cli.repair.summary" : "cli.repair.summaryRelinked",
                    plan.summaryMessage(), plan.updates().size()));
            if (file != null) {
                w.println(Messages.text("cli.plan.written", file.toAbsolutePath().toString()));
            }
            w.println(Invocation.applyLine(plan, options.source, file));
        }
        w.flush();
        return 0;
    }
}
