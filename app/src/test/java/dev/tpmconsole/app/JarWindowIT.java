package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.tpmconsole.model.testing.Requirements;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/tpm-console.jar} with no command, on a real X server (Xvfb): the window runs in a second
 * JVM with the app image's options, which makes its class data sharing archive and uses it from the next start on,
 * and ends with the process the person started, by a signal or a kill (decision 0029).
 */
class JarWindowIT {

    static final Path JAR = Path.of("target", "tpm-console.jar").toAbsolutePath();
    static final Duration WINDOW = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    Process xvfb;
    String display;

    @BeforeEach
    void startXvfb() throws Exception {
        Path x = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d, "Xvfb"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (x == null) {
            Requirements.unavailable("Xvfb missing (apt-get install xvfb; .ci/run installs it): java -jar's window is"
                    + " not tested");
        }
        Path log = dir.resolve("xvfb.log");
        // -displayfd: Xvfb picks a free display and prints its number, so parallel runs do not collide
        xvfb = new ProcessBuilder(x.toString(), "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).completeOnTimeout(null, 30, TimeUnit.SECONDS).get();
        if (line == null || line.isBlank()) {
            fail("Xvfb did not start: " + Files.readString(log));
        }
        display = ":" + line.strip();
    }

    @AfterEach
    void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code java [jvm] -jar tpm-console.jar}, with this test's folders and display; output into files. */
    Process start(String name, String... jvm) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        // JavaFX, loaded from the class path, extracts its natives under user.home: the test's, not the real one
        command.add("-Duser.home=" + dir.resolve("home"));
        command.addAll(List.of(jvm));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        Map<String, String> env = builder.environment();
        for (String v : List.of("WAYLAND_DISPLAY", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "JAVA_TOOL_OPTIONS",
                "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            env.remove(v);
        }
        env.put("DISPLAY", display);
        env.put("TPM_CONSOLE_DATA", dir.resolve("data").toString());
        env.put("TPM_CONSOLE_CONFIG", dir.resolve("config").toString());
        return builder.start();
    }

