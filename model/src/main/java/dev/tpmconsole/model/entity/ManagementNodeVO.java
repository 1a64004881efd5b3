package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A ZStack management node; a recent {@code heartBeat} means the live database is in use.
 * Table {@code ManagementNodeVO} with ZStack's own column names; timestamps are kept as ZStack's text
 * ({@code YYYY-MM-DD HH:MM:SS}, the zero date included) so that nothing is lost between MariaDB and a snapshot.
 */
@Entity(name = "ManagementNodeVO")
@Table(name = "ManagementNodeVO")
public class ManagementNodeVO {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Column(name = "hostName")
    private String hostName;

    @Column(name = "port")
    private Long port;

    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "version")
    private String version;

    @Column(name = "joinDate", nullable = false)
    private String joinDate;

    @Column(name = "heartBeat", nullable = false)
    private String heartBeat;

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    public Long getPort() {
        return port;
    }

    public void setPort(Long port) {
        this.port = port;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getJoinDate() {
        return joinDate;
    }

    public void setJoinDate(String joinDate) {
        this.joinDate = joinDate;
    }

    public String getHeartBeat() {
        return heartBeat;
    }

    public void setHeartBeat(String heartBeat) {
        this.heartBeat = heartBeat;
    }
}
