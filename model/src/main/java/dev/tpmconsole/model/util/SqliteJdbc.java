package dev.tpmconsole.model.util;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * Opens SQLite connections through sqlite-jdbc's driver itself rather than {@link java.sql.DriverManager}. The
 * result is the same connection; what is left out is DriverManager's own work on a command's critical path: its first
 * use loads every driver on the class path (MariaDB's too), and each {@code getConnection} builds log lines by string
 * concatenation whether or not a log is set, whose first run makes method handles at run time. On the 100,000-VM
 * audit by {@code java -jar} that was part of the 220 classes the JVM generated.
 */
public final class SqliteJdbc {

    private SqliteJdbc() {
    }

    /**
     * A connection to {@code target} (a file's path, or {@code :memory:}), with sqlite-jdbc's {@code properties}
     * (e.g. {@code SQLiteConfig.toProperties()}).
     */
    public static Connection connect(String target, Properties properties) throws SQLException {
        Connection c = JDBC.createConnection(JDBC.PREFIX + target, properties);
        if (c == null) {
            throw new SQLException("not an SQLite JDBC URL: " + JDBC.PREFIX + target);
        }
        return c;
    }
}
