package dev.tpmconsole.views.importdump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.TestDumps;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {

    @TempDir
    Path dir;

    final List<Path> opened = new ArrayList<>();

    ImportViewModel vm() {
        return new ImportViewModel(FxSchedulers.synchronous(), opened::add);
    }

    @Test
    void importsShowingRowsPerTableThenOpensTheSnapshot() throws Exception {
        Path dump = Files.writeString(dir.resolve("zstack.sql"), TestDumps.complete(2500));
        Path target = dir.resolve("zstack.sqlite");
        List<String> tablesSeen = new ArrayList<>();
        try (ImportViewModel vm = vm()) {
            vm.tables().addListener((ListChangeListener<ImportViewModel.TableRows>) c -> vm.tables().stream()
                    .filter(ImportViewModel.TableRows::current).forEach(t -> {
                        if (!tablesSeen.contains(t.table())) {
                            tablesSeen.add(t.table());
                        }
                    }));
            assertThat(vm.canCancelBinding().get()).isFalse();
            vm.start(dump, target, false);
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.progressProperty().get()).isEqualTo(1.0);
            assertThat(vm.resultProperty().get().totalRows()).isEqualTo(5000);
            assertThat(vm.statusProperty().get()).matches("Imported 5,000 rows into zstack.sqlite in [\\d.]+ s");
            assertThat(vm.bytesProperty().get()).matches("[\\d.]+ KiB read · 5,000 rows");
            assertThat(vm.tables()).hasSize(15).noneMatch(ImportViewModel.TableRows::current);
            assertThat(vm.tables()).filteredOn(t -> t.table().equals("VmInstanceEO")).singleElement()
                    .extracting(ImportViewModel.TableRows::rows).isEqualTo(2500L);
            assertThat(tablesSeen).startsWith("ResourceVO").contains("VmInstanceEO");
            assertThat(vm.dumpProperty().get()).isEqualTo(dump.toAbsolutePath());
            assertThat(opened).containsExactly(target.toAbsolutePath());
        }
    }

    @Test
    void cancelStopsTheImportAndLeavesNothingBehind() throws Exception {
        Path dump = Files.writeString(dir.resolve("zstack.sql"), TestDumps.complete(2500));
        try (ImportViewModel vm = vm()) {
            vm.tables().addListener((ListChangeListener<ImportViewModel.TableRows>) c -> {
                if (vm.tables().stream().anyMatch(t -> t.current() && t.table().equals("VmInstanceEO"))) {
                    assertThat(vm.canCancelBinding().get()).isTrue();
                    vm.cancel();
                    assertThat(vm.statusProperty().get()).isEqualTo("Cancelling…");
                    assertThat(vm.canCancelBinding().get()).isFalse();
                }
            });
            vm.start(dump, dir.resolve("zstack.sqlite"), false);
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo("Cancelled; no snapshot was written");
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.resultProperty().get()).isNull();
        }
        assertThat(opened).isEmpty();
        assertThat(TestSnapshots.listing(dir)).containsExactly("zstack.sql");
    }

    @Test
    void aBadDumpOrAnExistingFileIsAnErrorAndNothingIsOpened() throws Exception {
        String whole = TestDumps.complete(50);
        Path cut = Files.writeString(dir.resolve("cut.sql"), whole.substring(0, whole.length() / 2));
        Path existing = Files.writeString(dir.resolve("existing.sqlite"), "kept");
        try (ImportViewModel vm = vm()) {
            vm.start(cut, dir.resolve("cut.sqlite"), false);
            assertThat(vm.statusProperty().get()).isEqualTo("Failed; no snapshot was written");
            assertThat(vm.errorProperty().get()).startsWith(cut.toAbsolutePath() + " is cut off: it ends inside");
            assertThat(vm.hasErrorBinding().get()).isTrue();
            vm.dismissError();
            assertThat(vm.hasErrorBinding().get()).isFalse();

            Path good = Files.writeString(dir.resolve("good.sql"), whole);
            vm.start(good, existing, false);
            assertThat(vm.errorProperty().get()).isEqualTo(existing.toAbsolutePath() + " exists already; choose"
                    + " another name");
            vm.start(good, existing, true);
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(opened).containsExactly(existing.toAbsolutePath());
        }
        assertThat(TestSnapshots.count(existing, "SELECT count(*) FROM VmInstanceEO")).isEqualTo(50);
        assertThat(TestSnapshots.listing(dir)).containsExactly("cut.sql", "existing.sqlite", "good.sql");
    }
}
