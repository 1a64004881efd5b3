package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.i18n.Message;

/**
 * One reported row: the rule, the subject row (table and key; the key is the uuid, or the decimal id of an
 * EncryptedResourceKeyRefVO), a sentence a person understands (kept as a {@link Message} so that a window or a
 * terminal shows it in the reader's language), the repair action and, for a lost provider, the provider to
 * relink to.
 *
 * @param vmUuid the VM the subject row belongs to, when one can be named (for drilling down), else null
 */
public record Finding(AuditRule rule, String table, String key, Message message, Repair repair, String relinkTo,
                      String vmUuid) {

    public Severity severity() {
        return rule.severity();
    }

    /** The sentence in English: what JSON, CSV and the catalogue hold, whatever the language. */
    public String detail() {
        return message.english();
    }
}
