package dev.tpmconsole.model.i18n;

/** How a person knows the rows a sentence names, the same in an audit's findings and a plan's reasons. */
public final class Labels {

    private Labels() {
    }

    /**
     * A host: its name and uuid ("kvm-a0-0024 (2e89…)"), or its uuid alone, marked, when HostEO has no row for it
     * ({@code name} null).
     */
    public static Message host(String name, String uuid) {
        return name != null ? Message.of("host.label", name, uuid) : Message.of("host.label.noRow", uuid);
    }
}
