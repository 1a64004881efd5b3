package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.catalogue.Catalogue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code runs SOURCE}: the runs (apply, repair, undo) recorded on SOURCE's cloud, with their journals. */
@Command(name = "runs", mixinStandardHelpOptions = true)
public final class RunsCommand implements Callable<Integer> {

    @Mixin
    CloudOfSource cloudOf;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        boolean json = format.json();
        return cloudOf.run((c, cloud) -> {
            List<Catalogue.RunEntry> runs = cloud.isPresent() ? c.runs(cloud.get().id()) : List.of();
            PrintWriter out = cloudOf.out();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("cloud", cloud.map(CatalogueJson::cloud).orElse(null));
                List<Object> list = new ArrayList<>();
                for (Catalogue.RunEntry r : runs) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.id());
                    m.put("kind", r.kind().label());
                    m.put("operation", r.operation());
                    m.put("resumed", r.resumed());
                    m.put("source", r.source());
                    m.put("outcome", r.outcome().label());
                    m.put("done", r.done());
                    m.put("failed", r.failed());
                    m.put("skipped", r.skipped());
                    m.put("startedAt", CatalogueCommands.iso(r.startedAt()));
                    m.put("endedAt", CatalogueCommands.iso(r.endedAt()));
                    m.put("durationMs", r.durationMs());
                    m.put("user", r.user());
                    m.put("plan", r.plan());
                    m.put("journal", r.journal());
                    m.put("message", r.message());
                    list.add(m);
                }
                doc.put("runs", list);
                CatalogueCommands.printJson(out, doc);
                return 0;
            }
            if (cloud.isEmpty() || runs.isEmpty()) {
                out.println(Messages.text("cli.runs.none"));
                out.flush();
                return 0;
            }
            out.printf("%s%n%n", Messages.text("cli.runs.cloud", String.valueOf(cloud.get().id()),
                    cloud.get().displayName(), runs.size()));
            out.printf("%5s  %s  %s  %s  %s  %s  %s  %s%n", "#", Columns.left(Messages.text("cli.runs.started"), 19),
                    Columns.left(Messages.text("cli.runs.run"), 14), Columns.left(Messages.text("cli.runs.outcome"), 9),
                    Columns.right(Messages.text("cli.runs.done"), 6), Columns.right(Messages.text("cli.runs.failed"), 6),
                    Columns.right(Messages.text("cli.runs.skipped"), 7), Columns.right(Messages.text("cli.runs.duration"), 9));
            for (Catalogue.RunEntry r : runs) {
                String what = r.kind().label() + (r.operation() == null || r.operation().equals(r.kind().label()) ? ""
                        : " " + r.operation()) + (r.resumed() ? " " + Messages.text("cli.runs.resumed") : "");
                out.printf("%5d  %-19s  %-14s  %-9s  %,6d  %,6d  %,7d  %9s%n", r.id(),
                        CatalogueCommands.when(r.startedAt()), what, r.outcome().label(), r.done(), r.failed(), r.skipped(),
                        r.durationMs() == null ? "" : Messages.text("cli.runs.seconds",
                                String.format("%.1f", r.durationMs() / 1000.0)));
                if (r.journal() != null) {
                    out.println("       " + Messages.text("cli.runs.journal", r.journal()));
                }
                if (r.message() != null) {
                    out.println("       " + r.message());
                }
            }
            out.flush();
            return 0;
        });
    }
}
