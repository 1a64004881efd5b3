package dev.tpmconsole.model.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot's VM list by name from memory answers exactly as the SQL does: every filter (name or uuid prefix,
 * states, soft-deleted, dirty rows) in both directions, whole and a page at a time, with the count, on names that
 * try SQLite's rules (ASCII letters in either case but no other letter, LIKE's wildcards taken literally, the same
 * name on several VMs, code points beyond the BMP against private-use ones, which UTF-16 orders the other way, and
 * a text typed with half a surrogate pair, which reaches SQLite as UTF-8 does).
 */
class VmNameIndexTest {

    @TempDir
    Path dir;

    static final List<String> NAMES = List.of("", "Ébène", "ébène", "ebene", "EBENE", "中文-vm", "\uD83D\uDE00-emoji",
            "\uE000-private", "dup", "dup", "Dup", "dup", "web_1", "web%1", "web!1", "webX1", "web-1", "Web-2", "a", "A",
            "ab", "ä", "Z", "_", "%", "!", "?-question", "\uFFFD-replacement");
    static final List<String> STATES = List.of("Running", "Stopped", "Crashed", "Running", "Paused");

    static final List<String> TEXTS = List.of("", "a", "A", "al", "AL", "É", "é", "e", "E", "EB", "dup", "DUP", "web_",
            "web%", "web!", "web-", "WEB", "中", "\uD83D", "\uD83D\uDE00", "\uE000", "ä", "Ä", "_", "%", "!", "a1", "A1",
            "a1-0", "00", "0", "e5", "zz", "kvm", "Alp");

