package dev.tpmconsole.model.schema;

/** The engines a ZStack database can be read from. */
public enum DatabaseKind {
    /** An SQLite snapshot file (the default). */
    SQLITE,
    /** ZStack's live MariaDB (or MySQL). */
    MARIADB
}
