package dev.tpmconsole.model.stats;

import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.source.Source;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Row counts per table of the TPM schema, counted by the database. */
public final class TableCounts {

    private TableCounts() {
    }

    /** Counts every table of the schema that exists in the source, in schema order. */
    public static Map<String, Long> count(Source source) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = source.connection(); Statement st = c.createStatement()) {
            for (TableDef t : ZStackSchema.canonical().tables()) {
                if (!source.layout().has(t.name())) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t.name())) {
                    rs.next();
                    counts.put(t.name(), rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
