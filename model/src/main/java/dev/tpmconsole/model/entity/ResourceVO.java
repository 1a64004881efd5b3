package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The root row of every ZStack resource (JOINED inheritance in ZStack). Mapped on its own here: dirty
 * databases hold child rows without a ResourceVO row and the reverse, and the console must see both.
 * Table {@code ResourceVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "ResourceVO")
@Table(name = "ResourceVO")
public class ResourceVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "resourceName")
    private String resourceName;

    @Column(name = "resourceType")
    private String resourceType;

    @Column(name = "concreteResourceType", nullable = false)
    private String concreteResourceType;

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getResourceName() {
        return resourceName;
    }

    public void setResourceName(String resourceName) {
        this.resourceName = resourceName;
    }

    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    public String getConcreteResourceType() {
        return concreteResourceType;
    }

    public void setConcreteResourceType(String concreteResourceType) {
        this.concreteResourceType = concreteResourceType;
    }
}
