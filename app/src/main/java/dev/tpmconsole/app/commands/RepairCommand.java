package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanSql;
import dev.tpmconsole.model.util.AtomicFiles;
import java.nio.charset.StandardCharsets;
import dev.tpmconsole.model.plan.RepairPlanner;
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
 * {@code repair SOURCE [--rule ID ...] [--key KEY ...] --plan-only}: the plan that repairs audit findings
 * (each rule's repair action on exactly its rows; relinks as updates), for {@code apply} to run.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Plan the repair of audit findings (all, or of --rule / --key): each finding's repair action"
                + " on exactly its rows and their dependants, relinks of key refs as updates, findings without a"
                + " repair kept with the reason. Writes the plan; `apply SOURCE PLAN` runs it. Reads only.")
public final class RepairCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    SshOptions ssh;
    /** {@code --catalogue} / {@code --no-catalogue}: accepted by every command (this one does not use the catalogue). */
    @picocli.CommandLine.Mixin
    CatalogueOption catalogue;

    @Parameters(paramLabel = "SOURCE", description = "An SQLite snapshot file, or a jdbc:mariadb:// URL.")
    String source;

    @Option(names = "--rule", paramLabel = "ID", arity = "1..*", description = "Repair the findings of these rules.")
    List<AuditRule> rules;

    @Option(names = "--key", paramLabel = "KEY", arity = "1..*", description = "Repair only these findings (by key).")
    List<String> keys;

    @Option(names = "--plan-only", required = true,
            description = "Write the plan (required: the repair runs with `apply`, after you read the plan).")
    boolean planOnly;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the plan to FILE; print a summary.")
    Path out;

    @Option(names = "--sql", paramLabel = "FILE", description = "Also write the repair as an SQL script (for the"
            + " sqlite3 shell or the mariadb client), and its inverse as FILE with .inverse before the extension.")
    Path sql;

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
        if (out != null) {
            PlanJson.write(plan, out);
            w.println("repair: " + plan.summary() + (plan.updates().isEmpty() ? "" : " (" + plan.updates().size()
                    + " key ref(s) relinked)"));
            // the password is not repeated: apply takes it from TPM_CONSOLE_DB_PASSWORD or asks for it
            w.println("Plan written to " + out.toAbsolutePath() + "; run it with: tpm-console apply "
                    + dev.tpmconsole.model.source.JdbcUrls.stripPassword(source) + " " + out);
        } else {
            w.print(PlanJson.write(plan));
        }
        w.flush();
        return 0;
    }
}
