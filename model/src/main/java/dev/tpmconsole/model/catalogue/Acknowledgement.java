package dev.tpmconsole.model.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A finding a person looked at and accepted, with the reason (mandatory), who (the OS user), when, and an
 * optional expiry. Keyed by cloud and the finding's rule, table and key (and host and path for host scans),
 * so that it holds for later snapshots of the cloud.
 */
@Entity
@Table(name = "acknowledgement")
public class Acknowledgement extends FindingRow {

    @Column(nullable = false)
    private String reason;

    @Column(name = "acknowledged_by", nullable = false)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at", nullable = false)
    @Convert(converter = InstantText.class)
    private Instant acknowledgedAt;

    @Column(name = "expires_at")
    @Convert(converter = InstantText.class)
    private Instant expiresAt;

    protected Acknowledgement() {
    }

    Acknowledgement(Cloud cloud, FindingKey key) {
        super(cloud, key);
    }

    void set(String reason, String by, Instant at, Instant expires) {
        this.reason = reason;
        this.acknowledgedBy = by;
        this.acknowledgedAt = at;
        this.expiresAt = expires;
    }

    public String getReason() {
        return reason;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Whether it still counts at {@code now}. */
    public boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