    /** The window's JVM: the child of {@code console} that names it as its parent. */
    ProcessHandle window(Process console) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = console.children().filter(c -> arguments(c)
                    .contains("-Dtpmconsole.parent=" + console.pid())).findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            if (!console.isAlive()) {
                fail("the console ended (" + console.exitValue() + ") without starting its window");
            }
            Thread.sleep(100);
        }
        return fail("no window JVM started by " + console.pid() + ": " + console.children().map(JarWindowIT::arguments)
                .toList());
    }

    static List<String> arguments(ProcessHandle p) {
        return p.info().arguments().map(List::of).orElse(List.of());
    }

    /** Waits for a line of the event log holding {@code text}. */
    String awaitEvent(String text, Duration time) throws Exception {
        Path log = dir.resolve("data").resolve("events.log");
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Optional<String> line = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.contains(text)).reduce((a, b) -> b);
                if (line.isPresent()) {
                    return line.get();
                }
            }
            Thread.sleep(200);
        }
        return fail("no event '" + text + "' within " + time.toSeconds() + " s: "
                + (Files.exists(log) ? Files.readString(log) : "no event log"));
    }

    Path cds() {
        return dir.resolve("data").resolve("cds");
    }

    Optional<Path> archive() throws IOException {
        if (!Files.isDirectory(cds())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(cds())) {
            return files.filter(f -> f.getFileName().toString().matches("tpm-console-[0-9a-f]{8}-[0-9a-f]{8}\\.jsa"))
                    .findFirst();
        }
    }

    @Test
    void theWindowRunsInATunedJvmThatMakesItsArchiveAndEndsWithTheFirstProcess() throws Exception {
        Process console = start("first", "-Xmx700m");
        ProcessHandle window;
        try {
            window = window(console);
            List<String> args = arguments(window);
            assertThat(args).as("the launcher's options, then the person's").containsSubsequence(
                    "-XX:TieredStopAtLevel=1", "-XX:MaxGCPauseMillis=40", "-XX:MaxTenuringThreshold=1",
                    "-XX:+ExplicitGCInvokesConcurrent", "-Dtpmconsole.parent=" + console.pid(),
                    "-Duser.home=" + dir.resolve("home"), "-Xmx700m", "-jar", JAR.toString());
            assertThat(args).as("no archive yet").noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
            awaitEvent("demo.sqlite:", WINDOW);
            // and there, the young collection while the window is idle (decision 0045)
            String threads = Jcmd.run(window.pid(), "Thread.print");
            assertThat(threads).as(threads).contains("\"tpm-console idle collection\"");
            // the first start makes the archive, in a process of its own at the lowest priority
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (archive().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(archive()).as("the archive made while the window shows; " + cds() + ": "
                    + (Files.isDirectory(cds()) ? Files.list(cds()).toList() : "none")).isPresent();
        } finally {
            console.destroy(); // SIGTERM to the first process
        }
        assertThat(console.waitFor(30, TimeUnit.SECONDS)).as("the first process ends on SIGTERM").isTrue();
        assertThat(console.exitValue()).as("the window's status for SIGTERM").isEqualTo(143);
        assertThat(window.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the window's JVM ended too").isFalse();
        assertThat(awaitEvent("asked to end by SIGTERM", Duration.ofSeconds(5))).isNotNull();
        assertThat(awaitEvent("TPM Console quit", Duration.ofSeconds(5))).as("as File > Quit does").isNotNull();
        assertThat(Files.readString(dir.resolve("first.err"))).as("stderr").doesNotContain("Exception");

        // the archive maps for this jar and JVM (sharing required: the JVM fails where it cannot)
        Path made = archive().orElseThrow();
        Process check = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xshare:on",
                "-XX:SharedArchiveFile=" + made, "-jar", JAR.toString(), "--version").redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(checked).isZero();

        // the next start maps it; killed outright, the first process leaves no window behind
        Files.delete(dir.resolve("data").resolve("events.log")); // the events below are the next window's
        Process again = start("again");
        ProcessHandle second;
        try {
            second = window(again);
            assertThat(arguments(second)).contains("-XX:SharedArchiveFile=" + made);
            awaitEvent("demo.sqlite:", WINDOW);
        } finally {
            again.destroyForcibly(); // SIGKILL
        }
        assertThat(again.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("the window ended with its parent")
                .isFalse();
        assertThat(awaitEvent("The process " + again.pid() + " that started", Duration.ofSeconds(5))).isNotNull();
        assertThat(Files.readString(dir.resolve("again.err"))).as("stderr").doesNotContain("Exception");

        // a terminal's Ctrl-C reaches both: the window quits as on its own SIGINT, not cut short by a second signal
        Files.delete(dir.resolve("data").resolve("events.log"));
        Process third = start("third");
        ProcessHandle window3 = window(third);
        awaitEvent("demo.sqlite:", WINDOW);
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(third.pid()), String.valueOf(window3.pid()))
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(third.waitFor(30, TimeUnit.SECONDS)).as("ends on the terminal's SIGINT").isTrue();
        assertThat(third.exitValue()).as("the window's status for SIGINT").isEqualTo(130);
        assertThat(awaitEvent("asked to end by SIGINT", Duration.ofSeconds(5))).isNotNull();
        assertThat(awaitEvent("TPM Console quit", Duration.ofSeconds(5))).as("as File > Quit does").isNotNull();
    }

    /** With a debugger's agent on the command line, the window stays in the JVM it was given to. */
    @Test
    void withADebuggerTheWindowStaysInTheFirstJvm() throws Exception {
        Process console = start("debugged",
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0");
        try {
            awaitEvent("demo.sqlite:", WINDOW);
            assertThat(console.children().filter(c -> arguments(c).stream().anyMatch(a -> a.startsWith("-Dtpmconsole")))
                    .toList()).as("no second JVM").isEmpty();
        } finally {
            console.destroy();
        }
        assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(console.exitValue()).isEqualTo(143);
    }
}
