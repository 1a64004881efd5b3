package dev.tpmconsole.model.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run journal: append-only JSON lines, one event a line, flushed as each is written. Reading tolerates
 * a last line cut off by a crash.
 */
public final class Journal implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final OutputStream out;

    public Journal(Path file) throws IOException {
        this.file = file;
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    public synchronized void append(RunEvent event) throws IOException {
        out.write((MAPPER.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public static List<RunEvent> read(Path file) throws IOException {
        return readLines(file, RunEvent.class);
    }

    /**
     * Reads a JSON-lines file of the run folder; a line that does not parse (the last line of a process
     * killed while writing it) is skipped.
     */
    static <T> List<T> readLines(Path file, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(MAPPER.readValue(line, type));
                } catch (IOException e) {
                    // cut off by a crash: nothing after it was acted on
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
