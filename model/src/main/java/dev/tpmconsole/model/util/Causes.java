package dev.tpmconsole.model.util;

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

    /** One line: the system's reason for {@code e}, never a class name when a reason is known. */
    public static String reason(Throwable e) {
        if (e instanceof FileSystemException f) {
            String other = f.getOtherFile() != null ? " (" + f.getOtherFile() + ")" : "";
            if (f.getReason() != null) {
                return f.getReason() + other;
            }
            if (e instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof NotDirectoryException) {
                return f.getFile() + " is not a folder";
            }
            if (e instanceof FileAlreadyExistsException) {
                return f.getFile() + " exists already";
            }
            return e.getClass().getSimpleName() + " " + f.getFile() + other;
        }
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return "No space left on device";
            }
            if (code.name().startsWith("SQLITE_READONLY")) {
                return "the file cannot be written (" + code.message + ")";
            }
            return code.message;
        }
        if (diskFull(e)) {
            return "No space left on the database server's disk (error " + ((SQLException) e).getErrorCode() + ")";
        }
        if (e instanceof SQLException s && s.getCause() instanceof IOException io) {
            return reason(io);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }

    /** A full disk as a database reports it: SQLite's SQLITE_FULL; MariaDB's "table is full" and "disk full". */
    public static boolean diskFull(Throwable e) {
        if (e instanceof SQLiteException s) {
            return s.getResultCode() == SQLiteErrorCode.SQLITE_FULL;
        }
        return e instanceof SQLException sql && (sql.getErrorCode() == 1114 || sql.getErrorCode() == 1021);
    }
}
