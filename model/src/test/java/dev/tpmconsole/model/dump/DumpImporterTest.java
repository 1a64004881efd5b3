package dev.tpmconsole.model.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.schema.ZStackSchema;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SourceException;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestDumps;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer around the reader: where the snapshot goes (and what happens to what was there), progress,
 * Cancel, files that are not dumps, dumps without CREATE TABLE, dumps of several databases. The round trips
 * through the real mysqldump are in {@link MariaDbDumpImportTest}.
 */
class DumpImporterTest {

    @TempDir
    Path dir;

    static String dump(int vms) {
        return TestDumps.complete(vms);
    }

    Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void writesASnapshotOnlyForTheOwnerAndNeverOverAnExistingFileUnlessAsked() throws Exception {
        Path dumpFile = write("zstack.sql", dump(10));
        Path target = dir.resolve("zstack.sqlite");
        ImportResult r = new DumpImporter(ImportOptions.defaults(), null).run(dumpFile, target);
        assertThat(r.snapshot()).isEqualTo(target.toAbsolutePath());
        assertThat(r.rowsPerTable()).containsEntry("VmInstanceEO", 10L).containsEntry("TpmVO", 0L);
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE));
        try (SqliteSnapshot s = SqliteSnapshot.open(target, OpenOptions.readOnly())) {
            assertThat(s.layout().isZStack()).isTrue();
        }
        String hash = TestSnapshots.sha256(target);
        assertThatThrownBy(() -> new DumpImporter(ImportOptions.defaults(), null).run(write("other.sql", dump(3)), target))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(TestSnapshots.sha256(target)).isEqualTo(hash);
        new DumpImporter(new ImportOptions(true, null), null).run(dir.resolve("other.sql"), target);
        assertThat(TestSnapshots.count(target, "SELECT count(*) FROM VmInstanceEO")).isEqualTo(3);
        assertThat(TestSnapshots.listing(dir)).containsExactly("other.sql", "zstack.sql", "zstack.sqlite");
    }

    @Test
    void reportsProgressByTableAndPhaseEndingWithTheRowsWritten() throws Exception {
        Path dumpFile = write("zstack.sql", dump(3000));
        List<ImportProgress> seen = new ArrayList<>();
        ImportResult r = new DumpImporter(ImportOptions.defaults(), seen::add).run(dumpFile, dir.resolve("s.sqlite"));
        assertThat(seen.get(0).phase()).isEqualTo(ImportProgress.Phase.READING);
        assertThat(seen).extracting(ImportProgress::table).filteredOn(t -> t != null).startsWith("ResourceVO")
                .contains("VmInstanceEO");
        assertThat(seen).extracting(ImportProgress::bytesRead).isSorted();
        assertThat(seen).extracting(ImportProgress::phase).containsSubsequence(ImportProgress.Phase.READING,
                ImportProgress.Phase.INDEXING, ImportProgress.Phase.DONE);
        ImportProgress last = seen.get(seen.size() - 1);
        assertThat(last.phase()).isEqualTo(ImportProgress.Phase.DONE);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.rowsPerTable()).isEqualTo(r.rowsPerTable());
        assertThat(last.totalRows()).isEqualTo(6000);
    }

    @Test
    void cancellingLeavesNothingBehind() throws Exception {
        Path dumpFile = write("zstack.sql", dump(3000));
        Path existing = Files.writeString(dir.resolve("zstack.sqlite"), "kept");
        DumpImporter[] importer = new DumpImporter[1];
        importer[0] = new DumpImporter(new ImportOptions(true, null), p -> {
            if ("VmInstanceEO".equals(p.table())) {
                importer[0].cancel();
            }
        });
        assertThatThrownBy(() -> importer[0].run(dumpFile, existing)).isInstanceOf(SourceException.class)
                .hasMessage("Import cancelled; no snapshot was written")
                .extracting(e -> ((SourceException) e).reason()).isEqualTo(SourceException.Reason.CANCELLED);
        assertThat(TestSnapshots.listing(dir)).containsExactly("zstack.sql", "zstack.sqlite");
        assertThat(Files.readString(existing)).isEqualTo("kept");
    }

    @Test
    void filesThatAreNotDumpsSayWhatTheyAre() throws Exception {
        Path sqlite = TestSnapshots.fromDdl(dir.resolve("snap.sqlite"), false);
        Path zip = Files.write(dir.resolve("d.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Path xz = Files.write(dir.resolve("d.sql.xz"), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1});
        Path empty = Files.write(dir.resolve("empty.sql"), new byte[0]);
        Path text = write("notes.txt", "Remember to back up the database.\n");
        Path gzText = gzip(dir.resolve("notes.txt.gz"), "Remember to back up the database.\n".getBytes());
        byte[] tar = new byte[1024];
        System.arraycopy("zstack.sql".getBytes(), 0, tar, 0, 10);
        System.arraycopy("ustar".getBytes(), 0, tar, 257, 5);
        Path tarGz = gzip(dir.resolve("backup.tar.gz"), tar);
        Object[][] cases = {
            {dir.resolve("missing.sql"), "No such file: " + dir.resolve("missing.sql")},
            {dir, dir + " is a directory, not a dump file"},
            {sqlite, sqlite + " is an SQLite database, not a dump: open it as a snapshot"},
            {zip, zip + " is a zip archive: extract the .sql file from it and import that"},
            {xz, xz + " is compressed with xz: only plain and gzip-compressed dumps are read (xz -d it, or gzip it)"},
            {empty, empty + " is not a mysqldump: the file is empty"},
            {text, text + " is not a mysqldump: it starts with \"Remember to back up the database.\""},
            {gzText, gzText + " is not a mysqldump: it starts with \"Remember to back up the database.\""},
            {tarGz, tarGz + " is a tar archive: extract the .sql file from it and import that"}};
        List<String> before = TestSnapshots.listing(dir);
        for (Object[] c : cases) {
            assertThatThrownBy(() -> new DumpImporter(ImportOptions.defaults(), null).run((Path) c[0],
                    dir.resolve("out.sqlite"))).isInstanceOf(SourceException.class).hasMessage((String) c[1]);
        }
        assertThat(TestSnapshots.listing(dir)).isEqualTo(before);
    }

    static Path gzip(Path file, byte[] content) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    @Test
    void aDumpWithoutCreateTableReadsTheSchemasColumnsAndSaysSo() throws Exception {
        String full = dump(4);
        // --no-create-info: the data only
        StringBuilder data = new StringBuilder();
        for (String line : full.split("\n")) {
            if (line.startsWith("INSERT") || line.startsWith("('") || line.startsWith("--")) {
                data.append(line).append('\n');
            }
        }
        Path dumpFile = write("data.sql", data.toString());
        assertThatThrownBy(() -> new DumpImporter(ImportOptions.defaults(), null).run(dumpFile, dir.resolve("d.sqlite")))
                .hasMessageContaining("missing tables: HostEO, TpmVO");
        // with every table's data (even empty) it imports, and says how it read the rows
        StringBuilder all = new StringBuilder(data);
        for (String t : List.of("HostEO", "TpmVO", "VmHostFileVO", "VmHostBackupFileVO", "VmHostFileContentVO",
                "EncryptedResourceKeyRefVO", "KeyProviderVO")) {
            all.append("INSERT INTO `").append(t).append("` VALUES ").append(row(t)).append(";\n");
        }
        ImportResult r = new DumpImporter(ImportOptions.defaults(), null).run(write("all.sql", all.toString()),
                dir.resolve("all.sqlite"));
        assertThat(r.rowsPerTable()).containsEntry("VmInstanceEO", 4L).containsEntry("TpmVO", 1L);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("The dump has no CREATE TABLE for VmInstanceEO"));
    }

    static String row(String table) {
        List<String> values = new ArrayList<>();
        for (var c : ZStackSchema.canonical().requireTable(table).columns()) {
            values.add(switch (c.kind()) {
                case INTEGER -> "1";
                case BLOB -> "0x00";
                case TIMESTAMP -> "'2026-01-01 00:00:00'";
                case TEXT -> "'" + fit(table + "-" + c.name(), c.maxChars()) + "'"; // as the column can hold it
            });
        }
        return "(" + String.join(",", values) + ")";
    }

    static String fit(String text, long maxChars) {
        return maxChars >= 0 && text.length() > maxChars ? text.substring(text.length() - (int) maxChars) : text;
    }

    @Test
    void aDumpOfSeveralDatabasesNeedsOneChosen() throws Exception {
        String one = dump(2);
        String two = dump(5);
        Path both = write("all-databases.sql", "USE `zstack`;\n" + one + "USE `zstack_copy`;\n" + two);
        assertThatThrownBy(() -> new DumpImporter(ImportOptions.defaults(), null).run(both, dir.resolve("a.sqlite")))
                .hasMessage(both + " holds ZStack's tables in several databases (zstack, zstack_copy): choose one"
                        + " (import --database NAME)");
        ImportResult copy = new DumpImporter(new ImportOptions(false, "zstack_copy"), null).run(both,
                dir.resolve("copy.sqlite"));
        assertThat(copy.rowsPerTable()).containsEntry("VmInstanceEO", 5L);
        ImportResult first = new DumpImporter(new ImportOptions(false, "zstack"), null).run(both,
                dir.resolve("first.sqlite"));
        assertThat(first.rowsPerTable()).containsEntry("VmInstanceEO", 2L);
        assertThatThrownBy(() -> new DumpImporter(new ImportOptions(false, "nope"), null).run(both,
                dir.resolve("nope.sqlite"))).hasMessageContaining("holds no table of ZStack's TPM schema in a database"
                + " named nope");
    }

    @Test
    void twoRowsWithTheSameKeyAreRefusedWithAMessage() throws Exception {
        String d = dump(3).replace("('00000000000000000000000000000002','vm 2','VmInstanceVO','x')",
                "('00000000000000000000000000000001','vm 2','VmInstanceVO','x')");
        Path dumpFile = write("dup.sql", d);
        assertThatThrownBy(() -> new DumpImporter(ImportOptions.defaults(), null).run(dumpFile, dir.resolve("d.sqlite")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(dumpFile + " holds two rows with the same key")
                .hasMessageContaining("ResourceVO.uuid");
        assertThat(TestSnapshots.listing(dir)).containsExactly("dup.sql");
        assertThat(new String(Files.readAllBytes(dumpFile), StandardCharsets.UTF_8)).isEqualTo(d);
    }

    @Test
    void aFortyMegabyteUuidIsRefusedAtOnceNamingTheRowAndNothingIsLeft() throws Exception {
        // it took 50 s: SQLite compared the 40 MB key in the primary key's index with every row inserted after it
        String d = dump(2000);
        Path dumpFile = write("big-uuid.sql", d.replace("('00000000000000000000000000000005','vm 5','VmInstanceVO','x')",
                "('" + "x".repeat(40 << 20) + "','vm 5','VmInstanceVO','x')"));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new DumpImporter(ImportOptions.defaults(), null).run(dumpFile, dir.resolve("s.sqlite")))
                .isInstanceOf(SourceException.class)
                .hasMessageMatching(java.util.regex.Pattern.quote(dumpFile.toString()) + " holds a value longer than its"
                        + " column allows, at byte [\\d,]+: row 6 of ResourceVO, column uuid: more than the 32 characters"
                        + " of varchar\\(32\\)");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("refused at once").isLessThan(Duration.ofSeconds(5));
        assertThat(TestSnapshots.listing(dir)).containsExactly("big-uuid.sql");
    }

    @Test
    void aLongDelimiterNoLongerMakesEveryByteASearch() throws Exception {
        // a delimiter longer than the read buffer made every byte equal to its first one refill the buffer: 42 s
        // for 16 MB of such bytes
        String d = dump(100);
        String at = "DROP TABLE IF EXISTS `HostEO`";
        Path dumpFile = write("delimiter.sql", d.replace(at, "DELIMITER " + "x".repeat(300_000) + "\nSELECT "
                + "x".repeat(16 << 20) + ";\nDELIMITER ;\n" + at));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new DumpImporter(ImportOptions.defaults(), null).run(dumpFile, dir.resolve("s.sqlite")))
                .isInstanceOf(SourceException.class).hasMessageEndingWith("a DELIMITER of more than 64 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(TestSnapshots.listing(dir)).containsExactly("delimiter.sql");
    }

    @Test
    void importsFromANamedPipeReadOnce() throws Exception {
        Path fifo = dir.resolve("zstack.sql");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        java.util.concurrent.CompletableFuture<Void> writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(dump(300).getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ImportResult r = new DumpImporter(ImportOptions.defaults(), null).run(fifo, dir.resolve("s.sqlite"));
        writer.get();
        assertThat(r.rowsPerTable()).containsEntry("VmInstanceEO", 300L);
    }
}
