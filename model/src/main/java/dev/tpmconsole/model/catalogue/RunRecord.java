package dev.tpmconsole.model.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A run on a cloud (apply, repair, undo; resumed or not): source, plan, journal, outcome, counts, duration.
 * Recorded when it starts (outcome {@code running}) and completed when it ends; a run whose process was killed
 * keeps {@code running} until its resume is recorded as a run of its own.
 */
@Entity
@Table(name = "run")
public class RunRecord extends CloudRow {

    @Column(nullable = false)
    @Convert(converter = RunKind.Text.class)
    private RunKind kind;

    private String operation;

    private boolean resumed;

    @Column(nullable = false)
    private String source;

    private String plan;

    private String journal;

    @Column(nullable = false)
    @Convert(converter = RunOutcome.Text.class)
    private RunOutcome outcome;

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

    public RunKind getKind() {
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

    public RunOutcome getOutcome() {
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
