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

    @Override
    public UiPreferences load() {
        if (!Files.isRegularFile(file)) {
            return UiPreferences.defaults();
        }
        try {
            UiPreferences p = mapper.readValue(file.toFile(), UiPreferences.class);
            return p == null ? UiPreferences.defaults() : p;
        } catch (IOException | RuntimeException e) {
            try {
                Files.move(file, file.resolveSibling(FILE_NAME + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the defaults are used all the same; the next save replaces the file
            }
            return UiPreferences.defaults();
        }
    }

    @Override
    public void save(UiPreferences preferences) throws IOException {
        AtomicFiles.write(file, out -> mapper.writeValue(out, preferences));
    }
}
