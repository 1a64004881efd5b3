package dev.tpmconsole.views.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.events.Event;
import dev.tpmconsole.model.events.EventLog;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogViewModelTest {

    @TempDir
    Path dir;

    final EventLog log = new EventLog(4, Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC));

    @Test
    void showsWhatWasLoggedBeforeAndAfterItOpenedUpToTheLogsCapacity() {
        log.info("source", "Opened a.sqlite");
        EventLogViewModel vm = new EventLogViewModel(log, Schedulers.trampoline());
        assertThat(vm.events()).extracting(Event::message).containsExactly("Opened a.sqlite");
        for (int i = 1; i <= 4; i++) {
            log.info("audit", "audit " + i);
        }
        assertThat(vm.events()).extracting(Event::message).containsExactly("audit 1", "audit 2", "audit 3", "audit 4");
        vm.close();
        log.info("app", "after close");
        assertThat(vm.events()).extracting(Event::message).doesNotContain("after close");
    }

    @Test
    void filtersByLevelAndCounts() {
        EventLogViewModel vm = new EventLogViewModel(log, Schedulers.trampoline());
        log.info("source", "Opened a.sqlite");
        log.warning("source", "b.sqlite is not an SQLite database", null);
        log.error("app", "Unexpected error", new IllegalStateException("boom"));
        assertThat(vm.countBinding().get()).isEqualTo("3 events · 1 error · 1 warning");
        vm.minimumLevelProperty().set(Event.Level.WARNING);
        assertThat(vm.events()).extracting(Event::level).containsExactly(Event.Level.WARNING, Event.Level.ERROR);
        assertThat(vm.countBinding().get()).isEqualTo("3 events · 1 error · 1 warning · 2 shown");
        vm.minimumLevelProperty().set(Event.Level.ERROR);
        assertThat(vm.events()).singleElement().extracting(Event::message).isEqualTo("Unexpected error");
        vm.selectedProperty().set(vm.events().get(0));
        assertThat(vm.detailsBinding().get()).contains("ERROR", "Unexpected error", "    java.lang.IllegalStateException: boom");
        vm.minimumLevelProperty().set(null);
        assertThat(vm.events()).hasSize(3);
    }

    @Test
    void savesTheEventsShownAsTheLogFileWritesThem() throws Exception {
        EventLogViewModel vm = new EventLogViewModel(log, Schedulers.trampoline());
        log.info("source", "Opened a.sqlite");
        log.warning("run", "Failed: delete-backups VmHostBackupFileVO/x", "detail line");
        vm.minimumLevelProperty().set(Event.Level.WARNING);
        Path out = dir.resolve("saved.log");
        vm.save(out);
        assertThat(Files.readString(out)).isEqualTo(log.snapshot().get(1).toText() + "\n")
                .contains("WARNING run         Failed: delete-backups VmHostBackupFileVO/x\n    detail line");
        assertThat(EventLogViewModel.text(java.util.List.of())).isEmpty();
    }
}
