package dev.tpmconsole.model.stats;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import java.sql.SQLException;
import java.util.Map;

/**
 * What the console says about an open source: where it is, how it is open, its schema layout and its row
 * counts. Shown by {@code info} and in the main window's status bar.
 */
public record SourceSummary(String source, DatabaseKind kind, boolean writable, SchemaLayout layout,
                            Map<String, Long> counts) {

    public static SourceSummary of(Source source) throws SQLException {
        return new SourceSummary(source.displayName(), source.kind(), source.writable(), source.layout(),
                TableCounts.count(source));
    }

    /** What is known without reading any table: where, how, which layout; no counts yet. */
    public static SourceSummary withoutCounts(Source source) {
        return new SourceSummary(source.displayName(), source.kind(), source.writable(), source.layout(), Map.of());
    }

    /** Whether the row counts are known (counting a large snapshot read cold from disk takes a while). */
    public boolean counted() {
        return !counts.isEmpty();
    }

    public long count(String table) {
        return counts.getOrDefault(table, 0L);
    }

    /**
     * One line about the layout, in the reader's language: "backups by resourceUuid · no key-ref FK · all tables" in
     * English. The status bar, the event log and {@code import} write it.
     */
    public Message layoutMessage() {
        return Message.of("layout.line",
                Message.of("layout.backupsBy", layout.backupOwnerColumn()),
                Message.of(layout.keyRefResourceFk() ? "layout.keyRefFk" : "layout.noKeyRefFk"),
                layout.missingOptional().isEmpty() ? Message.of("layout.allTables")
                        : Message.of("layout.missing", String.join(", ", layout.missingOptional())));
    }
}
