package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.ReportWriters;
import dev.tpmconsole.model.catalogue.Audit;
import dev.tpmconsole.model.catalogue.Catalogue;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code history SOURCE}: the audits of SOURCE's cloud from the catalogue, counts per rule, new and resolved. */
@Command(name = "history", mixinStandardHelpOptions = true)
public final class HistoryCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { json, text, csv }

    @Mixin
    CloudOfSource cloudOf;

    @Option(names = "--format", paramLabel = "FORMAT")
    Format format;

    @Override
    public Integer call() throws Exception {
        Format f = FormatOption.chosen(format, Format.text, Format.json);
        return cloudOf.run((c, cloud) -> {
            List<Catalogue.AuditEntry> audits = new ArrayList<>();
            List<Catalogue.AckEntry> acks = List.of();
            if (cloud.isPresent()) {
                audits.addAll(c.history(cloud.get().id(), Audit.AUDIT));
                audits.addAll(c.history(cloud.get().id(), Audit.HOST_SCAN));
                audits.sort(java.util.Comparator.comparing(Catalogue.AuditEntry::startedAt)
                        .thenComparing(Catalogue.AuditEntry::id));
                acks = c.acknowledgements(cloud.get().id());
            }
            PrintWriter out = cloudOf.out();
            switch (f) {
                case json -> json(out, cloud.orElse(null), audits, acks);
                case csv -> csv(out, audits);
                case text -> text(out, cloud.orElse(null), audits, acks);
            }
            out.flush();
            return 0;
        });
    }

    private static void json(PrintWriter out, Catalogue.CloudEntry cloud, List<Catalogue.AuditEntry> audits,
                             List<Catalogue.AckEntry> acks) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cloud", cloud == null ? null : CatalogueJson.cloud(cloud));
        List<Object> list = new ArrayList<>();
        for (Catalogue.AuditEntry a : audits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("kind", a.kind().label());
            m.put("at", CatalogueCommands.iso(a.startedAt()));
            m.put("source", a.source());
            m.put("durationMs", a.durationMs());
            m.put("user", a.user());
            m.put("rules", a.rules());
            m.put("findings", a.findings());
            m.put("new", a.newFindings());
            m.put("resolved", a.resolvedFindings());
            m.put("counts", a.counts());
            list.add(m);
        }
        doc.put("audits", list);
        doc.put("acknowledgements", acks.stream().map(CatalogueJson::ack).toList());
        CatalogueCommands.printJson(out, doc);
    }

    /** The rules in catalogue order, then any others (host scans), as columns. */
    private static List<String> ruleColumns(List<Catalogue.AuditEntry> audits) {
        Set<String> seen = new LinkedHashSet<>();
        audits.forEach(a -> seen.addAll(a.counts().keySet()));
        List<String> columns = new ArrayList<>();
        for (AuditRule r : AuditRule.values()) {
            if (seen.remove(r.name())) {
                columns.add(r.name());
            }
        }
        columns.addAll(seen);
        return columns;
    }

    private static void csv(PrintWriter out, List<Catalogue.AuditEntry> audits) {
        List<String> rules = ruleColumns(audits);
        out.print("id,at,kind,source,findings,new,resolved" + (rules.isEmpty() ? "" : "," + String.join(",", rules))
                + "\r\n");
        for (Catalogue.AuditEntry a : audits) {
            StringBuilder line = new StringBuilder();
            line.append(a.id()).append(',').append(CatalogueCommands.iso(a.startedAt())).append(',').append(a.kind().label())
                    .append(',').append(ReportWriters.csvField(a.source())).append(',').append(a.findings())
                    .append(',').append(a.newFindings()).append(',').append(a.resolvedFindings());
            for (String r : rules) {
                Long n = a.counts().get(r);
                line.append(',').append(n == null ? "" : n.toString());
            }
            out.print(line.append("\r\n"));
        }
    }

    private static void text(PrintWriter out, Catalogue.CloudEntry cloud, List<Catalogue.AuditEntry> audits,
                             List<Catalogue.AckEntry> acks) {
        if (cloud == null) {
            out.println(Messages.text("cli.history.none"));
            return;
        }
        out.printf("%s%n%n", Messages.text("cli.history.cloud", String.valueOf(cloud.id()), cloud.displayName(),
                audits.size()));
        out.printf("%5s  %s  %s  %s  %s  %s  %s%n", "#", Columns.left(Messages.text("cli.history.when"), 19),
                Columns.left(Messages.text("cli.history.kind"), 9), Columns.right(Messages.text("cli.history.findings"), 8),
                Columns.right(Messages.text("cli.history.new"), 6), Columns.right(Messages.text("cli.history.resolved"), 8),
                Messages.text("cli.history.source"));
        for (Catalogue.AuditEntry a : audits) {
            out.printf("%5d  %-19s  %-9s  %,8d  %,6d  %,8d  %s%n", a.id(), CatalogueCommands.when(a.startedAt()),
                    a.kind().label(), a.findings(), a.newFindings(), a.resolvedFindings(), a.source());
            List<String> nonZero = a.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
            if (!nonZero.isEmpty()) {
                out.println("       " + String.join(", ", nonZero));
            }
        }
        if (!acks.isEmpty()) {
            out.printf("%n%s%n", Messages.text("cli.history.acknowledged"));
            for (Catalogue.AckEntry a : acks) {
                out.println(Messages.text("cli.history.ack", String.valueOf(a.key()), a.by(), CatalogueCommands.when(a.at()),
                        a.expiresAt() == null ? "" : Messages.text("cli.history.until", CatalogueCommands.when(a.expiresAt())),
                        a.active() ? "" : Messages.text("cli.history.expired"), a.reason()));
            }
        }
    }
}
