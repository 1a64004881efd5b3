package dev.tpmconsole.model.stats;

import dev.tpmconsole.model.schema.DatabaseKind;
import dev.tpmconsole.model.schema.SchemaLayout;
import dev.tpmconsole.model.source.Source;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /** {@link #layoutLine()} in the reader's language. */
    public dev.tpmconsole.model.i18n.Message layoutMessage() {
        return dev.tpmconsole.model.i18n.Message.of("layout.line",
                dev.tpmconsole.model.i18n.Message.of("layout.backupsBy", layout.backupOwnerColumn()),
                dev.tpmconsole.model.i18n.Message.of(layout.keyRefResourceFk() ? "layout.keyRefFk" : "layout.noKeyRefFk"),
                layout.missingOptional().isEmpty() ? dev.tpmconsole.model.i18n.Message.of("layout.allTables")
                        : dev.tpmconsole.model.i18n.Message.of("layout.missing", String.join(", ", layout.missingOptional())));
    }

    /** One line about the layout, e.g. "backups by resourceUuid · no key-ref FK · all tables" (English). */
    public String layoutLine() {
        List<String> parts = new ArrayList<>();
        parts.add("backups by " + layout.backupOwnerColumn());
        parts.add(layout.keyRefResourceFk() ? "key-ref FK present" : "no key-ref FK");
        parts.add(layout.missingOptional().isEmpty() ? "all tables"
                : "missing " + String.join(", ", layout.missingOptional()));
        return String.join(" · ", parts);
    }
}
