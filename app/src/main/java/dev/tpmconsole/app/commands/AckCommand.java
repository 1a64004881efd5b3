package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.FindingKey;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ack SOURCE --rule ID --key KEY --reason TEXT [--table T] [--until DATE]} and {@code ack --remove ...}:
 * acknowledges a finding of SOURCE's cloud in the catalogue (docs/catalogue.md), or takes it back.
 */
@Command(name = "ack", mixinStandardHelpOptions = true)
public final class AckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE")
    String source;

    @Option(names = "--rule", paramLabel = "ID", required = true)
    String rule;

    @Option(names = "--key", paramLabel = "KEY")
    String key;

    @Option(names = "--table", paramLabel = "T")
    String table;

    @Option(names = "--host", paramLabel = "UUID")
    String host;

    @Option(names = "--path", paramLabel = "PATH")
    String path;

    @Option(names = "--reason", paramLabel = "TEXT")
    String reason;

    @Option(names = "--until", paramLabel = "DATE")
    String until;

    @Option(names = "--remove")
    boolean remove;

    @Mixin
    CatalogueOption catalogue;

    @Override
    public Integer call() throws Exception {
        if (!remove && (reason == null || reason.isBlank())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    Messages.text("cli.ack.needsReason"));
        }
        if (remove && (reason != null || until != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.ack.removeTakesNoReason"));
        }
        String ruleTable = table;
        if (!rule.startsWith("HOST_")) {
            AuditRule r = AuditRule.byId(rule);
            if (r == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.ack.noRule", rule,
                        String.join(", ", java.util.Arrays.stream(AuditRule.values()).map(Enum::name).toList())));
            }
            ruleTable = table != null ? table : r.table();
            if (key == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.ack.needsKey"));
            }
        } else if (java.util.Arrays.stream(dev.tpmconsole.model.hosts.HostRule.values())
                .noneMatch(r -> r.name().equals(rule))) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.ack.noHostRule", rule,
                    String.join(", ", java.util.Arrays.stream(dev.tpmconsole.model.hosts.HostRule.values())
                    .map(Enum::name).toList())));
        } else if (host == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.ack.needsHost"));
        }
        Instant expires = until == null ? null : expiry(until);
        FindingKey finding = new FindingKey(rule, ruleTable, key, host, path);
        return CatalogueCommands.run(spec, () -> {
            CloudMarkers markers = CatalogueCommands.markers(source);
            try (Catalogue c = CatalogueCommands.open(spec, catalogue)) {
                PrintWriter out = spec.commandLine().getOut();
                if (remove) {
                    var cloud = c.cloudOf(markers).orElseThrow(() -> new CatalogueCommands.Stop(1,
                            Messages.text("cli.ack.noCloud", source)));
                    if (!c.unacknowledge(cloud.id(), finding)) {
                        throw new CatalogueCommands.Stop(1, Messages.text("cli.ack.noAck", finding.toString(),
                                cloud.displayName()));
                    }
                    out.println(Messages.text("cli.ack.removed", finding.toString(), cloud.displayName()));
                } else {
                    if (expires != null && !expires.isAfter(c.clock().instant())) {
                        throw new CommandLine.ParameterException(spec.commandLine(),
                                Messages.text("cli.ack.untilPast", until));
                    }
                    Catalogue.CloudEntry cloud = c.cloudFor(markers);
                    Catalogue.AckEntry ack = c.acknowledge(cloud.id(), finding, reason, expires);
                    out.println(Messages.text(expires == null ? "cli.ack.done" : "cli.ack.doneUntil", finding.toString(),
                            cloud.displayName(), ack.by(), CatalogueCommands.when(expires), ack.reason()));
                }
                out.flush();
                return 0;
            }
        });
    }

    private Instant expiry(String text) {
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.ack.untilBad", text));
        }
    }
}
