package dev.tpmconsole.model.catalogue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One recorded audit or host scan of a cloud: when, of what, which rules, how long, and what it found. */
@Entity
@Table(name = "audit")
public class Audit extends CloudRow {

    /** The kinds of audit the catalogue records (short names of {@link AuditKind}'s). */
    public static final AuditKind AUDIT = AuditKind.AUDIT;
    public static final AuditKind HOST_SCAN = AuditKind.HOST_SCAN;

    @Column(nullable = false)
    @Convert(converter = AuditKind.Text.class)
    private AuditKind kind;

    @Column(nullable = false)
    private String source;

    @Column(name = "started_at", nullable = false)
    @Convert(converter = InstantText.class)
    private Instant startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(nullable = false)
    private String rules;

    /** Host scans: the hosts scanned, comma-separated (null: every host). */
    private String scope;

    private int findings;

    @Column(name = "new_findings")
    private int newFindings;

    @Column(name = "resolved_findings")
    private int resolvedFindings;

    @Column(name = "user_name")
    private String userName;

    @Column(name = "console_version")
    private String consoleVersion;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "audit_count", joinColumns = @JoinColumn(name = "audit_id"))
    @MapKeyColumn(name = "rule")
    @Column(name = "count")
    private Map<String, Long> counts = new LinkedHashMap<>();

    protected Audit() {
    }

    Audit(Cloud cloud, AuditKind kind, String source, Instant startedAt, long durationMs, List<String> rules,
          String scope, String userName, String consoleVersion) {
        super(cloud);
        this.kind = kind;
        this.source = source;
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.rules = String.join(",", rules);
        this.scope = scope;
        this.userName = userName;
        this.consoleVersion = consoleVersion;
    }

    public AuditKind getKind() {
        return kind;
    }

    public String getSource() {
        return source;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public List<String> getRules() {
        return rules.isEmpty() ? List.of() : Arrays.asList(rules.split(","));
    }

    public String getScope() {
        return scope;
    }

    public int getFindings() {
        return findings;
    }

    public int getNewFindings() {
        return newFindings;
    }

    public int getResolvedFindings() {
        return resolvedFindings;
    }

    public String getUserName() {
        return userName;
    }

    public Map<String, Long> getCounts() {
        return counts;
    }
}
