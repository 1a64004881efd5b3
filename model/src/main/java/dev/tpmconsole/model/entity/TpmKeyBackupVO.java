package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A holder used during snapshot-group revert; its key is an EncryptedResourceKeyRefVO row.
 * Table {@code TpmKeyBackupVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "TpmKeyBackupVO")
@Table(name = "TpmKeyBackupVO")
public class TpmKeyBackupVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

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
