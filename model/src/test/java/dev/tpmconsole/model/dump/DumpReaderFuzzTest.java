package dev.tpmconsole.model.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.testing.TestDumps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reader and the CREATE TABLE parser on thousands of small mutants (SQL tokens inserted, bytes changed,
 * cuts), in memory: each read ends with rows or a {@link DumpFormatException} (or the EOFException of a cut), a
 * message of one short line, never another exception. The whole import, through the command, is fuzzed by the
 * app's ImportFuzzIT; this one reaches more of the parser's corners per second. {@code -Dtpm.fuzz.seed},
 * {@code -Dtpm.fuzz.reader.count} (default 3,000).
 */
class DumpReaderFuzzTest {

    static final long SEED = Long.getLong("tpm.fuzz.seed", 20261120L);
    static final int COUNT = Integer.getInteger("tpm.fuzz.reader.count", 3000);

    static final String[] TOKENS = {"'", "''", "\\", "\\'", "(", ")", ",", ";", ";;", "`", "\"", "/*", "*/", "/*!40101 ",
        "-- ", "#", "\n", "\r\n", " ", "0x", "0xZZ", "X'", "b'", "b'101'", "_binary ", "_utf8mb4 ", "NULL", "NUL", "TRUE",
        "-1.5e3", "18446744073709551616", "DELIMITER ;;\n", "DELIMITER ;\n", "DELIMITER \n", "USE `zstack`;\n",
        "INSERT INTO `TpmVO` VALUES ", "INSERT INTO `TpmVO` (`uuid`) VALUES ", "INSERT INTO `Other` VALUES ",
        "CREATE TABLE `TpmVO` (", "CREATE TABLE `TpmVO` (`uuid` char(32), PRIMARY KEY (`uuid`));\n",
        "CONSTRAINT `fk` FOREIGN KEY (`vmInstanceUuid`) REFERENCES `VmInstanceEO` (`uuid`) ON DELETE CASCADE",
        "PRIMARY KEY (", "UNIQUE KEY `u` (", "KEY ", "SET NAMES latin1;\n", "SET NAMES koi8r;\n", "SET TIME_ZONE='+08:00';\n",
        "-- Dump completed\n", "\uFEFF", "\u00e9", "\uD83D\uDE00", "\u0000", "\u001a"};

    @Test
    void theReaderEndsWithRowsOrAMessageOnSmallMutants() throws Exception {
        byte[] seed = (TestDumps.complete(20) + MysqlDumpReaderTest.HEADER + MysqlDumpReaderTest.CONTENT_TABLE
                + "INSERT INTO `VmHostFileContentVO` VALUES ('a',_binary 'x\\0y','Raw','2026-01-01 00:00:00',"
                + "'2026-01-01 00:00:00'),('b',0x00ff,'Raw','2026-01-01 00:00:00','2026-01-01 00:00:00');\n")
                .getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < COUNT && failures.size() < 10; i++) {
            SplittableRandom r = new SplittableRandom(SEED ^ (0x9E3779B97F4A7C15L * (i + 1)));
            StringBuilder what = new StringBuilder();
            byte[] mutant = mutate(seed, r, what);
            int chunk = r.nextBoolean() ? Integer.MAX_VALUE : 1 + r.nextInt(4096);
            try {
                MysqlDumpReaderTest.read(mutant, chunk);
            } catch (DumpFormatException e) {
                if (e.getMessage().contains("\n") || e.getMessage().length() > 600) {
                    failures.add("mutant " + i + " (" + what + "): a message of " + e.getMessage().length()
                            + " characters or several lines: " + e.getMessage().substring(0, Math.min(200, e.getMessage().length())));
                }
            } catch (IOException e) {
                // the EOFException of a cut input: the importer says it is cut off
            } catch (Exception | StackOverflowError e) {
                failures.add("mutant " + i + " (" + what + ", chunks of " + chunk + "): " + e);
            }
        }
        assertThat(failures).as("seed " + SEED + " (-Dtpm.fuzz.seed)").isEmpty();
    }

    @Test
    void theCreateTableParserEndsWithATableOrIllegalArgumentException() {
        String[] tables = MysqlDumpReaderTest.CONTENT_TABLE.split("(?<=;)\n");
        byte[] seed = (tables[0].substring("CREATE TABLE `VmHostFileContentVO` ".length(), tables[0].length() - 1)
                + " ").getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < COUNT * 3 && failures.size() < 10; i++) {
            SplittableRandom r = new SplittableRandom(SEED ^ (0xC2B2AE3D27D4EB4FL * (i + 1)));
            StringBuilder what = new StringBuilder();
            String text = new String(mutate(seed, r, what), StandardCharsets.UTF_8);
            try {
                new SnapshotSchema().define(DumpTable.parse("VmHostFileContentVO", text));
            } catch (IllegalArgumentException e) {
                // the reader says the CREATE TABLE is not well-formed
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("mutant " + i + " (" + what + "): " + e + " on: " + text);
            }
        }
        assertThat(failures).as("seed " + SEED + " (-Dtpm.fuzz.seed)").isEmpty();
    }

    /** 1 to 8 edits: a token inserted, a byte changed or removed, a range repeated; sometimes a cut. */
    static byte[] mutate(byte[] data, SplittableRandom r, StringBuilder what) {
        byte[] out = data;
        int edits = 1 + r.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(out.length + 1);
            switch (r.nextInt(4)) {
                case 0 -> {
                    String token = TOKENS[r.nextInt(TOKENS.length)];
                    what.append("insert ").append(token.replace("\n", "\\n")).append(" at ").append(at).append("; ");
                    out = splice(out, at, 0, token.getBytes(StandardCharsets.UTF_8));
                }
                case 1 -> {
                    if (at < out.length) {
                        what.append("change byte ").append(at).append("; ");
                        out = out.clone();
                        out[at] = (byte) r.nextInt(256);
                    }
                }
                case 2 -> {
                    int n = Math.min(out.length - at, 1 + r.nextInt(16));
                    what.append("remove ").append(n).append(" at ").append(at).append("; ");
                    out = splice(out, at, n, new byte[0]);
                }
                default -> {
                    int n = Math.min(out.length - at, 1 + r.nextInt(64));
                    int times = 1 + r.nextInt(200);
                    byte[] range = Arrays.copyOfRange(out, at, at + n);
                    ByteArrayOutputStream rep = new ByteArrayOutputStream();
                    for (int t = 0; t < times; t++) {
                        rep.writeBytes(range);
                    }
                    what.append("repeat ").append(n).append(" at ").append(at).append(" ×").append(times).append("; ");
                    out = splice(out, at, n, rep.toByteArray());
                }
            }
        }
        if (r.nextInt(8) == 0) {
            int cut = r.nextInt(out.length + 1);
            what.append("cut at ").append(cut);
            out = Arrays.copyOf(out, cut);
        }
        return out;
    }

    static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + insert.length);
        out.write(data, 0, at);
        out.writeBytes(insert);
        out.write(data, at + remove, data.length - at - remove);
        return out.toByteArray();
    }
}
