package dev.tpmconsole.app;

import dev.tpmconsole.model.i18n.Language;

/**
 * The entry point of {@code tpm-console.jar}. Not a JavaFX Application subclass, so that the jar starts with
 * JavaFX on the class path. With no arguments (or only {@code --lang}) it starts the GUI; otherwise it runs a command.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // java -jar's window and audits run in a JVM with the app image's options, which a jar cannot carry
        // (decisions 0029 and 0034)
        java.util.OptionalInt tuned = Relaunch.inTunedJvm(args);
        if (tuned.isPresent()) {
            System.exit(tuned.getAsInt());
        }
        Relaunch.endWithParent(args);
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (used by tests, which must not exit). */
    public static int run(String... args) {
        quietLibraries();
        SqliteNativeLibrary.useCopyIn(AppDirs.dataDir());
        // the language is known before the command line is made: Chinese on a terminal that cannot write it is UTF-8
        Language language = TpmConsoleCommand.language(args);
        if (windowAlone(args)) {
            // the window, without picocli's model of any command (building it costs the start time): these arguments
            // hold nothing to parse and cannot be a usage error, whose message would name the command
            return TpmConsoleCommand.window(args);
        }
        if (onlyLanguage(args)) {
            String[] gui = new String[args.length + 1];
            gui[0] = "gui";
            System.arraycopy(args, 0, gui, 1, args.length);
            return TpmConsoleCommand.commandLine(language).execute(gui);
        }
        // only the command the arguments name is made (all of them when they name none)
        return TpmConsoleCommand.commandLine(language, args).execute(args);
    }

    /**
     * Whether the window starts with its command alone: no arguments, or only a {@code --lang} that names a language
     * (one that does not is a usage error, which the whole command line reports).
     */
    static boolean windowAlone(String... args) {
        return args.length == 0 || onlyLanguage(args) && TpmConsoleCommand.languageGiven(args) != null;
    }

    /** Whether the arguments are none, or only a {@code --lang}: the window, in that language. */
    static boolean onlyLanguage(String... args) {
        return args.length == 0 || args.length == 1 && args[0].startsWith("--lang=")
                || args.length == 2 && args[0].equals("--lang");
    }

    /** Hibernate and the JDBC drivers log through SLF4J at WARN, so that a command prints only its answer. */
    static void quietLibraries() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty(
                "org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // the driver logs a refused login as a warning; the command already says why it failed, once
        System.setProperty("org.slf4j.simpleLogger.log.org.mariadb.jdbc", "error");
    }
}
