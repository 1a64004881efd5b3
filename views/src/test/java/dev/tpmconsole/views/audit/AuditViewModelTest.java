package dev.tpmconsole.views.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.audit.AuditReport;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {

    @TempDir
    static Path shared;
    static Path demo;

    @TempDir
    Path dir;

    Source source;
    final SimpleObjectProperty<Source> open = new SimpleObjectProperty<>();
    final List<String> shown = new ArrayList<>();
    AuditViewModel vm;

    @BeforeAll
    static void demo() throws Exception {
        demo = TestSnapshots.demo(shared.resolve("demo.sqlite"), 300, 21);
    }

    @BeforeEach
    void open() throws Exception {
        source = SqliteSnapshot.open(demo, OpenOptions.readOnly());
        vm = new AuditViewModel(open, FxSchedulers.synchronous(), shown::add);
    }

    @AfterEach
    void close() {
        vm.close();
        source.close();
    }

    @Test
    void cannotRunWithoutASource() {
        assertThat(vm.canRunBinding().get()).isFalse();
        open.set(source);
        assertThat(vm.canRunBinding().get()).isTrue();
        assertThat(vm.canExportBinding().get()).isFalse();
    }

    @Test
    void runGroupsFindingsByRuleLikeTheAuditor() throws Exception {
        open.set(source);
        vm.run();
        AuditReport expected = new Auditor(source).run(Arrays.asList(AuditRule.values()));
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.rules()).extracting(RuleRow::rule).containsExactly(AuditRule.values());
        assertThat(vm.rules()).extracting(RuleRow::count).containsExactlyElementsOf(expected.counts().values());
        assertThat(vm.reportProperty().get().findings()).isEqualTo(expected.findings());
        assertThat(vm.statusProperty().get()).contains(String.format("%,d findings", expected.findings().size()));
        assertThat(vm.canExportBinding().get()).isTrue();

        vm.selectedRuleProperty().set(vm.rules().get(AuditRule.TPM_DUPLICATE_FOR_VM.ordinal()));
        assertThat(vm.findings()).isEqualTo(expected.findings(AuditRule.TPM_DUPLICATE_FOR_VM));
        assertThat(vm.explanationBinding().get()).startsWith("Several TPMs for one VM (suspect).");
        assertThat(vm.canShowVmBinding().get()).isFalse();
        Finding first = vm.findings().get(0);
        vm.selectedFindingProperty().set(first);
        assertThat(vm.canShowVmBinding().get()).isTrue();
        vm.showSelectedVm();
        assertThat(shown).containsExactly(first.vmUuid());
        assertThat(vm.vmsWithFindingsProperty().get()).contains(first.vmUuid());
    }

    @Test
    void exportsTheSameJsonAsTheCommandLineContract() throws Exception {
        open.set(source);
        vm.run();
        Path out = dir.resolve("audit.json");
        vm.exportTo(out, AuditViewModel.ExportFormat.JSON);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("source").asText()).isEqualTo(demo.toAbsolutePath().toString());
        assertThat(json.get("findings").size()).isEqualTo(vm.reportProperty().get().findings().size());
        assertThat(json.get("counts").size()).isEqualTo(13);
        Path csv = dir.resolve("audit.csv");
        vm.exportTo(csv, AuditViewModel.ExportFormat.CSV);
        assertThat(Files.readAllLines(csv)).first().isEqualTo("rule,severity,table,key,detail,repair,status,firstSeen");
        assertThat(TestSnapshots.listing(dir)).containsExactly("audit.csv", "audit.json");
    }

    @Test
    void aNewSourceClearsTheReport() throws Exception {
        open.set(source);
        vm.run();
        assertThat(vm.rules()).isNotEmpty();
        open.set(null);
        assertThat(vm.rules()).isEmpty();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("No source open");
    }

    @Test
    void aChangedDatabaseInvalidatesTheReport() throws Exception {
        open.set(source);
        vm.run();
        assertThat(vm.vmsWithFindingsProperty().get()).isNotEmpty();
        vm.invalidate();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.rules()).isEmpty();
        assertThat(vm.vmsWithFindingsProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("changed since the last audit");
    }

    @Test
    void aFailingSourceShowsTheError() throws Exception {
        Path copy = Files.copy(demo, dir.resolve("soon-gone.sqlite"));
        Source doomed = SqliteSnapshot.open(copy, OpenOptions.readOnly());
        doomed.close();
        open.set(doomed);
        vm.run();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).contains("closed");
        assertThat(vm.statusProperty().get()).isEqualTo("Failed");
    }
}
