package dev.tpmconsole.model.events;

import dev.tpmconsole.model.i18n.Message;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What the console did, in order: the last {@link #capacity} events in memory (the event log window shows
 * them) and, when a file is given, every event appended to it as text, so that what happened before a crash
 * can still be read. The file is rolled over to {@code NAME.1} when it grows past {@link #MAX_FILE_BYTES}
 * (at start, or while the console runs). After {@link #close} events are kept in memory only. Thread-safe; {@link #events()} emits on the thread that logged, under the log's
 * lock: subscribers hand events on (observeOn) rather than work on them. A file that
 * cannot be written is reported once, as an event, and the log carries on in memory.
 */
public final class EventLog implements AutoCloseable {

    /** The size at which the log file is rolled over when the console starts. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<Event> kept = new ArrayDeque<>();
    private final Subject<Event> subject = PublishSubject.<Event>create().toSerialized();
    private final Path file;
    private Writer writer;
    private long fileBytes;
    private boolean fileFailed;
    private boolean closed;

    /** A log in memory only. */
    public EventLog(int capacity, Clock clock) {
        this(capacity, clock, null);
    }

    /** A log that also appends every event to {@code file} (created with its folder when missing). */
    public EventLog(int capacity, Clock clock, Path file) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.clock = clock;
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public int capacity() {
        return capacity;
    }

    public Event info(String category, String message) {
        return log(Event.Level.INFO, category, message, null);
    }

    /** An event whose line is a message (English in the file, the reader's language in the window). */
    public Event info(String category, Message message) {
        return log(new Event(clock.instant(), Event.Level.INFO, category, message, null));
    }

    public Event warning(String category, Message message, String details) {
        return log(new Event(clock.instant(), Event.Level.WARNING, category, message, details));
    }

    public Event error(String category, Message message, Throwable error) {
        return log(new Event(clock.instant(), Event.Level.ERROR, category, message,
                error == null ? null : stackTrace(error)));
    }

    public Event warning(String category, String message, String details) {
        return log(Event.Level.WARNING, category, message, details);
    }

    public Event error(String category, String message, Throwable error) {
        return log(Event.Level.ERROR, category, message, error == null ? null : stackTrace(error));
    }

    public Event error(String category, String message, String details) {
        return log(Event.Level.ERROR, category, message, details);
    }

    /** Logs one event now. */
    public Event log(Event.Level level, String category, String message, String details) {
        return log(new Event(clock.instant(), level, category, message, details));
    }

    /** Logs one event (made now). */
    public Event log(Event e) {
        String failure;
        synchronized (this) {
            kept.addLast(e);
            while (kept.size() > capacity) {
                kept.removeFirst();
            }
            failure = write(e);
            // under the lock, so that events() hands out every event exactly once, in order
            subject.onNext(e);
        }
        if (failure != null) {
            warning("app", Message.of("events.fileFailed"), failure);
        }
        return e;
    }

    /** The events kept, oldest first. */
    public synchronized List<Event> snapshot() {
        return List.copyOf(kept);
    }

    /**
     * The events kept so far, then every new one, with none lost or repeated between the two (subscribers
     * that observe on another thread see them in order).
     */
    public Observable<Event> events() {
        return Observable.create(emitter -> {
            synchronized (this) {
                // the copy and the subscription under one lock: no event falls between them or comes twice
                kept.forEach(emitter::onNext);
                emitter.setDisposable(subject.subscribe(emitter::onNext));
            }
        });
    }

    /** Only the events logged from now on. */
    public Observable<Event> newEvents() {
        return subject;
    }

    /** The whole stack trace of an error, causes included. */
    public static String stackTrace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private String write(Event e) {
        if (file == null || fileFailed || closed) {
            return null;
        }
        try {
            if (writer != null && fileBytes > MAX_FILE_BYTES) {
                writer.close();
                writer = null;
            }
            if (writer == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                }
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                fileBytes = Files.size(file);
            }
            String text = e.toText() + '\n';
            writer.write(text);
            writer.flush();
            fileBytes += text.getBytes(StandardCharsets.UTF_8).length;
            return null;
        } catch (IOException | RuntimeException ex) {
            fileFailed = true;
            return file + ": " + ex;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the events were flushed one by one
            }
            writer = null;
        }
    }
}
