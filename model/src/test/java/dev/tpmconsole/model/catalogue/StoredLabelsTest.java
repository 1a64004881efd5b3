package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.i18n.LocalizedException;
import dev.tpmconsole.model.pipeline.RunEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An audit's kind and a run's kind and outcome are enums in the code and the same text as before in the catalogue's
 * tables (docs/catalogue.md): what the sqlite3 shell, {@code history} and {@code runs} show does not change.
 */
class StoredLabelsTest extends CatalogueTestBase {

    static final CloudMarkers CLOUD = new CloudMarkers("/snapshots/c.sqlite", "c.sqlite",
            Set.of(new CloudMarkers.Marker("zone", "z1")));

    @Test
    void kindAndOutcomeAreStoredAsTheirText() throws Exception {
        long id = catalogue.runStarted(CLOUD, RunKind.ofPlan("repair"), "repair", false, "/runs/plan.json",
                "/runs/journal.jsonl");
        assertThat(row(id)).isEqualTo("repair running");
        clock.advance(Duration.ofSeconds(3));
        catalogue.runEnded(id, RunOutcome.REFUSED, 0, 0, 0, "refused");
        assertThat(row(id)).isEqualTo("repair refused");

        long undo = catalogue.runStarted(CLOUD, RunKind.UNDO, null, false, null, null);
        catalogue.runEnded(undo, RunOutcome.of(RunEvent.Outcome.DONE), 2, 0, 1, null);
        assertThat(row(undo)).isEqualTo("undo done");

        long cloud = catalogue.cloudOf(CLOUD).orElseThrow().id();
        assertThat(catalogue.runs(cloud)).extracting(r -> r.kind() + " " + r.outcome() + " " + r.durationMs())
                .containsExactly("repair refused 3000", "undo done 0");
    }

    @Test
    void anAuditsKindIsStoredAsItsText() throws Exception {
        catalogue.record(new Catalogue.AuditToRecord(AuditKind.AUDIT, CLOUD, T0, 5, List.of("R1"), null,
                Map.of("R1", 1L), List.of(new Catalogue.Reported(new FindingKey("R1", "T", "k", "", ""), "orphan",
                        null, LocalizedException.verbatim("stale"))), null));
        catalogue.recordHostScan(CLOUD, T0.plusSeconds(60), 5, List.of("H1"), Set.of("h1"), Map.of("H1", 1L),
                List.of(new Catalogue.Reported(new FindingKey("H1", "", "", "h1", "/var/x/"), "suspect", null,
                        LocalizedException.verbatim("x"))));
        assertThat(column("SELECT kind FROM audit ORDER BY id")).isEqualTo("audit host-scan");
        assertThat(column("SELECT kind FROM finding ORDER BY id")).isEqualTo("audit host-scan");
        long cloud = catalogue.cloudOf(CLOUD).orElseThrow().id();
        assertThat(catalogue.history(cloud, AuditKind.HOST_SCAN)).extracting(Catalogue.AuditEntry::kind)
                .containsExactly(AuditKind.HOST_SCAN);
        assertThat(catalogue.changes(catalogue.history(cloud, AuditKind.AUDIT).get(0).id()).added()).hasSize(1);
    }

    @Test
    void everyLabelIsTheTextOfOldAndReadsBack() {
        assertThat(Arrays.stream(AuditKind.values()).map(AuditKind::label)).containsExactly("audit", "host-scan");
        assertThat(Arrays.stream(RunKind.values()).map(RunKind::label)).containsExactly("apply", "repair", "undo");
        assertThat(Arrays.stream(RunOutcome.values()).map(RunOutcome::label))
                .containsExactly("running", "done", "failed", "stopped", "cancelled", "refused");
        for (RunOutcome o : RunOutcome.values()) {
            assertThat(RunOutcome.of(o.label())).isSameAs(o);
            assertThat(new RunOutcome.Text().convertToEntityAttribute(o.label())).isSameAs(o);
        }
        assertThat(RunKind.ofPlan("remove")).isEqualTo(RunKind.APPLY);
        assertThat(RunOutcome.of(RunEvent.Outcome.CANCELLED)).isEqualTo(RunOutcome.CANCELLED);
        assertThatThrownBy(() -> RunKind.of("resume")).hasMessage("no such run kind: resume");
    }

    private String row(long id) throws Exception {
        return column("SELECT kind || ' ' || outcome FROM run WHERE id = " + id);
    }

    /** The values of the query's one column, in its order, separated by spaces. */
    private String column(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogue.file());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return String.join(" ", values);
    }
}
