package dev.tpmconsole.model.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.hosts.HostPaths.FileType;
import dev.tpmconsole.model.i18n.Message;
import org.junit.jupiter.api.Test;

class HostPathsTest {

    static final String VM = "0123456789abcdef0123456789abcdef";
    static final String FOLDER = "/var/lib/libvirt/swtpm/01234567-89ab-cdef-0123-456789abcdef";

    /** A refusal in English (the refusals are messages, read in either language), or null. */
    static String en(Message refusal) {
        return refusal == null ? null : refusal.english();
    }

    @Test
    void aStateFolderIsTheVmsOwnFolderAndNothingElse() {
        assertThat(en(HostPaths.stateFolderRefusal(FOLDER + "/", VM))).isNull();
        assertThat(en(HostPaths.stateFolderRefusal(FOLDER, VM))).isNull();
        // near misses
        assertThat(en(HostPaths.stateFolderRefusal(FOLDER + "//", VM))).contains("not a TPM state folder");
        assertThat(en(HostPaths.stateFolderRefusal(FOLDER.toUpperCase(), VM))).isNotNull();
        assertThat(en(HostPaths.stateFolderRefusal(FOLDER + "/tpm2", VM))).contains("not a TPM state folder");
        assertThat(en(HostPaths.stateFolderRefusal("/var/lib/libvirt/swtpm/../../etc", VM))).isNotNull();
        assertThat(en(HostPaths.stateFolderRefusal("/var/lib/libvirt/swtpm/", VM))).isNotNull();
        assertThat(en(HostPaths.stateFolderRefusal("/var/lib/libvirt/swtpm/ffffffff-89ab-cdef-0123-456789abcdef", VM)))
                .contains("not named after VM");
        assertThat(en(HostPaths.stateFolderRefusal(FOLDER, VM + "\nrm -rf /"))).contains("not a ZStack uuid");
        assertThat(en(HostPaths.stateFolderRefusal(FOLDER + "\n", VM))).contains("control");
    }

    @Test
    void aTpmStatePathNamingAnNvramFileIsRefused() {
        String nvram = "/var/lib/libvirt/qemu/nvram/01234567-89ab-cdef-0123-456789abcdef.fd";
        assertThat(en(HostPaths.refusal(FileType.NVRAM, nvram))).isNull();
        assertThat(en(HostPaths.refusal(FileType.TPM_STATE, nvram))).contains("names an NvRam file");
        assertThat(en(HostPaths.refusal(FileType.NVRAM, "/var/lib/libvirt/qemu/nvram/sub/x.fd"))).isNotNull();
        assertThat(en(HostPaths.refusal(FileType.NVRAM, "/var/lib/libvirt/qemu/nvram/.."))).isNotNull();
        assertThat(en(HostPaths.refusal(FileType.NVRAM, "/var/lib/libvirt/qemu/nvram/a..b"))).isNotNull();
        assertThat(en(HostPaths.refusal(FileType.NVRAM, "/var/lib/libvirt/qemu/nvram/"))).isNotNull();
        assertThat(en(HostPaths.refusal(FileType.NVRAM, FOLDER))).contains("not a file directly below");
    }

    @Test
    void addressesAreAddressesOrNames() {
        assertThat(en(HostPaths.addressRefusal("127.0.0.11"))).isNull();
        assertThat(en(HostPaths.addressRefusal("::1"))).isNull();
        assertThat(en(HostPaths.addressRefusal("fd00::12"))).isNull();
        assertThat(en(HostPaths.addressRefusal("kvm-01.example.internal"))).isNull();
        assertThat(en(HostPaths.addressRefusal("10.0.0.1\nrm -rf /"))).contains("not an IP address");
        assertThat(en(HostPaths.addressRefusal("-oProxyCommand=sh"))).isNotNull();
        assertThat(en(HostPaths.addressRefusal("10.0.0.1 ; reboot"))).isNotNull();
        assertThat(en(HostPaths.addressRefusal("1:2:3"))).as("not an IPv6 literal").isNotNull();
        assertThat(en(HostPaths.addressRefusal(""))).contains("no management address");
        assertThat(en(HostPaths.hostIdRefusal("h1"))).isNull();
        assertThat(en(HostPaths.hostIdRefusal("../h1"))).isNotNull();
        assertThat(en(HostPaths.hostIdRefusal("h1\n"))).isNotNull();
    }

    @Test
    void folderNamesAndUuids() {
        assertThat(HostPaths.hyphenated(VM)).isEqualTo("01234567-89ab-cdef-0123-456789abcdef");
        assertThat(HostPaths.uuidOfFolder("01234567-89ab-cdef-0123-456789abcdef")).isEqualTo(VM);
        assertThat(HostPaths.uuidOfFolder("01234567-89ab-cdef-0123-456789abcdeg")).isNull();
        assertThat(HostPaths.uuidOfFolder(".tpm-console-trash")).isNull();
        assertThat(HostPaths.folderName(FOLDER + "/")).isEqualTo("01234567-89ab-cdef-0123-456789abcdef");
    }
}
