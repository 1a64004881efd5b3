package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/tpm-console.jar audit ...}: the audit runs in a second JVM with the app image's options and
 * the archive the window made, and the process the person started stays its handle: its report and exit status are
 * the audit's, a SIGTERM to it ends the audit, and killed outright it leaves no audit behind (decision 0034).
 */
class JarAuditIT {

    static final Path JAR = Path.of("target", "tpm-console.jar").toAbsolutePath();
    static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dir;
    /** Every process a test started, and their children: none outlives the test, whatever it failed on. */
    final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void endWhatWasStarted() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** {@code java [jvm] -jar tpm-console.jar args}, its data and config folders this test's, output into files. */
    Process start(String name, List<String> jvm, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvm);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        for (String v : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            builder.environment().remove(v);
        }
        builder.environment().put("TPM_CONSOLE_DATA", dir.resolve("data").toString());
        builder.environment().put("TPM_CONSOLE_CONFIG", dir.resolve("config").toString());
        builder.environment().put("TPM_CONSOLE_DB_PASSWORD", "not-asked");
        Process p = builder.start();
        started.add(p.toHandle());
        return p;
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    /** The second JVM: the child of {@code first} that names it as its parent. */
    static Optional<ProcessHandle> second(Process first) {
        return first.children().filter(c -> JarWindowIT.arguments(c).contains("-Dtpmconsole.parent=" + first.pid()))
                .findFirst();
    }

    /** Where the window's archive of this jar and JVM would be, in this test's data folder. */
    Path archive() {
        return JarClassArchive.of(dir.resolve("data"), JAR, JAVA).archive();
    }

    @Test
    void theAuditsReportAndStatusAreThoseOfTheAuditInOneJvm() throws Exception {
        Path snapshot = dir.resolve("demo.sqlite");
        Process demo = start("demo", List.of("-Xmx512m"), "demo", "--out", snapshot.toString(), "--vms", "300");
        assertThat(demo.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(demo.exitValue()).as(read("demo.err")).isZero();
        // an archive this JVM cannot map (a JVM updated in place, a file cut short): the audit starts without it. The
        // relaunch marks the archive used (its time), which tells that the second JVM ran
        Files.createDirectories(archive().getParent());
        Files.write(archive(), new byte[] {'n', 'o', 't', ' ', 'a', 'n', ' ', 'a', 'r', 'c', 'h', 'i', 'v', 'e'});
        FileTime longAgo = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(archive(), longAgo);
        String[] audit = {"audit", snapshot.toString(), "--format", "json", "--no-catalogue"};
        Process alone = start("alone", List.of("-Xmx256m", "-Dtpmconsole.relaunch=false"), audit);
        assertThat(alone.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.getLastModifiedTime(archive())).as("one JVM: no archive asked for").isEqualTo(longAgo);
        Process tuned = start("tuned", List.of("-Xmx256m"), audit);
        assertThat(tuned.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.getLastModifiedTime(archive())).as("the second JVM was given the archive")
                .isGreaterThan(longAgo);
        assertThat(alone.exitValue()).as("the demo has findings: " + read("alone.err")).isEqualTo(3);
        assertThat(tuned.exitValue()).as(read("tuned.err")).isEqualTo(3);
        assertThat(read("alone.out")).contains("\"KEY_REF_ORPHANED\"");
        assertThat(read("tuned.out")).as("the same report, byte for byte").isEqualTo(read("alone.out"));
        assertThat(read("tuned.err")).as("stderr").isEmpty();

        // its help and version are printed where they are asked for; a usage error's status is the audit's
        Process help = start("help", List.of(), "audit", "--help");
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(read("help.out")).contains("Usage: tpm-console audit");
        Process usage = start("usage", List.of(), "audit", snapshot.toString(), "--format", "yaml");
        assertThat(usage.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(usage.exitValue()).as(read("usage.err")).isEqualTo(2);
    }

    /**
     * A live audit held up by a database that never answers (a socket on a loopback address that accepts and says
     * nothing): the second JVM is there, with the launcher's options and the archive; a SIGTERM to the first process
     * ends both with SIGTERM's status, and a SIGKILL of the first ends the second too.
     */
    @Test
    void theSecondJvmEndsWithTheFirstProcess() throws Exception {
        Path made = archive();
        Files.createDirectories(made.getParent());
        Files.write(made, new byte[] {0});
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            // the driver waits this long for the database's greeting: longer than the waits below
            String url = "jdbc:mariadb://127.0.0.1:" + silent.getLocalPort()
                    + "/zstack?user=root&connectTimeout=120000";
            for (String how : List.of("TERM", "KILL")) {
                CompletableFuture<Socket> reached = CompletableFuture.supplyAsync(() -> {
                    try {
                        return silent.accept();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                Process first = start(how, List.of("-Xmx256m"), "audit", url, "--no-catalogue", "--format", "json");
                try (Socket held = reached.get(90, TimeUnit.SECONDS)) {
                    ProcessHandle second = second(first).orElseGet(() -> fail("no second JVM: " + first.children()
                            .map(JarWindowIT::arguments).toList()));
                    started.add(second); // no longer the first's child once that has ended
                    assertThat(JarWindowIT.arguments(second))
                            .as("the launcher's options, the archive, then the person's")
                            .containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:MaxGCPauseMillis=40",
                                    "-XX:MaxTenuringThreshold=1", "-XX:SharedArchiveFile=" + made,
                                    "-Dtpmconsole.parent=" + first.pid(), "-Xmx256m", "-jar", JAR.toString(), "audit",
                                    url);
                    if (how.equals("TERM")) {
                        // passed on by the first process, or by its shutdown hook: either way the audit ends with it
                        first.destroy();
                        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("ends on SIGTERM").isTrue();
                        assertThat(first.exitValue()).as("the audit's status for SIGTERM").isEqualTo(143);
                    } else {
                        first.destroyForcibly();
                        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
                    }
                    // the audit's JVM has ended when the socket it held is closed: whether or not anything reaps it
                    held.setSoTimeout(30_000);
                    assertThat(held.getInputStream().read()).as("the audit's JVM ended with the first process (SIG"
                            + how + ")").isEqualTo(-1);
                }
                assertThat(read(how + ".out")).as("no report of an audit that was stopped").isEmpty();
            }
        }
    }
}
