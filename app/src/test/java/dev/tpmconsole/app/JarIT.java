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

    static Result java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
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
}
