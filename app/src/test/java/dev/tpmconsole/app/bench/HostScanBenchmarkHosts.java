package dev.tpmconsole.app.bench;

import dev.tpmconsole.model.hosts.HostPaths;
import dev.tpmconsole.model.testing.OpenSshHosts;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake cloud of bench/hosts-scan.sh: HOSTS fake KVM hosts on loopback addresses (127.0.0.101, ...) served by
 * the real OpenSSH server, FOLDERS TPM state folders spread over them (each with its NvRam file), a snapshot
 * whose rows name them (one folder in ten untracked, one row in twenty missing), and one sftp batch file per
 * host listing the two folders the scan lists. Writes {@code env} in the work folder when ready, then keeps
 * sshd running until its standard input closes. Usage: HostScanBenchmarkHosts WORK HOSTS FOLDERS
 */
public final class HostScanBenchmarkHosts {

    private HostScanBenchmarkHosts() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int hostCount = Integer.parseInt(args[1]);
        int folders = Integer.parseInt(args[2]);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < hostCount; i++) {
            addresses.add("127.0.0." + (101 + i));
        }
        try (OpenSshHosts hosts = OpenSshHosts.start(addresses)) {
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < folders; i++) {
                String address = addresses.get(i % hostCount);
                String vm = String.format("%032x", 0xbe000000L + i);
                if (i % 20 != 7) {
                    hosts.stateFolder(address, HostPaths.hyphenated(vm));
                    hosts.nvram(address, HostPaths.hyphenated(vm) + ".fd");
                }
                rows.add(new String[] {vm, address, i % 10 == 3 ? "untracked" : "row"});
            }
            Path db = SqliteTestDatabase.create(work.resolve("cloud.sqlite"), sink -> {
                Rows r = new Rows(sink);
                for (int h = 0; h < hostCount; h++) {
                    r.host(String.format("%032x", 0xa5000000L + h), false, addresses.get(h));
                }
                int n = 0;
                for (String[] row : rows) {
                    String host = String.format("%032x", 0xa5000000L + addresses.indexOf(row[1]));
                    r.vm(row[0], true).tpm(String.format("%032x", 0xd7000000L + n), row[0]);
                    if (row[2].equals("row")) {
                        r.hostFile(String.format("%032x", 0xf1000000L + n), row[0], host, "TpmState");
                        r.hostFile(String.format("%032x", 0xf2000000L + n), row[0], host, "NvRam");
                    }
                    n++;
                }
            });
            Path batches = Files.createDirectories(work.resolve("batches"));
            for (String a : addresses) {
                Files.writeString(batches.resolve(a), "ls -l /var/lib/libvirt/swtpm\nls -l /var/lib/libvirt/qemu/nvram\n");
            }
            Files.writeString(work.resolve("env"), "CONFIG=" + hosts.sshConfig() + "\nKNOWN=" + hosts.knownHosts()
                    + "\nDB=" + db + "\nBATCHES=" + batches + "\nADDRESSES=\"" + String.join(" ", addresses) + "\"\n");
            System.in.read(); // until the script is done
        }
    }
}
