package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;

/** What repairing a finding does (docs/audit-rules.md), by the name the report uses. */
public enum Repair implements Messages.Localized {
    /** The row goes, with its dependants; key material is quarantined first. */
    DELETE("delete"),
    /** A key ref gets the provider that now holds its provider's name. */
    RELINK("relink"),
    /** Nothing the console may do: a person decides. */
    NONE("none");

    private final String label;

    Repair(String label) {
        this.label = label;
    }

    /** The name in the report's JSON, CSV and text. */
    public String label() {
        return label;
    }

    /** The action for a person, in the language being read ({@code repair.<label>}). */
    @Override
    public Message message() {
        return Message.of("repair." + label);
    }

    @Override
    public String toString() {
        return label;
    }
}
