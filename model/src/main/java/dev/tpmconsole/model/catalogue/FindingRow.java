package dev.tpmconsole.model.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A row of a cloud about one finding, named by its {@link FindingKey}: rule, table and key, and for host scans host
 * and path (a tracked finding, an acknowledgement).
 */
@MappedSuperclass
public abstract class FindingRow extends CloudRow {

    @Column(nullable = false)
    private String rule;

    @Column(name = "table_name", nullable = false)
    private String tableName;

    @Column(name = "row_key", nullable = false)
    private String rowKey;

    @Column(name = "host_uuid", nullable = false)
    private String hostUuid;

    @Column(nullable = false)
    private String path;

    protected FindingRow() {
    }

    FindingRow(Cloud cloud, FindingKey key) {
        super(cloud);
        this.rule = key.rule();
        this.tableName = key.table();
        this.rowKey = key.key();
        this.hostUuid = key.host();
        this.path = key.path();
    }

    public FindingKey key() {
        return new FindingKey(rule, tableName, rowKey, hostUuid, path);
    }

    public String getRule() {
        return rule;
    }
}
