package dev.tpmconsole.model.testing;

import dev.tpmconsole.model.snapshot.JdbcRowSink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** Fills an SQLite snapshot built from the DDL through the same row writers as {@link MariaDbTestDatabase}. */
public final class SqliteTestDatabase {

    private SqliteTestDatabase() {
    }

    public static Path create(Path file, MariaDbTestDatabase.RowWriter writer) throws Exception {
        TestSnapshots.fromDdl(file, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (JdbcRowSink sink = new JdbcRowSink(c)) {
                writer.write(sink);
                sink.flush();
            }
            c.commit();
        }
        return file;
    }
}
