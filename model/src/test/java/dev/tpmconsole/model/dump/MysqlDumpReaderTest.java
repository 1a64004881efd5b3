package dev.tpmconsole.model.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.schema.ColumnDef;
import dev.tpmconsole.model.schema.TableDef;
import dev.tpmconsole.model.source.SourceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reader on dump text as MariaDB's and MySQL's mysqldump write it (formats the real mysqldump of this
 * machine does not produce, such as MySQL 8's single-line INSERTs with _binary, are written here by hand), fed
 * whole and in small pieces so that every value also crosses buffer ends.
 */
class MysqlDumpReaderTest {

    static final String HEADER = "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost"
            + "    Database: zstack\n-- ------------------------------------------------------\n"
            + "/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n";
    static final String CONTENT_TABLE = "CREATE TABLE `VmHostFileContentVO` (\n  `uuid` char(32) NOT NULL,\n"
            + "  `content` mediumblob,\n  `format` varchar(64) NOT NULL,\n"
            + "  `createDate` timestamp NOT NULL DEFAULT '0000-00-00 00:00:00',\n"
            + "  `lastOpDate` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n"
            + "  PRIMARY KEY (`uuid`),\n  CONSTRAINT `fkVmHostFileContentVOResourceVO` FOREIGN KEY (`uuid`)"
            + " REFERENCES `ResourceVO` (`uuid`) ON DELETE CASCADE\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n";

    /** What the reader reported: rows per table as lists, tables created, tables skipped. */
    static final class Collected implements MysqlDumpReader.Handler {
        final SnapshotSchema schema = new SnapshotSchema();
        final Map<String, DumpTable> created = new LinkedHashMap<>();
        final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        final List<String> skipped = new ArrayList<>();
        final List<String> databases = new ArrayList<>();

        @Override
        public boolean wants(String database, String table) {
            return schema.canonicalName(table) != null;
        }

        @Override
        public void createTable(String database, DumpTable table) {
            created.put(table.name(), table);
            schema.define(table);
            databases.add(database);
        }

        @Override
        public MysqlDumpReader.RowTarget insertInto(String database, String table, List<String> columns) {
            String name = schema.canonicalName(table);
            TableDef def = schema.has(name) ? schema.table(name) : schema.defineFromDdl(name);
            List<String> cols = columns != null ? columns
                    : created.containsKey(table) ? created.get(table).columns() : def.columnNames();
            List<Object[]> list = rows.computeIfAbsent(name, k -> new ArrayList<>());
            return new MysqlDumpReader.RowTarget(def, cols, list.size()) {
                @Override
                void row(Object[] values) {
                    list.add(values);
                }
            };
        }

        @Override
        public void reading(long position) {
        }

        @Override
        public void skipped(String table, long bytes) {
            skipped.add(table);
        }

        /** The rows of a table with blobs as hex, for comparison. */
        List<List<Object>> table(String name) {
            List<List<Object>> out = new ArrayList<>();
            for (Object[] r : rows.getOrDefault(name, List.of())) {
                List<Object> row = new ArrayList<>();
                for (Object v : r) {
                    row.add(v instanceof byte[] b ? "x'" + java.util.HexFormat.of().formatHex(b) + "'" : v);
                }
                out.add(row);
            }
            return out;
        }
    }

    /** Delivers the bytes at most {@code chunk} at a time, as a pipe or a slow disk may. */
    static InputStream pieces(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    static Collected read(byte[] dump) throws Exception {
        return read(dump, Integer.MAX_VALUE);
    }

    static Collected read(byte[] dump, int chunk) throws Exception {
        Collected c = new Collected();
        MysqlDumpReader reader = new MysqlDumpReader(pieces(dump, chunk), c);
        reader.read();
        return c;
    }

    static Collected read(String dump) throws Exception {
        return read(dump.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds dump bytes from text and raw bytes. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** As mysql_real_escape_string writes a value inside quotes. */
    static byte[] escaped(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value) {
            switch (b) {
                case 0 -> out.writeBytes(new byte[] {'\\', '0'});
                case '\n' -> out.writeBytes(new byte[] {'\\', 'n'});
                case '\r' -> out.writeBytes(new byte[] {'\\', 'r'});
                case 26 -> out.writeBytes(new byte[] {'\\', 'Z'});
                case '\\', '\'', '"' -> out.writeBytes(new byte[] {'\\', b});
                default -> out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Test
    void readsMySql8SingleLineInsertsWithBinaryIntroducersEscapesAndNulls() throws Exception {
        byte[] dump = bytes(HEADER, CONTENT_TABLE,
                "INSERT INTO `VmHostFileContentVO` VALUES ('c1',_binary '", escaped(new byte[] {0, '\'', '\\', '\n',
                        '\r', 26, '"', (byte) 0xff, (byte) 0x80, 't'}), "','Raw','2026-01-01 00:00:00','2026-01-02 03:04:05'),"
                        + "('c2',NULL,'it\\'s \\\"q\\\" \\\\ é 中 😀','0000-00-00 00:00:00','2026-01-02 00:00:00'),"
                        + "('c3',_binary '','Tar''ball\\tGzip\\b','2026-01-01 00:00:00','2026-01-02 00:00:00');\n",
                "-- Dump completed on 2026-11-20 12:00:00\n");
        for (int chunk : new int[] {Integer.MAX_VALUE, 1, 2, 3, 7, 64}) {
            Collected c = read(dump, chunk);
            assertThat(c.table("VmHostFileContentVO")).as("in pieces of " + chunk).containsExactly(
                    List.of("c1", "x'00275c0a0d1a22ff8074'", "Raw", "2026-01-01 00:00:00", "2026-01-02 03:04:05"),
                    Arrays.asList("c2", null, "it's \"q\" \\ é 中 😀", "0000-00-00 00:00:00", "2026-01-02 00:00:00"),
                    List.of("c3", "x''", "Tar'ball\tGzip\b", "2026-01-01 00:00:00", "2026-01-02 00:00:00"));
        }
    }

    @Test
    void readsMariaDbRowPerLineInsertsHexBlobsNumbersAndBits() throws Exception {
        String dump = HEADER + "CREATE TABLE `EncryptedResourceKeyRefVO` (\n  `id` bigint(20) unsigned NOT NULL"
                + " AUTO_INCREMENT,\n  `resourceType` varchar(255) NOT NULL,\n  `resourceUuid` varchar(32) NOT NULL,\n"
                + "  `providerUuid` varchar(32) DEFAULT NULL,\n  `providerName` varchar(255) NOT NULL,\n"
                + "  `keyVersion` int(10) unsigned DEFAULT NULL,\n  `kekRef` varchar(255) DEFAULT NULL,\n"
                + "  `wrappedDek` text NOT NULL,\n  `algorithm` varchar(64) DEFAULT NULL,\n"
                + "  `createDate` timestamp NOT NULL DEFAULT '0000-00-00 00:00:00',\n"
                + "  `lastOpDate` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),\n"
                + "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
                + "INSERT INTO `EncryptedResourceKeyRefVO` VALUES\n"
                + "(9223372036854775807,'TpmVO','t1',NULL,'nkp',4294967295,NULL,'','AES','2026-01-01 00:00:00','2026-01-01 00:00:00'),\n"
                + "(-5,'TpmVO','t2','p','nkp',b'101',+7,'d2s=',NULL,'2026-01-01 00:00:00','2026-01-01 00:00:00');\n"
                + CONTENT_TABLE
                + "INSERT INTO `VmHostFileContentVO` VALUES\n('a',0x00275C0aff,'Raw','2026-01-01 00:00:00','2026-01-01 00:00:00'),\n"
                + "('b',X'ABC0','Raw','2026-01-01 00:00:00','2026-01-01 00:00:00'),\n"
                + "('c',0xABC,'Raw','2026-01-01 00:00:00','2026-01-01 00:00:00'),\n"
                + "('d','','Raw','2026-01-01 00:00:00','2026-01-01 00:00:00');\n"
                + "-- Dump completed\n";
        Collected c = read(dump);
        assertThat(c.table("EncryptedResourceKeyRefVO")).containsExactly(
                Arrays.asList(Long.MAX_VALUE, "TpmVO", "t1", null, "nkp", 4294967295L, null, "", "AES",
                        "2026-01-01 00:00:00", "2026-01-01 00:00:00"),
                Arrays.asList(-5L, "TpmVO", "t2", "p", "nkp", 5L, "+7", "d2s=", null, "2026-01-01 00:00:00",
                        "2026-01-01 00:00:00"));
        assertThat(c.table("VmHostFileContentVO")).extracting(r -> r.get(1))
                .containsExactly("x'00275c0aff'", "x'abc0'", "x'0abc'", "x''");
    }

    @Test
    void numbersTooLargeForALongStayText() throws Exception {
        String dump = "INSERT INTO `NkpVO` VALUES ('n',NULL,NULL,1,18446744073709551615),('m',NULL,NULL,0,1.5e3);\n";
        Collected c = read(dump);
        assertThat(c.table("NkpVO")).extracting(r -> r.get(4)).containsExactly("18446744073709551615", "1.5e3");
        assertThat(c.table("NkpVO")).extracting(r -> r.get(3)).containsExactly(1L, 0L);
    }

    @Test
    void mapsColumnsByNameFromTheInsertOrTheCreateTable() throws Exception {
        // an older ZStack: VmHostFileVO without the sync columns, columns in another order, one unknown column
        String dump = HEADER + "CREATE TABLE `VmHostFileVO` (\n  `uuid` char(32) NOT NULL,\n  `hostUuid` char(32) NOT NULL,\n"
                + "  `vmInstanceUuid` char(32) NOT NULL,\n  `extra` int DEFAULT NULL,\n  `type` varchar(64) NOT NULL,\n"
                + "  `path` varchar(1024) NOT NULL,\n  `createDate` timestamp NOT NULL,\n  `lastOpDate` timestamp NOT NULL,\n"
                + "  PRIMARY KEY (`uuid`)\n);\n"
                + "INSERT INTO `VmHostFileVO` VALUES ('f1','h1','v1',42,'TpmState','/p/','2026-01-01 00:00:00','2026-01-02 00:00:00');\n"
                + "INSERT INTO `VmHostFileVO` (`type`, `uuid`, `vmInstanceUuid`, `hostUuid`, `path`, `createDate`,"
                + " `lastOpDate`) VALUES ('NvRam','f2','v1','h1','/n','2026-01-01 00:00:00','2026-01-02 00:00:00');\n";
        Collected c = read(dump);
        TableDef def = c.schema.table("VmHostFileVO");
        assertThat(def.columnNames()).containsExactly("uuid", "vmInstanceUuid", "hostUuid", "type", "path", "createDate",
                "lastOpDate");
        assertThat(c.schema.missingColumns().get("VmHostFileVO")).containsExactly("lastSyncReason", "changeDate",
                "lastSyncDate");
        assertThat(c.schema.droppedColumns().get("VmHostFileVO")).containsExactly("extra");
        assertThat(c.table("VmHostFileVO")).containsExactly(
                List.of("f1", "v1", "h1", "TpmState", "/p/", "2026-01-01 00:00:00", "2026-01-02 00:00:00"),
                List.of("f2", "v1", "h1", "NvRam", "/n", "2026-01-01 00:00:00", "2026-01-02 00:00:00"));
    }

    @Test
    void skipsOtherTablesWhateverTheirRowsHold() throws Exception {
        String dump = HEADER
                + "CREATE TABLE `Other` (`x` int, `y` text COMMENT 'a; b ''quoted'' -- not a comment');\n"
                + "INSERT INTO `Other` VALUES\n(1,'a;'),\n(2,'x);\\nINSERT INTO `TpmVO` VALUES (\\'no\\');'),\n"
                + "(3,'c');\n"
                + "INSERT INTO `Other` VALUES (4,';'),(5,'\\';\\n');\n"
                + "INSERT INTO `TpmVO` VALUES ('t1','v1','2026-01-01 00:00:00','2026-01-01 00:00:00');\n"
                + "INSERT INTO `zstack`.`AnotherOne` VALUES (1);\n";
        Collected c = read(dump);
        assertThat(c.skipped).containsExactly("Other", "Other", "AnotherOne");
        assertThat(c.table("TpmVO")).containsExactly(List.of("t1", "v1", "2026-01-01 00:00:00", "2026-01-01 00:00:00"));
    }

    @Test
    void readsPastViewsTriggersRoutinesCommentsAndDelimiters() throws Exception {
        String dump = "\uFEFF/*M!999999\\- enable the sandbox mode */ \n" + HEADER
                + "# a shell-style comment with a quote ' and a ;\n"
                + "/* a block comment; with 'quotes' */\n"
                + "/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`%` SQL SECURITY DEFINER */\n"
                + "/*!50001 VIEW `HostVO` AS select `HostEO`.`uuid` AS `uuid` from `HostEO` where 1 */;\n"
                + "DELIMITER ;;\n"
                + "/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `t` BEFORE INSERT ON"
                + " `Other` FOR EACH ROW BEGIN SET NEW.x = 1; SET NEW.y = ';'; END */;;\n"
                + "CREATE DEFINER=`root`@`localhost` PROCEDURE `p`()\nBEGIN\n  SELECT 'x;y'; SELECT 2;\nEND ;;\n"
                + "DELIMITER ;\n"
                + "LOCK TABLES `TpmVO` WRITE;\n/*!40000 ALTER TABLE `TpmVO` DISABLE KEYS */;\n"
                + "INSERT INTO `TpmVO` VALUES ('t1','v1','2026-01-01 00:00:00','2026-01-01 00:00:00');\n"
                + "/*!40000 ALTER TABLE `TpmVO` ENABLE KEYS */;\nUNLOCK TABLES;\n"
                + "USE `zstack`;\n"
                + "CREATE TABLE IF NOT EXISTS `zstack`.`TpmKeyBackupVO` (`uuid` char(32) NOT NULL, `createDate`"
                + " timestamp, `lastOpDate` timestamp, PRIMARY KEY (`uuid`));\n"
                + "REPLACE INTO `TpmKeyBackupVO` VALUES ('k','2026-01-01 00:00:00','2026-01-01 00:00:00');\n"
                + "INSERT IGNORE INTO `TpmKeyBackupVO` VALUES ('l','2026-01-01 00:00:00','2026-01-01 00:00:00');\n"
                + "-- Dump completed on 2026-11-20\n";
        MysqlDumpReader reader = new MysqlDumpReader(pieces(dump.getBytes(StandardCharsets.UTF_8), 5), new Collected());
        Collected c = read(dump);
        assertThat(c.table("TpmVO")).hasSize(1);
        assertThat(c.table("TpmKeyBackupVO")).extracting(r -> r.get(0)).containsExactly("k", "l");
        assertThat(c.databases).containsExactly("zstack");
        reader.read();
        assertThat(reader.sawHeader()).isTrue();
        assertThat(reader.sawCompleted()).isTrue();
        assertThat(reader.timeZone()).isEqualTo("+00:00");
    }

    @Test
    void aValueLargerThanTheBufferWithEscapesEverywhere() throws Exception {
        byte[] blob = new byte[700_000];
        new SplittableRandom(3).nextBytes(blob);
        for (int i = 0; i < blob.length; i += 997) {
            blob[i] = (byte) "\0'\\\n\r\u001a\"".charAt(i % 7);
        }
        byte[] dump = bytes(CONTENT_TABLE, "INSERT INTO `VmHostFileContentVO` VALUES ('big','", escaped(blob),
                "','Raw','2026-01-01 00:00:00','2026-01-01 00:00:00'),('hex',0x",
                java.util.HexFormat.of().formatHex(blob), ",'Raw','2026-01-01 00:00:00','2026-01-01 00:00:00');\n");
        for (int chunk : new int[] {Integer.MAX_VALUE, 4093, 1 << 18}) {
            Collected c = read(dump, chunk);
            assertThat(c.rows.get("VmHostFileContentVO")).hasSize(2);
            assertThat((byte[]) c.rows.get("VmHostFileContentVO").get(0)[1]).isEqualTo(blob);
            assertThat((byte[]) c.rows.get("VmHostFileContentVO").get(1)[1]).isEqualTo(blob);
        }
    }

    @Test
    void decodesTextInTheDumpsCharacterSet() throws Exception {
        byte[] dump = bytes("/*!40101 SET NAMES latin1 */;\n",
                "INSERT INTO `KeyProviderVO` VALUES ('p','caf", new byte[] {(byte) 0xe9}, "',NULL,'NKP',1,"
                        + "'2026-01-01 00:00:00','2026-01-01 00:00:00');\n");
        assertThat(read(dump).table("KeyProviderVO").get(0).get(1)).isEqualTo("café");
        assertThatThrownBy(() -> read("/*!40101 SET NAMES sjis */;\n"))
                .isInstanceOf(DumpFormatException.class).hasMessageContaining("character set sjis");
    }

    // ------------------------------------------------------------------ what is not a (whole) mysqldump

    static DumpFormatException failure(Object dump) {
        byte[] bytes = dump instanceof byte[] b ? b : dump.toString().getBytes(StandardCharsets.UTF_8);
        try {
            read(bytes);
        } catch (DumpFormatException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no failure");
    }

    @Test
    void aDumpCutOffInsideAValueOrARowOrACommentSaysSo() {
        String whole = HEADER + CONTENT_TABLE + "INSERT INTO `VmHostFileContentVO` VALUES\n"
                + "('a','xyz','Raw','2026-01-01 00:00:00','2026-01-01 00:00:00'),\n"
                + "('b','xyz','Raw','2026-01-01 00:00:00','2026-01-01 00:00:00');\n";
        for (String cut : new String[] {whole.substring(0, whole.length() - 20), whole.substring(0, whole.length() - 3),
                whole.substring(0, whole.indexOf("'xyz") + 2), whole.substring(0, whole.length() - 2)}) {
            DumpFormatException e = failure(cut);
            assertThat(e.reason()).isEqualTo(SourceException.Reason.TRUNCATED);
            assertThat(e.getMessage()).startsWith("is cut off: it ends inside the INSERT into VmHostFileContentVO");
        }
        // cut right after a statement: the reader cannot tell, the missing "-- Dump completed" line does
        MysqlDumpReader atBoundary = new MysqlDumpReader(pieces(whole.getBytes(StandardCharsets.UTF_8), 9),
                new Collected());
        org.assertj.core.api.Assertions.assertThatCode(atBoundary::read).doesNotThrowAnyException();
        assertThat(atBoundary.sawHeader()).isTrue();
        assertThat(atBoundary.sawCompleted()).isFalse();
        DumpFormatException skipped = failure("INSERT INTO `Other` VALUES\n(1,'a'),\n(2,'b'),\n");
        assertThat(skipped.getMessage()).startsWith("is cut off: it ends inside the INSERT into Other");
        assertThat(failure(HEADER + "/*!40101 SET x = 1 ").getMessage()).startsWith("is cut off");
        assertThat(failure(HEADER + CONTENT_TABLE.substring(0, 80)).getMessage())
                .startsWith("is cut off: it ends inside the CREATE TABLE of VmHostFileContentVO");
    }

    @Test
    void somethingElseIsNotAMysqldump() {
        assertThat(failure("hello world, this is a text file\n").getMessage())
                .isEqualTo("is not a mysqldump: it starts with \"hello world, this is a text …\"");
        assertThat(failure(new byte[] {'x', 0, 1, 2, 3, (byte) 0xff}).getMessage())
                .isEqualTo("is not a mysqldump: it starts with binary data");
        assertThat(failure(new byte[] {0, 1, 2}).getMessage()).isEqualTo("is not a mysqldump: it starts with binary data");
        assertThat(failure("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n").getMessage())
                .contains("is not a mysqldump: it is an SQLite script");
        assertThat(failure("--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\nCOPY public.t (a) FROM stdin;\n")
                .getMessage()).contains("PostgreSQL dump");
        DumpFormatException update = failure(HEADER + "UPDATE `TpmVO` SET uuid = 'x';\n");
        assertThat(update.reason()).isEqualTo(SourceException.Reason.UNSUPPORTED);
        assertThat(update.getMessage()).matches("is not plain mysqldump output: at byte [\\d,]+ it holds \"UPDATE `TpmVO`.*");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsMalformed() {
        DumpFormatException e = failure(CONTENT_TABLE + "INSERT INTO `VmHostFileContentVO` VALUES ('a','x','Raw');\n");
        assertThat(e.reason()).isEqualTo(SourceException.Reason.CORRUPT);
        assertThat(e.getMessage()).contains("row 1 of the INSERT into VmHostFileContentVO has 3 values where its"
                + " columns say 5");
        assertThat(failure(CONTENT_TABLE + "INSERT INTO `VmHostFileContentVO` VALUES ('a','x','Raw','1','2','3');\n")
                .getMessage()).contains("has more than the 5 values its columns say");
        assertThat(failure(CONTENT_TABLE + "INSERT INTO `VmHostFileContentVO` VALUES ('a' 'x');\n").getMessage())
                .contains("where ',' or ')' should follow a value");
        assertThat(failure("INSERT INTO `TpmVO` SELECT * FROM x;\n").getMessage()).contains("not INSERT ... VALUES");
    }

    @Test
    void aValueLongerThanItsColumnAllowsIsRefusedNamingTheTableTheRowItsKeyAndTheColumn() throws Exception {
        String ok = "INSERT INTO `TpmVO` VALUES ('" + "a".repeat(32) + "','v1','2026-01-01 00:00:00','2026-01-01 00:00:00');\n";
        // varchar(n) and char(n) count characters, not bytes: 32 four-byte characters fit a char(32)
        String emoji = "\uD83D\uDE00".repeat(32);
        Collected c = read(ok + "INSERT INTO `TpmVO` VALUES ('" + emoji + "','v2','2026-01-01 00:00:00','2026-01-01 00:00:00');\n");
        assertThat(c.table("TpmVO")).extracting(r -> r.get(0)).containsExactly("a".repeat(32), emoji);

        DumpFormatException key = failure(ok + "INSERT INTO `TpmVO` VALUES ('t2','v2','2026-01-01 00:00:00',"
                + "'2026-01-01 00:00:00'),('t3','" + "b".repeat(33) + "','2026-01-01 00:00:00','2026-01-01 00:00:00');\n");
        assertThat(key.reason()).isEqualTo(SourceException.Reason.CORRUPT);
        assertThat(key.getMessage()).matches("holds a value longer than its column allows, at byte [\\d,]+: row 3 of TpmVO"
                + " \\(uuid t3\\), column vmInstanceUuid: more than the 32 characters of char\\(32\\)");
        // the key itself too long: not read, so not named; the value is refused once it has more bytes than
        // 32 characters can take (4 each), not read to its end
        byte[] huge = bytes("INSERT INTO `TpmVO` VALUES ('", "\uD83D\uDE00".repeat(33), "','v','2026-01-01 00:00:00','2026-01-01 00:00:00');\n");
        assertThat(failure(huge).getMessage()).endsWith(": row 1 of TpmVO, column uuid: more than the 32 characters of char(32)");
        // text counts bytes (65,535); numbers and timestamps have their own widths
        String text = "INSERT INTO `SystemTagVO` (`uuid`, `tag`) VALUES ('s1','%s');\n";
        assertThat(read(String.format(text, "t".repeat(65_535))).table("SystemTagVO")).hasSize(1);
        assertThat(failure(String.format(text, "t".repeat(65_536))).getMessage())
                .endsWith("row 1 of SystemTagVO (uuid s1), column tag: more than the 65,535 bytes of text");
        assertThat(failure(String.format(text, "\u00e9".repeat(32_768))).getMessage()).as("é is two bytes")
                .endsWith("column tag: more than the 65,535 bytes of text");
        assertThat(failure("INSERT INTO `NkpVO` VALUES ('n',NULL,NULL,1," + "9".repeat(22) + ");\n").getMessage())
                .endsWith("row 1 of NkpVO (uuid n), column currentVersion: more than the 21 characters of int(10) unsigned");
        assertThat(failure("INSERT INTO `NkpVO` VALUES ('n',NULL,NULL,0x" + "ff".repeat(100) + ",1);\n").getMessage())
                .endsWith("column backedUp: more than the 21 characters of tinyint(1)");
        assertThat(failure("INSERT INTO `TpmVO` VALUES ('t','v','2026-01-01 00:00:00" + "0".repeat(30) + "','x');\n")
                .getMessage()).endsWith("column createDate: more than the 26 characters of timestamp");
        // a column the schema does not have is read past, whatever its length, without keeping it
        String dropped = "INSERT INTO `TpmVO` (`uuid`, `extra`, `vmInstanceUuid`) VALUES ('t','" + "x".repeat(3 << 20)
                + "','v'),('u',0x" + "ab".repeat(1 << 20) + ",'w'),('w'," + "7".repeat(1 << 20) + ",'z');\n";
        assertThat(read(dropped).table("TpmVO")).extracting(r -> r.get(0)).containsExactly("t", "u", "w");
    }

    @Test
    void aMediumblobHoldsUpTo16MiBAndNoMore() throws Exception {
        byte[] max = new byte[(1 << 24) - 1];
        new SplittableRandom(9).nextBytes(max);
        byte[] dump = bytes(CONTENT_TABLE, "INSERT INTO `VmHostFileContentVO` VALUES ('c',0x", java.util.HexFormat.of().formatHex(max),
                ",'Raw','2026-01-01 00:00:00','2026-01-01 00:00:00');\n");
        assertThat((byte[]) read(dump).rows.get("VmHostFileContentVO").get(0)[1]).isEqualTo(max);
        byte[] over = bytes(CONTENT_TABLE, "INSERT INTO `VmHostFileContentVO` VALUES ('c','", escaped(Arrays.copyOf(max, 1 << 24)),
                "','Raw','2026-01-01 00:00:00','2026-01-01 00:00:00');\n");
        assertThat(failure(over).getMessage()).endsWith(
                "row 1 of VmHostFileContentVO (uuid c), column content: more than the 16,777,215 bytes of mediumblob");
    }

    @Test
    void aDelimiterOfMoreThan64BytesIsRefused() throws Exception {
        assertThat(read("DELIMITER " + "$".repeat(64) + "\nSELECT 1" + "$".repeat(64) + "\nDELIMITER ;\n"
                + "INSERT INTO `TpmKeyBackupVO` VALUES ('k','2026-01-01 00:00:00','2026-01-01 00:00:00');\n")
                .table("TpmKeyBackupVO")).hasSize(1);
        DumpFormatException e = failure("DELIMITER " + "x".repeat(300_000) + "\nSELECT 1;\n");
        assertThat(e.reason()).isEqualTo(SourceException.Reason.CORRUPT);
        assertThat(e.getMessage()).endsWith("a DELIMITER of more than 64 bytes");
    }

    @Test
    void namesStatementsAndWordsFromTheDumpAreBoundedAndMessagesStayOneLine() {
        assertThat(failure("INSERT INTO `" + "a".repeat(2000) + "` VALUES (1);\n").getMessage())
                .endsWith("a name of more than 1,024 bytes, in an INSERT");
        assertThat(failure(HEADER + "CREATE TABLE `TpmVO` (`uuid` char(32) COMMENT '" + "c".repeat(2 << 20) + "');\n")
                .getMessage()).endsWith("the CREATE TABLE of TpmVO of more than 1,048,576 bytes");
        assertThat(failure("INSERT INTO `x\ny` VALUES (1),\n").getMessage())
                .isEqualTo("is cut off: it ends inside the INSERT into x\\ny (after 30 bytes of SQL)");
        assertThat(failure("INSERT" + "X".repeat(5 << 20) + " INTO t;\n").getMessage()).hasSizeLessThan(200);
    }
}
