package dev.tpmconsole.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.sql.SqlDialect;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprints a plan is made with are held as bytes (decision 0048) and read as the plan file's
 * {@code table/key} to hex map: in the order asked, each row once, the vanished left out, equal to the same map
 * made of texts, and written to the plan file and read back the same.
 */
class RowDigestsTest {

    @Test
    void theFingerprintsReadAreAMapOfTextsHeldAsBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.sqlite");
        SqliteTestDatabase.create(file, sink -> new Rows(sink).vm("vm-b", true).tpm("tpm-b", "vm-b")
                .vm("vm-a", true).tpm("tpm-a", "vm-a"));
        List<Plan.RowRef> asked = List.of(new Plan.RowRef("TpmVO", "tpm-b"), new Plan.RowRef("VmInstanceEO", "vm-a"),
                new Plan.RowRef("TpmVO", "gone"), new Plan.RowRef("TpmVO", "tpm-a"),
                new Plan.RowRef("TpmVO", "tpm-b"), new Plan.RowRef("VmInstanceEO", "vm-b"));
        RowDigests read;
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly()); Connection c = s.connection()) {
            read = RowFingerprints.read(c, new SqlDialect(s.kind(), s.layout()), asked);
        }

        // in the order asked, once each, without the row that is not there
        assertThat(read.keySet()).containsExactly("TpmVO/tpm-b", "VmInstanceEO/vm-a", "TpmVO/tpm-a",
                "VmInstanceEO/vm-b");
        assertThat(read.values()).allMatch(h -> h.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
        assertThat(read.get("TpmVO/tpm-a")).isEqualTo(read.get(new Plan.RowRef("TpmVO", "tpm-a")))
                .isEqualTo(List.copyOf(read.values()).get(2));
        assertThat(read.get("TpmVO/gone")).isNull();
        assertThat(read.get("TpmVO")).isNull();
        assertThat(read.get(42)).isNull();
        assertThat(read.containsKey("VmInstanceEO/vm-b")).isTrue();
        assertThat(read.containsKey("VmInstanceEO/vm-c")).isFalse();

        // the same map as one made of texts, both ways
        Map<String, String> texts = new LinkedHashMap<>(read);
        assertThat(read).isEqualTo(texts).hasSameHashCodeAs(texts);
        assertThat(texts).isEqualTo(read);
        assertThatThrownBy(() -> read.put("TpmVO/x", "00")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> read.keySet().remove("TpmVO/tpm-a"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPlanKeepsItsPlannersDigestsAndItsFileHoldsTheSameTexts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.sqlite");
        SqliteTestDatabase.create(file, sink -> new Rows(sink).vm("vm", true).tpm("tpm", "vm")
                .hostFile("f", "vm", "h", "TpmState"));
        Plan plan;
        try (Source s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            plan = new Planner(s, Clock.systemUTC()).remove(List.of("vm")).plan();
        }
        assertThat(plan.fingerprint()).isInstanceOf(RowDigests.class);
        Plan again = PlanJson.read(PlanJson.write(plan));
        assertThat(again.fingerprint()).isNotInstanceOf(RowDigests.class).isEqualTo(plan.fingerprint());
        assertThat(List.copyOf(again.fingerprint().keySet())).isEqualTo(List.copyOf(plan.fingerprint().keySet()));
        assertThat(PlanJson.write(again)).isEqualTo(PlanJson.write(plan));
        assertThat(again).isEqualTo(plan);
    }
}
