package dev.tpmconsole.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.browse.BrowseQueries;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.model.sql.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every rule on the hand-made scenario, against a real engine: each reports exactly its expected rows, with
 * a detail sentence, the repair and (for lost providers) relinkTo. Subclasses supply SQLite or MariaDB.
 */
abstract class AuditRulesContract {

    /** The scenario loaded into the engine under test. */
    abstract Source scenario() throws Exception;

    /** {@link AuditScenario#writeCaseNearMisses} loaded into the engine under test. */
    abstract Source caseNearMisses() throws Exception;

    @Test
    void aReferenceDifferingOnlyInCaseIsNotAMatch() throws Exception {
        try (Source s = caseNearMisses()) {
            AuditReport report = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            for (AuditRule rule : AuditRule.values()) {
                assertThat(report.findings(rule).stream().map(Finding::key).toList()).as(rule.name())
                        .containsExactlyElementsOf(AuditScenario.CASE_EXPECTED.getOrDefault(rule, List.of()));
            }
            // the provider of that name exists only in other letters: nothing to relink to
            assertThat(report.findings(AuditRule.KEY_REF_PROVIDER_LOST)).singleElement().satisfies(f -> {
                assertThat(f.relinkTo()).isNull();
                assertThat(f.repair()).isEqualTo(Repair.NONE);
            });
        }
    }

    @Test
    void theListsDirtyVmsAreTheAuditsWithoutAskingTheRulesWhoseVmsAreGone() throws Exception {
        try (Source s = caseNearMisses()) {
            AuditReport report = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            // the VMs as stored, compared as Java compares strings: exactly
            Set<String> vms = new HashSet<>();
            try (Connection c = s.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT uuid FROM VmInstanceEO")) {
                while (rs.next()) {
                    vms.add(rs.getString(1));
                }
            }
            Map<AuditRule.VmPresence, List<AuditRule>> byPresence = Arrays.stream(AuditRule.values())
                    .filter(r -> r.vmColumn() != null).collect(Collectors.groupingBy(AuditRule::vmPresence));
            assertThat(byPresence.get(AuditRule.VmPresence.ABSENT))
                    .containsExactlyInAnyOrder(AuditRule.TPM_WITHOUT_VM, AuditRule.HOST_FILE_WITHOUT_VM);
            assertThat(byPresence.get(AuditRule.VmPresence.PRESENT))
                    .containsExactly(AuditRule.TPM_STATE_FILE_WITHOUT_TPM);
            for (AuditRule rule : byPresence.get(AuditRule.VmPresence.ABSENT)) {
                // the near misses (VM_J, VM_I beside vm_j, vm_i) are found, and name no VM that exists
                assertThat(report.findings(rule)).as(rule.name()).isNotEmpty()
                        .allSatisfy(f -> assertThat(vms).doesNotContain(f.vmUuid()));
            }
            for (AuditRule rule : byPresence.get(AuditRule.VmPresence.PRESENT)) {
                assertThat(report.findings(rule)).as(rule.name()).isNotEmpty()
                        .allSatisfy(f -> assertThat(vms).contains(f.vmUuid()));
            }
            // the list's query asks each other rule, and only the EITHER ones whether their VM exists
            AuditDirtyVmIndex index = new AuditDirtyVmIndex(s);
            String sql = index.dirtyVmUuidsSql(s.layout());
            SqlDialect d = new SqlDialect(s.kind(), s.layout());
            for (AuditRule rule : AuditRule.values()) {
                if (rule.vmColumn() != null && rule.severity().needsAction()) {
                    String asked = "(" + rule.query(d) + ") x";
                    assertThat(sql.contains(asked)).as(rule.name())
                            .isEqualTo(rule.vmPresence() != AuditRule.VmPresence.ABSENT);
                    assertThat(sql.contains(asked + " WHERE EXISTS")).as(rule.name())
                            .isEqualTo(rule.vmPresence() == AuditRule.VmPresence.EITHER);
                }
            }
            Set<String> audited = report.findings().stream()
                    .filter(f -> f.severity().needsAction() && vms.contains(f.vmUuid()))
                    .map(Finding::vmUuid).collect(Collectors.toSet());
            assertThat(audited).as("the scenario has dirty VMs").isNotEmpty();
            assertThat(new BrowseQueries(s, index).dirtyVmUuids()).containsExactlyInAnyOrderElementsOf(audited);
        }
    }

    @Test
    void everyRuleReportsExactlyItsRows() throws Exception {
        try (Source s = scenario()) {
            AuditReport report = new Auditor(s).run(Arrays.asList(AuditRule.values()));
            assertThat(report.counts().keySet()).containsExactly(AuditRule.values());
            for (AuditRule rule : AuditRule.values()) {
                List<String> keys = report.findings(rule).stream().map(Finding::key).toList();
                assertThat(keys).as(rule.name()).containsExactlyElementsOf(AuditScenario.EXPECTED.get(rule));
                assertThat(report.counts().get(rule)).as(rule.name()).isEqualTo(keys.size());
                assertThat(report.findings(rule)).allSatisfy(f -> {
                    assertThat(f.table()).isEqualTo(rule.table());
                    assertThat(f.detail()).isNotBlank().endsWith(".").doesNotContain("null");
                    assertThat(f.repair().label()).isIn("delete", "relink", "none");
                });
            }
            assertThat(report.needsAction()).isTrue();
        }
    }

