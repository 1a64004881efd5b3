package dev.tpmconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class data sharing archive of {@code java -jar}'s window, its name, use and making (decision 0029). The making
 * of a real archive from the built jar is JarWindowIT's.
 */
class JarClassArchiveTest {

    @TempDir
    Path dir;

    Path jar(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void eachJarHasItsOwnArchiveInTheDataFolder() throws Exception {
        Path data = dir.resolve("data");
        Path jar = jar("tpm-console.jar", "one");
        JarClassArchive a = JarClassArchive.of(data, jar, "java");
        assertThat(a.archive().getParent()).isEqualTo(data.resolve("cds"));
        assertThat(a.archive().getFileName().toString()).matches("tpm-console-[0-9a-f]{8}-[0-9a-f]{8}\\.jsa");
        assertThat(JarClassArchive.of(data, jar, "java").archive()).as("the same jar").isEqualTo(a.archive());
        Files.writeString(jar, "a rebuilt jar");
        assertThat(JarClassArchive.of(data, jar, "java").archive()).as("another size").isNotEqualTo(a.archive());
        Path same = Files.writeString(jar, "one");
        Files.setLastModifiedTime(same, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        assertThat(JarClassArchive.of(data, jar, "java").archive()).as("another time").isNotEqualTo(a.archive());
        assertThat(JarClassArchive.of(data, jar("other.jar", "one"), "java").archive()).as("another place")
                .isNotEqualTo(a.archive());
    }

    @Test
    void itsOptionIsGivenOnceItIsMadeAndUsingItKeepsIt() throws Exception {
        JarClassArchive a = JarClassArchive.of(dir.resolve("data"), jar("tpm-console.jar", "x"), "java");
        assertThat(a.made()).isFalse();
        assertThat(a.options()).isEmpty();
        Files.createDirectories(a.archive().getParent());
        Files.writeString(a.archive(), "archive");
        Files.setLastModifiedTime(a.archive(), FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        assertThat(a.options()).containsExactly("-XX:SharedArchiveFile=" + a.archive());
        assertThat(Files.getLastModifiedTime(a.archive()).toInstant()).as("used now")
                .isAfter(Instant.now().minus(Duration.ofMinutes(1)));
    }

    /** A making that fails (here: a java that is not there) is marked, and not tried again for a day. */
    @Test
    void aMakingThatFailedIsNotTriedAgain() throws Exception {
        JarClassArchive a = JarClassArchive.of(dir.resolve("data"), jar("tpm-console.jar", "x"),
                dir.resolve("no-such-java").toString());
        Path failed = a.archive().resolveSibling(a.archive().getFileName() + ".failed");
        Path making = a.archive().resolveSibling(a.archive().getFileName() + ".making");
        assertThat(a.makeInBackground()).isTrue();
        assertThat(a.archive().resolveSibling(a.archive().getFileName() + ".classes"))
                .as("the class list, out of the jar").content().contains("javafx/scene/control/TableView");
        for (int i = 0; i < 300 && (!Files.exists(failed) || Files.exists(making)); i++) {
            Thread.sleep(100);
        }
        assertThat(failed).exists();
        assertThat(making).doesNotExist();
        assertThat(a.made()).isFalse();
        try (var files = Files.list(a.archive().getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary archive left")
                    .noneMatch(n -> n.matches(".*\\.jsa\\.[0-9]+"));
        }
        assertThat(a.makeInBackground()).isFalse();
        Files.setLastModifiedTime(failed, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        assertThat(a.makeInBackground()).as("a day later").isTrue();
        assertThat(failed).as("tried again").doesNotExist();
        awaitMakingEnded(a);
    }

    /** The JVM takes an archive's classes as they are: one that someone else owns is not given to it. */
    @Test
    void anArchiveSomeoneElseOwnsIsNotUsed() throws Exception {
        JarClassArchive a = JarClassArchive.of(dir.resolve("data"), jar("tpm-console.jar", "x"), "java");
        Files.createDirectories(a.archive().getParent());
        Files.writeString(a.archive(), "archive");
        String me = System.getProperty("user.name");
        try {
            System.setProperty("user.name", me + "-not");
            assertThat(a.options()).isEmpty();
        } finally {
            System.setProperty("user.name", me);
        }
        assertThat(a.options()).hasSize(1);
    }

    @Test
    void itsFolderIsTheOwnersAlone() throws Exception {
        JarClassArchive a = JarClassArchive.of(dir.resolve("data"), jar("tpm-console.jar", "x"),
                dir.resolve("no-such-java").toString());
        assertThat(a.makeInBackground()).isTrue();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(a.archive().getParent()))).isEqualTo("rwx------");
        awaitMakingEnded(a);
    }

    @Test
    void anotherConsolesMakingIsLeftToItUnlessItIsStale() throws Exception {
        JarClassArchive a = JarClassArchive.of(dir.resolve("data"), jar("tpm-console.jar", "x"),
                dir.resolve("no-such-java").toString());
        Path making = a.archive().resolveSibling(a.archive().getFileName() + ".making");
        Files.createDirectories(making.getParent());
        Files.createFile(making);
        assertThat(a.makeInBackground()).as("being made by another console").isFalse();
        Files.setLastModifiedTime(making, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
        assertThat(a.makeInBackground()).as("left by a making that died").isTrue();
        awaitMakingEnded(a);
    }

    @Test
    void earlierBuildsOfTheJarAndOtherJarsUnusedForAMonthAreDeletedWhenOneIsMade() throws Exception {
        Path jar = jar("tpm-console.jar", "x");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        JarClassArchive earlier = JarClassArchive.of(dir.resolve("data"), jar, "java");
        Files.writeString(jar, "rebuilt");
        JarClassArchive a = JarClassArchive.of(dir.resolve("data"), jar, dir.resolve("no-such-java").toString());
        Path cds = Files.createDirectories(a.archive().getParent());
        Path earlierBuild = Files.writeString(earlier.archive(), "an earlier build's, used an hour ago");
        Path old = Files.writeString(cds.resolve("tpm-console-00000001-00000001.jsa"), "old");
        Path oldList = Files.writeString(cds.resolve("tpm-console-00000001-00000001.jsa.classes"), "old");
        Path recent = Files.writeString(cds.resolve("tpm-console-00000002-00000001.jsa"), "recent");
        Path notOurs = Files.writeString(cds.resolve("notes.txt"), "kept");
        for (Path p : new Path[] {old, oldList, notOurs}) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        }
        assertThat(a.makeInBackground()).isTrue();
        assertThat(earlierBuild).as("an earlier build of this jar").doesNotExist();
        assertThat(old).as("another jar's, unused for a month").doesNotExist();
        assertThat(oldList).doesNotExist();
        assertThat(recent).as("another jar's, in use").exists();
        assertThat(notOurs).exists();
        awaitMakingEnded(a);
    }

    /** The background making (which fails here) is over: nothing writes into the test's folder after it. */
    static void awaitMakingEnded(JarClassArchive a) throws InterruptedException {
        Path making = a.archive().resolveSibling(a.archive().getFileName() + ".making");
        for (int i = 0; i < 300 && Files.exists(making); i++) {
            Thread.sleep(100);
        }
        assertThat(making).doesNotExist();
    }
}
