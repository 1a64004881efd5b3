package dev.tpmconsole.model.audit;

/**
 * One reported row: the rule, the subject row (table and key; the key is the uuid, or the decimal id of an
 * EncryptedResourceKeyRefVO), a sentence a person understands, the repair action and, for a lost provider,
 * the provider to relink to.
 *
 * @param vmUuid the VM the subject row belongs to, when one can be named (for drilling down), else null
 */
public record Finding(AuditRule rule, String table, String key, String detail, Repair repair, String relinkTo,
                      String vmUuid) {

    public Severity severity() {
        return rule.severity();
    }
}
