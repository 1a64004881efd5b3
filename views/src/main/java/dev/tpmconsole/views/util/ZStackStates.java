package dev.tpmconsole.views.util;

/**
 * ZStack's states (a VM's {@code state}, a host's {@code state} and {@code status}) as the windows show them: in the
 * windows' language, as ZStack's own Chinese console words them ("Running" is 运行中). The database's value is what
 * the console filters and sorts by, and what its commands print; a value ZStack may add later, which the bundles
 * do not know, shows as it is written.
 */
public final class ZStackStates {

    private ZStackStates() {
    }

    /** A VM's state ({@code VmInstanceEO.state}, VmInstanceState). */
    public static String vm(String state) {
        return shown(state, switch (String.valueOf(state)) {
            case "Created" -> "ui.vmState.Created";
            case "Starting" -> "ui.vmState.Starting";
            case "Running" -> "ui.vmState.Running";
            case "Stopping" -> "ui.vmState.Stopping";
            case "Stopped" -> "ui.vmState.Stopped";
            case "Rebooting" -> "ui.vmState.Rebooting";
            case "Destroying" -> "ui.vmState.Destroying";
            case "Destroyed" -> "ui.vmState.Destroyed";
            case "Migrating" -> "ui.vmState.Migrating";
            case "Expunging" -> "ui.vmState.Expunging";
            case "Pausing" -> "ui.vmState.Pausing";
            case "Paused" -> "ui.vmState.Paused";
            case "Resuming" -> "ui.vmState.Resuming";
            case "VolumeMigrating" -> "ui.vmState.VolumeMigrating";
            case "VolumeRecovering" -> "ui.vmState.VolumeRecovering";
            case "Error" -> "ui.vmState.Error";
            case "NoState" -> "ui.vmState.NoState";
            case "Unknown" -> "ui.vmState.Unknown";
            case "Crashed" -> "ui.vmState.Crashed";
            default -> null;
        });
    }

    /** A host's state ({@code HostEO.state}, HostState). */
    public static String hostState(String state) {
        return shown(state, switch (String.valueOf(state)) {
            case "Enabled" -> "ui.hostState.Enabled";
            case "Disabled" -> "ui.hostState.Disabled";
            case "PreMaintenance" -> "ui.hostState.PreMaintenance";
            case "Maintenance" -> "ui.hostState.Maintenance";
            default -> null;
        });
    }

    /** A host's connection status ({@code HostEO.status}, HostStatus). */
    public static String hostStatus(String status) {
        return shown(status, switch (String.valueOf(status)) {
            case "Connecting" -> "ui.hostStatus.Connecting";
            case "Connected" -> "ui.hostStatus.Connected";
            case "Disconnected" -> "ui.hostStatus.Disconnected";
            default -> null;
        });
    }

    /** A value as the windows show it: none as a dash, one the bundles word ({@code key}) in words, any other as is. */
    private static String shown(String value, String key) {
        if (value == null || value.isEmpty()) {
            return "—";
        }
        return key == null ? value : I18n.t(key);
    }
}
