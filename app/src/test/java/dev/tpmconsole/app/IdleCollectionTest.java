package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The young collection while the console is idle (decision 0045), in real JVMs. */
class IdleCollectionTest {

    @Test
    void withoutTheWindowsOptionsItDoesNotStart() {
        // the tests' JVM lacks -XX:+ExplicitGCInvokesConcurrent: System.gc() would be a full collection here
        assertThat(IdleCollection.available()).isFalse();
        assertThat(Relaunch.OPTIONS).contains("-XX:+" + IdleCollection.OPTION);
    }

    @Test
    void aQuietProcessIsCollectedOnceAndABusyOneIsNot() throws Exception {
        List<String> out = probe(List.of());
        assertThat(out).containsExactly("started true", "busy 0", "quiet 1", "still 1 (1536, 0)");
    }

    @Test
    void itCanBeTurnedOff() throws Exception {
        List<String> out = probe(List.of("-D" + IdleCollection.PROPERTY + "=false"));
        assertThat(out).containsExactly("started false", "busy 0", "quiet 0", "still 0 (1536, 0)");
    }

    /** The probe's lines, in a JVM with the window's options and a young generation that holds what it keeps. */
    private static List<String> probe(List<String> more) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // G1 named: on a machine of one processor the JVM would choose the serial collector
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseG1GC", "-Xms256m", "-Xmx256m", "-XX:NewSize=96m",
                "-XX:MaxNewSize=96m"));
        command.addAll(Relaunch.OPTIONS);
        command.addAll(more);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IdleCollectionProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().toList();
    }
}
