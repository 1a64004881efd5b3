package dev.tpmconsole.views.util;

import dev.tpmconsole.model.i18n.Messages;

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
        return shown("ui.vmState.", state);
    }

    /** A host's state ({@code HostEO.state}, HostState: Enabled, Disabled, PreMaintenance, Maintenance). */
    public static String hostState(String state) {
        return shown("ui.hostState.", state);
    }

    /** A host's connection status ({@code HostEO.status}, HostStatus: Connecting, Connected, Disconnected). */
    public static String hostStatus(String status) {
        return shown("ui.hostStatus.", status);
    }

    private static String shown(String prefix, String value) {
        if (value == null || value.isEmpty()) {
            return "—";
        }
        String key = prefix + value;
        return Messages.english().has(key) ? I18n.t(key) : value;
    }
}
