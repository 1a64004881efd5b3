package dev.tpmconsole.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.observers.TestObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void keepsTheLastEventsInOrder() {
        EventLog log = new EventLog(3, CLOCK);
        for (int i = 1; i <= 5; i++) {
            log.info("source", "event " + i);
        }
        assertThat(log.snapshot()).extracting(Event::message).containsExactly("event 3", "event 4", "event 5");
    }

    @Test
    void appendsEveryEventToTheFileWithItsDetailsIndented() throws Exception {
        Path file = dir.resolve("logs/events.log");
        try (EventLog log = new EventLog(10, CLOCK, file)) {
            log.info("source", "Opened demo.sqlite");
            log.error("app", "Something broke", new IllegalStateException("boom", new RuntimeException("cause")));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).endsWith("INFO    source      Opened demo.sqlite");
        assertThat(lines.get(1)).endsWith("ERROR   app         Something broke");
        assertThat(lines.get(2)).isEqualTo("    java.lang.IllegalStateException: boom");
        assertThat(lines).anyMatch(l -> l.startsWith("    Caused by: java.lang.RuntimeException: cause"));
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.equals(lines.get(1)) || l.startsWith("    "));

        try (EventLog again = new EventLog(10, CLOCK, file)) {
            again.info("app", "second start");
        }
        assertThat(Files.readAllLines(file)).hasSize(lines.size() + 1).startsWith(lines.get(0));
    }

    @Test
    void rollsABigFileOverAtStart() throws Exception {
        Path file = dir.resolve("events.log");
        Files.write(file, new byte[(int) EventLog.MAX_FILE_BYTES + 1]);
        try (EventLog log = new EventLog(10, CLOCK, file)) {
            log.info("app", "started");
        }
        assertThat(Files.size(dir.resolve("events.log.1"))).isEqualTo(EventLog.MAX_FILE_BYTES + 1);
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void rollsTheFileOverWhileRunningAndWritesNoMoreAfterClose() throws Exception {
        Path file = dir.resolve("events.log");
        EventLog log = new EventLog(10, CLOCK, file);
        String kilobyte = "x".repeat(1000);
        long events = EventLog.MAX_FILE_BYTES / 1000 + 10;
        for (long i = 0; i < events; i++) {
            log.info("app", i + " " + kilobyte);
        }
        assertThat(Files.size(dir.resolve("events.log.1"))).isGreaterThan(EventLog.MAX_FILE_BYTES);
        assertThat(Files.size(file)).isLessThan(EventLog.MAX_FILE_BYTES / 10);
        assertThat(Files.readAllLines(file)).last().isEqualTo(log.snapshot().get(9).toText());
        log.close();
        long size = Files.size(file);
        log.info("app", "after close");
        assertThat(Files.size(file)).as("nothing written after close").isEqualTo(size);
        assertThat(log.snapshot()).last().extracting(Event::message).isEqualTo("after close");
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedOnceAndTheLogCarriesOn() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain"), "x");
        EventLog log = new EventLog(10, CLOCK, notAFolder.resolve("events.log"));
        log.info("app", "one");
        log.info("app", "two");
        assertThat(log.snapshot()).extracting(Event::level, Event::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Event.Level.INFO, "one"),
                org.assertj.core.groups.Tuple.tuple(Event.Level.WARNING,
                        "The event log file cannot be written; events are kept in memory only"),
                org.assertj.core.groups.Tuple.tuple(Event.Level.INFO, "two"));
        assertThat(log.snapshot().get(1).details()).contains("plain");
    }

    @Test
    void eventsGivesTheKeptOnesThenTheNewOnesExactlyOnceWhileOthersLog() throws Exception {
        EventLog log = new EventLog(100_000, CLOCK);
        int threads = 4;
        int each = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch halfway = new CountDownLatch(threads);
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    if (i == each / 2) {
                        halfway.countDown();
                    }
                    log.info("t" + id, Integer.toString(i));
                }
            });
            th.start();
            loggers.add(th);
        }
        go.countDown();
        // subscribe once every logger has events kept, while they go on logging
        assertThat(halfway.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<Event> seen = Collections.synchronizedList(new ArrayList<>());
        TestObserver<Event> observer = log.events().doOnNext(seen::add).test();
        for (Thread th : loggers) {
            th.join();
        }
        observer.dispose();
        assertThat(seen).hasSize(threads * each);
        for (int t = 0; t < threads; t++) {
            String category = "t" + t;
            assertThat(seen.stream().filter(e -> e.category().equals(category)).map(Event::message).toList())
                    .as("thread %s in order, none lost or repeated", t)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, each).mapToObj(Integer::toString).toList());
        }
    }

    @Test
    void textOfAnEvent() {
        Event e = new Event(Instant.parse("2026-11-26T02:00:00Z"), Event.Level.WARNING, "preferences",
                "  Preferences reset  ", "line one\nline two\n");
        assertThat(e.toText()).endsWith("WARNING preferences Preferences reset\n    line one\n    line two");
        assertThat(new Event(Instant.EPOCH, Event.Level.INFO, null, (String) null, "  ").details()).isNull();
    }

    @Test
    void anEventOfAMessageIsEnglishInTheFileAndShownInTheCurrentLanguage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.log");
        dev.tpmconsole.model.i18n.Language before = dev.tpmconsole.model.i18n.Messages.currentLanguage();
        try (EventLog log = new EventLog(10, CLOCK, file)) {
            dev.tpmconsole.model.i18n.Messages.setCurrent(dev.tpmconsole.model.i18n.Language.ZH_CN);
            Event e = log.warning("source", dev.tpmconsole.model.i18n.Message.of("source.noSuchFile", "/x.sqlite"), null);
            assertThat(e.message()).isEqualTo("No such file: /x.sqlite");
            assertThat(e.shown()).isEqualTo("文件不存在：/x.sqlite");
            assertThat(Files.readString(file)).contains("No such file: /x.sqlite").doesNotContain("文件");
            assertThat(log.info("app", "plain").shown()).isEqualTo("plain");
        } finally {
            dev.tpmconsole.model.i18n.Messages.setCurrent(before);
        }
    }
}
