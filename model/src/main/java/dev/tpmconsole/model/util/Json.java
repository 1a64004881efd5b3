package dev.tpmconsole.model.util;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/** The console's streaming JSON: one Jackson factory (thread-safe, and it reuses its buffers when shared). */
public final class Json {

    /** Jackson's defaults: a generator or parser closes what it was made on when it is closed. */
    public static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /**
     * A generator for a report a script reads (the audit's and the host scan's {@code --format json}): UTF-8,
     * indented, and leaving {@code out} open when it is closed (the caller's stream, often standard output).
     */
    public static JsonGenerator report(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.useDefaultPrettyPrinter();
        return g;
    }
}
