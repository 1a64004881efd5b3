package dev.tpmconsole.model.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files and folders being written, named after their writer so that what a killed writer left can be told from
 * what a running one is writing: {@code .<name>.<pid>-<start ms>[.<n>].partial} (and SQLite's {@code -journal},
 * {@code -wal}, {@code -shm} of such a file). A writer is gone when no process has its id, or the one that has it
 * started at another time (the id was reused). Snapshots being written and run folders being prepared use it.
 */
public final class PartialFiles {

    public static final String SUFFIX = ".partial";
    private static final Pattern PARTIAL = Pattern.compile("^\\..+\\.(\\d{1,10})-(\\d{1,19})(\\.\\d+)?\\.partial(-journal|-wal|-shm)?$");
    private static final String[] COMPANIONS = {"-journal", "-wal", "-shm"};
    /** How far a process's start time may be read differently (the boot time it is counted from can move). */
    private static final long START_SLACK_MS = 5_000;

    private PartialFiles() {
    }

    /** This process as a writer: its id and start time, {@code <pid>-<start ms>}. */
    public static String writerId() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + "-" + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** The name of a partial file or folder of {@code name} written by this process: {@code .<name>.<writer>.partial}. */
    public static String partialName(String name) {
        return "." + name + "." + writerId() + SUFFIX;
    }

    /**
     * Deletes what writers that are gone left in {@code dir}: their partial files and folders, with SQLite's
     * companion files. Best effort: what cannot be listed or deleted stays for the next writer.
     */
    public static void removeStale(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*" + SUFFIX + "*")) {
            for (Path file : files) {
                Matcher m = PARTIAL.matcher(file.getFileName().toString());
                if (m.matches() && !running(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) {
                    try {
                        deleteTree(file);
                    } catch (IOException ignored) {
                        // another writer removed it, or it cannot be: it is tried again next time
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a folder that cannot be listed: creating the new file there says why, if it fails
        }
    }

    /** Deletes a partial file with SQLite's companions of it; best effort. */
    public static void deleteWithCompanions(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // left for the next writer in this folder, which removes the partial files of writers that are gone
        }
        for (String companion : COMPANIONS) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + companion));
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    /** Deletes a file, or a folder with everything in it (links are deleted, never followed). */
    public static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> inside = Files.newDirectoryStream(p)) {
                for (Path c : inside) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    private static boolean running(long pid, long startMillis) {
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(pid);
        } catch (RuntimeException e) {
            return true; // cannot tell: keep it
        }
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return startMillis == 0 || started.isEmpty()
                || Math.abs(started.get().toEpochMilli() - startMillis) <= START_SLACK_MS;
    }
}
