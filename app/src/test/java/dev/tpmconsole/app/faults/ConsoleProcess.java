package dev.tpmconsole.app.faults;

import dev.tpmconsole.app.Launcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console as a real process ({@code java -cp ... Launcher ARGS}), as an administrator's shell runs it: its
 * exit status, stdout and stderr, its own data folder; or killed with SIGKILL at a fault point.
 */
final class ConsoleProcess {

    /** What a finished process printed. */
    record Result(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path work;
    private final Map<String, String> env;
    private final String umask;
    private final boolean unprivileged;
    private final List<String> jvmOptions;
    private final boolean defaultSignals;

    private ConsoleProcess(Path work, Map<String, String> env, String umask, boolean unprivileged,
                           List<String> jvmOptions, boolean defaultSignals) {
        this.work = work;
        this.env = env;
        this.umask = umask;
        this.unprivileged = unprivileged;
        this.jvmOptions = jvmOptions;
        this.defaultSignals = defaultSignals;
    }

    /** Processes whose data folder and output files are under {@code work}. */
    static ConsoleProcess in(Path work) {
        return new ConsoleProcess(work, Map.of(), null, false, List.of(), false);
    }

    ConsoleProcess withEnv(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(more);
        return new ConsoleProcess(work, Map.copyOf(all), umask, unprivileged, jvmOptions, defaultSignals);
    }

    /** Started from a shell with this umask (e.g. "000"). */
    ConsoleProcess withUmask(String mask) {
        return new ConsoleProcess(work, env, mask, unprivileged, jvmOptions, defaultSignals);
    }

    /** With these options for its JVM (before the class path). */
    ConsoleProcess withJvmOptions(String... options) {
        return new ConsoleProcess(work, env, umask, unprivileged, List.of(options), defaultSignals);
    }

    /**
     * With SIGINT, SIGTERM and SIGHUP at their defaults, whatever this JVM inherited (a shell started in the
     * background has it ignore SIGINT, and the JVM keeps what it inherits).
     */
    ConsoleProcess withDefaultSignals() {
        return new ConsoleProcess(work, env, umask, unprivileged, jvmOptions, true);
    }

    /**
     * Started without the privileges that let root write anywhere (CAP_DAC_OVERRIDE and its kin), so that a
     * folder's mode refuses it as it refuses an administrator's account.
     */
    ConsoleProcess unprivileged() {
        return new ConsoleProcess(work, env, umask, true, jvmOptions, defaultSignals);
    }

    Process start(String... args) throws IOException {
        Files.createDirectories(work);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        if (defaultSignals) {
            command.addAll(0, List.of("env", "--default-signal=INT,TERM,HUP"));
        }
        if (unprivileged) {
            List<String> drop = new ArrayList<>(List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner",
                    "--inh-caps=-all"));
            drop.addAll(command);
            command = drop;
        }
        if (umask != null) {
            List<String> sh = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
            sh.addAll(command);
            command = sh;
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().put("TPM_CONSOLE_DATA", work.resolve("data").toString());
        pb.environment().remove("TPM_CONSOLE_FAULT");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs to the end (or fails the test after {@code timeout}). */
    Result run(Duration timeout, String... args) throws Exception {
        Process p = start(args);
        var outText = text(p.getInputStream(), "stdout");
        var errText = text(p.getErrorStream(), "stderr");
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("tpm-console " + String.join(" ", args) + " did not end within " + timeout);
        }
        return new Result(p.exitValue(), outText.get(30, TimeUnit.SECONDS), errText.get(30, TimeUnit.SECONDS));
    }

    /**
     * Runs until the fault point {@code point} is reached for the {@code nth} time, then kills the process with
     * SIGKILL. Returns true when it was killed there; false when the process ended first (the point was not
     * reached that often).
     */
    boolean killAt(String point, int nth, Duration timeout, String... args) throws Exception {
        Path marker = Files.createTempFile(Files.createDirectories(work), "fault", ".reached");
        Files.delete(marker);
        Process p = withEnv(Map.of("TPM_CONSOLE_FAULT", point + ":" + nth + ":" + marker)).start(args);
        lastOutput = new StringBuffer();
        drain(p.getInputStream(), lastOutput);
        drain(p.getErrorStream(), lastOutput);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(marker) && !p.waitFor(10, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("fault point " + point + " #" + nth + " not reached within " + timeout);
            }
        }
        boolean reached = Files.exists(marker);
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(marker);
        return reached;
    }

    /** What the last process {@link #killAt} started printed (for a failure's message). */
    private StringBuffer lastOutput = new StringBuffer();

    String lastOutput() {
        return lastOutput.toString();
    }

    private static void drain(java.io.InputStream in, StringBuffer into) {
        Thread t = new Thread(() -> {
            try {
                into.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
    }

    /** All that {@code in} gives until its end, read on a thread of its own named {@code name}. */
    static java.util.concurrent.CompletableFuture<String> text(java.io.InputStream in, String name) {
        var text = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> read(in, text), name).start();
        return text;
    }

    private static void read(java.io.InputStream in, java.util.concurrent.CompletableFuture<String> into) {
        try {
            into.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            into.completeExceptionally(e);
        }
    }
}
