package dev.tpmconsole.views.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.views.util.BackgroundTask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row's properties are made when first asked for: before, the row keeps its state; after, they follow it. A plan's
 * item reads as {@code table/key}.
 */
class ItemRowTest {

    @Test
    void aPropertyAskedForLateStartsFromTheRowsStateAndFollowsItsChanges() {
        ItemRow row = new ItemRow(Plan.StepName.DELETE_BACKUPS, "VmHostBackupFileVO/b1");
        Message why = BackgroundTask.verbatim("disk full");
        row.set(ItemRow.State.FAILED, why, "  at line 3");
        assertThat(row.state()).isEqualTo(ItemRow.State.FAILED);
        assertThat(row.detail()).isEqualTo("  at line 3");

        // a table cell scrolled to the row only now
        assertThat(row.stateProperty().get()).isEqualTo(ItemRow.State.FAILED);
        assertThat(row.causeProperty().get()).isEqualTo(why);
        assertThat(row.stateProperty()).as("made once").isSameAs(row.stateProperty());

        List<String> seen = new ArrayList<>();
        // a listener to the state reads the whole row: the cause and the detail are already the new ones
        row.stateProperty().addListener((o, a, b) -> seen.add(a + ">" + b + " " + row.causeProperty().get()
                + " [" + row.detail() + "]"));
        row.causeProperty().addListener((o, a, b) -> seen.add("cause " + b));
        row.set(ItemRow.State.PENDING, null, null);
        row.set(ItemRow.State.DONE, null, null);
        assertThat(seen).containsExactly("cause null", "FAILED>PENDING null []", "PENDING>DONE null []");
        assertThat(row.state()).isEqualTo(ItemRow.State.DONE);
        assertThat(row.stateProperty().getBean()).isSameAs(row);
        assertThat(row.stateProperty().getName()).isEqualTo("state");
        assertThat(row.causeProperty().getName()).isEqualTo("cause");
    }

    @Test
    void aRowNoViewAskedForKeepsItsStateWithoutProperties() {
        ItemRow row = new ItemRow(Plan.StepName.DELETE_HOST_FILES, "VmHostFileVO/f1");
        assertThat(row.state()).isEqualTo(ItemRow.State.PENDING);
        assertThat(row.cause()).isEmpty();
        assertThat(row.detail()).isEmpty();
        row.set(ItemRow.State.SKIPPED, BackgroundTask.verbatim("gone already"), null);
        assertThat(row.state()).isEqualTo(ItemRow.State.SKIPPED);
        assertThat(row.cause()).isEqualTo("gone already");
        assertThat(row.stateProperty().get()).isEqualTo(ItemRow.State.SKIPPED);
    }

    @Test
    void aPlansItemRowReadsAsItsTableAndKey() {
        ItemRow row = new ItemRow(Plan.StepName.DELETE_TPM, "TpmVO", "t-1");
        assertThat(row.item()).isEqualTo("TpmVO/t-1");
        assertThat(row.item()).as("made once").isSameAs(row.item());
        assertThat(row.step()).isEqualTo(Plan.StepName.DELETE_TPM);
        assertThat(new ItemRow(Plan.StepName.DELETE_TPM, "TpmVO/t-2").item()).isEqualTo("TpmVO/t-2");
    }
}
