package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.testing.DumpMutants;
import dev.tpmconsole.model.testing.MariaDbTestDatabase;
import dev.tpmconsole.model.testing.TestDumps;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The import's fuzz suite: mutants of real dumps ({@link DumpMutants}: cut, bytes flipped, lines of megabytes,
 * invalid UTF-8, broken gzip) must each end with exit 0 or 1 (one line on stderr, never a stack trace, never
 * another status) within {@link #BOUND_SECONDS}, and leave nothing behind when they exit 1 (no snapshot, no
 * partial file). Most run in this JVM through the command line the jar runs ({@code import} under picocli,
 * exception handler included); every {@code COUNT / PROCESSES}-th runs as {@code java -jar tpm-console.jar}.
 *
 * <p>{@code -Dtpm.fuzz.count=N} (default 200), {@code -Dtpm.fuzz.seed=S} (default fixed, so that {@code mvn
 * verify} is reproducible; {@code faults/import-fuzz.sh} picks a new one), {@code -Dtpm.fuzz.processes=P}
 * (default 5), {@code -Dtpm.fuzz.only=I} (one mutant, to reproduce a failure), {@code -Dtpm.fuzz.verbose=true}
 * (each mutant's outcome).
 */
class ImportFuzzIT {

    static final int COUNT = Integer.getInteger("tpm.fuzz.count", 200);
    static final long SEED = Long.getLong("tpm.fuzz.seed", 20261120L);
    static final int PROCESSES = Integer.getInteger("tpm.fuzz.processes", 5);
    static final int ONLY = Integer.getInteger("tpm.fuzz.only", -1);
    static final boolean VERBOSE = Boolean.getBoolean("tpm.fuzz.verbose");
    /** Seconds a mutant of a few MB may take (the import itself; a process gets its JVM's start on top). */
    static final int BOUND_SECONDS = 10;

    @TempDir
    Path dir;

    @Test
    void everyMutantEndsWithZeroOrOneInBoundedTimeAndLeavesNothingWhenRefused() throws Exception {
        Map<String, byte[]> seeds = seeds();
        DumpMutants mutants = new DumpMutants(seeds, SEED);
        int every = Math.max(1, COUNT / Math.max(1, PROCESSES));
        List<String> failures = new ArrayList<>();
        int[] exits = new int[2];
        double slowest = 0;
        String slowestMutant = "";
        long started = System.nanoTime();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz import");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = ONLY >= 0 ? ONLY : 0; i < (ONLY >= 0 ? ONLY + 1 : COUNT); i++) {
                DumpMutants.Mutant m = mutants.mutant(i);
                Path folder = Files.createDirectory(dir.resolve("m" + i));
                Path dump = Files.write(folder.resolve(m.fileName()), m.bytes());
                Path out = folder.resolve("out.sqlite");
                boolean process = i % every == every - 1;
                long t0 = System.nanoTime();
                ConsoleProcess.Result r;
                try {
                    r = process ? jar(dump, out) : inProcess(pool, dump, out);
                } catch (TimeoutException e) {
                    failures.add(m + (process ? " through the jar" : "") + ": still running after " + BOUND_SECONDS + " s");
                    break; // the stuck import would slow every next one down
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (seconds > slowest) {
                    slowest = seconds;
                    slowestMutant = m.toString();
                }
                if (VERBOSE) {
                    System.out.printf("%s: exit %d in %.2f s %s%n", m, r.status(), seconds, abbreviate(r.err()));
                }
                String problem = check(r, folder, dump, out);
                if (problem != null) {
                    failures.add(m + (process ? " through the jar" : "") + ": " + problem);
                } else {
                    exits[r.status()]++;
                    deleteFolder(folder);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        String summary = String.format("import fuzz: seed %d, %d mutants of %d seed dumps (%d through the jar): %d exit 0,"
                        + " %d exit 1, %d failed; %.1f s in all, slowest %.2f s (%s)", SEED,
                ONLY >= 0 ? 1 : COUNT, seeds.size(), ONLY >= 0 ? 0 : COUNT / every, exits[0], exits[1], failures.size(),
                (System.nanoTime() - started) / 1e9, slowest, slowestMutant);
        System.out.println(summary);
        assertThat(failures).as(summary + "; rerun one with -Dtpm.fuzz.seed=" + SEED + " -Dtpm.fuzz.only=INDEX").isEmpty();
    }

    /** What is wrong with the outcome of one mutant, or null. */
    static String check(ConsoleProcess.Result r, Path folder, Path dump, Path out) throws Exception {
        String stderr = r.err();
        if (r.status() != 0 && r.status() != 1) {
            return "exit " + r.status() + ", stderr: " + abbreviate(stderr);
        }
        if (stderr.contains("\tat ") || stderr.contains("Exception")) {
            return "a stack trace or exception on stderr: " + abbreviate(stderr);
        }
        List<String> left = TestSnapshots.listing(folder);
        if (r.status() == 1) {
            if (!stderr.startsWith("tpm-console: ") || stderr.indexOf('\n') != stderr.length() - 1) {
                return "exit 1 without one line on stderr: " + abbreviate(stderr);
            }
            if (stderr.length() > 1000) {
                return "exit 1 with a message of " + stderr.length() + " characters: " + abbreviate(stderr);
            }
            if (!left.equals(List.of(dump.getFileName().toString()))) {
                return "exit 1 (" + abbreviate(stderr) + ") left files behind: " + left;
            }
        } else {
            if (!left.equals(List.of(dump.getFileName().toString(), out.getFileName().toString()).stream().sorted().toList())) {
                return "exit 0 but the folder holds " + left;
            }
            if (!r.out().startsWith("Imported " + out)) {
                return "exit 0 without the summary: " + abbreviate(r.out());
            }
        }
        return null;
    }

    static ConsoleProcess.Result inProcess(ExecutorService pool, Path dump, Path out) throws Exception {
        Future<ConsoleProcess.Result> f = pool.submit(() -> Faults.console("import", dump.toString(), "--out",
                out.toString(), "--quiet"));
        try {
            return f.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
    }

    static ConsoleProcess.Result jar(Path dump, Path out) throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                Path.of("target", "tpm-console.jar").toString(), "import", dump.toString(), "--out", out.toString())
                .redirectOutput(dump.resolveSibling("stdout.txt").toFile())
                .redirectError(dump.resolveSibling("stderr.txt").toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(BOUND_SECONDS + 20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new TimeoutException();
        }
        String stdout = Files.readString(dump.resolveSibling("stdout.txt"), StandardCharsets.UTF_8);
        String stderr = Files.readString(dump.resolveSibling("stderr.txt"), StandardCharsets.UTF_8);
        Files.delete(dump.resolveSibling("stdout.txt"));
        Files.delete(dump.resolveSibling("stderr.txt"));
        return new ConsoleProcess.Result(p.exitValue(), stdout, stderr);
    }

    /** Deletes a folder of files (a mutant's, once it passed, so that the disk does not fill up). */
    static void deleteFolder(Path folder) throws java.io.IOException {
        for (String name : TestSnapshots.listing(folder)) {
            Files.delete(folder.resolve(name));
        }
        Files.delete(folder);
    }

    static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 600 ? one.substring(0, 600) + "…" : one;
    }

    /**
     * The seed dumps: the project's generated dump, and this machine's real mysqldump of the demo cloud in its
     * main forms (extended INSERTs, --hex-blob, one row per INSERT with column lists, --compact). Without MariaDB
     * the generated dump alone is used (under CI=true, MariaDbTestDatabase fails instead).
     */
    Map<String, byte[]> seeds() throws Exception {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("TestDumps.complete(2000)", TestDumps.complete(2000).getBytes(StandardCharsets.UTF_8));
        MariaDbTestDatabase db;
        try {
            db = MariaDbTestDatabase.create(false);
        } catch (TestAbortedException e) {
            System.err.println("SKIPPED: the mysqldump seeds (" + e.getMessage() + "); fuzzing the generated dump only");
            return seeds;
        }
        try (db) {
            db.load(sink -> DemoGenerator.generate(new DemoOptions(300, 17), sink));
            Path seedDir = Files.createDirectories(dir.resolve("seeds"));
            String[][] forms = {{}, {"--hex-blob"}, {"--skip-extended-insert", "--complete-insert"}, {"--compact"}};
            for (String[] form : forms) {
                String name = "mysqldump" + (form.length == 0 ? "" : " " + String.join(" ", form));
                seeds.put(name, Files.readAllBytes(db.dump(seedDir.resolve("seed-" + seeds.size() + ".sql"), form)));
            }
            deleteFolder(seedDir);
        }
        return seeds;
    }
}
