package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A system tag of a resource (for example TPM_KEY_PROVIDER_NAME on a TpmState backup).
 * Table {@code SystemTagVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "SystemTagVO")
@Table(name = "SystemTagVO")
public class SystemTagVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "resourceUuid", nullable = false)
    private String resourceUuid;

    @Column(name = "resourceType", nullable = false)
    private String resourceType;

    @Column(name = "inherent", nullable = false)
    private boolean inherent;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "tag", nullable = false)
    private String tag;

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

    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    public boolean isInherent() {
        return inherent;
    }

    public void setInherent(boolean inherent) {
        this.inherent = inherent;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
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
