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
 * sums and a sweep of the temporary folder), some 80 ms of each command's start, the audit's and the window's
 * included. Uses sqlite-jdbc's own settings ({@code org.sqlite.lib.path}, {@code org.sqlite.lib.name}); the copy is
 * named after the driver's version and the system, made again when its size is not the jar's entry's, and appears
 * whole or not at all. Anything unexpected here leaves sqlite-jdbc to do as it always does, and so does a copy it
 * cannot load (it tries the path it is given first, then copies its own as before).
 */
final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    /**
     * Points sqlite-jdbc at the copy in {@code dataDir} (made now if there is none, or a wrong one), unless it is
     * told where its library is already. Never fails: returns the folder used, or null when sqlite-jdbc is left to
     * itself.
     */
    static Path useCopyIn(Path dataDir) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return null;
        }
        try {
            String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
            URL url = org.sqlite.SQLiteJDBCLoader.class.getResource(resource);
            if (url == null) {
                return null;
            }
            long size = url.openConnection().getContentLengthLong();
            Path folder = dataDir.resolve("native").resolve("sqlite-jdbc-" + org.sqlite.SQLiteJDBCLoader.getVersion()
                    + "-" + safe(System.getProperty("os.name")) + "-" + safe(System.getProperty("os.arch")));
            Path library = folder.resolve(name);
            if (size < 0) {
                return null;
            }
            if (!Files.isRegularFile(library) || Files.size(library) != size) {
                copy(url, size, folder, library);
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, name);
            return folder;
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
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
            if (Files.size(part) != size) {
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
