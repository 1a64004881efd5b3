package dev.tpmconsole.model.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.pipeline.Runs;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.plan.Planner;
import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.ssh.SshHosts;
import dev.tpmconsole.model.ssh.SshPrompts;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host work done for real, on fake hosts served by the real OpenSSH: a remove moves exactly the planned TPM state
 * folders into the run's trash on their hosts and undo puts them back byte for byte; a symbolic link planted at a
 * planned path fails its item and keeps its row (so the TPM stays, R3 of docs/cleanup.md); an unreachable host fails its items only;
 * purge removes only trash older than asked.
 */
class HostWorkOverSshTest {

    static final String H1 = "127.0.0.31";
    static final String H2 = "127.0.0.32";
    static final String H3 = "127.0.0.33";
    /** An address nothing listens on. */
    static final String GONE = "127.0.0.39";

    static OpenSshHosts hosts;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        hosts = OpenSshHosts.start(List.of(H1, H2, H3));
    }

    @AfterAll
    static void stop() {
        if (hosts != null) {
            hosts.close();
        }
    }

    static String vm() {
        return String.format("%016x%016x", ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
    }

    static Runs.HostWork overSsh(SshHosts ssh) {
        return runId -> new SshHostMover(ssh, runId, 4);
    }

    static Plan remove(Path file, String... vms) throws Exception {
        try (SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.readOnly())) {
            return new Planner(s, Clock.systemUTC()).remove(List.of(vms)).plan();
        }
    }

    /** Every file, folder and link under the hosts' libvirt folders: its kind and its bytes (or a link's target). */
    static Map<String, String> tree() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String h : List.of(H1, H2, H3)) {
            Path root = hosts.root(h).resolve("var/lib/libvirt");
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    String key = h + ":" + root.relativize(p);
                    if (Files.isSymbolicLink(p)) {
                        out.put(key, "link " + Files.readSymbolicLink(p));
                    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.put(key, "folder");
                    } else {
                        out.put(key, "file " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(p))));
                    }
                }
            }
        }
        return out;
    }

    /** The tree without the console's trash (what undo must give back). */
    static Map<String, String> outsideTrash(Map<String, String> tree) {
        Map<String, String> out = new TreeMap<>(tree);
        out.keySet().removeIf(k -> k.contains(HostPaths.TRASH));
        return out;
    }

    static RunEvent.RunEnded finish(Runs.Run run, List<RunEvent> events) {
        events.addAll(run.events().toList().blockingGet());
        return (RunEvent.RunEnded) events.get(events.size() - 1);
    }

    @Test
    void aRemoveMovesExactlyThePlannedFolders_andUndoPutsThemBackByteForByte() throws Exception {
        String v1 = vm();
        String v2 = vm();
        String v3 = vm();
        String kept = vm();
        Path file = SqliteTestDatabase.create(dir.resolve("cloud.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false, H1).host("h2", false, H2).host("h3", false, H3);
            for (String v : List.of(v1, v2, v3, kept)) {
                r.vm(v, true).tpm(v + "t", v).keyRef(v.hashCode() & 0xffff, "TpmVO", v + "t", "p", "nkp", "kek");
            }
            r.hostFile(v1 + "a", v1, "h1", "TpmState", "2026-03-01 00:00:00");
            r.hostFile(v1 + "b", v1, "h2", "TpmState", "2026-04-01 00:00:00"); // the same VM's state on two hosts
            r.hostFile(v2 + "a", v2, "h2", "TpmState");
            r.hostFile(v3 + "a", v3, "h3", "TpmState");
            r.hostFile(kept + "a", kept, "h3", "TpmState");
        });
        for (String[] f : List.of(new String[] {H1, v1}, new String[] {H2, v1}, new String[] {H2, v2},
                new String[] {H3, v3}, new String[] {H3, kept})) {
            hosts.stateFolder(f[0], HostPaths.hyphenated(f[1]));
        }
        hosts.stateFolder(H3, HostPaths.hyphenated(vm())); // a folder the database does not know
        Map<String, String> before = tree();
        String dbBefore = TestSnapshots.contentDigest(file);
        Plan plan = remove(file, v1, v2, v3);
        assertThat(plan.hostWork()).hasSize(4);

        List<RunEvent> events = new java.util.ArrayList<>();
        Path journal;
        String runId;
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE);
             SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions())) {
            try (Runs.Run run = Runs.start(s, plan, null, Clock.systemUTC(), Schedulers.io(), overSsh(ssh))) {
                assertThat(finish(run, events).outcome()).as(events.toString()).isEqualTo(RunEvent.Outcome.DONE);
                journal = run.journalFile();
                runId = run.folder().getFileName().toString();
            }
            assertThat(events).filteredOn(RunEvent.HostMoved.class::isInstance).map(RunEvent.HostMoved.class::cast)
                    .extracting(RunEvent.HostMoved::outcome).containsExactly("moved", "moved", "moved", "moved");
            assertThat(events).noneMatch(RunEvent.HostWorkExported.class::isInstance);

            // exactly the planned folders moved, each into the run's trash on its host, bytes and all
            Map<String, String> expected = new TreeMap<>(before);
            for (Plan.HostWork w : plan.hostWork()) {
                String host = w.managementIp();
                String name = HostPaths.folderName(w.path());
                for (String k : List.copyOf(expected.keySet())) {
                    String prefix = host + ":swtpm/" + name;
                    if (k.equals(prefix) || k.startsWith(prefix + "/")) {
                        expected.put(host + ":swtpm/" + HostPaths.TRASH + "/" + runId + "/" + name
                                + k.substring(prefix.length()), expected.remove(k));
                    }
                }
                expected.put(host + ":swtpm/" + HostPaths.TRASH, "folder");
                expected.put(host + ":swtpm/" + HostPaths.TRASH + "/" + runId, "folder");
            }
            assertThat(tree()).isEqualTo(expected);
            assertThat(Files.getPosixFilePermissions(hosts.root(H1).resolve("var/lib/libvirt/swtpm/" + HostPaths.TRASH)))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
                            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
            assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostFileVO")).isEqualTo(1);

            Runs.UndoResult undone = Runs.undo(s, journal, Clock.systemUTC(), overSsh(ssh));
            assertThat(undone.foldersRestored()).isEqualTo(4);
            assertThat(undone.foldersRefused()).isEmpty();
            assertThat(outsideTrash(tree())).isEqualTo(outsideTrash(before));
            assertThat(TestSnapshots.contentDigest(file)).isEqualTo(dbBefore);

            Runs.UndoResult again = Runs.undo(s, journal, Clock.systemUTC(), overSsh(ssh));
            assertThat(again.foldersInPlace()).as("back already").isEqualTo(4);
            assertThat(again.foldersRefused()).isEmpty();
            assertThat(outsideTrash(tree())).isEqualTo(outsideTrash(before));
        }
    }

    @Test
    void aSymlinkPlantedAtAPlannedPathFailsItsItem_keepsItsRow_andTheTpm() throws Exception {
        String linked = vm();
        String fine = vm();
        Path file = SqliteTestDatabase.create(dir.resolve("cloud.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false, H1);
            for (String v : List.of(linked, fine)) {
                r.vm(v, true).tpm(v + "t", v).hostFile(v + "a", v, "h1", "TpmState");
            }
        });
        hosts.stateSymlink(H1, HostPaths.hyphenated(linked), "/etc");
        hosts.stateFolder(H1, HostPaths.hyphenated(fine));
        Plan plan = remove(file, linked, fine);
        List<RunEvent> events = new java.util.ArrayList<>();
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE);
             SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.start(s, plan, null, Clock.systemUTC(), Schedulers.io(), overSsh(ssh))) {
            assertThat(finish(run, events).outcome()).isEqualTo(RunEvent.Outcome.FAILED);
        }
        assertThat(events).filteredOn(RunEvent.ItemFailed.class::isInstance).map(RunEvent.ItemFailed.class::cast)
                .singleElement().satisfies(f -> {
                    assertThat(f.item()).isEqualTo("VmHostFileVO/" + linked + "a");
                    assertThat(f.cause()).contains("is a symbolic link", "'/etc'", "never followed");
                });
        assertThat(events).filteredOn(RunEvent.ItemSkipped.class::isInstance).map(RunEvent.ItemSkipped.class::cast)
                .extracting(RunEvent.ItemSkipped::item).containsExactly("VmHostFileVO/" + linked + "a");
        assertThat(events).filteredOn(e -> e instanceof RunEvent.StepEnded s && s.step() == Plan.StepName.DELETE_TPM)
                .map(RunEvent.StepEnded.class::cast).singleElement()
                .satisfies(s -> assertThat(s.outcome()).isEqualTo(RunEvent.Outcome.SKIPPED));
        assertThat(Files.isSymbolicLink(hosts.root(H1).resolve("var/lib/libvirt/swtpm/" + HostPaths.hyphenated(linked))))
                .as("the link is left where it is").isTrue();
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostFileVO WHERE uuid = '" + linked + "a'"))
                .as("its row stays: the database never forgets a folder that may still be on its host").isEqualTo(1);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM TpmVO")).as("the TPM step is skipped").isEqualTo(2);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostFileVO WHERE uuid = '" + fine + "a'")).isZero();
        assertThat(hosts.root(H1).resolve("var/lib/libvirt/swtpm/" + HostPaths.hyphenated(fine))).doesNotExist();
    }

    @Test
    void anUnreachableHostFailsItsItemsOnly() throws Exception {
        String away = vm();
        String away2 = vm();
        String near = vm();
        Path file = SqliteTestDatabase.create(dir.resolve("cloud.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.host("h_gone", false, GONE).host("h2", false, H2);
            r.vm(away, true).hostFile(away + "a", away, "h_gone", "TpmState");
            r.vm(away2, true).hostFile(away2 + "a", away2, "h_gone", "TpmState", "2026-05-01 00:00:00");
            r.vm(near, true).hostFile(near + "a", near, "h2", "TpmState");
        });
        hosts.stateFolder(H2, HostPaths.hyphenated(near));
        List<RunEvent> events = new java.util.ArrayList<>();
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE);
             SqliteSnapshot s = SqliteSnapshot.open(file, OpenOptions.writableOptions());
             Runs.Run run = Runs.start(s, remove(file, away, away2, near), null, Clock.systemUTC(), Schedulers.io(), overSsh(ssh))) {
            assertThat(finish(run, events).outcome()).isEqualTo(RunEvent.Outcome.FAILED);
        }
        assertThat(events).filteredOn(RunEvent.ItemFailed.class::isInstance).map(RunEvent.ItemFailed.class::cast)
                .extracting(RunEvent.ItemFailed::item, f -> f.cause().contains("cannot be reached"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("VmHostFileVO/" + away + "a", true),
                        org.assertj.core.groups.Tuple.tuple("VmHostFileVO/" + away2 + "a", true));
        assertThat(events).filteredOn(RunEvent.HostMoved.class::isInstance).map(RunEvent.HostMoved.class::cast)
                .extracting(RunEvent.HostMoved::item).containsExactly("VmHostFileVO/" + near + "a");
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostFileVO WHERE vmInstanceUuid IN ('" + away
                + "', '" + away2 + "')")).isEqualTo(2);
        assertThat(TestSnapshots.count(file, "SELECT count(*) FROM VmHostFileVO WHERE vmInstanceUuid = '" + near + "'"))
                .isZero();
    }

    @Test
    void purgeRemovesOnlyTrashOlderThanAsked() throws Exception {
        Path trash = hosts.root(H2).resolve("var/lib/libvirt/swtpm/" + HostPaths.TRASH);
        String oldRun = "20200102T030405Z";
        String recentRun = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now()) + "-2";
        String name = "11111111-2222-3333-4444-555555555555";
        hosts.trashedStateFolder(H2, oldRun, name);
        hosts.trashedStateFolder(H2, recentRun, name);
        Files.createDirectories(trash.resolve("not-a-run"));
        List<HostScanner.Target> targets = List.of(new HostScanner.Target("h2", "host 2", H2, null),
                new HostScanner.Target("h_gone", "gone", GONE, null));
        try (SshHosts ssh = new SshHosts(hosts.settings(), SshPrompts.NONE)) {
            Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
            List<TrashPurge.Host> dry = TrashPurge.purge(ssh, targets, weekAgo, true, 2);
            assertThat(dry.get(0).purged()).extracting(TrashPurge.Purged::runId, TrashPurge.Purged::entries,
                    TrashPurge.Purged::deleted).containsExactly(org.assertj.core.groups.Tuple.tuple(oldRun, 4, false));
            assertThat(dry.get(1).unreachable()).contains("refused");
            assertThat(trash.resolve(oldRun)).exists();

            List<TrashPurge.Host> done = TrashPurge.purge(ssh, targets, weekAgo, false, 2);
            assertThat(done.get(0).purged()).extracting(TrashPurge.Purged::runId).containsExactly(oldRun);
            assertThat(done.get(0).kept()).isEqualTo(1);
        }
        assertThat(trash.resolve(oldRun)).doesNotExist();
        assertThat(trash.resolve(recentRun + "/" + name + "/tpm2/tpm2-00.permall"))
                .hasContent("trashed state of " + name + " in " + recentRun);
        assertThat(trash.resolve("not-a-run")).as("what is not a run's trash is not the console's").exists();
    }
}
