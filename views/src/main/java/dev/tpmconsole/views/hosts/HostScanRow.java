package dev.tpmconsole.views.hosts;

import dev.tpmconsole.views.util.I18n;
import dev.tpmconsole.model.hosts.HostScanReport;
import dev.tpmconsole.model.hosts.HostScanner;

/**
 * A host in the scan, as the progress table shows it: waiting, being scanned, scanned (with its entries and
 * findings), unreachable (with why) or cancelled.
 */
public record HostScanRow(String hostUuid, String name, String managementIp, State state, int entries, int findings,
                          String reason) {

    /** Where a host's scan stands. */
    public enum State {
        WAITING("ui.hostscan.state.waiting"), SCANNING("ui.hostscan.state.scanning"),
        SCANNED("ui.hostscan.state.scanned"), UNREACHABLE("ui.hostscan.state.unreachable"),
        CANCELLED("ui.hostscan.state.cancelled");

        private final String key;

        State(String key) {
            this.key = key;
        }

        /** How the state reads, in the current language. */
        public String label() {
            return dev.tpmconsole.views.util.I18n.t(key);
        }
    }

    static HostScanRow waiting(HostScanner.Target t) {
        return new HostScanRow(t.hostUuid(), t.name(), t.managementIp(), State.WAITING, 0, 0, null);
    }

    HostScanRow scanning() {
        return new HostScanRow(hostUuid, name, managementIp, State.SCANNING, 0, 0, null);
    }

    static HostScanRow of(HostScanReport.Host h) {
        State s = switch (h.status()) {
            case SCANNED -> State.SCANNED;
            case UNREACHABLE -> State.UNREACHABLE;
            case CANCELLED -> State.CANCELLED;
        };
        return new HostScanRow(h.hostUuid(), h.name(), h.managementIp(), s, h.entries().size(), h.findings().size(),
                h.why() == null ? null : I18n.t(h.why()));
    }

    HostScanRow cancelled() {
        return state == State.WAITING || state == State.SCANNING
                ? new HostScanRow(hostUuid, name, managementIp, State.CANCELLED, 0, 0,
                dev.tpmconsole.views.util.I18n.t("ui.hostscan.reason.cancelled")) : this;
    }
}
