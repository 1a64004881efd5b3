package dev.tpmconsole.app;

import dev.tpmconsole.model.util.AtomicFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tpmconsole.views.prefs.PreferencesStore;
import dev.tpmconsole.views.prefs.UiPreferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Preferences as JSON in the config folder ({@code preferences.json}). A file that cannot be read or
 * parsed is set aside as {@code preferences.json.corrupt} and the defaults are used: preferences are a
 * convenience and never keep the console from starting. Written to a temporary file and moved into place,
 * so that a crash mid-write leaves the previous file.
 */
public final class JsonPreferencesStore implements PreferencesStore {

    public static final String FILE_NAME = "preferences.json";

    private final Path file;
    private volatile String loadProblem;
    /** What {@link #preload()} read, for the next {@link #load()}. */
    private volatile UiPreferences preloaded;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public JsonPreferencesStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the preferences now, so that the next {@link #load()} returns them (later ones read the file again). The
     * window starts this on a thread of its own while JavaFX starts: Jackson's first mapper and the first reading of the
     * preferences take some 0.3 s of a start, which the FX thread would otherwise spend before the window is built.
     */
    public JsonPreferencesStore preload() {
        preloaded = load();
        return this;
    }

    @Override
    public UiPreferences load() {
        UiPreferences read = preloaded;
        if (read != null) {
            preloaded = null;
            return read; // and its loadProblem, as it was read
        }
        loadProblem = null;
        if (!Files.exists(file)) {
            return UiPreferences.defaults();
        }
        try {
            UiPreferences p = mapper.readValue(file.toFile(), UiPreferences.class);
            if (p == null) {
                throw new IOException("the file holds no preferences");
            }
            return p;
        } catch (IOException | RuntimeException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String kept;
            try {
                Path aside = file.resolveSibling(FILE_NAME + ".corrupt");
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                kept = dev.tpmconsole.model.i18n.Messages.text("cli.preferences.setAside", aside.toString());
            } catch (IOException notMoved) {
                // the defaults are used all the same; the next save replaces the file if it can
                kept = dev.tpmconsole.model.i18n.Messages.text("cli.preferences.leftInPlace");
            }
            loadProblem = dev.tpmconsole.model.i18n.Messages.text("cli.preferences.unreadable", file.toString(),
                    firstLine(why), kept);
            return UiPreferences.defaults();
        }
    }

    @Override
    public String loadProblem() {
        return loadProblem;
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "…" : line;
    }

    @Override
    public void save(UiPreferences preferences) throws IOException {
        AtomicFiles.write(file, out -> mapper.writeValue(out, preferences));
    }
}
