package dev.tpmconsole.model.hosts;

import dev.tpmconsole.model.snapshot.JdbcRowSink;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.Rows;
import java.nio.file.Files;
import java.util.List;

/**
 * A cloud of fake hosts on the real OpenSSH server and a database that describes them, with one case of every
 * scan rule and a near miss for each (a case that must not fire). Shared by the model, command and window tests.
 */
public final class HostScanFixture {

    public static final String A = "127.0.0.11";
    public static final String B = "127.0.0.12";
    /** known_hosts holds another key for it. */
    public static final String CHANGED = "127.0.0.13";
    /** known_hosts holds no key for it. */
    public static final String UNKNOWN = "127.0.0.14";
    /** Its swtpm folder has mode 000. */
    public static final String LOCKED = "127.0.0.15";
    /** Nothing listens there. */
    public static final String CLOSED = "127.0.0.18";
    /** A management node: MariaDB (127.0.0.1:3306) is reached through it. */
    public static final String NODE = "127.0.0.19";

    public static final String HOST_A = "a0000000000000000000000000000001";
    public static final String HOST_B = "a0000000000000000000000000000002";
    public static final String HOST_CHANGED = "a0000000000000000000000000000003";
    public static final String HOST_UNKNOWN = "a0000000000000000000000000000004";
    public static final String HOST_LOCKED = "a0000000000000000000000000000005";
    public static final String HOST_CLOSED = "a0000000000000000000000000000006";
    /** Rows name it; no HostEO row does. */
    public static final String HOST_GONE = "a00000000000000000000000000000ff";
    /** A HostEO row without rows: scanned with --all-hosts only. */
    public static final String HOST_IDLE = "a0000000000000000000000000000007";

    /** Live, with a TPM, on A; its folder and NvRam file are there (near misses). */
    public static final String VM_OK = "b0000000000000000000000000000001";
    /** Live, with a TPM, on A; its folder is not (HOST_STATE_MISSING). */
    public static final String VM_MISSING = "b0000000000000000000000000000002";
    /** Soft-deleted, no TPM, no row: its folder is left on A (HOST_STATE_UNTRACKED, move to trash). */
    public static final String VM_DELETED = "b0000000000000000000000000000003";
    /** No such VM: a folder on A (HOST_STATE_UNTRACKED). */
    public static final String VM_NONE = "b0000000000000000000000000000004";
    /** Live, with a TPM, runs on A, but no row: its folder is untracked yet may be in use (repair none). */
    public static final String VM_ROWLESS = "b0000000000000000000000000000005";
    /** Its row names a symbolic link on A pointing to /etc (HOST_PATH_REFUSED, never followed). */
    public static final String VM_LINK = "b0000000000000000000000000000006";
    /** Its row's path is outside the prefixes: /etc/passwd (HOST_PATH_REFUSED). */
    public static final String VM_OUTSIDE = "b0000000000000000000000000000007";
    /** A plain file where its state folder should be, on A (HOST_PATH_REFUSED). */
    public static final String VM_FILE = "b0000000000000000000000000000008";

    public static final String ROW_OK = "c0000000000000000000000000000001";
    public static final String ROW_OK_NVRAM = "c0000000000000000000000000000011";
    public static final String ROW_MISSING = "c0000000000000000000000000000002";
    public static final String ROW_LINK = "c0000000000000000000000000000006";
    public static final String ROW_OUTSIDE = "c0000000000000000000000000000007";

    private HostScanFixture() {
    }

