package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A volume snapshot group; it can own VmHostBackupFileVO rows (its backups are not the TPM's to delete).
 * Table {@code VolumeSnapshotGroupVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "VolumeSnapshotGroupVO")
@Table(name = "VolumeSnapshotGroupVO")
public class VolumeSnapshotGroupVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "vmInstanceUuid")
    private String vmInstanceUuid;

    @Column(name = "snapshotCount", nullable = false)
    private Long snapshotCount;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getVmInstanceUuid() {
        return vmInstanceUuid;
    }

    public void setVmInstanceUuid(String vmInstanceUuid) {
        this.vmInstanceUuid = vmInstanceUuid;
    }

    public Long getSnapshotCount() {
        return snapshotCount;
    }

    public void setSnapshotCount(Long snapshotCount) {
        this.snapshotCount = snapshotCount;
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
