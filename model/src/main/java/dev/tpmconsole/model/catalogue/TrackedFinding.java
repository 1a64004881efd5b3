package dev.tpmconsole.model.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A finding of a cloud followed across its audits: reported first by {@code firstSeen}, and resolved by the first
 * later audit that ran its rule without reporting it (null while open), {@code lastSeen} then being the last audit
 * that reported it (while it is open, the cloud's latest audit of its rule did). Every audit that ran its rule in
 * between reported it. A finding that comes back after it was resolved is a new one.
 */
@Entity
@Table(name = "finding")
public class TrackedFinding extends FindingRow {

    @Column(nullable = false)
    @Convert(converter = AuditKind.Text.class)
    private AuditKind kind;

    @Column(nullable = false)
    private String severity;

    @Column(name = "vm_uuid")
    private String vmUuid;

    private String detail;

    /** The sentence as a message, JSON ({@link dev.tpmconsole.model.i18n.MessageJson}); null before version 4. */
    private String message;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "first_seen_audit_id")
    private Audit firstSeen;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "last_seen_audit_id")
    private Audit lastSeen;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "resolved_audit_id")
    private Audit resolvedBy;

    protected TrackedFinding() {
    }

    public AuditKind getKind() {
        return kind;
    }

    public String getSeverity() {
        return severity;
    }

    public String getVmUuid() {
        return vmUuid;
    }

    public String getDetail() {
        return detail;
    }

    public String getMessage() {
        return message;
    }

    public Audit getFirstSeen() {
        return firstSeen;
    }

    public Audit getLastSeen() {
        return lastSeen;
    }

    public Audit getResolvedBy() {
        return resolvedBy;
    }
}