    @Test
    void findingsCarryRepairsAndRelinks() throws Exception {
        try (Source s = scenario()) {
            AuditReport report = new Auditor(s).run(List.of(AuditRule.KEY_REF_PROVIDER_LOST, AuditRule.KEY_REF_ORPHANED,
                    AuditRule.BACKUP_WITHOUT_KEY, AuditRule.HOST_FILE_ON_MISSING_HOST));
            Map<String, Finding> lost = report.findings(AuditRule.KEY_REF_PROVIDER_LOST).stream()
                    .collect(Collectors.toMap(Finding::key, f -> f));
            assertThat(lost.get("60").relinkTo()).isEqualTo("prov1");
            assertThat(lost.get("60").repair()).isEqualTo(Repair.RELINK);
            assertThat(lost.get("60").detail()).contains("providerUuid is NULL", "'nkp-default'", "prov1");
            assertThat(lost.get("60").vmUuid()).isEqualTo("vm_g");
            assertThat(lost.get("61").relinkTo()).isNull();
            assertThat(lost.get("61").repair()).isEqualTo(Repair.NONE);
            assertThat(lost.get("61").detail()).contains("prov_gone", "'kms-retired'");
            assertThat(lost.get("62").vmUuid()).as("through the snapshot group").isEqualTo("vm_h");
            assertThat(report.findings(AuditRule.KEY_REF_ORPHANED)).allSatisfy(f -> {
                assertThat(f.repair()).isEqualTo(Repair.DELETE);
                assertThat(f.relinkTo()).isNull();
            });
            assertThat(report.findings(AuditRule.KEY_REF_ORPHANED).get(0).detail())
                    .isEqualTo("Key ref 50 (TpmVO key, provider nkp-default, holds key material) names TpmVO tpm_missing,"
                            + " which does not exist.");
            assertThat(report.findings(AuditRule.BACKUP_WITHOUT_KEY)).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.SUSPECT));
            assertThat(report.findings(AuditRule.HOST_FILE_ON_MISSING_HOST)).extracting(Finding::detail)
                    .anySatisfy(d -> assertThat(d).contains("host_expunged", "does not exist"))
                    .anySatisfy(d -> assertThat(d).contains("host_gone_soft", "was deleted on"));
        }
    }

    /** A finding's sentence names a host as a person knows it: by its name, with its uuid. */
    @Test
    void hostsAreNamedByTheirNames() throws Exception {
        try (Source s = scenario()) {
            AuditReport report = new Auditor(s).run(List.of(AuditRule.HOST_FILE_WITHOUT_VM,
                    AuditRule.TPM_STATE_FILE_WITHOUT_TPM, AuditRule.HOST_FILE_ON_MISSING_HOST));
            assertThat(report.findings(AuditRule.HOST_FILE_WITHOUT_VM)).singleElement().extracting(Finding::detail)
                    .isEqualTo("TpmState file /var/lib/libvirt/swtpm/"
                            + dev.tpmconsole.model.hosts.HostPaths.hyphenated(AuditScenario.VM_EXPUNGED) + "/ on host"
                            + " host host_live (host_live) belongs to VM " + AuditScenario.VM_EXPUNGED
                            + ", which does not exist.");
            assertThat(report.findings(AuditRule.TPM_STATE_FILE_WITHOUT_TPM)).singleElement().extracting(Finding::detail)
                    .asString().contains(" on host host host_live (host_live) belongs to live VM ");
            List<String> missing = report.findings(AuditRule.HOST_FILE_ON_MISSING_HOST).stream().map(Finding::detail)
                    .toList();
            // a host deleted softly has its row and name; one that is gone has its uuid alone
            assertThat(missing).anySatisfy(d -> assertThat(d).contains("is on host host host_gone_soft (host_gone_soft),"
                    + " which was deleted on "));
            assertThat(missing).anySatisfy(d -> assertThat(d).contains("is on host host_expunged, which does not exist."));
            assertThat(report.findings(AuditRule.TPM_STATE_FILE_WITHOUT_TPM).get(0).message()
                    .in(dev.tpmconsole.model.i18n.Messages.of(dev.tpmconsole.model.i18n.Language.ZH_CN)))
                    .startsWith("物理机 host host_live（host_live）上的 TpmState 文件 ");
        }
    }

    @Test
    void onlyTheNamedRulesRunAndCountsListThem() throws Exception {
        try (Source s = scenario()) {
            AuditReport report = new Auditor(s).run(List.of(AuditRule.RESOURCE_ROW_STALE, AuditRule.TPM_WITHOUT_VM));
            assertThat(report.counts()).containsExactly(Map.entry(AuditRule.TPM_WITHOUT_VM, 1L),
                    Map.entry(AuditRule.RESOURCE_ROW_STALE, 4L));
        }
    }
}
