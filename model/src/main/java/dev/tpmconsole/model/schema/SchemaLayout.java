package dev.tpmconsole.model.schema;

import dev.tpmconsole.model.i18n.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a particular ZStack database looks like: which VmHostBackupFileVO layout it has, whether the
 * zsv 5.1.0 key-ref foreign key exists (it changes which orphans can exist), which tables of the TPM
 * schema are present, and what keeps it from being a ZStack database at all.
 *
 * @param backupOwnerColumn  {@code resourceUuid} (newer layout) or {@code vmInstanceUuid} (early zsv 5.0.0),
 *                           or null when VmHostBackupFileVO is missing or has neither
 * @param keyRefResourceFk   whether {@code fkEncryptedResourceKeyRefResourceVO} exists
 * @param presentTables      the tables of the TPM schema that exist, in schema order
 * @param missingRequired    required tables that do not exist (non-empty means "not a ZStack database")
 * @param missingOptional    optional tables that do not exist (read as empty)
 * @param missingColumns     per present table, columns of the DDL it lacks
 * @param essentialMissing   per present required table, columns without which it cannot be read
 */
public record SchemaLayout(String backupOwnerColumn, boolean keyRefResourceFk, List<String> presentTables,
                           List<String> missingRequired, List<String> missingOptional,
                           Map<String, List<String>> missingColumns, Map<String, List<String>> essentialMissing) {

    public SchemaLayout {
        presentTables = List.copyOf(presentTables);
        missingRequired = List.copyOf(missingRequired);
        missingOptional = List.copyOf(missingOptional);
        missingColumns = Map.copyOf(missingColumns);
        essentialMissing = Map.copyOf(essentialMissing);
    }

    public boolean isZStack() {
        return missingRequired.isEmpty() && essentialMissing.isEmpty();
    }

    public boolean has(String table) {
        return presentTables.contains(table);
    }

    /** The early zsv 5.0.0 layout, where backups are always owned by a VM ({@code vmInstanceUuid}). */
    public boolean legacyBackupLayout() {
        return ZStackSchema.BACKUP_OWNER_OLD.equals(backupOwnerColumn);
    }

    /** Human sentences saying why this is not a ZStack database, in English; empty when it is one. */
    public List<String> problems() {
        return problemMessages().stream().map(Message::english).toList();
    }

    /** Why this is not a ZStack database, one message a problem; empty when it is one. */
    public List<Message> problemMessages() {
        List<Message> out = new ArrayList<>();
        if (!missingRequired.isEmpty()) {
            out.add(Message.of("schema.missingTables", String.join(", ", missingRequired)));
        }
        essentialMissing.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.add(Message.of("schema.lacksColumns", e.getKey(), String.join(", ", e.getValue()))));
        return out;
    }

    /** {@link #problemMessages()} as one message, separated by semicolons (null when it is a ZStack database). */
    public Message problemMessage() {
        List<Message> all = problemMessages();
        return all.isEmpty() ? null : Message.joined(all);
    }

    /** Required tables as a set, for callers that check membership. */
    public static Set<String> requiredTables() {
        return Set.copyOf(ZStackSchema.REQUIRED_TABLES);
    }
}
