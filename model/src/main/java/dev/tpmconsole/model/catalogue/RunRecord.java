package dev.tpmconsole.model.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A run on a cloud (apply, repair, undo; resumed or not): source, plan, journal, outcome, counts, duration.
 * Recorded when it starts (outcome {@code running}) and completed when it ends; a run whose process was killed
 * keeps {@code running} until its resume is recorded as a run of its own.
 */
@Entity
@Table(name = "run")
public class RunRecord {

    /** Kinds of run. */
    public static final String APPLY = "apply";
    public static final String REPAIR = "repair";
    public static final String UNDO = "undo";

    /** The kind of a run of a plan of this operation: repair for the repair of audit findings, else apply. */
    public static String kindOf(String operation) {
        return dev.tpmconsole.model.plan.Plan.REPAIR.equals(operation) ? REPAIR : APPLY;
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cloud_id")
    private Cloud cloud;

    @Column(nullable = false)
    private String kind;

    private String operation;

    private boolean resumed;

    @Column(nullable = false)
    private String source;

    private String plan;

    private String journal;

    @Column(nullable = false)
    private String outcome;

    @Column(name = "items_done")
    private int done;

    @Column(name = "items_failed")
    private int failed;

    @Column(name = "items_skipped")
    private int skipped;

    @Column(name = "started_at", nullable = false)
    @Convert(converter = InstantText.class)
    private Instant startedAt;

    @Column(name = "ended_at")
    @Convert(converter = InstantText.class)
    private Instant endedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "user_name")
    private String userName;

    private String message;

    protected RunRecord() {
    }

    public Long getId() {
        return id;
    }

    public Cloud getCloud() {
        return cloud;
    }

    public String getKind() {
        return kind;
    }

    public String getOperation() {
        return operation;
    }

    public boolean isResumed() {
        return resumed;
    }

    public String getSource() {
        return source;
    }

    public String getPlan() {
        return plan;
    }

    public String getJournal() {
        return journal;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getDone() {
        return done;
    }

    public int getFailed() {
        return failed;
    }

    public int getSkipped() {
        return skipped;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Long getDurationMs() {
        return durationMs;
    }

    public String getUserName() {
        return userName;
    }

    public String getMessage() {
        return message;
    }
}
