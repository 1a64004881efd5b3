package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;

/** What the commands that read and change the catalogue share: opening it, finding a source's cloud, printing. */
final class CatalogueCommands {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private CatalogueCommands() {
    }

    /** The command cannot go on: its message (one line) and exit status. */
    static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Stop(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Opens the catalogue a command needs (its notice, if any, is a warning line); refuses {@code --no-catalogue}. */
    static Catalogue open(CommandLine.Model.CommandSpec spec, CatalogueOption option) throws Stop {
        Path file = option.file(spec);
        if (file == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), Messages.text("cli.catalogue.needed",
                    spec.name()));
        }
        Catalogue.Opened opened = Catalogue.open(file, Clock.systemUTC());
        if (!opened.usable()) {
            throw new Stop(1, opened.why().toString());
        }
        if (opened.notice() != null) {
            spec.commandLine().getErr().println("tpm-console: " + Messages.text("cli.warning", opened.why()));
        }
        return opened.catalogue();
    }

    /** The cloud markers of a source named on the command line (opened read-only, closed again). */
    static CloudMarkers markers(String source) throws Exception {
        try (Source s = CliSources.open(source, OpenOptions.readOnly())) {
            try {
                return CloudMarkers.read(s);
            } catch (SQLException e) {
                throw s.failure(e);
            }
        }
    }

    /** Runs a command's body: a {@link Stop} is its line on stderr and its status. */
    static int run(CommandLine.Model.CommandSpec spec, java.util.concurrent.Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (Stop e) {
            spec.commandLine().getErr().println("tpm-console: " + e.getLocalizedMessage());
            spec.commandLine().getErr().flush();
            return e.status;
        } catch (Catalogue.Failure e) {
            spec.commandLine().getErr().println("tpm-console: " + e.getLocalizedMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    static String when(Instant t) {
        return t == null ? "" : WHEN.format(t);
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    static void printJson(PrintWriter out, Object value) throws Exception {
        out.println(JSON.writeValueAsString(value));
        out.flush();
    }
}
