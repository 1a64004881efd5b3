package dev.tpmconsole.model.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarantine bundle: a JSON-lines file beside the journal, one deleted row a line, forced to disk and
 * read back before the rows are deleted. A line cut off by a crash is ignored on reading (its item never
 * deleted anything, since the delete waits for the read-back).
 */
public final class QuarantineFile implements QuarantinePort {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    public QuarantineFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void put(List<QuarantinedRow> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (QuarantinedRow r : rows) {
            sb.append(MAPPER.writeValueAsString(r)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        long start;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            start = ch.size();
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false); // the data, durably, before the delete that it makes undoable
        }
        // read back exactly what was appended
        byte[] back = new byte[bytes.length];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(back);
            long pos = start;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
        }
        List<QuarantinedRow> read = new ArrayList<>();
        for (String line : new String(back, StandardCharsets.UTF_8).split("\n")) {
            read.add(MAPPER.readValue(line, QuarantinedRow.class));
        }
        if (!read.equals(rows)) {
            throw new IOException("the quarantine bundle " + file + " did not read back as written");
        }
    }

    @Override
    public synchronized List<QuarantinedRow> readAll() throws IOException {
        // a line cut off by a crash belongs to an item that deleted nothing: the delete waits for the read-back
        return Journal.readLines(file, QuarantinedRow.class);
    }
}