    /** The hosts: A and B with files, the changed, unknown and locked ones; CLOSED is left out on purpose. */
    public static OpenSshHosts startHosts() throws Exception {
        OpenSshHosts h = OpenSshHosts.start(List.of(A, B, CHANGED, UNKNOWN, LOCKED), NODE);
        h.stateFolder(A, dashed(VM_OK));
        h.nvram(A, dashed(VM_OK) + ".fd");
        h.nvram(A, "orphan-vars.fd");
        h.stateFolder(A, dashed(VM_DELETED));
        h.stateFolder(A, dashed(VM_NONE));
        h.stateFolder(A, dashed(VM_ROWLESS));
        h.stateSymlink(A, dashed(VM_LINK), "/etc");
        h.stateFile(A, dashed(VM_FILE));
        Files.createDirectories(h.root(A).resolve("var/lib/libvirt/swtpm/" + HostPaths.TRASH + "/run-1"));
        // B: VM_OK's folder, which B's rows do not name (the VM runs on A)
        h.stateFolder(B, dashed(VM_OK));
        Files.delete(h.root(B).resolve("var/lib/libvirt/qemu/nvram"));
        h.stateFolder(CHANGED, dashed(VM_OK));
        h.stateFolder(UNKNOWN, dashed(VM_OK));
        h.lockStateFolder(LOCKED);
        h.changeHostKey(CHANGED);
        h.forgetHostKey(UNKNOWN);
        return h;
    }

    public static String dashed(String uuid) {
        return HostPaths.hyphenated(uuid);
    }

    /** The database of the cloud. */
    public static void rows(JdbcRowSink sink) throws Exception {
        Rows r = new Rows(sink);
        r.host(HOST_A, false, A).host(HOST_B, false, B).host(HOST_CHANGED, false, CHANGED)
                .host(HOST_UNKNOWN, false, UNKNOWN).host(HOST_LOCKED, false, LOCKED).host(HOST_CLOSED, false, CLOSED)
                .host(HOST_IDLE, false, "127.0.0.16");
        r.vm(VM_OK, true).tpm("d0000000000000000000000000000001", VM_OK);
        r.vm(VM_MISSING, true).tpm("d0000000000000000000000000000002", VM_MISSING);
        r.vm(VM_DELETED, false);
        r.vm(VM_ROWLESS, true).tpm("d0000000000000000000000000000005", VM_ROWLESS);
        r.vm(VM_LINK, true).tpm("d0000000000000000000000000000006", VM_LINK);
        r.vm(VM_OUTSIDE, true).tpm("d0000000000000000000000000000007", VM_OUTSIDE);
        r.vm(VM_FILE, true);
        r.hostFile(ROW_OK, VM_OK, HOST_A, "TpmState");
        r.hostFile(ROW_OK_NVRAM, VM_OK, HOST_A, "NvRam");
        r.hostFile(ROW_MISSING, VM_MISSING, HOST_A, "TpmState");
        r.hostFile(ROW_LINK, VM_LINK, HOST_A, "TpmState");
        r.hostFile(ROW_OUTSIDE, VM_OUTSIDE, HOST_A, "TpmState");
        r.hostFile("c0000000000000000000000000000021", VM_OK, HOST_CHANGED, "TpmState");
        r.hostFile("c0000000000000000000000000000022", VM_OK, HOST_UNKNOWN, "TpmState");
        r.hostFile("c0000000000000000000000000000023", VM_OK, HOST_LOCKED, "TpmState");
        r.hostFile("c0000000000000000000000000000024", VM_OK, HOST_CLOSED, "TpmState");
        r.hostFile("c0000000000000000000000000000025", VM_OK, HOST_GONE, "TpmState");
        r.hostFile("c0000000000000000000000000000026", VM_MISSING, HOST_B, "NvRam");
    }

    /** What the rows cannot say: VM_OUTSIDE's path, VM_ROWLESS running on A. */
    public static List<String> fixups() {
        return List.of("UPDATE VmHostFileVO SET path = '/etc/passwd' WHERE uuid = '" + ROW_OUTSIDE + "'",
                "UPDATE VmInstanceEO SET hostUuid = '" + HOST_A + "', state = 'Running' WHERE uuid = '" + VM_ROWLESS + "'",
                "UPDATE VmInstanceEO SET hostUuid = '" + HOST_A + "', state = 'Running' WHERE uuid = '" + VM_OK + "'");
    }
}
