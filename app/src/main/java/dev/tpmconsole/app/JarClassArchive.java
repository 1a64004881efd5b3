package dev.tpmconsole.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The class data sharing archive of {@code java -jar}'s window (decision 0029): the classes the console loads at its
 * start (the list the app image's archive is made from, {@code cds-classes.txt} in the jar), parsed and verified once
 * by the JVM that runs the jar, and mapped by every later start of the window instead of being read from the jar.
 *
 * <p>One archive per jar (its path, then its size and time) and JVM (its home and version), in the data folder's
 * {@code cds} (the owner's alone): {@code tpm-console-PLACE-BUILD.jsa}. It is made the first time the window is
 * started without one, by {@code java -Xshare:dump} in a process of its own at the lowest priority, which outlives
 * the console if need be (about ten seconds of a core; a terminal's Ctrl-C does not stop it). It is written under a
 * temporary name and moved into place, and then the archives of earlier builds of the same jar go (a rebuilt jar
 * does not pile up 62 MB archives), as do those of other jars unused for a month. One that failed is not tried again
 * for a day ({@code .failed}); two consoles do not make it at once ({@code .making}). An archive not owned by the
 * person who runs the console is not used. A JVM that cannot map the archive it is given (a JVM updated in place)
 * starts without it, silently, as fast as before.
 */
final class JarClassArchive {

    /** The class list, beside this class in the jar (installer/cds/record-classes.sh). */
    static final String CLASS_LIST = "cds-classes.txt";
    static final String FOLDER = "cds";
    private static final String PREFIX = "tpm-console-";
    /** A {@code .making} older than this is left from a making that died with its machine: it is made again. */
    private static final Duration STALE_MAKING = Duration.ofMinutes(10);
    /** Archives of other jars unused this long are deleted when a new one is made. */
    private static final Duration UNUSED = Duration.ofDays(30);
    /** A making that failed is tried again after this long (a disk that was full, a JVM since mended). */
    private static final Duration RETRY_FAILED = Duration.ofDays(1);
    /**
     * Makes the archive: $1 java, $2 class list, $3 archive, $4 class path. Ignores SIGINT and SIGHUP (the JVM keeps
     * them ignored), writes under a temporary name, and marks a failure (not a kill) so it is not tried again.
     */
    private static final String SCRIPT = String.join("\n",
            "trap '' INT HUP",
            "nice=; command -v nice >/dev/null 2>&1 && nice='nice -n 19'",
            "$nice \"$1\" -Xshare:dump -XX:SharedClassListFile=\"$2\" -XX:SharedArchiveFile=\"$3.$$\" -Xlog:cds=off \\",
            "  -Xlog:cds+dynamic=off -cp \"$4\" >/dev/null 2>&1",
            "s=$?",
            "if [ $s -eq 0 ] && [ -s \"$3.$$\" ]; then mv -f \"$3.$$\" \"$3\"; else",
            "  rm -f \"$3.$$\"; [ $s -lt 128 ] && : > \"$3.failed\"; fi",
            "rm -f \"$3.making\"");

    private final Path folder;
    private final Path jar;
    private final String java;
    private final Path archive;

    private JarClassArchive(Path folder, Path jar, String java, Path archive) {
        this.folder = folder;
        this.jar = jar;
        this.java = java;
        this.archive = archive;
    }

    /** The archive of {@code jar} run by the JVM {@code java}, in {@code dataDir}. */
    static JarClassArchive of(Path dataDir, Path jar, String java) {
        Path folder = dataDir.resolve(FOLDER);
        String place;
        String build;
        try {
            place = jar.toRealPath().toString();
            build = Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            place = jar.toAbsolutePath().normalize().toString();
            build = "";
        }
        String jvm = System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version");
        return new JarClassArchive(folder, jar, java,
                folder.resolve(PREFIX + crc(place + "\n" + jvm) + "-" + crc(build) + ".jsa"));
    }

    private static String crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    /** The jar this class was loaded from, or null when it was not loaded from a jar file (tests, an IDE). */
    static Path consoleJar() {
        try {
            var source = JarClassArchive.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    Path archive() {
        return archive;
    }

    boolean made() {
        return Files.isRegularFile(archive);
    }

    /**
     * The JVM options that map the archive: none until it is made, or when someone else owns it (the JVM would take
     * its classes as they are). Using it keeps it from being cleaned away.
     */
    List<String> options() {
        if (!made() || !ownedByMe(archive)) {
            return List.of();
        }
        try {
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // a folder it cannot write: the archive is used all the same
        }
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /**
     * Starts making the archive in the background; false when it is not started: made already, being made by
     * another console, failed less than a day ago, or this system has no {@code /bin/sh}, or the folder cannot be
     * written.
     */
    boolean makeInBackground() {
        Path failed = sibling(".failed");
        Path making = sibling(".making");
        Path sh = Path.of("/bin/sh");
        if (made() || recent(failed, RETRY_FAILED) || !Files.isExecutable(sh)) {
            return false;
        }
        boolean claimed = false;
        try {
            dev.tpmconsole.model.util.PrivateFiles.createFolders(folder);
            Files.deleteIfExists(failed);
            if (!claim(making)) {
                return false;
            }
            claimed = true;
            Path classes = sibling(".classes");
            try (InputStream in = JarClassArchive.class.getResourceAsStream(CLASS_LIST)) {
                if (in == null) {
                    Files.deleteIfExists(making);
                    return false;
                }
                Files.copy(in, classes, StandardCopyOption.REPLACE_EXISTING);
            }
            deleteUnused();
            new ProcessBuilder(sh.toString(), "-c", SCRIPT, "sh", java, classes.toString(), archive.toString(),
                    jar.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException | RuntimeException e) {
            if (claimed) { // another console's making is its own
                try {
                    Files.deleteIfExists(making);
                } catch (IOException ignored) {
                    // a later start tries again once it is stale
                }
            }
            return false;
        }
    }

    /** Takes the making of the archive for this process: false when another has it (and it is not stale). */
    private static boolean claim(Path making) throws IOException {
        try {
            Files.createFile(making);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (recent(making, STALE_MAKING)) {
                return false;
            }
            Files.setLastModifiedTime(making, FileTime.from(Instant.now()));
            return true;
        }
    }

    /**
     * Deletes the archives (and their class lists and marks) of earlier builds of this jar for this JVM, and those of
     * other jars or JVMs left unused for a month.
     */
    private void deleteUnused() throws IOException {
        String mine = archive.getFileName().toString();
        String build = mine.substring(0, mine.length() - ".jsa".length());
        String place = build.substring(0, build.lastIndexOf('-') + 1);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(PREFIX) && !name.startsWith(build)
                        && (name.startsWith(place) || !recent(f, UNUSED))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Whether {@code file} exists and was last modified less than {@code time} ago. */
    private static boolean recent(Path file, Duration time) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minus(time));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean ownedByMe(Path file) {
        try {
            return Files.getOwner(file).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private Path sibling(String suffix) {
        return archive.resolveSibling(archive.getFileName() + suffix);
    }
}
