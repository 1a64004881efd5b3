package dev.tpmconsole.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.hosts.HostPaths;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host work over SSH from the command line, against fake hosts served by the real OpenSSH: {@code apply
 * --host-work ssh} killed (SIGKILL, a real process) right after it moved a folder and before its journal said so
 * resumes to the end state of an uninterrupted run, moving nothing twice; a symbolic link at a planned path makes it
 * exit 4 and list the item; {@code undo} puts the folders back; {@code hosts purge-trash} lists, then deletes.
 */
class HostWorkOverSshTest {

    static final List<String> ADDRESSES = List.of("127.0.0.41", "127.0.0.42");
    static OpenSshHosts hosts;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        hosts = OpenSshHosts.start(ADDRESSES);
    }

    @AfterAll
    static void stop() {
        if (hosts != null) {
            hosts.close();
        }
    }

    String[] ssh(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--ssh-config", hosts.sshConfig().toString(), "--known-hosts", hosts.knownHosts().toString()));
        return all.toArray(String[]::new);
    }

    /** What is under the hosts' swtpm folders, but the trash: path to kind and bytes. */
    static Map<String, String> states() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String a : ADDRESSES) {
            Path root = hosts.root(a).resolve("var/lib/libvirt/swtpm");
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.filter(p -> !root.relativize(p).toString().startsWith(HostPaths.TRASH)).toList()) {
                    out.put(a + ":" + root.relativize(p), Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "folder"
                            : Files.isSymbolicLink(p) ? "link" : Files.readString(p));
                }
            }
        }
        return out;
    }

    /** A cloud of {@code n} VMs whose TPM state is on the two hosts, half each; the folders made on the hosts. */
    Path cloud(String tag, int n, List<String> vms) throws Exception {
        for (int i = 0; i < n; i++) {
            vms.add(String.format("%s%030x", tag, i));
        }
        Path file = SqliteTestDatabase.create(dir.resolve(tag + ".sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("p", "nkp").host("h1", false, ADDRESSES.get(0)).host("h2", false, ADDRESSES.get(1));
            for (int i = 0; i < vms.size(); i++) {
                String v = vms.get(i);
                r.vm(v, true).tpm("t" + v.substring(1), v).hostFile("f" + v.substring(1), v, i % 2 == 0 ? "h1" : "h2",
                        "TpmState", String.format("2026-03-01 00:%02d:00", i));
            }
        });
        for (int i = 0; i < vms.size(); i++) {
            hosts.stateFolder(ADDRESSES.get(i % 2), HostPaths.hyphenated(vms.get(i)));
        }
        return file;
    }

    Path plan(Path file, List<String> vms) {
        Path plan = dir.resolve(file.getFileName() + ".plan.json");
        List<String> args = new ArrayList<>(List.of("plan", "remove", file.toString(), "--out", plan.toString()));
        vms.forEach(v -> args.addAll(List.of("--vm", v)));
        assertThat(Faults.console(args.toArray(String[]::new)).status()).isZero();
        return plan;
    }

    @Test
    void aRunKilledDuringItsHostWorkResumesWithoutMovingAnythingTwice() throws Exception {
        List<String> vms = new ArrayList<>();
        Path file = cloud("a1", 10, vms);
        Map<String, String> before = states();
        Path plan = plan(file, vms);
        ConsoleProcess console = ConsoleProcess.in(dir.resolve("work"));
        assertThat(console.killAt("host-moved", 4, Duration.ofSeconds(120),
                ssh("apply", file.toString(), plan.toString(), "--host-work", "ssh")))
                .as("killed after its 4th move: " + console.lastOutput()).isTrue();
        Path journal = Faults.runFolders(file).get(0).resolve("journal.jsonl");
        String runId = journal.getParent().getFileName().toString();
        long journaled = Files.readAllLines(journal).stream().filter(l -> l.contains("\"host-moved\"")).count();
        long trashed = 0;
        for (String a : ADDRESSES) {
            Path trash = hosts.root(a).resolve("var/lib/libvirt/swtpm/" + HostPaths.TRASH + "/" + runId);
            try (Stream<Path> moved = Files.exists(trash) ? Files.list(trash) : Stream.empty()) {
                trashed += moved.count();
            }
        }
        assertThat(trashed).as("a folder moved whose move the journal does not hold").isGreaterThan(journaled);
        ConsoleProcess.Result resumed = Faults.console(ssh("apply", "--resume", journal.toString()));
        assertThat(resumed.status()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("Host work over SSH:", "moved before");
        assertThat(Files.readString(journal)).doesNotContain("already gone");
        Map<String, String> after = states();
        for (int i = 0; i < vms.size(); i++) {
            String name = HostPaths.hyphenated(vms.get(i));
            String host = ADDRESSES.get(i % 2);
            assertThat(after).doesNotContainKey(host + ":" + name);
            assertThat(hosts.root(host).resolve("var/lib/libvirt/swtpm/" + HostPaths.TRASH + "/" + runId + "/" + name
                    + "/tpm2/tpm2-00.permall")).hasContent("permanent state of " + name);
        }
        ConsoleProcess.Result undone = Faults.console(ssh("undo", journal.toString()));
        assertThat(undone.status()).as(undone.all()).isZero();
        assertThat(undone.out()).contains("Moved 10 TPM state folders back from the trash on the hosts");
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void aSymlinkAtAPlannedPathExits4_andPurgeTrashListsThenDeletes() throws Exception {
        List<String> vms = List.of("b2" + "0".repeat(29) + "1", "b2" + "0".repeat(29) + "2");
        String linked = "b3" + "0".repeat(30);
        Path file = SqliteTestDatabase.create(dir.resolve("b2.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.host("h1", false, ADDRESSES.get(0)).host("h2", false, ADDRESSES.get(1));
            for (int i = 0; i < vms.size(); i++) {
                r.vm(vms.get(i), true).hostFile("f" + i, vms.get(i), i % 2 == 0 ? "h1" : "h2", "TpmState");
                hosts.stateFolder(ADDRESSES.get(i % 2), HostPaths.hyphenated(vms.get(i)));
            }
            r.vm(linked, true).hostFile("fl", linked, "h1", "TpmState");
        });
        hosts.stateSymlink(ADDRESSES.get(0), HostPaths.hyphenated(linked), "/etc");
        List<String> all = new ArrayList<>(vms);
        all.add(linked);
        ConsoleProcess.Result applied = Faults.console(ssh("apply", file.toString(), plan(file, all).toString(),
                "--host-work", "ssh"));
        assertThat(applied.status()).as(applied.all()).isEqualTo(4);
        assertThat(applied.out()).contains("failed: VmHostFileVO/fl: /var/lib/libvirt/swtpm/" + HostPaths.hyphenated(linked)
                + " is a symbolic link (to '/etc')", "skipped: VmHostFileVO/fl: its host work failed");
        String runId = Faults.runFolders(file).get(0).getFileName().toString();

        ConsoleProcess.Result dry = Faults.console(ssh("hosts", "purge-trash", file.toString(), "--older-than", "0m",
                "--dry-run"));
        assertThat(dry.status()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("would purge /var/lib/libvirt/swtpm/" + HostPaths.TRASH + "/" + runId,
                "Would purge 2 runs of trash");
        ConsoleProcess.Result recent = Faults.console(ssh("hosts", "purge-trash", file.toString()));
        assertThat(recent.out()).contains("Purged 0 runs of trash");
        ConsoleProcess.Result purged = Faults.console(ssh("hosts", "purge-trash", file.toString(), "--older-than", "0m"));
        assertThat(purged.status()).as(purged.all()).isZero();
        assertThat(purged.out()).contains("purged /var/lib/libvirt/swtpm/" + HostPaths.TRASH + "/" + runId);
        for (String a : ADDRESSES) {
            assertThat(hosts.root(a).resolve("var/lib/libvirt/swtpm/" + HostPaths.TRASH + "/" + runId)).doesNotExist();
        }
        assertThat(Faults.console(ssh("hosts", "purge-trash", file.toString(), "--older-than", "7 days")).status())
                .isEqualTo(2);
        Path demo = dir.resolve("demo.sqlite");
        assertThat(Faults.console("demo", "--out", demo.toString(), "--vms", "20").status()).isZero();
        ConsoleProcess.Result onDemo = Faults.console(ssh("hosts", "purge-trash", demo.toString()));
        assertThat(onDemo.status()).isEqualTo(1);
        assertThat(onDemo.err()).contains("the demo's hosts are not real");
    }
}
