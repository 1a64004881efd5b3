package dev.tpmconsole.model.browse;

import dev.tpmconsole.model.audit.AuditDirtyVmIndex;
import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.Auditor;
import dev.tpmconsole.model.demo.DemoGenerator;
import dev.tpmconsole.model.demo.DemoOptions;
import dev.tpmconsole.model.demo.DemoResult;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tpmconsole.model.source.OpenOptions;
import dev.tpmconsole.model.source.SqliteSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a demo snapshot (every dirty kind injected), the filter's SQL and the per-VM findings agree. */
class DirtyVmIndexDemoTest {

    @TempDir
    Path dir;

    @Test
    void theDirtyFilterListsExactlyTheVmsWithOrphanOrSuspectFindings() throws Exception {
        Path demo = dir.resolve("demo.sqlite");
        DemoResult generated = DemoGenerator.writeSnapshot(demo, new DemoOptions(400, 7), false);
        try (SqliteSnapshot s = SqliteSnapshot.open(demo, OpenOptions.readOnly())) {
            BrowseQueries q = new BrowseQueries(s, new AuditDirtyVmIndex(s));
            Set<String> dirty = new HashSet<>(q.dirtyVmUuids());
            List<VmRow> all = new ArrayList<>();
            Page<VmRow> page = q.vms(VmFilter.none(), Sort.asc(VmColumn.UUID), 0, BrowseQueries.MAX_PAGE);
            all.addAll(page.rows());
            assertThat(page.more()).isFalse();
            Set<String> withFindings = new HashSet<>();
            Set<AuditRule> rules = new HashSet<>();
            for (VmRow vm : all) {
                List<VmFinding> findings = q.vmDetails(vm.uuid()).orElseThrow().findings();
                findings.forEach(f -> rules.add(f.rule()));
                if (findings.stream().anyMatch(f -> f.severity().needsAction())) {
                    withFindings.add(vm.uuid());
                }
            }
            assertThat(dirty).isEqualTo(withFindings);
            // every rule that can name a VM, but those whose VM does not exist (so no listed VM carries them)
            List<AuditRule> nameAVm = new ArrayList<>(new AuditDirtyVmIndex(s).rules());
            nameAVm.removeAll(List.of(AuditRule.TPM_WITHOUT_VM, AuditRule.HOST_FILE_WITHOUT_VM));
            assertThat(rules).as("the demo injects every VM-related kind").containsExactlyInAnyOrderElementsOf(nameAVm);
            // and the browse view agrees with the audit itself
            Set<String> listed = new HashSet<>(all.stream().map(VmRow::uuid).toList());
            Set<String> audited = new HashSet<>();
            new Auditor(s).run(java.util.Arrays.asList(AuditRule.values())).findings().stream()
                    .filter(f -> f.severity().needsAction() && f.vmUuid() != null && listed.contains(f.vmUuid()))
                    .forEach(f -> audited.add(f.vmUuid()));
            assertThat(dirty).isEqualTo(audited);
            // and all of them agree with what the generator says it did: one VM bent into each dirty kind it
            // injected (a kind that names a listed VM and needs action); the ordinary VMs are clean
            int injected = generated.injected().entrySet().stream()
                    .filter(e -> nameAVm.contains(AuditRule.valueOf(e.getKey().name()))
                            && AuditRule.valueOf(e.getKey().name()).severity().needsAction())
                    .mapToInt(java.util.Map.Entry::getValue).sum();
            assertThat(injected).as("the demo injects dirty VMs at all").isPositive();
            assertThat(dirty).hasSize(injected);
            assertThat(q.vms(VmFilter.none().withDirtyOnly(true), Sort.asc(VmColumn.NAME), 0, 100).rows())
                    .extracting(VmRow::uuid).containsExactlyInAnyOrderElementsOf(dirty);
            assertThat(q.countVms(VmFilter.none().withDirtyOnly(true))).isEqualTo(injected);
        }
    }
}
