package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.audit.FindingStates;
import java.time.Instant;
import java.util.Map;

/**
 * What the catalogue knew of a cloud before an audit: its open findings (with when each was first seen) and its
 * acknowledgements in force. A finding is {@code acknowledged} when one of them names it, else {@code seen} when
 * it is open, else {@code new} (first seen: the audit's start).
 */
public final class KnownFindings implements FindingStates {

    private final Long cloudId;
    private final Instant startedAt;
    /** By {@link Ledger#identity}: one string to hash per finding, ten thousand of them. */
    private final Map<String, Instant> open;
    private final Map<FindingKey, Catalogue.AckEntry> acknowledged;

    KnownFindings(Long cloudId, Instant startedAt, Map<String, Instant> open,
                  Map<FindingKey, Catalogue.AckEntry> acknowledged) {
        this.cloudId = cloudId;
        // as the catalogue keeps times: to the millisecond, so that a new finding's first-seen time is the same later
        this.startedAt = startedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.open = Map.copyOf(open);
        this.acknowledged = Map.copyOf(acknowledged);
    }

    /** A cloud the catalogue has not seen. */
    static KnownFindings nothing(Instant startedAt) {
        return new KnownFindings(null, startedAt, Map.of(), Map.of());
    }

    /** The cloud, or null when the catalogue has not seen it yet. */
    public Long cloudId() {
        return cloudId;
    }

    @Override
    public FindingState of(Finding f) {
        Instant first = open.get(Ledger.identity(f.rule().name(), f.table() == null ? "" : f.table(),
                f.key() == null ? "" : f.key(), "", ""));
        if (!acknowledged.isEmpty() && acknowledged.containsKey(FindingKey.of(f))) {
            return new FindingState(FindingState.Status.ACKNOWLEDGED, first != null ? first : startedAt);
        }
        return first != null ? new FindingState(FindingState.Status.SEEN, first)
                : new FindingState(FindingState.Status.NEW, startedAt);
    }

    public FindingState state(FindingKey key) {
        Instant first = open.get(Ledger.identity(key.rule(), key.table(), key.key(), key.host(), key.path()));
        if (acknowledged.containsKey(key)) {
            return new FindingState(FindingState.Status.ACKNOWLEDGED, first != null ? first : startedAt);
        }
        return first != null ? new FindingState(FindingState.Status.SEEN, first)
                : new FindingState(FindingState.Status.NEW, startedAt);
    }

    /** The acknowledgement in force of a finding, or null. */
    public Catalogue.AckEntry acknowledgement(FindingKey key) {
        return acknowledged.get(key);
    }
}
