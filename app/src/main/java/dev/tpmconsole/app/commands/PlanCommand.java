package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.PlanException;
import dev.tpmconsole.model.plan.PlanJson;
import dev.tpmconsole.model.plan.PlanPreview;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.util.Counted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code plan remove|reset SOURCE --vm UUID ...}: what a remove or reset of the TPM of these VMs will delete,
 * as the plan JSON of docs/cleanup.md (on stdout, or in {@code --out FILE} with a summary on stdout). Reads only.
 */
@Command(name = "plan", mixinStandardHelpOptions = true)
public final class PlanCommand implements Callable<Integer> {

    /** The operations a plan can be made for. */
    public enum Operation { remove, reset }

    @Spec
    CommandSpec spec;

    /** SOURCE, SSH and the catalogue's options (this command does not use the catalogue). */
    @picocli.CommandLine.Mixin
    SourceOptions options;

    @Parameters(index = "0", paramLabel = "OPERATION")
    Operation operation;

    @Option(names = "--vm", paramLabel = "UUID", required = true)
    List<String> vms;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        PlanPreview preview;
        try (Source s = options.openReadOnly()) {
            Planner planner = new Planner(s, Clock.systemUTC());
            try {
                preview = operation == Operation.remove ? planner.remove(vms) : planner.reset(vms);
            } catch (PlanException e) {
                spec.commandLine().getErr().println("tpm-console: " + e.getLocalizedMessage());
                return 1;
            }
        }
        Plan plan = preview.plan();
        PrintWriter w = spec.commandLine().getOut();
        if (out != null) {
            PlanJson.write(plan, out);
            w.println(summary(plan, out));
            w.println(Invocation.applyLine(plan, options.source, out));
        } else {
            w.print(PlanJson.write(plan));
            if (System.console() != null) {
                spec.commandLine().getErr().println(summary(plan, null));
            }
        }
        w.flush();
        return 0;
    }

    static String summary(Plan plan, Path out) {
        StringBuilder sb = new StringBuilder(Messages.text("cli.plan.summary", plan.operation(), plan.vmUuids().size(),
                plan.summaryMessage()));
        if (!plan.deletesPerTable().isEmpty()) {
            sb.append(System.lineSeparator()).append(Messages.text("cli.plan.deletesPerTable"));
            boolean first = true;
            for (Map.Entry<String, Long> e : plan.deletesPerTable().entrySet()) {
                sb.append(first ? "" : ", ").append(Counted.number(e.getValue())).append(' ').append(e.getKey());
                first = false;
            }
        }
        if (out != null) {
            sb.append(System.lineSeparator()).append(Messages.text("cli.plan.written", out.toAbsolutePath().toString()));
        }
        return sb.toString();
    }
}
