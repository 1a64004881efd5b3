package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When {@code java -jar}'s window is started in a second, tuned JVM, and with what command line (decision 0029). */
class RelaunchTest {

    static final List<String> JAR_ARGS = List.of("-Xmx1g", "-jar", "tpm-console.jar", "--lang", "zh_CN");

    static Relaunch.Self self(List<String> arguments, boolean jar, Map<String, String> env, String relaunch,
                              String parent) {
        return new Relaunch.Self(Optional.of("/usr/lib/jvm/java-17/bin/java"), arguments, jar, env, relaunch, parent,
                4242);
    }

    static Relaunch.Self plainJar() {
        return self(JAR_ARGS, true, Map.of(), null, null);
    }

    @Test
    void onlyTheWindowsArgumentsAreTheWindows() {
        assertThat(Relaunch.isWindow()).isTrue();
        assertThat(Relaunch.isWindow("--lang", "zh_CN")).isTrue();
        assertThat(Relaunch.isWindow("--lang=en")).isTrue();
        assertThat(Relaunch.isWindow("gui", "zstack.sqlite", "--audit")).isTrue();
        assertThat(Relaunch.isWindow("audit", "zstack.sqlite")).as("a command runs where it was started").isFalse();
        assertThat(Relaunch.isWindow("--version")).isFalse();
        assertThat(Relaunch.isWindow("import", "gui")).isFalse();
        assertThat(Relaunch.isWindow("gui", "--help")).as("the help is printed where it is asked for").isFalse();
        assertThat(Relaunch.isWindow("gui", "-V")).isFalse();
    }

    /** An audit runs in the second JVM too (decision 0034); the other commands where they were started. */
    @Test
    void auditsAreTheOnlyCommandStartedAgain() {
        assertThat(Relaunch.isAudit("audit", "zstack.sqlite")).isTrue();
        assertThat(Relaunch.isAudit("audit", "jdbc:mariadb://127.0.0.1:3306/zstack?user=root", "--format", "json"))
                .isTrue();
        assertThat(Relaunch.isAudit("--lang", "zh_CN", "audit", "zstack.sqlite")).isTrue();
        assertThat(Relaunch.isAudit("--lang=en", "audit", "zstack.sqlite")).isTrue();
        assertThat(Relaunch.isAudit("audit", "--help")).as("the help is printed where it is asked for").isFalse();
        assertThat(Relaunch.isAudit("audit", "-V")).isFalse();
        assertThat(Relaunch.isAudit("audit", "-h")).isFalse();
        assertThat(Relaunch.isAudit("--lang", "zh_CN", "audit", "--help")).isFalse();
        assertThat(Relaunch.isAudit()).isFalse();
        assertThat(Relaunch.isAudit("--lang", "zh_CN")).as("the window").isFalse();
        assertThat(Relaunch.isAudit("--lang")).isFalse();
        for (String command : List.of("run", "import", "apply", "repair", "hosts", "demo", "info", "plan", "gui")) {
            assertThat(Relaunch.isAudit(command, "audit")).as(command + " writes, or is not an audit").isFalse();
        }
    }

    /**
     * The second JVM is given the command line the system says, which on Linux stops at an empty argument: a start
     * whose command line does not end with the console's arguments runs where it was started.
     */
    @Test
    void onlyACommandLineThatEndsWithTheArgumentsIsStartedAgain() {
        List<String> line = List.of("-Xmx1g", "-jar", "tpm-console.jar", "audit", "z.sqlite", "--format", "json");
        assertThat(Relaunch.endsWith(line, new String[] {"audit", "z.sqlite", "--format", "json"})).isTrue();
        assertThat(Relaunch.endsWith(line, new String[0])).as("the window, no arguments").isTrue();
        assertThat(Relaunch.endsWith(List.of("-jar", "tpm-console.jar", "audit", "z.sqlite"),
                new String[] {"audit", "z.sqlite", "", "--format", "json"})).as("cut at the empty argument").isFalse();
        assertThat(Relaunch.endsWith(List.of("audit"), new String[] {"-jar", "t.jar", "audit"})).isFalse();
    }

    @Test
    void javaDashJarsWindowIsStartedAgainUnlessItIsTheSecondJvmOrToldNot() {
        assertThat(Relaunch.wanted(plainJar())).isTrue();
        assertThat(Relaunch.wanted(self(JAR_ARGS, true, Map.of(), null, "4241"))).as("the second JVM itself").isFalse();
        assertThat(Relaunch.wanted(self(JAR_ARGS, true, Map.of(), "false", null))).as("-Dtpmconsole.relaunch=false")
                .isFalse();
        assertThat(Relaunch.wanted(self(JAR_ARGS, false, Map.of(), null, null))).as("not started by java -jar")
                .isFalse();
        assertThat(Relaunch.wanted(self(JAR_ARGS, false, Map.of(), "true", null))).as("asked for (a benchmark)")
                .isTrue();
        assertThat(Relaunch.wanted(new Relaunch.Self(Optional.empty(), JAR_ARGS, true, Map.of(), null, null, 1)))
                .as("the system does not say which java runs this").isFalse();
        assertThat(Relaunch.wanted(self(List.of(), true, Map.of(), null, null)))
                .as("the system does not say the command line").isFalse();
    }

