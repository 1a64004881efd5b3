package dev.tpmconsole.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.source.Source;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
