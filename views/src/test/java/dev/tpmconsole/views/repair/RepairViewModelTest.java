package dev.tpmconsole.views.repair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.views.run.SourceRunService;
import dev.tpmconsole.views.util.FxSchedulers;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repair flow's view-model, synchronously, on a hand-made snapshot with one finding of each class. */
class RepairViewModelTest {

    @TempDir
    Path dir;

    @Test
    void classifiesChoosesPlansRunsAndCompares() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("k.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp-default").vm("v", true).tpm("t", "v").tpm("u", "v");
            r.keyRef(1, "TpmVO", "gone", "p", "nkp-default", "kek");        // orphaned
            r.keyRef(2, "TpmVO", "t", "p", "nkp-default", "kek");           // materialized
            r.keyRef(3, "TpmVO", "t", "p", "nkp-default", null);            // duplicate placeholder
            r.keyRef(4, "TpmVO", "u", null, "nkp-default", "kek");          // relinkable
            r.keyRef(5, "TpmVO", "u", null, "kms-retired", "kek");          // gone for good
            r.keyRef(6, "VolumeVO", "vol", null, "kms-retired", "kek");     // near miss: not a TPM key
        });
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly());
             RepairViewModel vm = new RepairViewModel(s, FxSchedulers.synchronous(), null, Clock.systemUTC(),
                     new SourceRunService(s, dir, Schedulers.trampoline()))) {
            vm.audit();
            assertThat(vm.pageProperty().get()).isEqualTo(RepairViewModel.Page.CHOOSE);
            assertThat(vm.rows()).extracting(r -> r.finding().key() + ":" + r.kind()).containsExactly(
                    "1:ORPHANED", "3:DUPLICATE", "4:RELINK", "5:LOST");
            assertThat(vm.rows().get(3).chosenProperty().get()).isFalse();
            assertThat(vm.rows().get(3).kind().action()).contains("Restore the provider");
            assertThat(vm.statusProperty().get()).as("without a catalogue, nothing marks a deliberate exception")
                    .isEqualTo("4 key findings; choose what to repair (No catalogue: findings acknowledged as"
                            + " exceptions are not marked)");

            assertThat(vm.chosenCountProperty().get()).as("the repairable ones").isEqualTo(3);
            vm.choose(RepairViewModel.Kind.DUPLICATE, false);
            assertThat(vm.chosenCountProperty().get()).isEqualTo(2);
            vm.choose(RepairViewModel.Kind.LOST, true);
            assertThat(vm.rows().get(3).chosenProperty().get()).as("never chosen").isFalse();
            assertThat(vm.canPlanBinding().get()).isTrue();
            vm.plan();
            assertThat(vm.statusProperty().get()).as("the plan's page says what it does").isEmpty();
            Plan plan = vm.preview().previewProperty().get().plan();
            assertThat(plan.deletes()).extracting(Plan.RowRef::id).containsExactly("EncryptedResourceKeyRefVO/1");
            assertThat(plan.updates()).extracting(Plan.RowUpdate::key).containsExactly("4");
            // the finding that cannot be repaired here is kept, with what to do about it, as `repair` keeps it
            assertThat(plan.kept()).singleElement().satisfies(k -> {
                assertThat(k.key()).isEqualTo("5");
                assertThat(k.reason()).contains("restore that provider");
            });
            // a step's count says what it counts: rows deleted, or rows changed by a relink
            assertThat(vm.preview().steps()).extracting(dev.tpmconsole.views.preview.PreviewNode::label)
                    .anyMatch(l -> l.endsWith("(1 item, 1 row changed)")).anyMatch(l -> l.endsWith("(1 item, 1 row)"))
                    .as("an empty step deletes rows, it has no host paths").contains("delete backups (0 items, 0 rows)");

            vm.runPlan();
            assertThat(vm.pageProperty().get()).isEqualTo(RepairViewModel.Page.RESULT);
            assertThat(vm.resultProperty().get()).startsWith("The 2 chosen findings are gone; 2 key findings");
            assertThat(vm.statusProperty().get()).as("no plan's words left over on the result").isEmpty();
            assertThat(vm.changes()).filteredOn(c -> c.table().equals("EncryptedResourceKeyRefVO")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.before()).isEqualTo(6);
                        assertThat(c.after()).isEqualTo(5);
                    });
            assertThat(vm.changes()).filteredOn(c -> !c.table().equals("EncryptedResourceKeyRefVO"))
                    .allSatisfy(c -> assertThat(c.after()).as(c.table()).isEqualTo(c.before()));
        }
    }

    /**
     * A finding acknowledged in the catalogue (a deliberate exception) is left unchosen, with its reason, and the status
     * says how many; it can still be chosen by hand. A catalogue that cannot be read leaves them chosen and says so.
     */
    @Test
    void acknowledgedFindingsAreLeftUnchosenWithTheirReason() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("a.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp-default").vm("v", true).tpm("t", "v");
            r.keyRef(1, "TpmVO", "gone", "p", "nkp-default", "kek");        // orphaned, acknowledged below
            r.keyRef(2, "TpmVO", "gone2", "p", "nkp-default", "kek");       // orphaned
            r.keyRef(3, "TpmVO", "t", "p", "nkp-default", "kek");
        });
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly());
             dev.tpmconsole.model.catalogue.Catalogue catalogue = dev.tpmconsole.model.catalogue.Catalogue
                     .open(dir.resolve("catalogue.sqlite"), Clock.systemUTC()).catalogue()) {
            long cloud = catalogue.cloudFor(dev.tpmconsole.model.catalogue.CloudMarkers.read(s)).id();
            catalogue.acknowledge(cloud, dev.tpmconsole.model.catalogue.FindingKey.of("KEY_REF_ORPHANED",
                    "EncryptedResourceKeyRefVO", "1"), "the DR site restores from it", null);
            try (RepairViewModel vm = new RepairViewModel(s, FxSchedulers.synchronous(), null, Clock.systemUTC(),
                    new SourceRunService(s, dir, Schedulers.trampoline()), catalogue)) {
                vm.audit();
                assertThat(vm.rows()).extracting(r -> r.finding().key() + ":" + r.chosenProperty().get() + ":"
                        + r.acknowledged()).containsExactly("1:false:the DR site restores from it", "2:true:null");
                assertThat(vm.statusProperty().get()).isEqualTo(
                        "2 key findings, 1 of them acknowledged in the catalogue and left unchosen; choose what to repair");
                vm.choose(RepairViewModel.Kind.ORPHANED, true);
                assertThat(vm.rows()).allSatisfy(r -> assertThat(r.chosenProperty().get()).as("by hand").isTrue());
            }
            // a catalogue file that is no longer an SQLite database (damaged, or replaced) cannot be read
            catalogue.close();
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                java.nio.file.Files.deleteIfExists(dir.resolve("catalogue.sqlite" + suffix));
            }
            java.nio.file.Files.writeString(dir.resolve("catalogue.sqlite"), "not a catalogue: overwritten\n".repeat(200));
            try (RepairViewModel vm = new RepairViewModel(s, FxSchedulers.synchronous(), null, Clock.systemUTC(),
                    new SourceRunService(s, dir, Schedulers.trampoline()), catalogue)) {
                vm.audit();
                assertThat(vm.rows()).allSatisfy(r -> assertThat(r.chosenProperty().get()).isTrue());
                assertThat(vm.statusProperty().get()).startsWith("2 key findings; choose what to repair (The catalogue"
                        + " could not be read, so acknowledged findings are not marked: ");
            }
        }
    }

    /** Findings of which none can be repaired here: the status says so, and where to read what to do. */
    @Test
    void whenNoneCanBeRepairedTheStatusSaysSo() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("lost.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp-default").vm("v", true).tpm("u", "v");
            r.keyRef(5, "TpmVO", "u", null, "kms-retired", "kek");          // gone for good
        });
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly());
             RepairViewModel vm = new RepairViewModel(s, FxSchedulers.synchronous(), null, Clock.systemUTC(),
                     new SourceRunService(s, dir, Schedulers.trampoline()))) {
            vm.audit();
            assertThat(vm.rows()).extracting(RepairViewModel.Row::kind).containsExactly(RepairViewModel.Kind.LOST);
            assertThat(vm.canPlanBinding().get()).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo("1 key finding, none of which can be repaired here: the"
                    + " What happens column says what to do for each");
        }
    }
}
