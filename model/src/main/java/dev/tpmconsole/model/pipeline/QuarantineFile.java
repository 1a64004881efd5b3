package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarantine bundle: a JSON-lines file beside the journal, one deleted row a line, forced to disk and
 * read back before the rows are deleted ({@link JsonLines}: a cut line is cut away, never joined to the next;
 * reading is exact). The pipeline writes the rows of a group of items at once ({@link Pipeline#groups}), so the
 * bundle may hold rows whose item then deleted nothing (it failed, or the run stopped or was killed first): they
 * are in place for {@link Runs#undo}. A line cut off by a kill belongs to items that deleted nothing, since their
 * deletes wait for the read-back. An item that runs again (a retry, a resume) quarantines its rows again: the
 * bundle then holds them more than once, and {@link Runs#undo} takes the first.
 */
public final class QuarantineFile implements QuarantinePort {

    private final Path file;

    public QuarantineFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void put(List<QuarantinedRow> rows) throws RunStorageException {
        if (rows.isEmpty()) {
            return;
        }
        try {
            StringBuilder sb = new StringBuilder();
            for (QuarantinedRow r : rows) {
                sb.append(JsonLines.MAPPER.writeValueAsString(r)).append('\n');
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = JsonLines.open(file)) {
                long start = JsonLines.append(ch, bytes, true, "quarantine-write"); // durably, before the delete it makes undoable
                // read back exactly what was appended
                byte[] back = new byte[bytes.length];
                ByteBuffer buf = ByteBuffer.wrap(back);
                long pos = start;
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, pos);
                    if (n < 0) {
                        break;
                    }
                    pos += n;
                }
                List<QuarantinedRow> read = new ArrayList<>();
                for (String line : new String(back, StandardCharsets.UTF_8).split("\n")) {
                    read.add(JsonLines.MAPPER.readValue(line, QuarantinedRow.class));
                }
                if (!read.equals(rows)) {
                    throw new IOException("it did not read back as written");
                }
            }
        } catch (IOException e) {
            throw new RunStorageException(Message.of("run.storage.quarantine"), file, e);
        }
    }

    @Override
    public synchronized List<QuarantinedRow> readAll() throws IOException {
        return JsonLines.read(file, QuarantinedRow.class);
    }
}
