package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.snapshot.RowSink;
import dev.tpmconsole.model.testing.Rows;
import java.util.List;
import java.util.Map;

/**
 * One database holding, for every rule, rows where it must fire and near misses where it must not (a NvRam
 * file of a VM without TPM, a backup owned by a snapshot group, a key ref of another resource type, a
 * soft-deleted VM, a uuid differing only in case or a trailing space). {@link #EXPECTED} is the exact set of
 * keys each rule must report, cross effects included.
 */
final class AuditScenario {

    /** VMs whose TpmState files a repair plans host work for: uuids as ZStack writes them (the folders are named after them). */
    public static final String VM_D = "d".repeat(32);
    public static final String VM_EXPUNGED = "e".repeat(32);

    static final Map<AuditRule, List<String>> EXPECTED = Map.ofEntries(
            Map.entry(AuditRule.KEY_REF_ORPHANED, List.of("50", "51", "52", "53", "54", "57", "58", "59", "64")),
            Map.entry(AuditRule.KEY_REF_DUPLICATE_PLACEHOLDER, List.of("11")),
            Map.entry(AuditRule.KEY_REF_PROVIDER_LOST, List.of("60", "61", "62")),
            Map.entry(AuditRule.TPM_WITHOUT_VM, List.of("tpm_x")),
            Map.entry(AuditRule.TPM_DUPLICATE_FOR_VM, List.of("tpm_g1", "tpm_g2")),
            Map.entry(AuditRule.HOST_FILE_WITHOUT_VM, List.of("fx")),
            Map.entry(AuditRule.TPM_STATE_FILE_WITHOUT_TPM, List.of("fd_state")),
            Map.entry(AuditRule.HOST_FILE_ON_MISSING_HOST, List.of("fm1", "fm2")),
            Map.entry(AuditRule.BACKUP_WITHOUT_OWNER, List.of("bo")),
            Map.entry(AuditRule.TPM_STATE_BACKUP_WITHOUT_TPM, List.of("bd_state")),
            Map.entry(AuditRule.BACKUP_WITHOUT_KEY, List.of("bc_state")),
            Map.entry(AuditRule.CONTENT_WITHOUT_OWNER, List.of("c_orphan1", "c_orphan2")),
            Map.entry(AuditRule.RESOURCE_ROW_STALE, List.of("c_orphan1", "rv_file", "rv_holder", "rv_tpm")));

    /**
     * What each rule reports on {@link #writeCaseNearMisses}: references that differ from a row's key only in case,
     * which MariaDB's collations would take for that row (the rules compare exactly, on every engine and shape).
     */
    static final Map<AuditRule, List<String>> CASE_EXPECTED = Map.of(
            AuditRule.TPM_WITHOUT_VM, List.of("tpm_j"),
            AuditRule.HOST_FILE_WITHOUT_VM, List.of("f_of_vm_i"),
            AuditRule.TPM_STATE_FILE_WITHOUT_TPM, List.of("fj_state"),
            AuditRule.HOST_FILE_ON_MISSING_HOST, List.of("f_on_host"),
            AuditRule.KEY_REF_PROVIDER_LOST, List.of("70"),
            AuditRule.RESOURCE_ROW_STALE, List.of("rv_case"));

    private AuditScenario() {
    }

