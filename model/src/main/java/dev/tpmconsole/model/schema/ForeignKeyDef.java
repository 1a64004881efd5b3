package dev.tpmconsole.model.schema;

/**
 * A foreign key written in ZStack's SQL schema (the only constraints that really exist; the Java
 * {@code @ForeignKey} annotations of ZStack are metadata only).
 */
public record ForeignKeyDef(String name, String column, String parentTable, String parentColumn,
                            String onDelete) {
}
