package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.Message;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * The run journal: append-only JSON lines, one event a line, written as each happens ({@link JsonLines}: a line
 * cut off by a kill or a full disk is cut away, never joined to the next; reading is exact). An event that
 * cannot be written stops the run ({@link RunStorageException}).
 */
public final class Journal implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    /** Where this journal's last append ended, or -1 before the first and after one that failed. */
    private long end = -1;

    public Journal(Path file) throws IOException {
        this.file = file;
        this.channel = JsonLines.open(file);
    }

    public Path file() {
        return file;
    }

    public synchronized void append(RunEvent event) throws RunStorageException {
        try {
            // Jackson writes the event's UTF-8 itself. Made as a String, then the line (a builder growing from 16
            // chars: the build concatenates inline), then its bytes, the journal allocated 79 MB in
            // bench/run-pipeline.sh's 10,000-item run, against 33 MB now.
            byte[] json = JsonLines.MAPPER.writeValueAsBytes(event);
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            end = JsonLines.append(channel, line, false, "journal-write", end) + line.length;
        } catch (IOException e) {
            end = -1;
            throw new RunStorageException(Message.of("run.storage.journal"), file, e);
        }
    }

    /** The events of a journal; a damaged journal (a line that is not an event, before its last) is an error. */
    public static List<RunEvent> read(Path file) throws IOException {
        return JsonLines.read(file, RunEvent.class);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
