package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, run as a user runs it: {@code java -jar app/target/tpm-console.jar ...}. */
class JarIT {

    static final Path JAR = Path.of("target", "tpm-console.jar");

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    Result java(String... args) throws IOException, InterruptedException {
        return java(List.of(), args);
    }

    /** The jar run with these JVM options, its data and config folders in this test's folder (not the home's). */
    Result java(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TPM_CONSOLE_DATA", dir.resolve("data").toString());
        pb.environment().put("TPM_CONSOLE_CONFIG", dir.resolve("config").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpWorks() throws Exception {
        Result r = java("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: tpm-console", "demo", "info", "gui");
    }

    @Test
    void demoThenInfo() throws Exception {
        Path snapshot = dir.resolve("demo.sqlite");
        Result demo = java("demo", "--out", snapshot.toString(), "--vms", "200");
        assertThat(demo.status()).as(demo.err()).isZero();
        assertThat(demo.err()).as("no library chatter").isEmpty();
        Result info = java("info", snapshot.toString(), "--format", "json");
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"backupOwnerColumn\" : \"resourceUuid\"");
        assertThat(info.err()).isEmpty();
        // what to run next names the jar, as it was started (relative to the module, where this runs)
        Result repair = java("repair", snapshot.toString(), "--no-catalogue", "--out", dir.resolve("r.json").toString());
        assertThat(repair.status()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("Read it, then apply it with: java -jar target/tpm-console.jar apply "
                + snapshot + " " + dir.resolve("r.json"));
        Result bad = java("info", Files.writeString(dir.resolve("x.sqlite"), "nope").toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err().strip()).isEqualTo("tpm-console: " + dir.resolve("x.sqlite")
                + " is not an SQLite database: it does not start with the SQLite header");
    }

    /**
     * SQLite's native library is copied once into the data folder and loaded from there: nothing is copied into the
     * temporary folder (where sqlite-jdbc copies it on every start by itself); a copy that cannot be loaded leaves the
     * driver to copy its own, as before, instead of failing the command.
     */
    @Test
    void sqlitesLibraryIsLoadedFromItsCopyInTheDataFolder() throws Exception {
        Path snapshot = dir.resolve("demo.sqlite");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp);
        assertThat(java(jvm, "demo", "--out", snapshot.toString(), "--vms", "20").status()).isZero();
        Path native_ = dir.resolve("data/native");
        List<Path> copies;
        try (var files = Files.walk(native_)) {
            copies = files.filter(f -> f.getFileName().toString().contains("sqlitejdbc")).toList();
        }
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).getParent().getFileName().toString()).startsWith("sqlite-jdbc-3.");
        assertThat(Files.size(copies.get(0))).isGreaterThan(100_000);
        var made = Files.getLastModifiedTime(copies.get(0));
        Result info = java(jvm, "info", snapshot.toString());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(Files.getLastModifiedTime(copies.get(0))).as("loaded, not copied again").isEqualTo(made);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing copied by the driver")
                    .noneMatch(n -> n.contains("sqlitejdbc"));
        }
        // a copy that cannot be loaded: the driver copies its own, as it does by itself, and the command works
        Files.write(copies.get(0), new byte[] {0x7f, 'E', 'L', 'F'});
        Result again = java(jvm, "info", snapshot.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("VmInstanceEO");
    }
}
