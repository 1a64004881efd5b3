package dev.tpmconsole.views.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.browse.KeyState;
import dev.tpmconsole.model.catalogue.Audit;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.FindingKey;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.views.util.FxSchedulers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview's state, from a real catalogue and snapshot, without a window. */
class OverviewViewModelTest {

    @TempDir
    Path dir;

    @Test
    void followsTheSourceAndTheCatalogue() throws Exception {
        Path snapshot = SqliteTestDatabase.create(dir.resolve("s.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p1", "nkp").host("h1", false).vm("v1", true).tpm("t1", "v1")
                    .keyRef(1, "TpmVO", "t1", null, "nkp", "kek").hostFile("f1", "v1", "h1", "TpmState");
            r.vm("v2", true).tpm("t2", "v2");
        });
        SimpleObjectProperty<Source> source = new SimpleObjectProperty<>();
        SimpleObjectProperty<Catalogue> catalogue = new SimpleObjectProperty<>();
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot, OpenOptions.readOnly());
             Catalogue c = Catalogue.open(dir.resolve("c.sqlite"), Clock.systemUTC()).catalogue();
             OverviewViewModel vm = new OverviewViewModel(source, catalogue, FxSchedulers.synchronous())) {
            assertThat(vm.historyStatusProperty().get()).isEmpty();
            vm.catalogueOpeningProperty().set(true);
            source.set(s);
            assertThat(vm.historyStatusProperty().get()).isEqualTo("Opening the catalogue…");
            vm.catalogueOpeningProperty().set(false);
            assertThat(vm.historyStatusProperty().get()).startsWith("No catalogue");
            assertThat(vm.statsProperty().get().keyStates()).containsEntry(KeyState.PROVIDER_LOST, 1L)
                    .containsEntry(KeyState.NONE, 1L);
            assertThat(vm.statsProperty().get().hosts()).singleElement().satisfies(h -> {
                assertThat(h.name()).isEqualTo("host h1");
                assertThat(h.tpmStateFiles()).isEqualTo(1);
            });

            catalogue.set(c);
            assertThat(vm.historyStatusProperty().get()).startsWith("No audit of this cloud recorded yet");
            assertThat(vm.audits()).isEmpty();

            CloudMarkers markers = CloudMarkers.read(s);
            Instant t = Instant.parse("2026-10-01T00:00:00Z");
            c.record(new Catalogue.AuditToRecord(Audit.AUDIT, markers, t, 5, List.of("RESOURCE_ROW_STALE"), null,
                    Map.of("RESOURCE_ROW_STALE", 1L), List.of(new Catalogue.Reported(
                            FindingKey.of("RESOURCE_ROW_STALE", "ResourceVO", "r1"), "orphan", null,
                            dev.tpmconsole.model.i18n.LocalizedException.verbatim("stale"))), null));
            vm.refresh();
            assertThat(vm.audits()).singleElement().satisfies(a -> assertThat(a.counts())
                    .containsEntry("RESOURCE_ROW_STALE", 1L));
            assertThat(vm.rules()).containsExactly("RESOURCE_ROW_STALE");
            assertThat(vm.changesTitleProperty().get()).isEqualTo("The first audit of this cloud");
            assertThat(vm.added()).extracting(f -> f.key().key()).containsExactly("r1");
            assertThat(vm.cloudNameProperty().get()).isEqualTo("s.sqlite");

            // the source's part is read once per source: a recorded audit does not change the source, a run does
            try (Connection w = DriverManager.getConnection("jdbc:sqlite:" + snapshot);
                 Statement st = w.createStatement()) {
                st.executeUpdate("DELETE FROM VmHostFileVO");
            }
            vm.refresh();
            assertThat(vm.statsProperty().get().hosts()).singleElement()
                    .satisfies(h -> assertThat(h.tpmStateFiles()).isEqualTo(1));
            vm.sourceChanged();
            assertThat(vm.statsProperty().get().hosts()).isEmpty();
            assertThat(vm.audits()).hasSize(1);
            assertThat(vm.loadingProperty().get()).isFalse();

            // not shown: nothing is read until it is, then what changed meanwhile
            vm.activeProperty().set(false);
            try (Connection w = DriverManager.getConnection("jdbc:sqlite:" + snapshot);
                 Statement st = w.createStatement()) {
                st.executeUpdate("DELETE FROM EncryptedResourceKeyRefVO");
            }
            vm.sourceChanged();
            assertThat(vm.statsProperty().get().keyStates()).containsEntry(KeyState.PROVIDER_LOST, 1L);
            vm.activeProperty().set(true);
            assertThat(vm.statsProperty().get().keyStates()).containsEntry(KeyState.PROVIDER_LOST, 0L)
                    .containsEntry(KeyState.NONE, 2L);

            source.set(null);
            assertThat(vm.audits()).isEmpty();
            assertThat(vm.statsProperty().get()).isNull();
        }
    }
}
