package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestDumps;
import dev.tpmconsole.model.testing.Requirements;
import dev.tpmconsole.model.testing.SmallDisk;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} (and {@code demo}) as a separate JVM meets them: killed with SIGKILL, interrupted by SIGINT or
 * SIGTERM during the import or after its snapshot is in place, a folder it may not write, a full disk, a folder
 * as target, a umask of 000. An import is held mid-way by reading a named pipe the test writes half a dump into,
 * and the test waits for files with a WatchService, so that nothing depends on timing. Started as
 * the fault suite starts its runs: the test's class path, {@link dev.tpmconsole.app.Launcher}.
 */
class ImportFaultsTest {

    static final int VMS = 3000;
    static byte[] dumpBytes;

    @TempDir
    static Path shared;
    static Path completeDump;

    @TempDir
    Path dir;

    @BeforeAll
    static void dumps() throws IOException {
        dumpBytes = TestDumps.complete(VMS).getBytes(StandardCharsets.UTF_8);
        completeDump = Files.write(shared.resolve("complete.sql"), dumpBytes);
    }

    // ------------------------------------------------------------------ killed

    @Test
    void aKilledImportsPartialFileIsRemovedByTheNextImportIntoItsFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("snapshots"));
        try (Held a = hold(folder, "a.sqlite", true, ProcessBuilder.Redirect.DISCARD)) {
            assertThat(Files.getPosixFilePermissions(a.partial)).as("owner only, even under umask 000")
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            a.process.destroyForcibly();
            assertThat(a.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(a.process.exitValue()).isEqualTo(137);
            assertThat(a.partial).as("SIGKILL leaves the partial file").exists();
            // and SQLite's companion of it, as a kill inside a write with a journal would
            Files.writeString(a.partial.resolveSibling(a.partial.getFileName() + "-journal"), "journal");
        }

        ConsoleProcess.Result next = Faults.console("import", completeDump.toString(), "--out",
                folder.resolve("b.sqlite").toString());
        assertThat(next.status()).as(next.err()).isZero();
        assertThat(TestSnapshots.listing(folder)).containsExactly("b.sqlite");
        assertThat(TestSnapshots.count(folder.resolve("b.sqlite"), "SELECT count(*) FROM VmInstanceEO")).isEqualTo(VMS);
    }

    @Test
    void twoImportsAtOnceIntoOneFolderBothComplete() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("snapshots"));
        Process a;
        try (Held held = hold(folder, "a.sqlite", false, ProcessBuilder.Redirect.DISCARD)) {
            a = held.process;
            ConsoleProcess.Result b = Faults.console("import", completeDump.toString(), "--out",
                    folder.resolve("b.sqlite").toString());
            assertThat(b.status()).as(b.err()).isZero();
            assertThat(held.partial).as("the running import's partial file is kept").exists();
            held.feed.write(dumpBytes, dumpBytes.length / 2, dumpBytes.length - dumpBytes.length / 2);
        }
        assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(log(a)).isZero();
        assertThat(TestSnapshots.listing(folder)).containsExactly("a.sqlite", "b.sqlite");
        for (String s : List.of("a.sqlite", "b.sqlite")) {
            assertThat(TestSnapshots.count(folder.resolve(s), "SELECT count(*) FROM VmInstanceEO")).as(s).isEqualTo(VMS);
        }
    }

    // ------------------------------------------------------------------ signals

    @Test
    void sigtermAndSigintDuringAnImportSayItInOneLineExitAsTheJvmDoesAndLeaveNothing() throws Exception {
        for (String[] signal : new String[][] {{"TERM", "143"}, {"INT", "130"}}) {
            Path folder = Files.createDirectory(dir.resolve("sig" + signal[0]));
            Process p;
            try (Held held = hold(folder, "s.sqlite", false, ProcessBuilder.Redirect.PIPE)) {
                p = held.process;
                signal(p, signal[0]);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(signal[0]).isEqualTo(Integer.parseInt(signal[1]));
            assertThat(log(p)).as(signal[0]).isEqualTo("tpm-console: import interrupted; no snapshot was written\n");
            assertThat(out).isEmpty();
            assertThat(TestSnapshots.listing(folder)).as(signal[0] + ": nothing left").isEmpty();
        }
    }

    @Test
    void aSignalAfterTheSnapshotIsInPlaceSaysTheSnapshotIsComplete() throws Exception {
        // a dump whose summary is larger than a pipe holds (its KeyProviderVO has 10,000 columns the schema does
        // not know): with stdout not read, the import stops writing its summary, its snapshot in place
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            extra.append(String.format("  `extraColumn%05d` int DEFAULT NULL,%n", i));
        }
        String text = TestDumps.complete(50).replace("CREATE TABLE `KeyProviderVO` (\n", "CREATE TABLE `KeyProviderVO` (\n" + extra);
        Path dump = Files.writeString(dir.resolve("wide.sql"), text);
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path target = folder.resolve("s.sqlite");
        Process p = start(false, ProcessBuilder.Redirect.PIPE, "import", dump.toString(), "--out", target.toString());
        awaitFile(folder, n -> n.equals("s.sqlite"), p);
        signal(p, "TERM");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        assertThat(log(p)).isEqualTo("tpm-console: interrupted after the import completed: the snapshot " + target
                + " is complete\n");
        assertThat(TestSnapshots.listing(folder)).containsExactly("s.sqlite");
        try (SqliteSnapshot s = SqliteSnapshot.open(target, OpenOptions.readOnly())) {
            assertThat(s.layout().isZStack()).isTrue();
        }
        assertThat(TestSnapshots.count(target, "SELECT count(*) FROM VmInstanceEO")).isEqualTo(50);
    }

    // ------------------------------------------------------------------ where it cannot write

    @Test
    void aFolderAsTargetIsOneLineAndChangesNothing() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("taken.sqlite"));
        for (String[] args : List.of(new String[] {"import", completeDump.toString(), "--out", folder.toString(), "--force"},
                new String[] {"demo", "--out", folder.toString(), "--vms", "20"})) {
            Result r = run(args);
            assertThat(r.status()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("tpm-console: Cannot write the snapshot " + folder + ": it is a folder; name"
                    + " the snapshot file to write in it\n");
        }
        assertThat(TestSnapshots.listing(folder)).isEmpty();
        assertThat(TestSnapshots.listing(dir)).containsExactly("taken.sqlite");
    }

    @Test
    void aFolderThatCannotBeWrittenIsOneLineAndChangesNothing() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        try (Unwritable locked = Unwritable.make(folder)) {
            for (String[] args : List.of(new String[] {"import", completeDump.toString(), "--out",
                    folder.resolve("s.sqlite").toString()}, new String[] {"demo", "--out", folder.resolve("d.sqlite").toString(),
                    "--vms", "20"})) {
                Result r = run(locked.prefix, args);
                String target = folder.resolve(args[0].equals("demo") ? "d.sqlite" : "s.sqlite").toString();
                assertThat(r.status()).as(r.err()).isEqualTo(1);
                assertThat(r.err()).isEqualTo("tpm-console: Cannot write the snapshot " + target + ": cannot create a file in "
                        + folder + ": " + locked.reason + "\n");
            }
            assertThat(TestSnapshots.listing(folder)).isEmpty();
        }
    }

    @Test
    void aFullDiskIsOneLineAndLeavesNothing() throws Exception {
        try (SmallDisk full = SmallDisk.mount(dir.resolve("small"), 1 << 20)) {
            Path mount = full.path();
            Result imported = run("import", completeDumpOf(8_000).toString(), "--out", mount.resolve("s.sqlite").toString());
            assertThat(imported.status()).as(imported.err()).isEqualTo(1);
            assertThat(imported.err()).isEqualTo("tpm-console: Cannot write the snapshot " + mount.resolve("s.sqlite")
                    + ": No space left on device\n");
            assertThat(TestSnapshots.listing(mount)).isEmpty();
            Result demo = run("demo", "--out", mount.resolve("d.sqlite").toString(), "--vms", "1000");
            assertThat(demo.status()).as(demo.err()).isEqualTo(1);
            assertThat(demo.err()).isEqualTo("tpm-console: Cannot write the snapshot " + mount.resolve("d.sqlite")
                    + ": No space left on device\n");
            assertThat(TestSnapshots.listing(mount)).isEmpty();
        }
    }

    // ------------------------------------------------------------------ modes

    @Test
    void whatImportAndDemoWriteIsOwnerOnlyWhateverTheUmask() throws Exception {
        Path snapshot = dir.resolve("new/sub/s.sqlite");
        Path demo = dir.resolve("demos/d.sqlite");
        for (String[] args : List.of(new String[] {"import", completeDump.toString(), "--out", snapshot.toString()},
                new String[] {"demo", "--out", demo.toString(), "--vms", "20"})) {
            Process p = start(true, ProcessBuilder.Redirect.DISCARD, args);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(log(p)).isZero();
        }
        for (Path file : List.of(snapshot, demo)) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        for (Path folder : List.of(dir.resolve("new"), dir.resolve("new/sub"), dir.resolve("demos"))) {
            assertThat(Files.getPosixFilePermissions(folder)).as(folder.toString())
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        // the check above means something: under umask 000 a folder is made for everyone otherwise
        Path plain = dir.resolve("plain");
        assertThat(new ProcessBuilder("sh", "-c", "umask 000 && mkdir \"$0\"", plain.toString()).start().waitFor()).isZero();
        assertThat(Files.getPosixFilePermissions(plain)).isEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    // ------------------------------------------------------------------ helpers

    /** An import (a separate JVM) held mid-way: it read half a dump from a named pipe, its partial file exists. */
    record Held(Process process, OutputStream feed, Path partial) implements AutoCloseable {
        @Override
        public void close() {
            try {
                feed.close();
            } catch (IOException brokenPipe) {
                // the reader is gone
            }
        }
    }

    Held hold(Path folder, String snapshot, boolean umask000, ProcessBuilder.Redirect stdout) throws Exception {
        Path fifo = fifo("held-" + folder.getFileName() + ".sql");
        Process p = start(umask000, stdout, "import", fifo.toString(), "--out", folder.resolve(snapshot).toString());
        OutputStream feed = open(fifo, p);
        feed.write(dumpBytes, 0, dumpBytes.length / 2);
        feed.flush();
        return new Held(p, feed, awaitFile(folder, n -> n.endsWith(".partial"), p));
    }

    record Result(int status, String out, String err) {
    }

    /** Runs the console as a separate JVM to its end. */
    Result run(String... args) throws Exception {
        return run(List.of(), args);
    }

    /** Runs the console as a separate JVM to its end, started through {@code prefix} (e.g. setpriv). */
    Result run(List<String> prefix, String... args) throws Exception {
        Process p = start(prefix, false, ProcessBuilder.Redirect.PIPE, args);
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8), log(p));
    }

    private static byte[] readAll(Process p) {
        try {
            return p.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the console as a separate JVM ({@code umask 000} first when asked), its stderr to a file read by
     * {@link #log}. SIGINT and SIGTERM are set to their defaults for it (a shell started in the background would
     * have it ignore SIGINT, and the JVM keeps what it inherits).
     */
    Process start(boolean umask000, ProcessBuilder.Redirect stdout, String... args) throws IOException {
        return start(List.of(), umask000, stdout, args);
    }

    Process start(List<String> prefix, boolean umask000, ProcessBuilder.Redirect stdout, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        if (umask000) {
            cmd.addAll(List.of("sh", "-c", "umask 000 && exec \"$@\"", "sh"));
        }
        if (DEFAULT_SIGNALS) {
            cmd.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        cmd.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), dev.tpmconsole.app.Launcher.class.getName()));
        cmd.addAll(Arrays.asList(args));
        Path logs = Files.createDirectories(shared.resolve("logs"));
        Path err = Files.createTempFile(logs, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(err.toFile()).start();
        LOGS.put(p, err);
        p.getOutputStream().close();
        return p;
    }

    private static final java.util.Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final boolean DEFAULT_SIGNALS = envResetsSignals();

    private static boolean envResetsSignals() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT,TERM", "true").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** What the process wrote on stderr. */
    static String log(Process p) throws IOException {
        return Files.readString(LOGS.get(p), StandardCharsets.UTF_8);
    }

    static void signal(Process p, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    /** Opens the pipe for writing: that waits for the process to open it for reading. */
    static OutputStream open(Path fifo, Process reader) throws Exception {
        CompletableFuture<OutputStream> opened = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newOutputStream(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return opened.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the import did not open " + fifo + "; its stderr: " + log(reader), e);
        }
    }

    /** Waits (on file events, not time) until {@code folder} holds a file whose name passes; fails if the process ends first. */
    static Path awaitFile(Path folder, Predicate<String> name, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            while (true) {
                Optional<Path> found;
                try (var files = Files.list(folder)) {
                    found = files.filter(f -> name.test(f.getFileName().toString())).findFirst();
                }
                if (found.isPresent()) {
                    return found.get();
                }
                assertThat(p.isAlive()).as("the process runs; its stderr: " + log(p)).isTrue();
                assertThat(System.nanoTime()).as("the file appears in time").isLessThan(deadline);
                WatchKey key = watch.poll(1, TimeUnit.SECONDS); // a bound to check the process, not a delay
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    /** A generated dump of {@code vms} VMs, written once. */
    static Path completeDumpOf(int vms) throws IOException {
        Path file = shared.resolve("complete-" + vms + ".sql");
        if (!Files.exists(file)) {
            Files.writeString(file, TestDumps.complete(vms));
        }
        return file;
    }

    /**
     * A folder the console's process cannot write into (its mode r-x), put back however the test ends. Root's
     * processes write anywhere: for root the console is started without the capability to override permissions
     * ({@code setpriv --bounding-set=-dac_override}), as any other user is. {@code reason}: what the system says.
     */
    static final class Unwritable implements AutoCloseable {
        private final Path folder;
        final List<String> prefix;
        final String reason = "Permission denied";

        private Unwritable(Path folder, List<String> prefix) {
            this.folder = folder;
            this.prefix = prefix;
        }

        static Unwritable make(Path folder) throws Exception {
            boolean root = "root".equals(System.getProperty("user.name"));
            Unwritable u = new Unwritable(folder, root ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")
                    : List.of());
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            List<String> probe = new ArrayList<>(u.prefix);
            probe.addAll(List.of("sh", "-c", "touch \"$0\"", folder.resolve("probe").toString()));
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() == 0) {
                Files.deleteIfExists(folder.resolve("probe"));
                u.close();
                Requirements.unavailable("cannot make a folder unwritable for " + (root ? "root's processes (setpriv)" : "this user"));
            } else if (!out.contains(u.reason)) {
                u.close();
                Requirements.unavailable("cannot make a folder unwritable as the test needs: " + out);
            }
            return u;
        }

        @Override
        public void close() throws IOException {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
