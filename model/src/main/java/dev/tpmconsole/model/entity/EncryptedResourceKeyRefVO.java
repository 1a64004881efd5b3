package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A wrapped key of a resource (TpmVO, VmHostBackupFileVO, TpmKeyBackupVO, or others out of scope).
 * Placeholder: {@code kekRef} null; materialized: key material set; provider lost: {@code providerUuid} null.
 * Table {@code EncryptedResourceKeyRefVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "EncryptedResourceKeyRefVO")
@Table(name = "EncryptedResourceKeyRefVO")
public class EncryptedResourceKeyRefVO {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Long id;

    @Column(name = "resourceType", nullable = false)
    private String resourceType;

    @Column(name = "resourceUuid", nullable = false)
    private String resourceUuid;

    @Column(name = "providerUuid")
    private String providerUuid;

    @Column(name = "providerName", nullable = false)
    private String providerName;

    @Column(name = "keyVersion")
    private Long keyVersion;

    @Column(name = "kekRef")
    private String kekRef;

    @Column(name = "wrappedDek", nullable = false)
    private String wrappedDek;

    @Column(name = "algorithm")
    private String algorithm;

    @Column(name = "createDate", nullable = false)
    private String createDate;

    @Column(name = "lastOpDate", nullable = false)
    private String lastOpDate;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    public String getResourceUuid() {
        return resourceUuid;
    }

    public void setResourceUuid(String resourceUuid) {
        this.resourceUuid = resourceUuid;
    }

    public String getProviderUuid() {
        return providerUuid;
    }

    public void setProviderUuid(String providerUuid) {
        this.providerUuid = providerUuid;
    }

    public String getProviderName() {
        return providerName;
    }

    public void setProviderName(String providerName) {
        this.providerName = providerName;
    }

    public Long getKeyVersion() {
        return keyVersion;
    }

    public void setKeyVersion(Long keyVersion) {
        this.keyVersion = keyVersion;
    }

    public String getKekRef() {
        return kekRef;
    }

    public void setKekRef(String kekRef) {
        this.kekRef = kekRef;
    }

    public String getWrappedDek() {
        return wrappedDek;
    }

    public void setWrappedDek(String wrappedDek) {
        this.wrappedDek = wrappedDek;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
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
