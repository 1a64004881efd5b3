package dev.tpmconsole.model.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.tpmconsole.model.util.AtomicFiles;

/** Reads and writes plans as the JSON of docs/cleanup.md. */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private PlanJson() {
    }

    public static String write(Plan plan) {
        try {
            return MAPPER.writeValueAsString(plan) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes atomically: a partial plan file never exists. The JSON goes to the file as it is made: a plan of
     * 10,000 items is 9 MB of it, which as a string and its bytes took three times that of heap at once.
     */
    public static void write(Plan plan, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            TO_STREAM.writeValue(out, plan);
            out.write('\n');
        });
    }

    /** The mapper's writer, leaving the stream open (the file's writer closes it). */
    private static final ObjectWriter TO_STREAM = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public static Plan read(String json) throws IOException {
        return MAPPER.readValue(json, Plan.class);
    }

    public static Plan read(Path file) throws IOException {
        return read(Files.readString(file));
    }
}
