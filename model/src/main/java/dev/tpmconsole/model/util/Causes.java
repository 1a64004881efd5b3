package dev.tpmconsole.model.util;

import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.i18n.LocalizedFailure;
import dev.tpmconsole.model.i18n.Message;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Why a file operation or a database write failed, in the words of the system ("No space left on device"). */
public final class Causes {

    private Causes() {
    }

    /** One line: the system's reason for {@code e}, never a class name when a reason is known; in English. */
    public static String reason(Throwable e) {
        return message(e).english();
    }

    /**
     * {@link #reason(Throwable)} to show a person in their language: the console's own words translated, the
     * system's and the libraries' words as they are.
     */
    public static Message message(Throwable e) {
        if (e instanceof FileSystemException f) {
            String other = f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "";
            if (f.getReason() != null) {
                return LocalizedException.verbatim(f.getReason() + other);
            }
            if (e instanceof AccessDeniedException) {
                return Message.of("causes.permissionDenied");
            }
            if (e instanceof NoSuchFileException) {
                return Message.of("causes.noSuchFile");
            }
            if (e instanceof NotDirectoryException) {
                return Message.of("causes.notAFolder", f.getFile());
            }
            if (e instanceof FileAlreadyExistsException) {
                return Message.of("causes.exists", f.getFile());
            }
            return LocalizedException.verbatim(e.getClass().getSimpleName() + " " + f.getFile() + other);
        }
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return Message.of("causes.diskFull");
            }
            if (code.name().startsWith("SQLITE_READONLY")) {
                return Message.of("causes.readOnly", code.message);
            }
            return LocalizedException.verbatim(code.message);
        }
        if (diskFull(e)) {
            return Message.of("causes.serverDiskFull", ((SQLException) e).getErrorCode());
        }
        if (e instanceof SQLException s && s.getCause() instanceof IOException io) {
            return message(io);
        }
        if (e instanceof LocalizedFailure l && l.message() != null && !l.message().english().strip().contains("\n")) {
            return l.message();
        }
        String m = e.getMessage();
        return LocalizedException.verbatim(m == null || m.isBlank() ? e.getClass().getSimpleName()
                : m.strip().lines().findFirst().orElse(m));
    }

    /** A full disk as a database reports it: SQLite's SQLITE_FULL; MariaDB's "table is full" and "disk full". */
    public static boolean diskFull(Throwable e) {
        if (e instanceof SQLiteException s) {
            return s.getResultCode() == SQLiteErrorCode.SQLITE_FULL;
        }
        return e instanceof SQLException sql && (sql.getErrorCode() == 1114 || sql.getErrorCode() == 1021);
    }
}
