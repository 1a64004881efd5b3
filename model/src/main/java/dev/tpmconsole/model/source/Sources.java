package dev.tpmconsole.model.source;

import dev.tpmconsole.model.i18n.Message;
import java.nio.file.Path;

/** Opens a source named on the command line or in the GUI: a snapshot path or a JDBC URL. */
public final class Sources {

    /**
     * The environment variable a live database's password is taken from when its URL carries none, so that
     * it need not be typed on a command line (where shell history and the process list keep it).
     */
    public static final String PASSWORD_VARIABLE = "TPM_CONSOLE_DB_PASSWORD";

    private Sources() {
    }

    public static Source open(String spec, OpenOptions options) throws SourceException {
        return open(spec, options, () -> null);
    }

    /** The password of {@link #PASSWORD_VARIABLE} for a database URL that carries none; null otherwise. */
    public static String environmentPassword(String url) {
        return JdbcUrls.hasPassword(url) ? null : System.getenv(PASSWORD_VARIABLE);
    }

    /**
     * As {@link #open(String, OpenOptions)}; for a live database whose URL carries no password and whose
     * environment has none, {@code askPassword} is asked (a terminal prompt; null means none).
     */
    public static Source open(String spec, OpenOptions options, java.util.function.Supplier<String> askPassword)
            throws SourceException {
        if (spec == null || spec.isBlank()) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, Message.of("source.none"));
        }
        if (spec.startsWith("jdbc:mariadb:") || spec.startsWith("jdbc:mysql:")) {
            String password = environmentPassword(spec);
            if (password == null && !JdbcUrls.hasPassword(spec)) {
                password = askPassword.get();
            }
            return MariaDbSource.open(spec, null, password, options);
        }
        if (spec.startsWith("jdbc:")) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, Message.of("source.badUrl",
                    JdbcUrls.withoutPassword(spec)));
        }
        return SqliteSnapshot.open(Path.of(spec), options);
    }
}
