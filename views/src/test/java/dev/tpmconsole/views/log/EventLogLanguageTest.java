package dev.tpmconsole.views.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.events.Event;
import dev.tpmconsole.model.events.EventLog;
import dev.tpmconsole.model.i18n.Language;
import dev.tpmconsole.views.util.I18n;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The event log's counts, levels and parts follow the language; the events' text (Copy, Save) stays as logged. */
class EventLogLanguageTest {

    @Test
    void countsLevelsAndPartsReadInChinese() {
        EventLog log = new EventLog(10, Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC));
        EventLogViewModel vm = new EventLogViewModel(log, Schedulers.trampoline());
        log.info("source", "Opened a.sqlite");
        log.warning("catalogue", "the catalogue is busy", null);
        vm.minimumLevelProperty().set(Event.Level.WARNING);
        String text = vm.shownText();
        try {
            I18n.languageProperty().set(Language.ZH_CN);
            assertThat(vm.countBinding().get()).isEqualTo("2 个事件 · 0 个错误 · 1 个警告 · 显示 1 个");
            assertThat(EventLogView.level(Event.Level.WARNING)).isEqualTo("警告");
            assertThat(EventLogView.category("catalogue")).isEqualTo("记录库");
            assertThat(EventLogView.category("something new")).as("an unknown part as it is").isEqualTo("something new");
            assertThat(vm.shownText()).as("the text copied and saved is the log's").isEqualTo(text);
        } finally {
            I18n.languageProperty().set(Language.EN);
        }
        assertThat(vm.countBinding().get()).isEqualTo("2 events · 0 errors · 1 warning · 1 shown");
        assertThat(EventLogView.level(Event.Level.WARNING)).isEqualTo("warning");
        vm.close();
    }
}
