package dev.tpmconsole.model.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tpmconsole.model.util.FaultPoints;
import dev.tpmconsole.model.util.PrivateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of the run folder made of JSON lines (the journal, the quarantine bundle), kept whole whatever
 * happens to the process or the disk:
 * <ul>
 * <li>a line is only ever appended after a line end: a line cut off by a kill is cut away before the next
 *     append, and an append that fails (a full disk) is cut away at once, so that a cut line is never joined
 *     to the next one;</li>
 * <li>reading is exact: every line that ends with a line end must parse, or the file is reported damaged at
 *     that line; only a last line without its line end (what a kill leaves) is left out.</li>
 * </ul>
 * Files are created 0600 (they hold the database's rows).
 */
final class JsonLines {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    /**
     * Appends {@code bytes} (whole lines, each ending with a line end) at the end of the last whole line of
     * the channel's file, and returns where they start. On failure the file is cut back to where it was.
     *
     * @param force write them to the disk before returning
     * @param point the {@link FaultPoints} name of this write
     */
    static long append(FileChannel ch, byte[] bytes, boolean force, String point) throws IOException {
        return append(ch, bytes, force, point, -1);
    }

    /**
     * {@link #append}, by a writer that knows where its last append ended ({@code knownEnd}, or -1): when the file
     * is still that long, nothing was cut off since, and the last line is not looked for again (a journal appends
     * two lines an item: reading back to the last line end cost each of them two more system calls and 8 KiB).
     */
    static long append(FileChannel ch, byte[] bytes, boolean force, String point, long knownEnd) throws IOException {
        long size = ch.size();
        long start = knownEnd >= 0 && knownEnd == size ? knownEnd : endOfLastLine(ch);
        if (start < size) {
            ch.truncate(start); // a line cut off by a kill: nothing was done on it
        }
        try {
            int cut = FaultPoints.cut(point, bytes.length);
            ByteBuffer buf = ByteBuffer.wrap(bytes, 0, cut < 0 ? bytes.length : cut);
            long pos = start;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            if (cut >= 0) {
                FaultPoints.stop(point); // the fault suite kills the process here, in the middle of a line
            }
            if (force) {
                ch.force(false);
            }
        } catch (IOException e) {
            try {
                ch.truncate(start);
            } catch (IOException ignored) {
                // the next append cuts the partial line away before it writes
            }
            throw e;
        }
        return start;
    }

    /** Where the last whole line of the file ends (0 when there is none). */
    static long endOfLastLine(FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer one = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            long from = Math.max(0, end - one.capacity());
            one.clear().limit((int) (end - from));
            int n = 0;
            while (one.hasRemaining()) {
                int r = ch.read(one, from + n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            for (int i = n - 1; i >= 0; i--) {
                if (one.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    /** Opens a JSON-lines file for appending, creating it owner-only when it is missing. */
    static FileChannel open(Path file) throws IOException {
        return PrivateFiles.openForWriting(file, java.nio.file.StandardOpenOption.READ);
    }

    /**
     * Reads every whole line of {@code file} as a {@code type}. A last line without its line end (cut off by a
     * kill; nothing was acted on after it) is left out; any other line that does not parse makes the file
     * damaged: an {@link IOException} names the file and the line.
     */
    static <T> List<T> read(Path file, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            byte[] chunk = new byte[1 << 16];
            int lineNumber = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    line.write(chunk, from, i - from);
                    from = i + 1;
                    lineNumber++;
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    if (text.isBlank()) {
                        continue;
                    }
                    try {
                        out.add(MAPPER.readValue(text, type));
                    } catch (IOException e) {
                        throw new IOException(file + " is damaged at line " + lineNumber + ": it is not a "
                                + (type == RunEvent.class ? "journal event" : "quarantined row") + " ("
                                + dev.tpmconsole.model.util.Causes.reason(e) + ")", e);
                    }
                }
                line.write(chunk, from, n - from);
            }
        }
        return out;
    }
}
