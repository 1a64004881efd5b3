package dev.tpmconsole.app;

import dev.tpmconsole.app.commands.GuiCommand;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.util.Causes;
import dev.tpmconsole.model.util.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.time.Clock;

/**
 * A command's failure as one line for the person who ran it: what could not be done, on what, and why. A
 * failure of the console itself (a bug) is one line too, and its stack trace goes to the event log file.
 */
final class Failures {

    private Failures() {
    }

    static String oneLine(Throwable ex) {
        Throwable e = unwrap(ex);
        if (e instanceof SourceException) {
            return firstLine(e.getLocalizedMessage());
        }
        if (e instanceof IOException io) {
            return io(io);
        }
        if (e instanceof SQLException sql) {
            return Messages.text(Causes.diskFull(sql) ? "cli.failure.databaseFull" : "cli.failure.database",
                    Texts.escaped(Causes.reason(sql)));
        }
        String message = e.getLocalizedMessage();
        return Messages.text(message == null ? "cli.failure.internal" : "cli.failure.internalWithMessage",
                e.getClass().getSimpleName(), message == null ? "" : firstLine(message), logged(e));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException
                || t.getClass() == RuntimeException.class) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String io(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return Messages.text("cli.failure.file", Texts.escaped(f.getFile()), Texts.escaped(Causes.reason(e)));
        }
        return Messages.text("cli.failure.io", Texts.escaped(Causes.reason(e)));
    }

    static String firstLine(String m) {
        if (m == null || m.isBlank()) {
            return Messages.text("cli.failure.noMessage");
        }
        return Texts.escaped(m.strip().lines().findFirst().orElse(m));
    }

    /** Where the stack trace of a bug went, for its report; nothing when it could not be written. */
    private static String logged(Throwable e) {
        java.nio.file.Path file = AppDirs.dataDir().resolve(GuiCommand.EVENT_LOG_FILE);
        try (EventLog log = new EventLog(1, Clock.systemUTC(), file)) {
            log.error("app", "A command failed: " + e, e);
            return Messages.text("cli.failure.logged", file.toString());
        } catch (RuntimeException notWritten) {
            return "";
        }
    }
}