    static void write(RowSink sink) throws Exception {
        Rows r = new Rows(sink);
        r.provider("prov1", "nkp-default");
        r.host("host_live", false).host("host_gone_soft", true);

        // vm_a: TPM with a materialized ref and a duplicate placeholder; backed up with a key copy;
        // an NvRam file on an expunged host and a TpmState file on a soft-deleted host.
        r.vm("vm_a", true).tpm("tpm_a", "vm_a");
        r.hostFile("fa_state", "vm_a", "host_live", "TpmState").hostFile("fa_nvram", "vm_a", "host_live", "NvRam");
        r.hostFile("fm1", "vm_a", "host_expunged", "NvRam").hostFile("fm2", "vm_a", "host_gone_soft", "TpmState");
        r.keyRef(10, "TpmVO", "tpm_a", "prov1", "nkp-default", "kek/1").keyRef(11, "TpmVO", "tpm_a", "prov1", "nkp-default", null);
        r.backup("ba_state", "vm_a", "TpmState").keyRef(30, "VmHostBackupFileVO", "ba_state", "prov1", "nkp-default", "kek/1");
        r.tag("tag_ba", "ba_state", "VmHostBackupFileVO", "tpmKeyProviderName::nkp-default");
        // vm_b: placeholders only (never materialized), a backup without copy: not BACKUP_WITHOUT_KEY.
        r.vm("vm_b", true).tpm("tpm_b", "vm_b").keyRef(12, "TpmVO", "tpm_b", "prov1", "nkp-default", null);
        r.keyRef(63, "TpmVO", "tpm_b", null, "nkp-default", null);
        r.backup("bb_state", "vm_b", "TpmState");
        // vm_c: materialized key, backup without key copy: BACKUP_WITHOUT_KEY.
        r.vm("vm_c", true).tpm("tpm_c", "vm_c").keyRef(13, "TpmVO", "tpm_c", "prov1", "nkp-default", "kek/1");
        r.backup("bc_state", "vm_c", "TpmState");
        // VM_D: live, no TPM, TpmState leftovers (files and backup); NvRam file and backup are secure boot's.
        r.vm(VM_D, true).hostFile("fd_state", VM_D, "host_live", "TpmState").hostFile("fd_nvram", VM_D, "host_live", "NvRam");
        r.backup("bd_state", VM_D, "TpmState").backup("bd_nvram", VM_D, "NvRam");
        // vm_e: soft-deleted, no TPM, TpmState file: neither "without VM" nor "without TPM" (not live).
        r.vm("vm_e", false).hostFile("fe_state", "vm_e", "host_live", "TpmState");
        // vm_f: soft-deleted with its TPM (expected until expunge); the TPM's key lost its provider for good.
        r.vm("vm_f", false).tpm("tpm_f", "vm_f").keyRef(61, "TpmVO", "tpm_f", "prov_gone", "kms-retired", "kek/9");
        // vm_g: two TPMs; the second one's ref lost its provider but one of that name exists: relink.
        r.vm("vm_g", true).tpm("tpm_g1", "vm_g").tpm("tpm_g2", "vm_g");
        r.keyRef(15, "TpmVO", "tpm_g1", "prov1", "nkp-default", "kek/1").keyRef(60, "TpmVO", "tpm_g2", null, "nkp-default", "kek/2");
        // vm_h: TPM with key; a snapshot group owns a TpmState backup without key copy (the group's, not the TPM's),
        // and that backup's key copy lost its provider.
        r.vm("vm_h", true).tpm("tpm_h", "vm_h").keyRef(14, "TpmVO", "tpm_h", "prov1", "nkp-default", "kek/1");
        r.group("sg_h", "vm_h").backup("bsg_state", "sg_h", "TpmState");
        r.keyRef(62, "VmHostBackupFileVO", "bsg_state", null, "nkp-default", "kek/1");
        // vm_i: no TPM; its snapshot group owns a TpmState backup: not TPM_STATE_BACKUP_WITHOUT_TPM.
        r.vm("vm_i", true).group("sg_i", "vm_i").backup("bsg_i", "sg_i", "TpmState");
        // a TPM whose VM was expunged, with its (owned) key
        r.tpm("tpm_x", VM_EXPUNGED).keyRef(16, "TpmVO", "tpm_x", "prov1", "nkp-default", "kek/1");
        // a host file of an expunged VM
        r.hostFile("fx", VM_EXPUNGED, "host_live", "TpmState");
        // a backup whose owner is gone
        r.backup("bo", "res_gone", "TpmState");
        // a key-backup holder with its key
        r.holder("h1").keyRef(40, "TpmKeyBackupVO", "h1", "prov1", "nkp-default", "kek/1");
        // orphaned key refs, and near misses of other types or inexact types
        r.keyRef(50, "TpmVO", "tpm_missing", "prov1", "nkp-default", "kek/1");
        r.keyRef(51, "VmHostBackupFileVO", "backup_missing", "prov1", "nkp-default", "kek/1");
        r.keyRef(52, "TpmKeyBackupVO", "holder_missing", "prov1", "nkp-default", "kek/1");
        r.resource("rv_tpm", "TpmVO").keyRef(53, "TpmVO", "rv_tpm", "prov1", "nkp-default", null);
        r.keyRef(54, "TpmVO", "TPM_A", "prov1", "nkp-default", "kek/1");
        r.keyRef(59, "TpmVO", "tpm_a ", "prov1", "nkp-default", "kek/1");
        r.keyRef(55, "VolumeVO", "vol_missing", "prov1", "nkp-default", "kek/1");
        r.keyRef(56, "tpmvo", "tpm_missing2", "prov1", "nkp-default", "kek/1");
        r.keyRef(57, "TpmVO", "tpm_missing3", "prov1", "nkp-default", null).keyRef(58, "TpmVO", "tpm_missing3", "prov1", "nkp-default", "kek/1");
        r.keyRef(64, "TpmVO", "tpm_missing4", null, "nkp-default", "kek/1");
        r.keyRef(65, "VolumeVO", "vol_lost", null, "kms-retired", "kek/1");
        // content without owner (one keeps its ResourceVO row), and stale ResourceVO rows
        r.resource("c_orphan1", "VmHostBackupFileVO").content("c_orphan1").content("c_orphan2");
        r.resource("rv_file", "VmHostFileVO").resource("rv_holder", "TpmKeyBackupVO");
        r.resource("rv_lower", "tpmvo").resource("rv_vm_noeo", "VmInstanceVO");
    }

    /**
     * A live VM without TPM and a TpmState file of it in capitals ("VM_I": no VM, not a TPM_STATE_FILE_WITHOUT_TPM of
     * vm_i); a file on "HOST"; a live VM whose only TPM names it in capitals; a ResourceVO row whose file is
     * "RV_CASE". Every other rule finds nothing.
     */
    static void writeCaseNearMisses(RowSink sink) throws Exception {
        Rows r = new Rows(sink);
        r.host("host", false).vm("vm_i", true).vm("vm_b", true);
        r.hostFile("f_of_vm_i", "VM_I", "host", "TpmState").hostFile("f_on_host", "vm_b", "HOST", "NvRam");
        r.vm("vm_j", true).hostFile("fj_state", "vm_j", "host", "TpmState").tpm("tpm_j", "VM_J");
        r.resource("rv_case", "VmHostFileVO").hostFileRow("RV_CASE", "vm_j", "host", "NvRam", "/var/lib/libvirt/qemu/nvram/vm_j.fd");
        // a key ref that lost its provider and names one that exists only in other letters: no provider to relink to
        r.provider("prov_c", "nkp-c").vm("vm_k", true).tpm("tpm_k", "vm_k").keyRef(70, "TpmVO", "tpm_k", null, "NKP-C",
                "kek/1");
    }
}
