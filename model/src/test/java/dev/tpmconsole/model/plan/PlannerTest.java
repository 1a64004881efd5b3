package dev.tpmconsole.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.source.SqliteSnapshot;
import dev.tpmconsole.model.testing.Rows;
import dev.tpmconsole.model.testing.SqliteTestDatabase;
import dev.tpmconsole.model.testing.TestSnapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans on hand-built snapshots: exactly the rows docs/cleanup.md names, nothing of other VMs. */
class PlannerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T22:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static Path file;
    static Source source;
    static Planner planner;

    /** Writes one VM with everything; {@code p} prefixes every uuid so that neighbours are distinct. */
    static void fullVm(Rows r, String p) throws Exception {
        r.vm(p + "vm", true).tpm(p + "tpm", p + "vm");
        r.keyRef(id(p, 1), "TpmVO", p + "tpm", "prov", "nkp", "kek").keyRef(id(p, 2), "TpmVO", p + "tpm", "prov", "nkp", null);
        r.tag(p + "tag_tpm", p + "tpm", "TpmVO", "something");
        r.hostFile(p + "f_old", p + "vm", "h1", "TpmState", "2026-05-01 00:00:00");
        r.hostFile(p + "f_new", p + "vm", "h2", "TpmState", "2026-09-01 00:00:00");
        r.hostFile(p + "f_mid", p + "vm", "h_gone", "TpmState", "2026-07-01 00:00:00");
        r.hostFile(p + "f_nvram", p + "vm", "h1", "NvRam");
        r.backup(p + "b_state", p + "vm", "TpmState").keyRef(id(p, 3), "VmHostBackupFileVO", p + "b_state", "prov", "nkp", "kek");
        r.keyRef(id(p, 4), "VmHostBackupFileVO", p + "b_state", "prov", "nkp", "kek");
        r.tag(p + "tag_b", p + "b_state", "VmHostBackupFileVO", "tpmKeyProviderName::nkp");
        r.backup(p + "b_nvram", p + "vm", "NvRam");
        r.group(p + "sg", p + "vm").backup(p + "b_sg", p + "sg", "TpmState").keyRef(id(p, 5), "VmHostBackupFileVO", p + "b_sg", "prov", "nkp", "kek");
    }

    static long id(String prefix, int n) {
        return (prefix.isEmpty() ? 100 : 200) + n;
    }

    @BeforeAll
    static void build() throws Exception {
        file = SqliteTestDatabase.create(dir.resolve("plans.sqlite"), sink -> {
            Rows r = new Rows(sink);
            r.provider("prov", "nkp").host("h1", false).host("h2", false);
            fullVm(r, "");
            fullVm(r, "n_");                       // a neighbour with the same shape: nothing of it may appear
            // never started (no live file) but with a backup: the case ZStack skipped
            r.vm("cold", true).tpm("cold_tpm", "cold").backup("cold_b", "cold", "TpmState");
            // TPM gone, TpmState rows left
            r.vm("left", true).hostFile("left_f", "left", "h1", "TpmState").backup("left_b", "left", "TpmState");
            // nothing to delete
            r.vm("plain", true).hostFile("plain_nv", "plain", "h1", "NvRam");
            // an expunged VM whose TpmState file stayed
            r.hostFile("ghost_f", "ghost", "h1", "TpmState");
            // a TPM whose keys' provider is gone: one ref names none (ON DELETE SET NULL) and no provider has its
            // name, one names a uuid no provider has while a provider has its name; a placeholder ref beside them
            r.vm("lost", true).tpm("lost_tpm", "lost").keyRef(301, "TpmVO", "lost_tpm", null, "nkp-old", "kek")
                    .keyRef(302, "TpmVO", "lost_tpm", "prov", "nkp", null)
                    .keyRef(303, "TpmVO", "lost_tpm", "gone", "nkp", "kek");
            // a TPM with one lost key and one whose provider is there: it keeps a usable key
            r.vm("half", true).tpm("half_tpm", "half").keyRef(311, "TpmVO", "half_tpm", null, "nkp", "kek")
                    .keyRef(312, "TpmVO", "half_tpm", "prov", "nkp", "kek");
        });
        source = SqliteSnapshot.open(file, OpenOptions.readOnly());
        planner = new Planner(source, CLOCK);
    }

    @AfterAll
    static void close() {
        source.close();
    }

    static List<String> ids(List<Plan.RowRef> rows) {
        return rows.stream().map(Plan.RowRef::id).toList();
    }

    @Test
    void removeNamesEveryRowAndDependantInOrder() throws Exception {
        PlanPreview preview = planner.remove(List.of("vm"));
        Plan plan = preview.plan();
        assertThat(plan.operation()).isEqualTo("remove-tpm");
        assertThat(plan.createdAt()).isEqualTo("2026-11-25T22:00:00Z");
        assertThat(plan.source()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(plan.steps()).extracting(st -> st.name().label())
                .containsExactly("host-work", "delete-backups", "delete-host-files", "delete-tpm");
        assertThat(plan.steps().get(1).items()).extracting(Plan.Item::key).containsExactly("b_state");
        assertThat(plan.steps().get(1).items().get(0).reason()).contains("2 key refs (103, 104): every one goes with it");
        assertThat(plan.steps().get(2).items()).extracting(Plan.Item::key).containsExactly("f_old", "f_mid", "f_new");
        assertThat(plan.steps().get(2).items().get(2).reason()).contains("the most recent TPM-state copy");
        // a host is named as a person knows it, by its name, with its uuid beside it
        assertThat(plan.steps().get(2).items()).extracting(Plan.Item::reason).containsExactly(
                "TpmState file /var/lib/libvirt/swtpm/vm/ on host host h1 (h1) of VM vm vm (vm)",
                "TpmState file /var/lib/libvirt/swtpm/vm/ on host h_gone (no host row) of VM vm vm (vm)",
                "TpmState file /var/lib/libvirt/swtpm/vm/ on host host h2 (h2) of VM vm vm (vm); the most recent"
                        + " TPM-state copy of this VM");
        String h2 = plan.hostWork().get(2).managementIp();
        assertThat(plan.steps().get(0).items()).extracting(Plan.Item::reason).containsExactly(
                "delete /var/lib/libvirt/swtpm/vm/ on host host h1 (h1) at "
                        + plan.hostWork().get(0).managementIp() + ", order 1",
                "delete /var/lib/libvirt/swtpm/vm/ on host h_gone (no HostEO row: address unknown), order 2",
                "delete /var/lib/libvirt/swtpm/vm/ on host host h2 (h2) at " + h2 + ", order 3");
        assertThat(plan.steps().get(3).items()).extracting(Plan.Item::key).containsExactly("tpm");
        assertThat(ids(plan.deletes())).containsExactly(
                "EncryptedResourceKeyRefVO/103", "EncryptedResourceKeyRefVO/104", "SystemTagVO/tag_b",
                "VmHostFileContentVO/b_state", "VmHostBackupFileVO/b_state", "ResourceVO/b_state",
                "VmHostFileContentVO/f_old", "VmHostFileVO/f_old", "ResourceVO/f_old",
                "VmHostFileContentVO/f_mid", "VmHostFileVO/f_mid", "ResourceVO/f_mid",
                "VmHostFileContentVO/f_new", "VmHostFileVO/f_new", "ResourceVO/f_new",
                "EncryptedResourceKeyRefVO/101", "EncryptedResourceKeyRefVO/102", "SystemTagVO/tag_tpm",
                "TpmVO/tpm", "ResourceVO/tpm");
        assertThat(plan.deletes()).doesNotHaveDuplicates();
        assertThat(plan.fingerprint().keySet()).containsExactlyElementsOf(ids(plan.deletes()));
        assertThat(plan.fingerprint().values()).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(plan.updates()).isEmpty();
        assertThat(plan.summary()).isEqualTo("will delete 20 rows in 7 tables, 3 host paths; keeps 3 rows");
        assertThat(preview.keyMaterial()).containsExactlyInAnyOrder("EncryptedResourceKeyRefVO/101",
                "EncryptedResourceKeyRefVO/103", "EncryptedResourceKeyRefVO/104");
        assertThat(preview.lastCopies()).containsExactly("VmHostFileVO/f_new");
        assertThat(preview.rowsOfItem().get("VmHostBackupFileVO/b_state")).hasSize(6);
    }

    @Test
    void hostWorkIsOrderedOldestFirstWithAddresses() throws Exception {
        Plan plan = planner.remove(List.of("vm")).plan();
        assertThat(plan.hostWork()).extracting(Plan.HostWork::order).containsExactly(1, 2, 3);
        assertThat(plan.hostWork()).extracting(Plan.HostWork::hostUuid).containsExactly("h1", "h_gone", "h2");
        assertThat(plan.hostWork().get(0).managementIp()).startsWith("192.0.2.");
        assertThat(plan.hostWork().get(1).managementIp()).as("no HostEO row").isNull();
        assertThat(plan.hostWork()).allSatisfy(w -> {
            assertThat(w.vmUuid()).isEqualTo("vm");
            assertThat(w.path()).isEqualTo("/var/lib/libvirt/swtpm/vm/");
        });
        assertThat(plan.steps().get(0).items()).allSatisfy(i -> assertThat(i.action()).isEqualTo(Plan.Action.EXPORT));
    }

    @Test
    void keepsNvRamAndSnapshotGroupBackupsWithReasons() throws Exception {
        Plan plan = planner.remove(List.of("vm")).plan();
        assertThat(plan.kept()).extracting(k -> k.table() + "/" + k.key()).containsExactly(
                "VmHostFileVO/f_nvram", "VmHostBackupFileVO/b_nvram", "VmHostBackupFileVO/b_sg");
        assertThat(plan.kept().get(0).reason()).contains("secure boot");
        assertThat(plan.kept().get(2).reason()).contains("snapshot group group sg (sg)");
        assertThat(ids(plan.deletes())).doesNotContain("EncryptedResourceKeyRefVO/105", "VmHostBackupFileVO/b_sg");
    }

    @Test
    void nothingOfOtherVmsIsTouched() throws Exception {
        Plan plan = planner.remove(List.of("vm")).plan();
        String all = PlanJson.write(plan);
        assertThat(all).doesNotContain("n_", "cold", "left", "plain", "ghost", "\"key\" : \"20");
        Plan neighbour = planner.remove(List.of("n_vm")).plan();
        assertThat(neighbour.deletes()).hasSameSizeAs(plan.deletes())
                .allSatisfy(r -> assertThat(r.key()).matches("n_.*|2\\d\\d"));
    }

    @Test
    void resetKeepsTheTpmAndItsKey() throws Exception {
        Plan plan = planner.reset(List.of("vm")).plan();
        assertThat(plan.operation()).isEqualTo("reset-tpm");
        assertThat(plan.steps()).extracting(st -> st.name().label()).containsExactly("host-work", "delete-backups", "delete-host-files");
        assertThat(ids(plan.deletes())).doesNotContain("TpmVO/tpm", "ResourceVO/tpm", "EncryptedResourceKeyRefVO/101",
                "EncryptedResourceKeyRefVO/102", "SystemTagVO/tag_tpm").hasSize(15);
        assertThat(plan.kept()).extracting(k -> k.table() + "/" + k.key()).contains("TpmVO/tpm",
                "EncryptedResourceKeyRefVO/101", "EncryptedResourceKeyRefVO/102");
    }

    @Test
    void aResetThatKeepsAKeyWhoseProviderIsGoneSaysSo() throws Exception {
        Plan plan = planner.reset(List.of("lost")).plan();
        assertThat(plan.kept()).extracting(Plan.Kept::key, Plan.Kept::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lost_tpm", "a reset keeps the TPM of VM vm lost (lost), but none"
                        + " of its keys can be unwrapped: their key provider is gone (see its key refs)"),
                org.assertj.core.groups.Tuple.tuple("301", "a reset keeps the TPM's key, but its key provider nkp-old is"
                        + " gone (KEY_REF_PROVIDER_LOST) and no provider has that name: the key cannot be unwrapped until"
                        + " that provider is restored and the ref relinked"),
                org.assertj.core.groups.Tuple.tuple("302", "a reset keeps the TPM's key"),
                org.assertj.core.groups.Tuple.tuple("303", "a reset keeps the TPM's key, but its key provider nkp is"
                        + " gone (KEY_REF_PROVIDER_LOST): the key cannot be unwrapped until Repair relinks it to the"
                        + " provider of that name, prov"));
        // a TPM that keeps a key whose provider is there keeps a usable key: only its lost ref says so
        assertThat(planner.reset(List.of("half")).plan().kept()).extracting(Plan.Kept::key, Plan.Kept::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("half_tpm", "a reset keeps the TPM of VM vm half (half)"),
                        org.assertj.core.groups.Tuple.tuple("311", "a reset keeps the TPM's key, but its key provider nkp"
                                + " is gone (KEY_REF_PROVIDER_LOST): the key cannot be unwrapped until Repair relinks it"
                                + " to the provider of that name, prov"),
                        org.assertj.core.groups.Tuple.tuple("312", "a reset keeps the TPM's key"));
        // keys whose provider is there read as before
        assertThat(planner.reset(List.of("vm")).plan().kept()).extracting(Plan.Kept::reason)
                .noneMatch(r -> r.contains("is gone") || r.contains("unwrapped"));
    }

    @Test
    void backupsAreCleanedWhenTheVmHasNoLiveFile() throws Exception {
        Plan plan = planner.remove(List.of("cold")).plan();
        assertThat(plan.hostWork()).isEmpty();
        assertThat(plan.steps().get(1).items()).extracting(Plan.Item::key).containsExactly("cold_b");
        assertThat(plan.steps().get(1).items().get(0).reason()).contains("no live TPM-state file");
        assertThat(ids(plan.deletes())).containsExactly("VmHostFileContentVO/cold_b", "VmHostBackupFileVO/cold_b",
                "ResourceVO/cold_b", "TpmVO/cold_tpm", "ResourceVO/cold_tpm");
        assertThat(planner.remove(List.of("cold")).lastCopies()).containsExactly("VmHostBackupFileVO/cold_b");
    }

    @Test
    void leftoversOfAGoneTpmAreCleaned() throws Exception {
        Plan plan = planner.remove(List.of("left")).plan();
        assertThat(plan.steps().get(3).items()).isEmpty();
        assertThat(ids(plan.deletes())).contains("VmHostBackupFileVO/left_b", "VmHostFileVO/left_f");
        Plan ghost = planner.remove(List.of("ghost")).plan();
        assertThat(ids(ghost.deletes())).containsExactly("VmHostFileContentVO/ghost_f", "VmHostFileVO/ghost_f",
                "ResourceVO/ghost_f");
        assertThat(ghost.steps().get(2).items().get(0).reason()).contains("ghost (no VM row)");
    }

    @Test
    void aVmWithNothingToDeleteGetsAnEmptyPlan() throws Exception {
        Plan plan = planner.remove(List.of("plain")).plan();
        assertThat(plan.nothingToDo()).isTrue();
        assertThat(plan.deletes()).isEmpty();
        assertThat(plan.hostWork()).isEmpty();
        assertThat(plan.steps()).hasSize(4).allSatisfy(s -> assertThat(s.items()).isEmpty());
        assertThat(plan.summary()).isEqualTo("nothing to do; keeps 1 row");
    }

    @Test
    void anUnknownVmIsAClearError() {
        assertThatThrownBy(() -> planner.remove(List.of("vm", "does_not_exist")))
                .isInstanceOf(PlanException.class)
                .hasMessage("No VM with uuid does_not_exist: no VmInstanceEO row, and no TPM, host file or backup names it");
        assertThatThrownBy(() -> planner.remove(List.of("VM"))).as("uuids compare exactly").isInstanceOf(PlanException.class);
        assertThatThrownBy(() -> planner.remove(List.of())).isInstanceOf(PlanException.class);
    }

    @Test
    void severalVmsShareStepsAndHostWorkNumbering() throws Exception {
        Plan plan = planner.remove(List.of("vm", "cold", "vm")).plan();
        assertThat(plan.vmUuids()).containsExactly("vm", "cold");
        assertThat(plan.steps().get(1).items()).extracting(Plan.Item::key).containsExactly("b_state", "cold_b");
        assertThat(plan.steps().get(3).items()).extracting(Plan.Item::key).containsExactly("tpm", "cold_tpm");
        assertThat(plan.deletes()).doesNotHaveDuplicates();
    }

    @Test
    void planJsonRoundTrips() throws Exception {
        Plan plan = planner.remove(List.of("vm", "cold")).plan();
        String json = PlanJson.write(plan);
        assertThat(PlanJson.read(json)).isEqualTo(plan);
        assertThat(json).startsWith("{\n  \"operation\" : \"remove-tpm\",\n  \"source\" :");
        assertThat(json.indexOf("\"fingerprint\"")).isGreaterThan(json.indexOf("\"kept\""));
        Path out = dir.resolve("plan.json");
        PlanJson.write(plan, out);
        assertThat(PlanJson.read(out)).isEqualTo(plan);
        assertThat(java.nio.file.Files.readString(out)).as("the file holds the same text").isEqualTo(json);
    }

    @Test
    void fingerprintsChangeWithTheRowAndPlanningReadsOnly() throws Exception {
        String hash = TestSnapshots.sha256(file);
        Plan before = planner.remove(List.of("vm")).plan();
        assertThat(TestSnapshots.sha256(file)).isEqualTo(hash);
        Path copy = java.nio.file.Files.copy(file, dir.resolve("changed.sqlite"));
        TestSnapshots.exec(copy, "UPDATE VmHostFileVO SET path = path || 'x' WHERE uuid = 'f_mid'");
        try (Source s = SqliteSnapshot.open(copy, OpenOptions.readOnly())) {
            Plan after = new Planner(s, CLOCK).remove(List.of("vm")).plan();
            List<String> changed = before.fingerprint().keySet().stream()
                    .filter(k -> !before.fingerprint().get(k).equals(after.fingerprint().get(k)))
                    .collect(Collectors.toList());
            assertThat(changed).containsExactly("VmHostFileVO/f_mid");
        }
    }
}
