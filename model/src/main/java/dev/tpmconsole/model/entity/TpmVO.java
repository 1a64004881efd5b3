package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A VM's TPM. SQL cascades from VmInstanceEO delete this row but not its ResourceVO row nor its key refs.
 * Table {@code TpmVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "TpmVO")
@Table(name = "TpmVO")
public class TpmVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "vmInstanceUuid", nullable = false)
    private String vmInstanceUuid;

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
