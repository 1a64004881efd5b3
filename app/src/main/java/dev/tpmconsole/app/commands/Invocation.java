package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.i18n.Messages;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.source.JdbcUrls;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The console as a person would start it again, for the lines that say what to run next ("run it with: ...
 * apply ..."): {@code tpm-console} when the packaged launcher is on the PATH under that name (the .deb's
 * {@code /usr/bin/tpm-console}), the launcher's path when it is not (the app image run where it was built),
 * {@code java -jar PATH} under {@code java -jar}. The packaged launcher (a script since decision 0027, as jpackage's
 * was) tells the JVM where it is in the system property {@code jpackage.app-path}; the jar is the code source of this
 * class.
 */
final class Invocation {

    /** Characters a shell takes as they are; any other makes the path quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private Invocation() {
    }

    /** How this process was started. */
    static String self() {
        return self(System.getProperty("jpackage.app-path"), codeSource(), System.getenv("PATH"),
                Path.of("").toAbsolutePath());
    }

    /**
     * @param appPath  the packaged launcher's path, or null when not started by one
     * @param jar      the jar these classes are in, or null (classes from a folder, as in a build)
     * @param pathEnv  the PATH to look the launcher up on
     * @param cwd      the current folder: a jar below it is named relative to it
     */
    static String self(String appPath, Path jar, String pathEnv, Path cwd) {
        if (appPath != null && !appPath.isBlank()) {
            Path launcher = Path.of(appPath).toAbsolutePath().normalize();
            String name = launcher.getFileName().toString();
            return onPath(launcher, name, pathEnv) ? name : quoted(launcher.toString());
        }
        if (jar != null && jar.getFileName().toString().endsWith(".jar")) {
            Path absolute = jar.toAbsolutePath().normalize();
            Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
            return "java -jar " + quoted(shown.toString());
        }
        return "tpm-console";
    }

    /** Whether typing NAME finds this very launcher (through a link, as /usr/bin/tpm-console is). */
    private static boolean onPath(Path launcher, String name, String pathEnv) {
        if (pathEnv == null) {
            return false;
        }
        for (String dir : pathEnv.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                try {
                    return candidate.toRealPath().equals(launcher.toRealPath());
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * The line after a plan is written: the command that applies it (the source without its password: apply
     * takes that from TPM_CONSOLE_DB_PASSWORD or asks), or "Nothing to apply." for a plan that changes nothing.
     */
    static String applyLine(Plan plan, String source, Path file) {
        if (isEmpty(plan)) {
            return Messages.text("cli.plan.nothingToApply");
        }
        return Messages.text("cli.plan.applyWith", self() + " apply " + quoted(JdbcUrls.stripPassword(source)) + " "
                + quoted(file.toString()));
    }

    /** A plan with no row to delete or change and no host work. */
    static boolean isEmpty(Plan plan) {
        return plan.nothingToDo() && plan.hostWork().isEmpty();
    }

    static String quoted(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static Path codeSource() {
        try {
            var source = Invocation.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
