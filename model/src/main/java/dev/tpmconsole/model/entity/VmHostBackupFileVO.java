package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A saved copy of NvRam or TPM state (newer layout: owned by any resource through {@code resourceUuid}).
 * Table {@code VmHostBackupFileVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "VmHostBackupFileVO")
@Table(name = "VmHostBackupFileVO")
public class VmHostBackupFileVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "resourceUuid", nullable = false)
    private String resourceUuid;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "createDate", nullable = false)
    private String createDate;

    @Column(name = "lastOpDate", nullable = false)
    private String lastOpDate;

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getResourceUuid() {
        return resourceUuid;
    }

    public void setResourceUuid(String resourceUuid) {
        this.resourceUuid = resourceUuid;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCreateDate() {
        return createDate;
    }

    public void setCreateDate(String createDate) {
        this.createDate = createDate;
    }

    public String getLastOpDate() {
        return lastOpDate;
    }

    public void setLastOpDate(String lastOpDate) {
        this.lastOpDate = lastOpDate;
    }
}
