package dev.tpmconsole.model.i18n;

import dev.tpmconsole.model.audit.AuditRule;
import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.audit.Repair;
import dev.tpmconsole.model.audit.Severity;
import dev.tpmconsole.model.events.Event;
import dev.tpmconsole.model.hosts.HostRule;
import dev.tpmconsole.model.pipeline.RunEvent;
import dev.tpmconsole.model.plan.Plan;
import dev.tpmconsole.model.hosts.HostScanReport;
import dev.tpmconsole.model.ssh.RemoteEntry;
import dev.tpmconsole.model.ssh.SshFailure;
import java.util.ArrayList;
import java.util.List;

/** The model bundle's keys that the code builds from names rather than writes out, got by calling that code. */
final class ModelKeys {

    private ModelKeys() {
    }

    static List<String> built() {
        List<String> keys = new ArrayList<>();
        for (Language l : Language.values()) {
            keys.add(l.message().key());
        }
        for (dev.tpmconsole.model.browse.KeyState k : dev.tpmconsole.model.browse.KeyState.values()) {
            keys.add(k.message().key());
        }
        for (AuditRule r : AuditRule.values()) {
            keys.add(r.title().key());
            keys.add(r.explanation().key());
        }
        for (Severity s : Severity.values()) {
            keys.add(s.message().key());
        }
        for (Repair r : Repair.values()) {
            keys.add(r.message().key());
        }
        for (FindingState.Status s : FindingState.Status.values()) {
            keys.add(s.message().key());
        }
        for (HostRule r : HostRule.values()) {
            keys.add(r.title().key());
            keys.add(r.explanation().key());
        }
        for (HostRule.Level l : HostRule.Level.values()) {
            keys.add(l.message().key());
        }
        for (HostScanReport.Status s : HostScanReport.Status.values()) {
            keys.add(s.message().key());
        }
        for (RemoteEntry.Kind k : RemoteEntry.Kind.values()) {
            keys.add(k.message().key());
        }
        for (SshFailure.Reason r : SshFailure.Reason.values()) {
            keys.add(r.message().key());
        }
        for (Event.Level l : Event.Level.values()) {
            keys.add(l.message().key());
        }
        for (Plan.StepName s : Plan.StepName.values()) {
            keys.add(s.message().key());
        }
        for (Plan.Action a : Plan.Action.values()) {
            keys.add(a.message().key());
        }
        for (RunEvent.Outcome o : RunEvent.Outcome.values()) {
            keys.add(o.message().key());
        }
        return keys;
    }
}
