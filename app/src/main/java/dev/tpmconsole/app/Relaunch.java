package dev.tpmconsole.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The window and the audits of {@code java -jar tpm-console.jar} in a JVM tuned as the app image's launcher tunes its
 * own (decisions 0029 and 0034): a jar cannot carry JVM options, so the process the person started starts the window,
 * or the audit, in a second JVM, its own command line with the options in front, and waits for it. The options are the
 * launcher's: the quick compiler only (decision 0022), the collector's 40 ms pause goal (0025), transparent huge pages
 * where the kernel has them (0028), and the class data sharing archive of this jar and JVM ({@link JarClassArchive})
 * once the window has made it.
 *
 * <p>The first process stays as the person's handle on the second: its exit status is the second's; a signal to it
 * (SIGTERM, or SIGINT and SIGHUP, which a terminal sends both processes) ends the second, the window as File > Quit
 * does ({@link Signals}); and if it is killed outright, the second ends too, at its next look at its parent (every
 * 100 ms, {@link #whenParentEnds}): the window as on SIGTERM ({@code GuiCommand} watches it, {@link #PARENT_PROPERTY}),
 * an audit with SIGTERM's status ({@link #endWithParent}).
 *
 * <p>Only the window and the audits are started so (the other commands write, and killing them must stop their work
 * at once), and only from {@code java -jar} (or when {@link #PROPERTY} is {@code true}). Not with an agent, a
 * debugger, a flight recording, a JMX port or a log file on the command line (or in {@code JAVA_TOOL_OPTIONS}, {@code
 * JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}): they are meant for the JVM the person started. {@code
 * -Dtpmconsole.relaunch=false} keeps them in the first JVM. Light on purpose: it runs before anything else is loaded,
 * in both processes.
 */
public final class Relaunch {

    /** {@code false}: never; {@code true}: also when not started by {@code java -jar} (the start's benchmark). */
    static final String PROPERTY = "tpmconsole.relaunch";
    /** Set on the second JVM: the process id of the one that started it and waits for it. */
    public static final String PARENT_PROPERTY = "tpmconsole.parent";
    /** The app image launcher's options (installer/src/jpackage/Packager.java), huge pages and compiler count apart. */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:MaxGCPauseMillis=40",
            "-XX:MaxTenuringThreshold=1", "-XX:+ExplicitGCInvokesConcurrent");
    /** Given only where the kernel has transparent huge pages: elsewhere the JVM warns at every start. */
    static final String PAGES_OPTION = "-XX:+UseTransparentHugePages";
    static final Path PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /** Given only on a machine of at most {@link #FEW_PROCESSORS} processors: one compiler thread (decision 0031). */
    static final String COMPILERS_OPTION = "-XX:CICompilerCount=1";
    static final int FEW_PROCESSORS = 2;
    /**
     * Options meant for the JVM they were given to alone: agents, debuggers, flight recordings, a JMX port (the second
     * JVM could not take it), a heap dump's or a log's file (the second would write over the first's).
     */
    private static final List<String> OWN = List.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xrunjdwp",
            "-Xdebug", "-XX:StartFlightRecording", "-XX:+FlightRecorder", "-XX:FlightRecorderOptions",
            "-Dcom.sun.management.jmxremote", "-XX:+ManagementServer", "-XX:HeapDumpPath", "-XX:ErrorFile",
            "-Xloggc:");
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");
    /** Printed where they are asked for. */
    private static final List<String> HELP_OR_VERSION = List.of("-h", "--help", "-V", "--version");
    /** How long the window has to end after a signal: its own grace (GuiCommand), and some. */
    private static final Duration CHILD_GRACE = Duration.ofSeconds(15);
    /**
     * How long an audit has to end after a SIGINT or SIGHUP to the first process: a terminal's reaches the audit too,
     * which ends at once; one sent to the first process alone is passed on after this.
     */
    private static final Duration AUDIT_GRACE = Duration.ofSeconds(1);
    /** How often the second JVM looks whether the first process is still its parent. */
    private static final Duration PARENT_CHECK = Duration.ofMillis(100);

    private Relaunch() {
    }

    /**
     * This process as the decision needs it.
     *
     * @param command     the java executable it was started with (empty where the system does not say)
     * @param arguments   its arguments, JVM options first, as they were given (empty where the system does not say)
     * @param startedAsJar started by {@code java -jar} with the jar that holds the console
     * @param relaunch    {@link #PROPERTY}'s value (null: not set)
     * @param parent      {@link #PARENT_PROPERTY}'s value (null: this is not a second JVM)
     */
    record Self(Optional<String> command, List<String> arguments, boolean startedAsJar, Map<String, String> env,
                String relaunch, String parent, long pid) {

        /** This process, whose console classes come from {@code jar} (null: not from a jar file). */
        static Self current(Path jar) {
            ProcessHandle.Info info = ProcessHandle.current().info();
            return new Self(info.command(), info.arguments().map(List::of).orElse(List.of()),
                    Relaunch.startedAsJar(jar),
                    System.getenv(), System.getProperty(PROPERTY), System.getProperty(PARENT_PROPERTY),
                    ProcessHandle.current().pid());
        }
    }

    /**
     * Runs the window, or an audit, in a tuned JVM when this start is one for it, and returns its exit status; empty
     * when this process is to run {@code args} itself (neither of them, not wanted, or the second JVM could not be
     * started). Only the window makes the class data sharing archive; an audit maps it once the window has made it.
     */
    static OptionalInt inTunedJvm(String[] args) {
        boolean window = isWindow(args);
        if (!window && !isAudit(args) || "false".equals(System.getProperty(PROPERTY))
                || System.getProperty(PARENT_PROPERTY) != null) {
            return OptionalInt.empty(); // the second JVM itself learns it here, without reading its process's details
        }
        Path jar = JarClassArchive.consoleJar();
        Self self = Self.current(jar);
        if (!wanted(self) || !endsWith(self.arguments(), args)) {
            return OptionalInt.empty();
        }
        JarClassArchive archive = jar == null ? null : JarClassArchive.of(AppDirs.dataDir(), jar, self.command().get());
        List<String> command = childCommand(self, Files.isReadable(PAGES), Runtime.getRuntime().availableProcessors(),
                archive == null ? List.of() : archive.options());
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // this JVM then runs it, as it would without the relaunch
        }
        Signals.passOn(child, window ? CHILD_GRACE : AUDIT_GRACE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> endWith(child), "tpm-console-second-jvm-end"));
        if (window && archive != null && !archive.made()) {
            archive.makeInBackground();
        }
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // the second JVM's end ends this wait; a signal to this process is passed on to it (Signals)
            }
        }
    }

    /**
     * In the second JVM of an audit ({@link #PARENT_PROPERTY} set, {@code args} not the window's, which ends as File >
     * Quit does instead): ends this process, with SIGTERM's status, when the process that started it and waits for it
     * ends, killed outright most often ({@link #whenParentEnds}). What the audit writes is left out whole: its report
     * goes to a temporary file, moved into place at the end and deleted if the JVM ends first; its record in the
     * catalogue is one transaction.
     */
    static void endWithParent(String[] args) {
        String pid = System.getProperty(PARENT_PROPERTY);
        if (pid == null || isWindow(args)) {
            return;
        }
        try {
            whenParentEnds(Long.parseLong(pid.strip()), () -> Runtime.getRuntime().exit(143));
        } catch (NumberFormatException e) {
            // not set by a first process: nothing to watch
        }
    }

    /**
     * Runs {@code then} on a thread of its own once the process {@code parent} is no longer this process's parent: it
     * has ended (now, if it is not its parent any more). A daemon thread reads this process's parent every {@link
     * #PARENT_CHECK}, which changes as soon as the parent dies, reaped or not; {@link ProcessHandle#onExit()} of a
     * process that is not this one's child is checked every 300 ms, then less and less often up to every 5 s, and
     * takes a parent nobody has reaped yet for a living one.
     */
    public static void whenParentEnds(long parent, Runnable then) {
        Thread watch = new Thread(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parent) {
                try {
                    Thread.sleep(PARENT_CHECK.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            then.run();
        }, "tpm-console-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Whether the command line the system gives ends with the console's arguments: on Linux it stops at an empty
     * argument, and the second JVM would be given fewer than this one has (it then runs here, as without the relaunch).
     */
    static boolean endsWith(List<String> commandLine, String[] args) {
        return commandLine.size() >= args.length
                && commandLine.subList(commandLine.size() - args.length, commandLine.size()).equals(List.of(args));
    }

    /**
     * An audit's arguments (after a {@code --lang} that comes first): the command that reads the most rows through the
     * JVM, and the one a person times against the database's own client (decision 0034). Not its help or version.
     * Read here rather than by {@code TpmConsoleCommand.commandNamed}, whose class makes the table of every command
     * (and loads their classes) when first used: the first process would pay that before it starts the second.
     */
    static boolean isAudit(String... args) {
        int command = args.length > 0 && args[0].startsWith("--lang=") ? 1
                : args.length > 1 && args[0].equals("--lang") ? 2 : 0;
        return args.length > command && args[command].equals("audit")
                && List.of(args).stream().noneMatch(HELP_OR_VERSION::contains);
    }

    /** The window's arguments: none, only a language, or the {@code gui} command (not its help or version). */
    static boolean isWindow(String... args) {
        if (Launcher.onlyLanguage(args)) {
            return true;
        }
        if (!args[0].equals("gui")) {
            return false;
        }
        return List.of(args).stream().noneMatch(HELP_OR_VERSION::contains);
    }

    /** Whether this process should start the window or the audit in a second JVM (the arguments being theirs). */
    static boolean wanted(Self self) {
        if (self.parent() != null || "false".equals(self.relaunch()) || self.command().isEmpty()
                || self.arguments().isEmpty()) {
            return false;
        }
        if (!self.startedAsJar() && !"true".equals(self.relaunch())) {
            return false;
        }
        if (self.arguments().stream().anyMatch(Relaunch::ownOption)) {
            return false;
        }
        for (String variable : OPTION_VARIABLES) {
            String value = self.env().get(variable);
            if (value != null && java.util.Arrays.stream(value.strip().split("\\s+")).anyMatch(Relaunch::ownOption)) {
                return false;
            }
        }
        return true;
    }

    private static boolean ownOption(String argument) {
        return OWN.stream().anyMatch(argument::startsWith)
                || argument.startsWith("-Xlog") && argument.contains("file=");
    }

    /**
     * The second JVM's command line: this one's, with the tuning options and the archive's in front (an option of
     * the person's, later on the line, wins over them) and the parent's process id.
     */
    static List<String> childCommand(Self self, boolean hugePages, int processors, List<String> archiveOptions) {
        List<String> command = new ArrayList<>();
        command.add(self.command().orElseThrow());
        command.addAll(tunedOptions(hugePages, processors, archiveOptions));
        command.add("-D" + PARENT_PROPERTY + "=" + self.pid());
        command.addAll(self.arguments());
        return command;
    }

    /**
     * The options of the second JVM (the window's or an audit's): the launcher's, then the archive's. As the launcher
     * does: huge pages only where the kernel has them, and one compiler thread only where {@code processors} is at most
     * {@link #FEW_PROCESSORS}.
     */
    static List<String> tunedOptions(boolean hugePages, int processors, List<String> archiveOptions) {
        List<String> options = new ArrayList<>(OPTIONS);
        if (processors <= FEW_PROCESSORS) {
            options.add(COMPILERS_OPTION);
        }
        if (hugePages) {
            options.add(PAGES_OPTION);
        }
        options.addAll(archiveOptions);
        return options;
    }

    /**
     * The first process's signals: SIGTERM is passed on to the second JVM at once (where the window ends as File > Quit
     * does, as on its own SIGTERM, and an audit at once); SIGINT and SIGHUP come from the terminal, which sent them to
     * the second JVM too: the first process goes on waiting, and passes on SIGTERM only if the second has not ended
     * after a grace, the window's or a second for an audit (a {@code kill -INT} of the first process alone). A second
     * signal ends the second JVM at once, as a second signal to the window does. The second's end ends this process,
     * with its status.
     */
    private static final class Signals {
        private final Process child;
        private final Duration grace;
        private final java.util.concurrent.atomic.AtomicInteger received =
                new java.util.concurrent.atomic.AtomicInteger();

        private Signals(Process child, Duration grace) {
            this.child = child;
            this.grace = grace;
        }

        static void passOn(Process child, Duration grace) {
            Signals signals = new Signals(child, grace);
            for (String name : List.of("TERM", "INT", "HUP")) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal(name), signals::handle);
                } catch (IllegalArgumentException e) {
                    // the JVM keeps this one (-Xrs): its default handling, and the shutdown hook below, stay
                }
            }
        }

        private void handle(sun.misc.Signal signal) {
            if (received.incrementAndGet() > 1) {
                child.destroyForcibly();
                return;
            }
            if (signal.getName().equals("TERM")) {
                child.destroy();
                return;
            }
            Thread safetyNet = new Thread(() -> {
                if (!waitFor(child, grace)) {
                    child.destroy();
                }
            }, "tpm-console-second-jvm-signal");
            safetyNet.setDaemon(true);
            safetyNet.start();
        }
    }

    /**
     * This process is ending other than by the second JVM's end or a signal it handles (e.g. {@code -Xrs}): the second
     * ends first, and this process with its status.
     */
    private static void endWith(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        if (!waitFor(child, CHILD_GRACE)) {
            child.destroyForcibly();
            waitFor(child, Duration.ofSeconds(1));
        }
        Runtime.getRuntime().halt(child.isAlive() ? 143 : child.exitValue());
    }

    private static boolean waitFor(Process child, Duration time) {
        try {
            return child.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return !child.isAlive();
        }
    }

    /**
     * Whether the JVM runs {@code java -jar} with the console's jar ({@code jar}): the launcher then sets the class
     * path to the jar alone and the command to the jar and the arguments.
     */
    private static boolean startedAsJar(Path jar) {
        String classPath = System.getProperty("java.class.path", "");
        String command = System.getProperty("sun.java.command", "");
        if (jar == null || classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator)
                || !(command.equals(classPath) || command.startsWith(classPath + " "))) {
            return false;
        }
        try {
            return Files.isSameFile(Path.of(classPath), jar);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
