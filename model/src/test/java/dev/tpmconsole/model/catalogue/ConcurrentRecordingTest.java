package dev.tpmconsole.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles recording at once (two threads, each with a catalogue of its own on the same file, so separate
 * connections, made and migrated at the same moment): every audit is recorded, none lost, none half.
 */
class ConcurrentRecordingTest {

    @TempDir
    Path dir;

    @Test
    void twoConsolesRecordingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("catalogue.sqlite");
        int rounds = 4;
        int findings = 5000;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Catalogue.RecordedAudit>>> consoles = new ArrayList<>();
            for (int console = 0; console < 2; console++) {
                int me = console;
                consoles.add(pool.submit(() -> {
                    together.await();
                    Catalogue.Opened opened = Catalogue.open(file, Clock.systemUTC());
                    assertThat(opened.notice()).isNull();
                    List<Catalogue.RecordedAudit> mine = new ArrayList<>();
                    try (Catalogue c = opened.catalogue()) {
                        for (int round = 0; round < rounds; round++) {
                            together.await();
                            List<Catalogue.Reported> reported = new ArrayList<>();
                            for (int i = 0; i < findings; i++) {
                                reported.add(CatalogueMigrationTest.reported("r" + i));
                            }
                            reported.add(CatalogueMigrationTest.reported("console-" + me + "-round-" + round));
                            mine.add(c.record(new Catalogue.AuditToRecord(Audit.AUDIT, CatalogueMigrationTest.MARKERS,
                                    Instant.now(), 1, List.of("RESOURCE_ROW_STALE"), null,
                                    Map.of("RESOURCE_ROW_STALE", (long) reported.size()), reported, "console " + me)));
                        }
                    }
                    return mine;
                }));
            }
            List<Catalogue.RecordedAudit> all = new ArrayList<>();
            for (Future<List<Catalogue.RecordedAudit>> f : consoles) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(2 * rounds);
            assertThat(all).extracting(Catalogue.RecordedAudit::cloudId).as("one cloud, made once").containsOnly(
                    all.get(0).cloudId());
            assertThat(all).extracting(Catalogue.RecordedAudit::findings).containsOnly(findings + 1);
            try (Catalogue c = Catalogue.open(file, Clock.systemUTC()).catalogue()) {
                assertThat(c.clouds()).hasSize(1);
                List<Catalogue.AuditEntry> history = c.history(all.get(0).cloudId(), Audit.AUDIT);
                assertThat(history).hasSize(2 * rounds);
                // in the order they were recorded: each saw the shared findings of the one before, its own as new
                int newOnes = history.stream().mapToInt(Catalogue.AuditEntry::newFindings).sum();
                int resolved = history.stream().mapToInt(Catalogue.AuditEntry::resolvedFindings).sum();
                assertThat(newOnes).isEqualTo(findings + 2 * rounds);
                assertThat(resolved).isEqualTo(2 * rounds - 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
