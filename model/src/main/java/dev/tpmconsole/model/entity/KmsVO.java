package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The external KMIP KMS sub-row of a KeyProviderVO (no SQL foreign key).
 * Table {@code KmsVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "KmsVO")
@Table(name = "KmsVO")
public class KmsVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "endpoint", nullable = false)
    private String endpoint;

    @Column(name = "port", nullable = false)
    private Long port;

    @Column(name = "kmipVersion")
    private String kmipVersion;

    @Column(name = "username")
    private String username;

    @Column(name = "password")
    private String password;

    @Column(name = "trustState", nullable = false)
    private String trustState;

    @Column(name = "activeIdentityUuid")
    private String activeIdentityUuid;

    @Column(name = "serverCertExpiredDate")
    private String serverCertExpiredDate;

    @Column(name = "serverCertPem")
    private String serverCertPem;

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    public String getKmipVersion() {
        return kmipVersion;
    }

    public void setKmipVersion(String kmipVersion) {
        this.kmipVersion = kmipVersion;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getTrustState() {
        return trustState;
    }

    public void setTrustState(String trustState) {
        this.trustState = trustState;
    }

    public String getActiveIdentityUuid() {
        return activeIdentityUuid;
    }

    public void setActiveIdentityUuid(String activeIdentityUuid) {
        this.activeIdentityUuid = activeIdentityUuid;
    }

    public String getServerCertExpiredDate() {
        return serverCertExpiredDate;
    }

    public void setServerCertExpiredDate(String serverCertExpiredDate) {
        this.serverCertExpiredDate = serverCertExpiredDate;
    }

    public String getServerCertPem() {
        return serverCertPem;
    }

    public void setServerCertPem(String serverCertPem) {
        this.serverCertPem = serverCertPem;
    }
}
