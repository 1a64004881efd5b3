package dev.tpmconsole.views.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.FindingKey;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit screen with a real catalogue: findings marked new then seen, the audit recorded, the chosen findings
 * acknowledged with a reason (and taken back), and the export carrying their status.
 */
class AuditViewModelCatalogueTest {

    @TempDir
    Path dir;

    Source source;
    Catalogue catalogue;
    final SimpleObjectProperty<Source> open = new SimpleObjectProperty<>();
    final SimpleObjectProperty<Catalogue> cat = new SimpleObjectProperty<>();
    AuditViewModel vm;

    @BeforeEach
    void open() throws Exception {
        Path demo = TestSnapshots.demo(dir.resolve("demo.sqlite"), 200, 3);
        source = SqliteSnapshot.open(demo, OpenOptions.readOnly());
        catalogue = Catalogue.open(dir.resolve("catalogue.sqlite"), Clock.systemUTC()).catalogue();
        cat.set(catalogue);
        vm = new AuditViewModel(open, cat, Clock.systemUTC(), FxSchedulers.synchronous(), v -> { });
        open.set(source);
    }

    @AfterEach
    void close() {
        vm.close();
        source.close();
        catalogue.close();
    }

    @Test
    void findingsAreMarkedRecordedAndAcknowledged() throws Exception {
        assertThat(vm.marks().canAcknowledgeBinding().get()).as("nothing audited yet").isFalse();
        vm.run();
        List<Finding> all = vm.reportProperty().get().findings();
        assertThat(all).isNotEmpty();
        assertThat(all).allSatisfy(f -> assertThat(vm.marks().stateOf(f).status()).isEqualTo(FindingState.Status.NEW));
        assertThat(vm.marks().recordedProperty().get().newFindings()).isEqualTo(all.size());
        assertThat(vm.marks().noteProperty().get()).startsWith("Recorded in the catalogue (cloud demo.sqlite): "
                + String.format("%,d", all.size()) + " new");

        vm.run();
        assertThat(vm.reportProperty().get().findings()).allSatisfy(f ->
                assertThat(vm.marks().stateOf(f).status()).isEqualTo(FindingState.Status.SEEN));
        assertThat(vm.marks().recordedProperty().get().newFindings()).isZero();
        assertThat(vm.marks().canAcknowledgeBinding().get()).isTrue();

        List<Finding> chosen = vm.reportProperty().get().findings().stream().filter(f -> f.severity().needsAction())
                .limit(2).toList();
        long toActOn = vm.reportProperty().get().findings().stream().filter(f -> f.severity().needsAction()).count();
        assertThat(vm.statusProperty().get()).startsWith(String.format("%,d findings (%,d to act on) in 13 rules",
                all.size(), toActOn));
        // a VM whose findings to act on are all acknowledged is no longer marked
        Finding alone = vm.reportProperty().get().findings().stream().filter(f -> f.vmUuid() != null
                && f.severity().needsAction() && vm.reportProperty().get().findings().stream()
                .filter(g -> f.vmUuid().equals(g.vmUuid()) && g.severity().needsAction()).count() == 1)
                .findFirst().orElseThrow();
        assertThat(vm.vmsWithFindingsProperty().get()).contains(alone.vmUuid());
        vm.marks().acknowledge(List.of(alone), "the VM is kept as evidence", null);
        assertThat(vm.vmsWithFindingsProperty().get()).doesNotContain(alone.vmUuid());
        vm.marks().unacknowledge(List.of(alone));
        assertThat(vm.vmsWithFindingsProperty().get()).contains(alone.vmUuid());

        vm.marks().acknowledge(chosen, "accepted: the owner is restored next week", LocalDate.of(2099, 1, 31));
        assertThat(vm.statusProperty().get()).as("an acknowledged finding is not one to act on")
                .startsWith(String.format("%,d findings (%,d to act on, 2 acknowledged) in 13 rules", all.size(),
                        toActOn - 2));
        for (Finding f : chosen) {
            assertThat(vm.marks().stateOf(f).status()).isEqualTo(FindingState.Status.ACKNOWLEDGED);
            assertThat(vm.marks().acknowledgementOf(f).reason()).isEqualTo("accepted: the owner is restored next week");
            assertThat(vm.marks().acknowledgementOf(f).expiresAt()).isEqualTo(LocalDate.of(2099, 2, 1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        assertThat(vm.marks().ackChangedProperty().get()).as("the VM's, taken back, and these").isEqualTo(3);
        long cloud = catalogue.cloudOf(CloudMarkers.read(source)).orElseThrow().id();
        assertThat(catalogue.acknowledgements(cloud)).extracting(Catalogue.AckEntry::key)
                .containsExactlyInAnyOrderElementsOf(chosen.stream().map(FindingKey::of).toList());

        Path out = dir.resolve("audit.json");
        vm.exportTo(out, AuditViewModel.ExportFormat.JSON);
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.at("/findings/0/status").asText()).isEqualTo("acknowledged");
        assertThat(Instant.parse(json.at("/findings/0/firstSeen").asText())).isBefore(Instant.now().plusSeconds(1));

        vm.marks().unacknowledge(List.of(chosen.get(0)));
        assertThat(vm.statusProperty().get()).startsWith(String.format(
                "%,d findings (%,d to act on, 1 acknowledged) in 13 rules", all.size(), toActOn - 1));
        assertThat(vm.marks().stateOf(chosen.get(0)).status()).isEqualTo(FindingState.Status.SEEN);
        assertThat(vm.marks().acknowledgementOf(chosen.get(0))).isNull();
        assertThat(catalogue.acknowledgements(cloud)).hasSize(1);

        // the next audit sees the acknowledgement that is left
        vm.run();
        assertThat(vm.statusProperty().get()).startsWith(String.format(
                "%,d findings (%,d to act on, 1 acknowledged) in 13 rules", all.size(), toActOn - 1));
        assertThat(vm.marks().stateOf(chosen.get(1)).status()).isEqualTo(FindingState.Status.ACKNOWLEDGED);
        assertThat(vm.marks().stateOf(chosen.get(0)).status()).isEqualTo(FindingState.Status.SEEN);
    }

    @Test
    void withoutACatalogueTheAuditIsTheSameAndNothingIsMarked() throws Exception {
        cat.set(null);
        vm.run();
        assertThat(vm.reportProperty().get().findings()).isNotEmpty();
        assertThat(vm.reportProperty().get().findings()).allSatisfy(f -> assertThat(vm.marks().stateOf(f))
                .isEqualTo(FindingState.UNKNOWN));
        assertThat(vm.marks().recordedProperty().get()).isNull();
        assertThat(vm.marks().canAcknowledgeBinding().get()).isFalse();
    }

    @Test
    void cancelStopsTheAudit_itIsNotRecordedAndTheScreenIsIdleAgain() throws Exception {
        // the audit's thread waits while the first rule's findings are handed to the "FX thread": Cancel is
        // pressed then, mid-audit, on the real snapshot and catalogue
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
        dev.tpmconsole.views.util.SteppedFx fx = new dev.tpmconsole.views.util.SteppedFx();
        List<Throwable> undeliverable = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.reactivex.rxjava3.plugins.RxJavaPlugins.setErrorHandler(undeliverable::add);
        try (AuditViewModel audit = new AuditViewModel(open, cat, Clock.systemUTC(), new FxSchedulers(
                io.reactivex.rxjava3.schedulers.Schedulers.from(background),
                io.reactivex.rxjava3.schedulers.Schedulers.from(fx)), v -> { })) {
            audit.run();
            assertThat(audit.runningProperty().get()).isTrue();
            assertThat(audit.canRunBinding().get()).isFalse();
            while (audit.rules().isEmpty()) {
                assertThat(fx.step()).as("the first rule arrives").isTrue();
            }
            audit.cancel();
            fx.release();
            background.shutdown();
            assertThat(background.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the audit's thread ended").isTrue();
            fx.drain();

            assertThat(audit.runningProperty().get()).isFalse();
            assertThat(audit.canRunBinding().get()).isTrue();
            assertThat(audit.statusProperty().get()).isEqualTo("Cancelled after 1 rules");
            assertThat(audit.rules()).as("nothing arrives after Cancel").hasSize(1);
            assertThat(audit.reportProperty().get()).isNull();
            assertThat(audit.errorProperty().get()).isEmpty();
            // an audit that ran to its end would have been recorded: the cancelled one stopped before
            assertThat(catalogue.clouds()).allSatisfy(c -> assertThat(c.audits()).isZero());
            assertThat(undeliverable).as("the audit stopping is no error for anyone (the window shows those)").isEmpty();
        } finally {
            background.shutdownNow();
            io.reactivex.rxjava3.plugins.RxJavaPlugins.setErrorHandler(null);
        }
    }
}
