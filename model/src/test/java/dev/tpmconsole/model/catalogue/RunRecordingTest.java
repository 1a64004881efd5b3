package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.pipeline.RunEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A run's kind and outcome are enums in the code and the same text as before in the run table (docs/catalogue.md,
 * Runs): what the sqlite3 shell and {@code runs --format json} show does not change.
 */
class RunRecordingTest extends CatalogueTestBase {

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
    void everyLabelIsTheTextOfOldAndReadsBack() {
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
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalogue.file());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT kind, outcome FROM run WHERE id = " + id)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }
}
