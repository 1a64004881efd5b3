package dev.tpmconsole.views.util;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A snapshot a test class shares: made once before its tests, in a folder of its own, opened read-only when
 * first asked for, and closed and deleted after them. Register it as a static {@code @RegisterExtension} field.
 */
public final class ClassSnapshot implements BeforeAllCallback, AfterAllCallback {

    /** Makes the snapshot at {@code file} and says where it is. */
    @FunctionalInterface
    public interface Maker {
        Path make(Path file) throws Exception;
    }

    private final String name;
    private final Maker maker;
    private Path folder;
    private Path file;
    private SqliteSnapshot source;

    private ClassSnapshot(String name, Maker maker) {
        this.name = name;
        this.maker = maker;
    }

    /** A snapshot named {@code name} (e.g. "fixture.sqlite"), made by {@code maker}. */
    public static ClassSnapshot of(String name, Maker maker) {
        return new ClassSnapshot(name, maker);
    }

    /** A demo snapshot named {@code name}, of {@code vms} VMs generated from {@code seed}. */
    public static ClassSnapshot demo(String name, int vms, long seed) {
        return of(name, file -> TestSnapshots.demo(file, vms, seed));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("tpm-console-test");
        file = maker.make(folder.resolve(name));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (source != null) {
            source.close();
            source = null;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The snapshot's file. */
    public Path path() {
        return file;
    }

    /** The snapshot opened read-only; the same one every time, closed after the class's tests. */
    public SqliteSnapshot source() throws SourceException {
        if (source == null) {
            source = SqliteSnapshot.open(file, OpenOptions.readOnly());
        }
        return source;
    }
}