    @Test
    void agentsDebuggersAndRecordingsKeepTheWindowInTheJvmTheyWereGivenTo() {
        for (String own : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-agentpath:/x.so",
                "-javaagent:/opt/agent.jar", "-Xrunjdwp:transport=dt_socket", "-Xdebug",
                "-XX:StartFlightRecording=filename=x.jfr", "-XX:+FlightRecorder",
                "-Dcom.sun.management.jmxremote.port=9010", "-XX:+ManagementServer", "-XX:HeapDumpPath=/tmp/h.hprof",
                "-Xlog:gc:file=gc.log", "-Xloggc:gc.log")) {
            assertThat(Relaunch.wanted(self(List.of(own, "-jar", "tpm-console.jar"), true, Map.of(), null, null)))
                    .as(own).isFalse();
        }
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            assertThat(Relaunch.wanted(self(JAR_ARGS, true, Map.of(variable, "-Xmx2g -javaagent:/opt/a.jar"), null,
                    null))).as(variable).isFalse();
            assertThat(Relaunch.wanted(self(JAR_ARGS, true, Map.of(variable, " -Xlog:gc*:file=gc.log "), null,
                    null))).as(variable + ", a log file").isFalse();
            assertThat(Relaunch.wanted(self(JAR_ARGS, true, Map.of(variable, "-Xmx2g -Xlog:gc"), null, null)))
                    .as(variable + " without an agent").isTrue();
        }
    }

    @Test
    void theSecondJvmsCommandIsTheFirstsWithTheOptionsInFrontAndTheParentsId() {
        List<String> archive = List.of("-XX:SharedArchiveFile=/data/cds/tpm-console-0a1b2c3d.jsa");
        assertThat(Relaunch.childCommand(plainJar(), true, 8, archive)).containsExactly(
                "/usr/lib/jvm/java-17/bin/java", "-XX:TieredStopAtLevel=1", "-XX:MaxGCPauseMillis=40",
                "-XX:MaxTenuringThreshold=1", "-XX:+ExplicitGCInvokesConcurrent", "-XX:+UseTransparentHugePages",
                "-XX:SharedArchiveFile=/data/cds/tpm-console-0a1b2c3d.jsa", "-Dtpmconsole.parent=4242", "-Xmx1g", "-jar",
                "tpm-console.jar", "--lang", "zh_CN");
        assertThat(Relaunch.childCommand(plainJar(), false, 8, List.of())).as("no huge pages, no archive yet")
                .containsExactly("/usr/lib/jvm/java-17/bin/java", "-XX:TieredStopAtLevel=1",
                        "-XX:MaxGCPauseMillis=40", "-XX:MaxTenuringThreshold=1", "-XX:+ExplicitGCInvokesConcurrent",
                        "-Dtpmconsole.parent=4242", "-Xmx1g", "-jar", "tpm-console.jar", "--lang", "zh_CN");
        // on two processors or one, one compiler thread (decision 0031)
        assertThat(Relaunch.childCommand(plainJar(), true, 2, archive)).containsExactly(
                "/usr/lib/jvm/java-17/bin/java", "-XX:TieredStopAtLevel=1", "-XX:MaxGCPauseMillis=40",
                "-XX:MaxTenuringThreshold=1", "-XX:+ExplicitGCInvokesConcurrent", "-XX:CICompilerCount=1",
                "-XX:+UseTransparentHugePages", "-XX:SharedArchiveFile=/data/cds/tpm-console-0a1b2c3d.jsa",
                "-Dtpmconsole.parent=4242", "-Xmx1g", "-jar", "tpm-console.jar", "--lang", "zh_CN");
        assertThat(Relaunch.childCommand(plainJar(), false, 1, List.of())).contains("-XX:CICompilerCount=1");
        assertThat(Relaunch.childCommand(plainJar(), false, 3, List.of())).doesNotContain("-XX:CICompilerCount=1");
        // the person's own options come later on the line: the JVM takes the last of an option
        List<String> theirs = Relaunch.childCommand(self(List.of("-XX:TieredStopAtLevel=4", "-jar", "t.jar"), true,
                Map.of(), null, null), false, 2, List.of());
        assertThat(theirs.indexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(theirs.indexOf("-XX:TieredStopAtLevel=1"));
    }

    /** java -jar's window has the options the app image's launcher gives (installer/src/jpackage/Packager.java). */
    @Test
    void theWindowsOptionsAreTheAppImageLaunchers() throws Exception {
        String packager = java.nio.file.Files.readString(java.nio.file.Path.of("../installer/src/jpackage/Packager.java"));
        List<String> launcher = new java.util.ArrayList<>();
        var constant = java.util.regex.Pattern
                .compile("static final String (JIT|GC|TENURING|EXPLICIT_GC|PAGES|COMPILERS)_OPTION = \"([^\"]+)\";")
                .matcher(packager);
        while (constant.find()) {
            launcher.add(constant.group(2));
        }
        assertThat(launcher).hasSize(6);
        assertThat(Relaunch.tunedOptions(true, 2, List.of())).containsExactlyInAnyOrderElementsOf(launcher);
    }
}
