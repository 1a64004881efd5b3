package dev.tpmconsole.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * SQLite's native library, kept in the console's data folder so that each start loads it from there: left to
 * itself, sqlite-jdbc copies it out of the jar into a new temporary file on every start (about 1 MB, with two MD5
 * sums and a sweep of the temporary folder), some 60 ms of each command's start (the window loads it beside
 * JavaFX's start, where it did not show). Uses sqlite-jdbc's own settings ({@code org.sqlite.lib.path}, {@code org.sqlite.lib.name}); the copy is
 * named after the driver's version and the system, checked against the jar's entry by its size when it is made, and
 * appears whole or not at all. Anything unexpected here leaves sqlite-jdbc to do as it always does, and so does a
 * copy it cannot load (it tries the path it is given first, then copies its own as before). Asking the driver where
 * its library is takes longer than loading it, so that is asked only when the copy is made.
 */
final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * Points sqlite-jdbc at the copy in {@code dataDir} (made now if there is none), unless it is told where its
     * library is already. Never fails: returns the folder used, or null when sqlite-jdbc is left to
     * itself.
     */
    static Path useCopyIn(Path dataDir) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return null;
        }
        try {
            String version = driverVersion();
            if (version == null) {
                return null;
            }
            String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            Path folder = dataDir.resolve("native").resolve("sqlite-jdbc-" + version + "-"
                    + safe(System.getProperty("os.name")) + "-" + safe(System.getProperty("os.arch")));
            Path library = folder.resolve(name);
            if (!Files.isRegularFile(library)) {
                // the jar's library for this system, as the driver finds it (the first start only: it takes a while)
                String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
                URL url = org.sqlite.SQLiteJDBCLoader.class.getResource(resource);
                if (url == null) {
                    return null;
                }
                copy(url, url.openConnection().getContentLengthLong(), folder, library);
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, name);
            return folder;
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The driver's version, from its jar's Maven record (its own way of telling it loads the driver's logging). */
    private static String driverVersion() throws IOException {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(
                "/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || v.isBlank() ? null : safe(v.strip());
        }
    }

    /** Copies the jar's library to {@code library}: into a temporary file beside it, then moved whole. */
    private static void copy(URL url, long size, Path folder, Path library) throws IOException {
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, library.getFileName().toString(), ".part");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (size >= 0 && Files.size(part) != size) {
                throw new IOException("copied " + Files.size(part) + " of " + size + " bytes");
            }
            Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String safe(String s) {
        return String.valueOf(s).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
