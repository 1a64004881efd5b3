package dev.tpmconsole.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app image that the build of this module made (installer/target/jpackage/tpm-console), run as a person
 * runs the installed console: its launcher, with commands and their exit codes, and the window on the demo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppImageIT {

    static final Path IMAGE = Path.of(System.getProperty("tpm.installer.dir", "target/jpackage"), "tpm-console");
    static final Path LAUNCHER = IMAGE.resolve("bin").resolve("tpm-console");
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    /** The launcher's HOME, data and config folders: nothing of the person running the tests is touched. */
    Path home;
    Path snapshot;

    record Result(int status, String out, String err) {
    }

    @BeforeAll
    void demoSnapshot() throws Exception {
        assertThat(LAUNCHER).as("the app image's launcher (built at pre-integration-test)").isExecutable();
        home = Files.createDirectories(dir.resolve("home"));
        // a space in the path: the launcher must hand each argument over as it is
        snapshot = Files.createDirectories(dir.resolve("snap shots")).resolve("demo 1.sqlite");
        Result demo = run(Map.of(), "demo", "--out", snapshot.toString(), "--vms", "200");
        assertThat(demo.status()).as(demo.err()).isZero();
        assertThat(demo.out()).startsWith("Wrote " + snapshot + ": ");
        assertThat(demo.err()).as("nothing on stderr").isEmpty();
        assertThat(snapshot).isRegularFile();
    }

    @Test
    void runtimeHoldsTheListedModulesAndJavaFxWithItsNativeLibraries() throws IOException {
        Path runtime = IMAGE.resolve("lib").resolve("runtime");
        String release = Files.readString(runtime.resolve("release"));
        List<String> modules = Arrays.asList(release.replaceAll("(?s).*MODULES=\"([^\"]*)\".*", "$1").split(" "));
        List<String> listed = Files.readAllLines(Path.of("src/jpackage/runtime-modules.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(modules).containsAll(listed).contains("javafx.base", "javafx.graphics", "javafx.controls")
                .as("a trimmed runtime, not the whole JDK").doesNotContain("jdk.compiler", "java.scripting", "jdk.jshell");
        assertThat(runtime.resolve("lib")).as("JavaFX's natives in the runtime, not extracted at start")
                .isDirectoryContaining("glob:**/libglass.so").isDirectoryContaining("glob:**/libglassgtk3.so")
                .isDirectoryContaining("glob:**/libprism_es2.so");
        assertThat(runtime.resolve("lib/server/classes.jsa")).as("the CDS archive of the runtime").isRegularFile();
        assertThat(runtime.resolve("include")).as("--no-header-files").doesNotExist();
        assertThat(runtime.resolve("man")).as("--no-man-pages").doesNotExist();
        try (Stream<Path> app = Files.list(IMAGE.resolve("lib/app"))) {
            List<String> names = app.map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("the class path: the app's jars without JavaFX, which is in the runtime")
                    .contains("tpm-console.cfg", "native").anyMatch(n -> n.startsWith("tpm-console-app-"))
                    .noneMatch(n -> n.startsWith("javafx-"));
        }
    }

    /**
     * The image's class data sharing archive fits its runtime and class path: with sharing required (-Xshare:on) the
     * launcher starts, which the JVM refuses when the archive is missing or was made for other jars or paths; and
     * the console's own classes come from it.
     */
    @Test
    void theClassDataSharingArchiveFitsTheImage() throws Exception {
        Path log = dir.resolve("class-load.txt");
        Result version = run(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load:file=" + log), "--version");
        assertThat(version.status()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("TPM Console ");
        assertThat(Files.readAllLines(log)).filteredOn(l -> l.contains(" dev.tpmconsole.app.TpmConsoleCommand "))
                .singleElement().asString().contains("source: shared objects file");
    }

    /**
     * The launcher's JVM compiles with the quick compiler only (decision 0022): the option is in its options and the
     * JVM took it, from the launcher and not from the environment.
     */
    @Test
    void theLauncherCompilesWithTheQuickCompilerOnly() throws Exception {
        assertTheLauncherSets("intx", "TieredStopAtLevel", "1");
    }

    /**
     * The launcher's JVM gives its collector a pause goal of 40 ms (decision 0025), from the launcher's options and
     * not from the environment.
     */
    @Test
    void theLauncherAsksTheCollectorForShortPauses() throws Exception {
        assertTheLauncherSets("uintx", "MaxGCPauseMillis", "40");
    }

    /** What survives a young collection is promoted at the next (decision 0038): the launcher sets the threshold. */
    @Test
    void theLauncherPromotesWhatSurvivesAYoungCollection() throws Exception {
        assertTheLauncherSets("uintx", "MaxTenuringThreshold", "1");
    }

    /**
     * The launcher's JVM makes an explicit collection a young one that starts a concurrent cycle (decision 0045), for
     * the window's collection while it is idle: without the option it would be a full collection.
     */
    @Test
    void theLauncherMakesAnAskedForCollectionAYoungOne() throws Exception {
        assertTheLauncherSets("-XX:+ExplicitGCInvokesConcurrent", "bool", "ExplicitGCInvokesConcurrent", "true");
    }

    /**
     * The launcher's JVM keeps its heap in transparent huge pages where the kernel has them (decision 0028), from the
     * launcher's options and not from the environment; on a kernel without them (here: a copy of the launcher whose
     * test looks at a folder that is not there) the launcher leaves the option out, and the JVM says nothing about it.
     */
    @Test
    void theLauncherAsksForHugePagesWhereTheKernelHasThem() throws Exception {
        String thp = "/sys/kernel/mm/transparent_hugepage/enabled";
        String script = Files.readString(LAUNCHER, StandardCharsets.UTF_8);
        assertThat(script).contains("[ -r " + thp + " ]");
        if (Files.isReadable(Path.of(thp))) {
            assertTheLauncherSets("-XX:+UseTransparentHugePages", "bool", "UseTransparentHugePages", "true");
        }
        Path without = Files.createDirectories(dir.resolve("kernel-without-thp").resolve("bin"));
        Files.createSymbolicLink(without.getParent().resolve("lib"), IMAGE.resolve("lib").toAbsolutePath());
        Path copy = without.resolve("tpm-console");
        Files.writeString(copy, script.replace(thp, dir.resolve("missing").resolve("enabled").toString()));
        assertThat(copy.toFile().setExecutable(true)).isTrue();
        Result flags = run(copy, Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"), "--version");
        assertThat(flags.status()).as(flags.err()).isZero();
        assertThat(flags.err()).doesNotContain("UseTransparentHugePages").doesNotContain("arning");
        assertThat(flags.out().lines().filter(l -> l.matches("\\s*bool UseTransparentHugePages\\s.*")))
                .singleElement().asString()
                .matches("\\s*bool UseTransparentHugePages\\s+= false\\s+\\{.*\\} \\{default\\}");
    }

    /**
     * On a machine of at most two processors the launcher's JVM compiles with one thread (decision 0031); on a larger
     * one (here: a copy of the launcher told of eight) it leaves the count to the JVM.
     */
    @Test
    void theLauncherGivesOneCompilerThreadOnTwoProcessors() throws Exception {
        String script = Files.readString(LAUNCHER, StandardCharsets.UTF_8);
        String count = "getconf _NPROCESSORS_ONLN";
        assertThat(script).contains(count);
        if (Runtime.getRuntime().availableProcessors() <= 2) {
            assertTheLauncherSets("intx", "CICompilerCount", "1");
        }
        Path larger = Files.createDirectories(dir.resolve("eight-processors").resolve("bin"));
        Files.createSymbolicLink(larger.getParent().resolve("lib"), IMAGE.resolve("lib").toAbsolutePath());
        Path copy = larger.resolve("tpm-console");
        Files.writeString(copy, script.replace(count, "echo 8"));
        assertThat(copy.toFile().setExecutable(true)).isTrue();
        Result flags = run(copy, Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"), "--version");
        assertThat(flags.status()).as(flags.err()).isZero();
        assertThat(flags.out().lines().filter(l -> l.matches("\\s*intx CICompilerCount\\s.*")))
                .singleElement().asString().doesNotContain("{command line}");
    }

    /**
     * The launcher's options hold {@code -XX:FLAG=VALUE}, and its JVM has the flag (of HotSpot's {@code type}) at that
     * value from the command line, not from the environment.
     */
    private void assertTheLauncherSets(String type, String flag, String value) throws Exception {
        assertTheLauncherSets("-XX:" + flag + "=" + value, type, flag, value);
    }

    /** The launcher's options hold {@code option}, and its JVM has the flag at that value from the command line. */
    private void assertTheLauncherSets(String option, String type, String flag, String value) throws Exception {
        assertThat(Files.readAllLines(IMAGE.resolve("lib/app/tpm-console.cfg"))).contains("java-options=" + option);
        Result flags = run(Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"), "--version");
        assertThat(flags.status()).as(flags.err()).isZero();
        assertThat(flags.out().lines().filter(l -> l.matches("\\s*" + type + " " + flag + "\\s.*")))
                .singleElement().asString()
                .matches("\\s*" + type + " " + flag + "\\s+= " + value + "\\s+\\{.*\\} \\{command line\\}");
    }

    /**
     * The launcher starts the console without asking a package manager which package owns it (decision 0027):
     * jpackage's native launcher ran {@code rpm -qf} and {@code dpkg -S} at every start. Here both come first on the
     * PATH and write down that they ran. The launcher tells the console where it is ({@code jpackage.app-path}, as the
     * native one did), links resolved, when it is started through a link (as /usr/bin/tpm-console is).
     */
    @Test
    void theLauncherAsksNoPackageManagerAndSaysWhereItIs() throws Exception {
        Path fakes = Files.createDirectories(dir.resolve("fake bin"));
        Path called = dir.resolve("package-manager-called");
        for (String tool : List.of("rpm", "dpkg", "dpkg-query")) {
            Path fake = fakes.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho \"$0 $*\" >> '" + called + "'\nexit 1\n");
            Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path link = Files.createDirectories(dir.resolve("link bin")).resolve("tpm-console");
        Files.createSymbolicLink(link, LAUNCHER.toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(link.toString(), "--version").redirectErrorStream(true);
        environment(builder, Map.of("PATH", fakes + java.io.File.pathSeparator + System.getenv("PATH"),
                "JDK_JAVA_OPTIONS", "-XshowSettings:properties"));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("TPM Console ")
                .contains("jpackage.app-path = " + LAUNCHER.toAbsolutePath().toRealPath());
        assertThat(called).as("a package manager was asked").doesNotExist();
    }

    @Test
    void commandsGetTheirArgumentsAndReturnTheirExitCodes() throws Exception {
        Result version = run(Map.of(), "--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("TPM Console " + System.getProperty("tpm.project.version", ""))
                .doesNotContain("development build");

        Result info = run(Map.of(), "info", snapshot.toString(), "--format", "json");
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"backupOwnerColumn\" : \"resourceUuid\"");
        assertThat(info.err()).isEmpty();

        Result audit = run(Map.of(), "audit", snapshot.toString(), "--format", "json");
        assertThat(audit.status()).as("exit 3: findings; " + audit.err()).isEqualTo(3);
        Map<?, ?> report = (Map<?, ?>) json(audit.out());
        assertThat(report.get("source")).isEqualTo(snapshot.toString());
        List<?> findings = (List<?>) report.get("findings");
        assertThat(findings).isNotEmpty();
        assertThat(findings.stream().map(f -> String.valueOf(((Map<?, ?>) f).get("rule"))).toList())
                .contains("KEY_REF_ORPHANED", "TPM_WITHOUT_VM");

        Path bad = Files.writeString(dir.resolve("not a snapshot.sqlite"), "nope");
        Result refused = run(Map.of(), "info", bad.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("tpm-console: " + bad
                + " is not an SQLite database: it does not start with the SQLite header");

        Result usage = run(Map.of(), "audit", snapshot.toString(), "--no-such-option");
        assertThat(usage.status()).as("exit 2: usage error").isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void sqliteLoadsItsLibraryFromTheImageWithoutWritingToTmp() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // the launcher reads JAVA_TOOL_OPTIONS like any JVM (and says so on stderr)
        Result info = run(Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp), "info", snapshot.toString());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("SQLite snapshot, read-only");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.toList()).as("sqlite-jdbc extracted nothing into java.io.tmpdir").isEmpty();
        }
    }

    @Test
    void liveMariaDbThroughTheDriverInTheRuntime() throws Exception {
        String server = System.getProperty("tpm.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        Matcher m = Pattern.compile("jdbc:(?:mariadb|mysql)://([^:/]+)(?::(\\d+))?/").matcher(server);
        assertThat(m.lookingAt()).as("tpm.mariadb.url " + server).isTrue();
        List<String> client = new ArrayList<>(List.of("mariadb", "-uroot", "-h" + m.group(1),
                "-P" + (m.group(2) == null ? "3306" : m.group(2))));
        String ping = onPath("mariadb") == null ? "no mariadb client" : mariadb(client, null, "-e", "SELECT 1");
        if (ping != null) {
            String message = "MariaDB is not reachable at " + server + " (" + ping.strip() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ": CI=true requires it");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message + ": test skipped");
        }
        String name = "tpminstaller_" + Long.toHexString(System.nanoTime());
        assertThat(mariadb(client, null, "-e", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4")).isNull();
        try {
            Path schema = Path.of("../model/src/main/resources/dev/tpmconsole/model/schema/schema-mariadb.sql");
            assertThat(mariadb(client, schema, name)).as("loading " + schema).isNull();
            String url = server + name + "?user=root";
            Result info = run(Map.of(), "info", url);
            assertThat(info.status()).as(info.err()).isZero();
            assertThat(info.out()).contains("Opened:  MariaDB, read-only");
            Result audit = run(Map.of(), "audit", url, "--format", "json");
            assertThat(audit.status()).as(audit.err()).isZero();
            assertThat(((Map<?, ?>) json(audit.out())).get("findings")).isEqualTo(List.of());
        } finally {
            mariadb(client, null, "-e", "DROP DATABASE IF EXISTS " + name);
        }
    }

    /** Runs the mariadb client; null when it succeeded, else what it printed. */
    static String mariadb(List<String> client, Path input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(client);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : out;
    }

    @Test
    void windowOpensOnTheDemoAndEndsOnSigterm() throws Exception {
        Path xvfb = onPath("Xvfb");
        Path xwininfo = onPath("xwininfo");
        if (xvfb == null || xwininfo == null) {
            String message = "Xvfb or xwininfo missing (apt-get install xvfb x11-utils): the packaged window is not tested";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; under CI=true this fails, .ci/run installs them");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        Path xlog = dir.resolve("xvfb.log");
        // -displayfd: Xvfb picks a free display and prints its number, so parallel runs do not collide
        Process x = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1600x1000x24",
                "-nolisten", "tcp").redirectError(xlog.toFile()).start();
        try {
            String display = ":" + readLine(x, Duration.ofSeconds(30), xlog);
            Path data = dir.resolve("data");
            Path out = dir.resolve("gui.out");
            Path err = dir.resolve("gui.err");
            ProcessBuilder gui = new ProcessBuilder(LAUNCHER.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // user.home comes from the password file, not HOME: JavaFX would extract its natives under it
            environment(gui, Map.of("DISPLAY", display, "TPM_CONSOLE_DATA", data.toString(),
                    "TPM_CONSOLE_CONFIG", dir.resolve("gui-config").toString(),
                    "JAVA_TOOL_OPTIONS", "-Duser.home=" + home));
            Process console = gui.start();
            try {
                String window = null;
                long deadline = System.nanoTime() + WINDOW_TIMEOUT.toNanos();
                String tree = "";
                while (window == null && System.nanoTime() < deadline) {
                    if (!console.isAlive()) {
                        fail("the console exited (" + console.exitValue() + ") before its window showed the demo: "
                                + Files.readString(err));
                    }
                    tree = output(xwininfo.toString(), "-display", display, "-root", "-tree");
                    window = tree.lines().filter(l -> l.contains("demo") && l.contains("TPM Console"))
                            .findFirst().orElse(null);
                    if (window == null) {
                        Thread.sleep(250);
                    }
                }
                assertThat(window).as("a window titled '<demo> — TPM Console' within " + WINDOW_TIMEOUT.toSeconds()
                        + " s; windows: " + tree + "; stderr: " + Files.readString(err)).isNotNull();
                assertThat(data.resolve("demo.sqlite")).as("the demo, generated on first start").isRegularFile();
            } finally {
                console.destroy();
            }
            assertThat(console.waitFor(20, TimeUnit.SECONDS)).as("the console ends on SIGTERM").isTrue();
            assertThat(console.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
            assertThat(Files.readString(err)).as("stderr of the window")
                    .doesNotContain("Unsupported JavaFX configuration").doesNotContain("Exception");
            assertThat(home.resolve(".openjfx")).as("JavaFX extracted no natives into user.home").doesNotExist();
        } finally {
            x.destroy();
            x.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Runs the launcher with the test's HOME and folders, no display, and bounded time. */
    Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(LAUNCHER, env, args);
    }

    /** Runs {@code launcher} with {@code args}, in the environment of {@link #environment} and {@code env}. */
    Result run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        String name = "run" + System.nanoTime();
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        environment(builder, env);
        Process p = builder.start();
        p.getOutputStream().close();
        if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tpm-console " + String.join(" ", args) + " did not end within " + COMMAND_TIMEOUT.toSeconds()
                    + " s: " + Files.readString(err));
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS:")).reduce("", (a, b) -> a + b + "\n");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
    }

    void environment(ProcessBuilder builder, Map<String, String> env) throws IOException {
        Map<String, String> e = builder.environment();
        for (String v : List.of("DISPLAY", "WAYLAND_DISPLAY", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "JAVA_TOOL_OPTIONS",
                "_JAVA_OPTIONS", "TPM_CONSOLE_DB_PASSWORD")) {
            e.remove(v);
        }
        e.put("HOME", home.toString());
        e.put("TPM_CONSOLE_DATA", Files.createDirectories(home.resolve("data")).toString());
        e.put("TPM_CONSOLE_CONFIG", Files.createDirectories(home.resolve("config")).toString());
        e.putAll(env);
    }

    static Path onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** The first line a process prints, waiting at most {@code timeout}. */
    static String readLine(Process p, Duration timeout, Path log) throws Exception {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        var line = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String l = line.get(timeout.toSeconds(), TimeUnit.SECONDS);
            if (l == null || l.isBlank()) {
                fail("Xvfb did not start: " + Files.readString(log));
            }
            return l.strip();
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("Xvfb printed no display within " + timeout.toSeconds() + " s: " + Files.readString(log));
        }
    }

    /**
     * A command's JSON output as maps and lists, read strictly (nothing may follow the value). Jackson comes
     * with the app's own jars (compile scope, so it stays on the packaged class path); it is not declared here.
     */
    private static Object json(String text) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(text, Object.class);
    }
}
