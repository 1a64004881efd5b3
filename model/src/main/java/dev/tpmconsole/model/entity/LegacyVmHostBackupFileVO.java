package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A saved copy of NvRam or TPM state in the early zsv 5.0.0 layout, where the owner is always a VM
 * ({@code vmInstanceUuid}). Mapped instead of {@link VmHostBackupFileVO} when a database has this layout.
 * Table {@code VmHostBackupFileVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "LegacyVmHostBackupFileVO")
@Table(name = "VmHostBackupFileVO")
public class LegacyVmHostBackupFileVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "vmInstanceUuid", nullable = false)
    private String vmInstanceUuid;

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

    public String getVmInstanceUuid() {
        return vmInstanceUuid;
    }

    public void setVmInstanceUuid(String vmInstanceUuid) {
        this.vmInstanceUuid = vmInstanceUuid;
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
