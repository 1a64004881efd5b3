package dev.tpmconsole.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the benchmarks that run the window's classes in a JVM of their own (bench/runtime.sh): prints, one a line, the
 * JVM options {@code java -jar} gives its window (decision 0029) for the jar named by the argument, run by the java
 * that runs this, with the data folder of this process. Makes the jar's class data sharing archive first when it is
 * not made (and waits for it, two minutes at most), as the window's first start would in the background.
 * Usage: JarWindowOptions JAR
 */
public final class JarWindowOptions {

    private JarWindowOptions() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        JarClassArchive archive = JarClassArchive.of(AppDirs.dataDir(), jar, java);
        if (!archive.made()) {
            archive.makeInBackground();
            for (int i = 0; i < 1200 && !archive.made(); i++) {
                Thread.sleep(100);
            }
        }
        if (!archive.made()) {
            System.err.println("the class data sharing archive of " + jar + " was not made: " + archive.archive());
        }
        Relaunch.tunedOptions(Files.isReadable(Relaunch.PAGES), Runtime.getRuntime().availableProcessors(),
                archive.options()).forEach(System.out::println);
    }
}
