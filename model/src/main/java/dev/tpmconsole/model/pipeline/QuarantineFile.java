package dev.tpmconsole.model.pipeline;

import dev.tpmconsole.model.i18n.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
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

    /** A row as a line's JSON, leaving the buffer it writes into open. */
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = JsonLines.MAPPER.writer()
            .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    /** The rows of lines read back, one JSON value a line. */
    private static final com.fasterxml.jackson.databind.ObjectReader READER =
            JsonLines.MAPPER.readerFor(QuarantinedRow.class);

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
            // Jackson writes each row's UTF-8 into one buffer, and reads the lines back from the bytes: made as
            // strings, a builder, its bytes, then a string of the bytes read and its lines, a row's content (its
            // blob in Base64) was copied seven times, the most the run allocated
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
            for (QuarantinedRow r : rows) {
                WRITER.writeValue(out, r);
                out.write('\n');
            }
            byte[] bytes = out.toByteArray();
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
                List<QuarantinedRow> read;
                try (com.fasterxml.jackson.databind.MappingIterator<QuarantinedRow> lines = READER.readValues(back)) {
                    read = lines.readAll();
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