    Path snapshot(boolean withABlobName) throws Exception {
        Path file = BrowseFixture.create(dir.resolve("names" + withABlobName + ".sqlite"));
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            // uuids that do not follow the names' order, some sharing a prefix with the fixture's
            String uuid = String.format("%02x%030d", (i * 37) % 256, NAMES.size() - i);
            if (i % 9 == 1) {
                // not ZStack's: the SQL's range leaves out what goes on with a character after 'f'
                uuid = (i % 2 == 0 ? "A1" : "a1") + (char) ('e' + i % 4) + uuid.substring(3);
            }
            sql.add("INSERT INTO VmInstanceEO (uuid, name, type, state, platform, createDate, lastOpDate, deleted)"
                    + " VALUES ('" + uuid + "', '" + NAMES.get(i).replace("'", "''") + "', 'UserVm', '"
                    + STATES.get(i % STATES.size()) + "', 'Linux', '2025-05-01 00:00:00', '2026-05-01 00:00:00', "
                    + (i % 4 == 0 ? "'2026-06-01 00:00:00'" : "NULL") + ")");
            // snapshot groups owning backups: none, one or two a VM; and one whose VM is a blob of a VM uuid's bytes,
            // which the page's IN does not find
            for (int g = 0; g < i % 3; g++) {
                String vm = i % 7 == 3 ? "X'" + hex(uuid) + "'" : "'" + uuid + "'";
                group(sql, String.format("%02x%030d", 0xc0 + g, i), vm, 1 + g);
            }
        }
        if (withABlobName) {
            sql.add("UPDATE VmInstanceEO SET name = X'616C706861' WHERE name = 'ab'");
        }
        TestSnapshots.exec(file, sql.toArray(String[]::new));
        return file;
    }

    /** A snapshot group of {@code vm} (an SQL literal) owning {@code backups} backups (one or two). */
    private static void group(List<String> sql, String uuid, String vm, int backups) {
        sql.add("INSERT INTO VolumeSnapshotGroupVO (uuid, name, vmInstanceUuid, createDate, lastOpDate) VALUES ('"
                + uuid + "', 'sg', " + vm + ", '2026-02-01 00:00:00', '2026-02-01 00:00:00')");
        for (int b = 0; b < backups; b++) {
            sql.add("INSERT INTO VmHostBackupFileVO (uuid, resourceUuid, type, createDate, lastOpDate) VALUES ('"
                    + "e" + uuid.charAt(1) + b + uuid.substring(3) + "', '" + uuid + "', '"
                    + (b == 0 ? "TpmState" : "NvRam") + "', '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
        }
    }

    private static String hex(String text) {
        StringBuilder b = new StringBuilder();
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            b.append(String.format("%02X", x));
        }
        return b.toString();
    }

    static List<VmFilter> filters() {
        List<VmFilter> out = new ArrayList<>();
        List<Set<String>> states = List.of(Set.of(), Set.of("Running"), Set.of("Stopped", VmFilter.SOFT_DELETED),
                Set.of(VmFilter.SOFT_DELETED));
        for (String text : TEXTS) {
            for (Set<String> s : states) {
                for (boolean dirty : new boolean[] {false, true}) {
                    out.add(new VmFilter(text, s, "", dirty));
                }
            }
        }
        return out;
    }

    @Test
    void answersAsTheSqlDoes() throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot(false), OpenOptions.readOnly())) {
            try (Connection c = s.connection()) {
                VmNameIndex index = VmNameIndex.read(c);
                assertThat(index).as("a snapshot in UTF-8 with text names").isNotNull();
                assertThat(index.size()).isEqualTo(11 + NAMES.size());
            }
            sameAnswers(s, true);
        }
    }

    @Test
    void aNameThatIsNotTextLeavesItToTheSql() throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot(true), OpenOptions.readOnly())) {
            try (Connection c = s.connection()) {
                assertThat(VmNameIndex.read(c)).as("a blob sorts after every text").isNull();
            }
            sameAnswers(s, false);
        }
    }

    /**
     * A person typing on and back: each filter's VMs are looked for among those of a filter that narrows to it (the
     * text goes on, the rest is the same), or are the ones of the same filter a moment ago; all as the SQL answers,
     * including a text that becomes a uuid prefix only as it goes on ("-" then "-a1") and half a surrogate pair
     * completed.
     */
    @Test
    void typingOnAndBackAnswersAsTheSqlDoes() throws Exception {
        List<String> typed = List.of("", "w", "we", "web", "web-", "web-1", "web-", "web_", "web", "WEB", "we", "",
                "-", "-a", "-a1", "-a1e", "a", "a1", "a1-", "a1-0", "a1", "A1", "a", "\uD83D", "\uD83D\uDE00",
                "\uD83D", "É", "Éb", "é", "e", "eb", "d", "du", "dup", "dupe", "dup", "z", "");
        try (SqliteSnapshot s = SqliteSnapshot.open(snapshot(false), OpenOptions.readOnly())) {
            BrowseQueries fromMemory = new BrowseQueries(s, new AuditDirtyVmIndex(s), true);
            BrowseQueries bySql = new BrowseQueries(s, new AuditDirtyVmIndex(s), false);
            fromMemory.warmUp();
            assertThat(fromMemory.nameIndexReady()).isTrue();
            int nonEmpty = 0;
            int step = 0;
            for (Set<String> states : List.of(Set.<String>of(), Set.of("Running", VmFilter.SOFT_DELETED))) {
                for (boolean dirty : new boolean[] {false, true}) {
                    for (String text : typed) {
                        VmFilter f = new VmFilter(text, states, "", dirty);
                        // both directions, turn about
                        Sort<VmColumn> sort = step++ % 3 == 2 ? Sort.desc(VmColumn.NAME) : Sort.asc(VmColumn.NAME);
                        List<VmRow> expected = bySql.vms(f, sort, 0, BrowseQueries.MAX_PAGE).rows();
                        assertThat(names(fromMemory.vms(f, sort, 0, BrowseQueries.MAX_PAGE).rows()))
                                .as(describe(f, sort)).isEqualTo(names(expected));
                        assertThat(fromMemory.countVms(f)).as("count " + describe(f, sort)).isEqualTo(expected.size());
                        nonEmpty += expected.isEmpty() ? 0 : 1;
                    }
                }
            }
            assertThat(nonEmpty).as("steps that let VMs through").isGreaterThan(60);
        }
    }

    /** A filter in ASCII, so that a failure's report can be read whatever the names hold. */
    static String describe(VmFilter f, Sort<VmColumn> sort) {
        StringBuilder b = new StringBuilder();
        f.text().chars().forEach(ch -> b.append(ch < 128 ? String.valueOf((char) ch) : String.format("\\u%04X", ch)));
        return "'" + b + "' " + f.states() + (f.dirtyOnly() ? " dirty" : "") + " " + sort;
    }

    static List<String> names(List<VmRow> rows) {
        return rows.stream().map(r -> describe(VmFilter.none().withText(r.name()), Sort.asc(VmColumn.NAME))
                + " " + r.uuid()).toList();
    }

    private static void sameAnswers(SqliteSnapshot s, boolean indexed) throws Exception {
        BrowseQueries fromMemory = new BrowseQueries(s, new AuditDirtyVmIndex(s), true);
        BrowseQueries bySql = new BrowseQueries(s, new AuditDirtyVmIndex(s), false);
        assertThat(fromMemory.nameIndexReady()).as("read by the warm-up, never by a query").isFalse();
        fromMemory.vms(VmFilter.none(), Sort.asc(VmColumn.NAME), 0, 10);
        assertThat(fromMemory.nameIndexReady()).isFalse();
        fromMemory.warmUp();
        assertThat(fromMemory.nameIndexReady()).isEqualTo(indexed);
        int nonEmpty = 0;
        for (VmFilter f : filters()) {
            for (Sort<VmColumn> sort : List.of(Sort.asc(VmColumn.NAME), Sort.desc(VmColumn.NAME))) {
                List<VmRow> expected = bySql.vms(f, sort, 0, BrowseQueries.MAX_PAGE).rows();
                assertThat(names(fromMemory.vms(f, sort, 0, BrowseQueries.MAX_PAGE).rows())).as(describe(f, sort))
                        .isEqualTo(names(expected));
                assertThat(fromMemory.vms(f, sort, 0, BrowseQueries.MAX_PAGE).rows()).isEqualTo(expected);
                assertThat(fromMemory.countVms(f)).as("count " + describe(f, sort)).isEqualTo(bySql.countVms(f))
                        .isEqualTo(expected.size());
                for (int offset : new int[] {0, 1, 3}) {
                    Page<VmRow> a = fromMemory.vms(f, sort, offset, 2);
                    Page<VmRow> b = bySql.vms(f, sort, offset, 2);
                    assertThat(a.rows()).as("page at " + offset + " of " + describe(f, sort)).isEqualTo(b.rows());
                    assertThat(a.more()).isEqualTo(b.more());
                }
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("filters that let VMs through").isGreaterThan(100);
    }

    @Test
    void longerTextsThanTheArraysWereSizedForAreKeptWhole() {
        // sized for two short texts; given texts of every length up to 3,000 bytes, and nulls
        VmNameIndex.Texts t = new VmNameIndex.Texts(2, 2);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            values.add(i % 50 == 7 ? null : "é".repeat(i * 5 / 2) + i);
        }
        values.forEach(v -> t.add(v == null ? null : v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (int i = 0; i < values.size(); i++) {
            assertThat(t.string(i)).as("text " + i).isEqualTo(values.get(i));
        }
        int[] reversed = new int[values.size()];
        Arrays.setAll(reversed, k -> values.size() - 1 - k);
        VmNameIndex.Texts r = t.inOrder(reversed);
        assertThat(r.string(0)).isEqualTo(values.get(values.size() - 1));
        assertThat(r.string(values.size() - 1 - 7)).isNull();
    }

    @Test
    void moreStatesThanTheIndexKeepsAnswerAsTheSqlDoes() throws Exception {
        Path file = BrowseFixture.create(dir.resolve("states.sqlite"));
        List<String> sql = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // 40 states, and one that is a number: the index keeps 32 of them once, and reads the others as before
            String state = i % 41 == 40 ? "7" : "'S" + (i % 40) + "'";
            sql.add("INSERT INTO VmInstanceEO (uuid, name, type, state, platform, createDate, lastOpDate, deleted)"
                    + " VALUES ('" + String.format("%032x", 0xe000 + i) + "', 'vm-" + (i % 17) + "', 'UserVm', "
                    + state + ", 'Linux', '2025-05-01 00:00:00', '2026-05-01 00:00:00', NULL)");
        }
        TestSnapshots.exec(file, sql.toArray(String[]::new));
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            BrowseQueries fromMemory = new BrowseQueries(s, new AuditDirtyVmIndex(s), true);
            BrowseQueries bySql = new BrowseQueries(s, new AuditDirtyVmIndex(s), false);
            fromMemory.warmUp();
            assertThat(fromMemory.nameIndexReady()).isTrue();
            for (Set<String> states : List.of(Set.of("S3"), Set.of("S35", "S39"), Set.of("7"), Set.of("S0", "7"))) {
                VmFilter f = new VmFilter("vm-1", states, "", false);
                List<VmRow> expected = bySql.vms(f, Sort.asc(VmColumn.NAME), 0, BrowseQueries.MAX_PAGE).rows();
                assertThat(expected).as(states.toString()).isNotEmpty();
                assertThat(fromMemory.vms(f, Sort.asc(VmColumn.NAME), 0, BrowseQueries.MAX_PAGE).rows())
                        .as(states.toString()).isEqualTo(expected);
                assertThat(fromMemory.countVms(f)).isEqualTo(expected.size());
            }
        }
        // a state that is a blob is not the text the filter names: the SQL answers
        TestSnapshots.exec(file, "UPDATE VmInstanceEO SET state = X'5333' WHERE state = 'S3'");
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            BrowseQueries fromMemory = new BrowseQueries(s, new AuditDirtyVmIndex(s), true);
            fromMemory.warmUp();
            assertThat(fromMemory.nameIndexReady()).isFalse();
            assertThat(fromMemory.countVms(new VmFilter("", Set.of("S3"), "", false))).isZero();
        }
    }

    @Test
    void likeAndOrderAreSqlites() {
        assertThat(like("Ébène", "É")).isTrue();
        assertThat(like("Ébène", "é")).as("only ASCII letters match either case").isFalse();
        assertThat(like("WEB-1", "web")).isTrue();
        assertThat(like("web%1", "web_")).as("no wildcards").isFalse();
        assertThat(like("web", "web-")).isFalse();
        assertThat(like(null, "")).isFalse();
        assertThat(like("", "")).isTrue();
        assertThat(compare("\uE000", "\uD83D\uDE00")).as("code points, not UTF-16 units").isNegative();
        assertThat(compare(null, "")).isNegative();
        assertThat(compare(null, null)).isZero();
        assertThat(compare("Z", "a")).isNegative();
        assertThat(compare("ab", "a")).isPositive();
        assertThat(compare("ä", "z")).as("bytes unsigned").isPositive();
        assertThat(inRange("a1f0", "a1")).isTrue();
        assertThat(inRange("a1g0", "a1")).as("past the range's end").isFalse();
        assertThat(inRange("a1é0", "a1")).as("past the range's end").isFalse();
        assertThat(inRange("A1f0", "a1")).isFalse();
        assertThat(inRange("a1", "a1")).isTrue();
        assertThat(inRange("a", "a1")).isFalse();
    }

    /** Texts holding {@code values} (null for NULL), as the index holds a snapshot's names and uuids. */
    private static VmNameIndex.Texts texts(String... values) {
        VmNameIndex.Texts t = new VmNameIndex.Texts(values.length, values.length);
        for (String v : values) {
            t.add(v == null ? null : v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return t;
    }

    private static boolean like(String value, String prefix) {
        return texts(value).likePrefix(0, prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int compare(String a, String b) {
        return texts(a, b).compare(0, 1);
    }

    private static boolean inRange(String uuid, String hex) {
        return texts(uuid).inUuidRange(0, hex.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
