package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The window asked to end by a signal, as a service manager ({@code SIGTERM}), a terminal's Ctrl+C ({@code SIGINT})
 * or a closed terminal ({@code SIGHUP}) asks: it ends as File > Quit does, on its own thread, so that its state is
 * saved, the event log says why it ended, JavaFX's toolkit ends before the process, and the exit status is the
 * shell's for the signal. A real process on the test's class path, with JavaFX's headless platform.
 */
class WindowSignalTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void aSignalEndsTheWindowAsQuitDoes(String signal, int status) throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("config");
        Process console = ConsoleProcess.in(dir).withDefaultSignals()
                .withJvmOptions("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32")
                .withEnv(Map.of("TPM_CONSOLE_CONFIG", config.toString(), "LC_ALL", "C.UTF-8"))
                .start();
        CompletableFuture<String> out = ConsoleProcess.text(console.getInputStream(), "stdout");
        CompletableFuture<String> err = ConsoleProcess.text(console.getErrorStream(), "stderr");
        try {
            // the demo's rows are counted once the window shows them
            Path events = data.resolve("events.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(events) && Files.readString(events, StandardCharsets.UTF_8).contains(" VMs, "))) {
                assertThat(console.isAlive()).as("the window is up; stderr: %s", err.getNow("")).isTrue();
                assertThat(System.nanoTime()).as("the demo's rows counted within 60 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(config).as("nothing saved before the window ends").doesNotExist();
            // the window's JVM draws region backgrounds directly (decision 0043): set before JavaFX started
            String properties = dev.tpmconsole.app.Jcmd.run(console.pid(), "VM.system_properties");
            assertThat(properties.lines()).as(properties).contains("prism.disableRegionCaching=true");
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(console.pid())).start().waitFor())
                    .isZero();
            assertThat(console.waitFor(30, TimeUnit.SECONDS)).as("the window ends on SIG" + signal).isTrue();
            assertThat(console.exitValue()).as("the shell's status for SIG" + signal).isEqualTo(status);
            String log = Files.readString(events, StandardCharsets.UTF_8);
            assertThat(log).contains("TPM Console asked to end by SIG" + signal);
            assertThat(log.indexOf("TPM Console quit")).as("quit logged after the signal; log:\n%s", log)
                    .isGreaterThan(log.indexOf("asked to end by"));
            assertThat(config).as("the window's state saved as on File > Quit").isDirectoryContaining(
                    p -> p.getFileName().toString().endsWith(".json"));
            out.get(30, TimeUnit.SECONDS);
            assertThat(err.get(30, TimeUnit.SECONDS)).as("stderr").doesNotContain("Exception");
        } finally {
            console.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
