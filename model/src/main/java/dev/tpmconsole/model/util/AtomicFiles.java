package dev.tpmconsole.model.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a temporary file beside the target, moved over it only once
 * complete, so that a reader (or a crash) never sees half a report, plan or preferences file.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path file = target.toAbsolutePath();
        PrivateFiles.createFolders(file.getParent());
        // owner-only: what these files hold comes from the database
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".partial",
                PrivateFiles.fileAttributes());
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                writer.write(out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
