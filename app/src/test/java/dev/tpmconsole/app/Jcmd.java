package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The JDK's {@code jcmd}, asked about a running JVM: what a test reads of a window's process from outside. */
public final class Jcmd {

    private Jcmd() {
    }

    /** The output of {@code jcmd PID COMMAND} (e.g. {@code VM.system_properties}, {@code Thread.print}). */
    public static String run(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(30, TimeUnit.SECONDS)).as("jcmd " + command).isTrue();
        return out;
    }
}
