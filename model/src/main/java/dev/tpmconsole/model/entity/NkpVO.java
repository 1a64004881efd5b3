package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The native key provider sub-row of a KeyProviderVO (no SQL foreign key).
 * Table {@code NkpVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "NkpVO")
@Table(name = "NkpVO")
public class NkpVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "kdf")
    private String kdf;

    @Column(name = "saltPolicy")
    private String saltPolicy;

    @Column(name = "backedUp", nullable = false)
    private boolean backedUp;

    @Column(name = "currentVersion")
    private Long currentVersion;

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getKdf() {
        return kdf;
    }

    public void setKdf(String kdf) {
        this.kdf = kdf;
    }

    public String getSaltPolicy() {
        return saltPolicy;
    }

    public void setSaltPolicy(String saltPolicy) {
        this.saltPolicy = saltPolicy;
    }

    public boolean isBackedUp() {
        return backedUp;
    }

    public void setBackedUp(boolean backedUp) {
        this.backedUp = backedUp;
    }

    public Long getCurrentVersion() {
        return currentVersion;
    }

    public void setCurrentVersion(Long currentVersion) {
        this.currentVersion = currentVersion;
    }
}
