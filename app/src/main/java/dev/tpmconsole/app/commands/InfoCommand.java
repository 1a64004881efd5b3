package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.stats.SourceSummary;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code info SOURCE}: the schema layout and the row counts per table. Never writes to the source. */
@Command(name = "info", mixinStandardHelpOptions = true)
public final class InfoCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { text, json }

    @Spec
    CommandSpec spec;

    /** SOURCE, SSH and the catalogue's options (this command does not use the catalogue). */
    @picocli.CommandLine.Mixin
    SourceOptions options;

    @Option(names = "--format", defaultValue = "text")
    Format format;

    @Override
    public Integer call() throws SourceException {
        SourceSummary summary;
        try (Source s = options.openReadOnly()) {
            try {
                summary = SourceSummary.of(s);
            } catch (SQLException e) {
                throw s.failure(e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(summary));
        } else {
            text(summary, out);
        }
        out.flush();
        return 0;
    }

    static String json(SourceSummary s) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("source", s.source());
        root.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
        root.put("writable", s.writable());
        ObjectNode schema = root.putObject("schema");
        schema.put("backupOwnerColumn", s.layout().backupOwnerColumn());
        schema.put("keyRefResourceFk", s.layout().keyRefResourceFk());
        schema.set("missingTables", mapper.valueToTree(s.layout().missingOptional()));
        schema.set("missingColumns", mapper.valueToTree(new java.util.TreeMap<>(s.layout().missingColumns())));
        ObjectNode counts = root.putObject("counts");
        s.counts().forEach(counts::put);
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "none", or "VmHostFileVO: changeDate, lastSyncReason; ..." by table name, as the JSON lists them. */
    static String missingColumns(Map<String, ? extends java.util.Collection<String>> missing) {
        if (missing.isEmpty()) {
            return Messages.text("cli.info.none");
        }
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(missing).forEach((table, cols) ->
                sb.append(sb.length() == 0 ? "" : "; ").append(table).append(": ").append(String.join(", ", cols)));
        return sb.toString();
    }

    static void text(SourceSummary s, PrintWriter out) {
        out.println(Messages.text("cli.info.source", s.source()));
        out.println(Messages.text("cli.info.opened", Message.of(s.kind() == dev.tpmconsole.model.schema.DatabaseKind.SQLITE
                ? "cli.info.sqlite" : "cli.info.mariadb"), Message.of(s.writable() ? "cli.info.writable" : "cli.info.readOnly")));
        out.println(Messages.text(s.layout().legacyBackupLayout() ? "cli.info.ownerColumnLegacy" : "cli.info.ownerColumn",
                s.layout().backupOwnerColumn()));
        out.println(Messages.text("cli.info.keyRefFk", Message.of(s.layout().keyRefResourceFk() ? "cli.info.fkPresent"
                : "cli.info.fkAbsent")));
        out.println(Messages.text("cli.info.missingTables", s.layout().missingOptional().isEmpty()
                ? Messages.text("cli.info.none") : String.join(", ", s.layout().missingOptional())));
        out.println(Messages.text("cli.info.missingColumns", missingColumns(s.layout().missingColumns())));
        out.println();
        table(out, s.counts(), s.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    /** The rows per table, then their total, in two columns. */
    static void table(PrintWriter out, Map<String, Long> counts, long total) {
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(10);
        out.printf("%s  %s%n", Columns.left(Messages.text("cli.info.table"), width),
                Columns.right(Messages.text("cli.info.rows"), 12));
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            out.printf("%-" + width + "s  %,12d%n", e.getKey(), e.getValue());
        }
        out.printf("%s  %,12d%n", Columns.left(Messages.text("cli.info.total"), width), total);
    }
}
