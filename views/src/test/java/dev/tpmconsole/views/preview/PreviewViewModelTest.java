package dev.tpmconsole.views.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.I18n;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewViewModelTest {

    @TempDir
    static Path dir;
    static Source source;

    @BeforeAll
    static void build() throws Exception {
        Path file = SqliteTestDatabase.create(dir.resolve("p.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h", false);
            r.vm("vm", true).tpm("tpm", "vm").keyRef(1, "TpmVO", "tpm", "p", "nkp", "kek").keyRef(2, "TpmVO", "tpm", "p", "nkp", null);
            r.hostFile("f", "vm", "h", "TpmState").backup("b", "vm", "TpmState").tag("t", "b", "VmHostBackupFileVO", "x");
            r.vm("quiet", true);
            lostKeyVm(r);
        });
        source = SqliteSnapshot.open(file, OpenOptions.readOnly());
    }

    /**
     * VM "lost" on host "h": its TPM's one key ref names no provider any more, and no provider has its name; its backup
     * holds a key copy a reset deletes.
     */
    static void lostKeyVm(Rows r) throws java.sql.SQLException {
        r.vm("lost", true).tpm("lost_tpm", "lost").keyRef(3, "TpmVO", "lost_tpm", null, "nkp-old", "kek");
        r.hostFile("lost_f", "lost", "h", "TpmState").backup("lost_b", "lost", "TpmState")
                .keyRef(4, "VmHostBackupFileVO", "lost_b", null, "nkp-old", "kek");
    }

    @AfterAll
    static void close() {
        source.close();
    }

    @Test
    void theTreeGoesStepTableRowWithReasonsAndEmphasis() {
        try (PreviewViewModel vm = new PreviewViewModel(source, FxSchedulers.synchronous(), Clock.systemUTC())) {
            vm.load(PreviewViewModel.Operation.REMOVE, List.of("vm"));
            Plan plan = vm.previewProperty().get().plan();
            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(vm.steps()).hasSize(4);
            PreviewNode tpmStep = vm.steps().get(3);
            assertThat(tpmStep.children()).extracting(PreviewNode::label)
                    .containsExactly("EncryptedResourceKeyRefVO (2)", "TpmVO (1)", "ResourceVO (1)");
            PreviewNode refs = tpmStep.children().get(0);
            assertThat(refs.children()).extracting(PreviewNode::label, PreviewNode::emphasised)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("1", true), org.assertj.core.groups.Tuple.tuple("2", false));
            assertThat(refs.children().get(0).reason()).isEqualTo("key ref holding key material of TpmVO tpm, deleted in the same transaction");
            assertThat(tpmStep.children().get(1).children().get(0).reason()).startsWith("TPM of VM vm vm (vm)");
            PreviewNode backups = vm.steps().get(1);
            assertThat(backups.children()).extracting(PreviewNode::label).containsExactly("SystemTagVO (1)",
                    "VmHostFileContentVO (1)", "VmHostBackupFileVO (1)", "ResourceVO (1)");
            PreviewNode files = vm.steps().get(2);
            assertThat(files.emphasised()).as("the last TPM-state copy").isTrue();
            assertThat(vm.counts().stream().mapToLong(PreviewViewModel.TableCount::rows).sum()).isEqualTo(plan.deletes().size());
            assertThat(vm.summaryBinding().get()).isEqualTo("Will delete 11 rows in 7 tables, 1 host path; keeps 0 rows");
            // handed to a run: what the plan deletes is no longer ahead of it
            vm.ran();
            assertThat(vm.summaryBinding().get())
                    .isEqualTo("Handed to a run: delete 11 rows in 7 tables, 1 host path; keeps 0 rows");
            assertThat(vm.canRunBinding().get()).isFalse();
        }
    }

    @Test
    void listsAreStableSoThatViewsKeepTheirListeners() {
        try (PreviewViewModel vm = new PreviewViewModel(source, FxSchedulers.synchronous(), Clock.systemUTC())) {
            java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
            vm.steps().addListener((javafx.collections.ListChangeListener<PreviewNode>) c -> changes.incrementAndGet());
            System.gc();
            vm.load(PreviewViewModel.Operation.REMOVE, List.of("vm"));
            assertThat(changes.get()).as("a listener added before loading hears the plan").isEqualTo(1);
            assertThat(vm.steps()).isSameAs(vm.steps());
            assertThat(vm.counts()).isSameAs(vm.counts());
            assertThat(vm.kept()).isSameAs(vm.kept());
            assertThat(vm.hostWork()).isSameAs(vm.hostWork());
        }
    }

    @Test
    void aResetThatLeavesTheTpmNoUsableKeySaysSoInRedAndInTheConfirmation() {
        try (PreviewViewModel vm = new PreviewViewModel(source, FxSchedulers.synchronous(), Clock.systemUTC())) {
            vm.load(PreviewViewModel.Operation.RESET, List.of("lost"));
            assertThat(vm.statusProperty().get()).isEqualTo("Deletes 1 key ref holding key material and 1 last TPM-state"
                    + " copy. Keeps 1 TPM with no key it can unwrap: the key provider is gone (see Kept)");
            assertThat(vm.kept()).filteredOn(k -> k.table().equals("EncryptedResourceKeyRefVO"))
                    .singleElement().satisfies(k -> assertThat(k.reason()).contains("key provider nkp-old is gone"));
            assertThat(vm.confirmation().message()).contains("Keeps 1 TPM with no key it can unwrap");
            // a reset whose kept key has its provider says nothing of it
            vm.load(PreviewViewModel.Operation.RESET, List.of("vm"));
            assertThat(vm.statusProperty().get()).doesNotContain("key provider is gone");
            // handed to a run, the Chinese summary drops its future tense too
            vm.load(PreviewViewModel.Operation.RESET, List.of("lost"));
            vm.ran();
            javafx.beans.property.ObjectProperty<dev.tpmconsole.model.i18n.Language> language = I18n.languageProperty();
            dev.tpmconsole.model.i18n.Language before = language.get();
            try {
                language.set(dev.tpmconsole.model.i18n.Language.ZH_CN);
                assertThat(vm.summaryBinding().get()).startsWith("已交由执行：删除 ");
            } finally {
                language.set(before);
            }
        }
    }

    @Test
    void nothingToDoAndUnknownVms() {
        try (PreviewViewModel vm = new PreviewViewModel(source, FxSchedulers.synchronous(), Clock.systemUTC())) {
            vm.load(PreviewViewModel.Operation.RESET, List.of("quiet"));
            assertThat(vm.summaryBinding().get()).isEqualTo("Will change nothing: nothing to do");
            assertThat(vm.canExportBinding().get()).isTrue();
            vm.load(PreviewViewModel.Operation.RESET, List.of("nobody"));
            assertThat(vm.errorProperty().get()).contains("No VM with uuid nobody");
            assertThat(vm.loadingProperty().get()).isFalse();
        }
    }
}
