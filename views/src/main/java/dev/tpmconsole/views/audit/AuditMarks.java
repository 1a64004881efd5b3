package dev.tpmconsole.views.audit;

import dev.tpmconsole.model.audit.Finding;
import dev.tpmconsole.model.audit.FindingState;
import dev.tpmconsole.model.audit.FindingStates;
import dev.tpmconsole.model.catalogue.Audit;
import dev.tpmconsole.model.catalogue.AuditRecording;
import dev.tpmconsole.model.catalogue.Catalogue;
import dev.tpmconsole.model.catalogue.CloudMarkers;
import dev.tpmconsole.model.catalogue.FindingKey;
import dev.tpmconsole.model.catalogue.KnownFindings;
import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.source.Source;
import dev.tpmconsole.views.util.BackgroundTask;
import dev.tpmconsole.views.util.FxSchedulers;
import dev.tpmconsole.views.util.MessageProperty;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * What the catalogue says of the audit window's findings: each marked new, seen or acknowledged from what the
 * catalogue knew of the cloud before the audit, the audit recorded once it has ended, and the chosen findings
 * acknowledged (with a reason) or taken back, in the background. A catalogue problem is a note, never a reason for
 * the audit to fail. The audit's thread calls {@link #before} and {@link #record} with the catalogue the audit started
 * with; the rest is on the FX thread.
 */
public final class AuditMarks implements AutoCloseable {

    private final ObservableValue<Catalogue> catalogue;
    /** Acknowledging or taking back, in the background. */
    private final BackgroundTask acking;
    /** The audit's job: its error line shows a failed change. */
    private final BackgroundTask audit;
    private final ReadOnlyObjectWrapper<Map<FindingKey, FindingState>> states =
            new ReadOnlyObjectWrapper<>(this, "states", Map.of());
    private final ReadOnlyObjectWrapper<Map<FindingKey, Catalogue.AckEntry>> acknowledgements =
            new ReadOnlyObjectWrapper<>(this, "acknowledgements", Map.of());
    private final MessageProperty note = new MessageProperty(this, "catalogueNote", null);
    private final ReadOnlyObjectWrapper<Catalogue.RecordedAudit> recorded = new ReadOnlyObjectWrapper<>(this, "recorded");
    private final ReadOnlyIntegerWrapper ackChanged = new ReadOnlyIntegerWrapper(this, "ackChanged");
    private final BooleanBinding canAcknowledge;
    /** The cloud markers of the audited source and the audit's start (for new findings' first-seen time). */
    private CloudMarkers markers;
    private Instant startedAt;

    /**
     * @param reported whether an audit has ended and nothing else is going (acknowledging needs both)
     * @param audit    the audit's job, whose error line shows a failed change
     */
    AuditMarks(ObservableValue<Catalogue> catalogue, FxSchedulers schedulers, ObservableBooleanValue reported,
               BackgroundTask audit) {
        this.catalogue = catalogue;
        this.audit = audit;
        this.acking = new BackgroundTask(schedulers, null);
        ReadOnlyObjectProperty<Catalogue.RecordedAudit> rec = recorded.getReadOnlyProperty();
        canAcknowledge = Bindings.createBooleanBinding(() -> catalogue.getValue() != null && reported.get()
                && markers != null && !acking.isRunning(), catalogue, reported, acking.runningProperty(), rec, states);
    }

    /** What the catalogue knew of the cloud before the audit (or why it could not say). */
    record Before(CloudMarkers markers, KnownFindings known, Message note) {

        static final Before NONE = new Before(null, null, null);

        /** Records the audit's findings as they are found, when the catalogue knew the cloud; else null. */
        AuditRecording recording() {
            return known == null ? null : new AuditRecording();
        }
    }

    /** The audit as recorded (null when it could not be: {@code note} says why). */
    record Recorded(Before before, Catalogue.RecordedAudit audit, Message note) {
    }

    /** The catalogue as it is now (read on the FX thread when an audit starts; null: none). */
    Catalogue current() {
        return catalogue.getValue();
    }

    /** What catalogue {@code c} knows of {@code s}'s cloud now (on the audit's thread). */
    static Before before(Catalogue c, Source s, Instant at) {
        if (c == null) {
            return Before.NONE;
        }
        try {
            CloudMarkers m = CloudMarkers.read(s);
            return new Before(m, c.known(m, Audit.AUDIT, at), null);
        } catch (Catalogue.Failure e) {
            return new Before(null, null, Message.of("ui.audit.note.notRecorded", e.getLocalizedMessage()));
        } catch (SQLException e) {
            return new Before(null, null, Message.of("ui.audit.note.whichCloud", e.getLocalizedMessage()));
        }
    }

    /** Records the ended audit in catalogue {@code c} (on the audit's thread). */
    static Recorded record(Catalogue c, Before before, AuditRecording recording, Instant at, long durationMs) {
        if (recording == null || c == null) {
            return new Recorded(before, null, before.note());
        }
        try {
            return new Recorded(before, c.record(recording.toRecord(before.markers(), at, durationMs, null)), null);
        } catch (Catalogue.Failure e) {
            return new Recorded(before, null, Message.of("ui.audit.note.notRecorded", e.getLocalizedMessage()));
        }
    }

    /** Marks {@code findings} from what was known before the audit, and notes how the recording went. */
    void recorded(Recorded r, Instant at, List<Finding> findings) {
        markers = r.before().markers();
        startedAt = at;
        KnownFindings known = r.before().known();
        if (known != null) {
            Map<FindingKey, FindingState> marks = new HashMap<>();
            Map<FindingKey, Catalogue.AckEntry> acks = new HashMap<>();
            for (Finding f : findings) {
                FindingKey k = FindingKey.of(f);
                marks.put(k, known.of(f));
                Catalogue.AckEntry ack = known.acknowledgement(k);
                if (ack != null) {
                    acks.put(k, ack);
                }
            }
            set(marks, acks);
        }
        Catalogue.RecordedAudit a = r.audit();
        note.set(a != null ? Message.of("ui.audit.note.recorded", a.cloudName(), a.newFindings(), a.resolvedFindings())
                : r.note());
        recorded.set(a);
    }

    /** The acknowledgements first: what listens to the states reads them. */
    private void set(Map<FindingKey, FindingState> marks, Map<FindingKey, Catalogue.AckEntry> acks) {
        acknowledgements.set(Map.copyOf(acks));
        states.set(Map.copyOf(marks));
    }

    /** The catalogue's status of a finding of the last audit, or {@link FindingState#UNKNOWN}. */
    public FindingState stateOf(Finding f) {
        return states.get().getOrDefault(FindingKey.of(f), FindingState.UNKNOWN);
    }

    /** The statuses as they are now, for an export. */
    FindingStates snapshot() {
        Map<FindingKey, FindingState> marks = states.get();
        return f -> marks.getOrDefault(FindingKey.of(f), FindingState.UNKNOWN);
    }

    /** The acknowledgement in force of a finding of the last audit, or null. */
    public Catalogue.AckEntry acknowledgementOf(Finding f) {
        return acknowledgements.get().get(FindingKey.of(f));
    }

    /**
     * Acknowledges these findings in the catalogue with a reason (required) and an optional last day (through
     * its end, UTC); in the background. They are marked acknowledged once it is done.
     */
    public void acknowledge(List<Finding> chosen, String reason, LocalDate until) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An acknowledgement needs a reason");
        }
        Instant expires = until == null ? null : until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        change(chosen, (c, cloud, k) -> c.acknowledge(cloud, k, reason, expires), true);
    }

    /** Takes the acknowledgements of these findings back, in the background. */
    public void unacknowledge(List<Finding> chosen) {
        change(chosen, (c, cloud, k) -> {
            c.unacknowledge(cloud, k);
            return null;
        }, false);
    }

    /** One change per finding, in the catalogue. */
    @FunctionalInterface
    private interface AckChange {
        Catalogue.AckEntry apply(Catalogue c, long cloud, FindingKey key) throws Catalogue.Failure;
    }

    private void change(List<Finding> chosen, AckChange change, boolean acknowledge) {
        Catalogue c = catalogue.getValue();
        CloudMarkers m = markers;
        if (c == null || m == null || chosen.isEmpty() || acking.isRunning()) {
            return;
        }
        List<FindingKey> keys = chosen.stream().map(FindingKey::of).distinct().toList();
        audit.dismissError();
        acking.start(null, BackgroundTask.call(() -> {
            long cloud = c.cloudFor(m).id();
            Map<FindingKey, Catalogue.AckEntry> done = new HashMap<>();
            for (FindingKey k : keys) {
                Catalogue.AckEntry a = change.apply(c, cloud, k);
                if (a != null) {
                    done.put(k, a);
                }
            }
            return done;
        }), done -> changed(keys, done, acknowledge), () -> { }, audit::fail);
    }

    private void changed(List<FindingKey> keys, Map<FindingKey, Catalogue.AckEntry> done, boolean acknowledge) {
        Map<FindingKey, FindingState> marks = new HashMap<>(states.get());
        Map<FindingKey, Catalogue.AckEntry> acks = new HashMap<>(acknowledgements.get());
        for (FindingKey k : keys) {
            FindingState was = marks.getOrDefault(k, FindingState.UNKNOWN);
            Instant first = was.firstSeen() != null ? was.firstSeen() : startedAt;
            if (acknowledge) {
                marks.put(k, new FindingState(FindingState.Status.ACKNOWLEDGED, first));
                acks.put(k, done.get(k));
            } else {
                // back to what it is without one: new when this audit saw it first
                boolean fresh = first != null && startedAt != null
                        && first.equals(startedAt.truncatedTo(ChronoUnit.MILLIS));
                marks.put(k, new FindingState(fresh ? FindingState.Status.NEW : FindingState.Status.SEEN, first));
                acks.remove(k);
            }
        }
        set(marks, acks);
        note.set(Message.of(acknowledge ? "ui.audit.note.acknowledged" : "ui.audit.note.unacknowledged", keys.size()));
        ackChanged.set(ackChanged.get() + 1);
    }

    /** Forgets the last audit's marks (a new audit, another source). */
    void clear() {
        acking.close();
        set(Map.of(), Map.of());
        note.clear();
        markers = null;
    }

    /** Counts changes of acknowledgements made here (the overview lists them: it reloads when this changes). */
    public ReadOnlyIntegerProperty ackChangedProperty() {
        return ackChanged.getReadOnlyProperty();
    }

    /** The catalogue's status of each finding of the last audit, by key (replaced whole when it changes). */
    public ReadOnlyObjectProperty<Map<FindingKey, FindingState>> statesProperty() {
        return states.getReadOnlyProperty();
    }

    /** The acknowledgements in force of the last audit's findings, by key (replaced whole when they change). */
    public ReadOnlyObjectProperty<Map<FindingKey, Catalogue.AckEntry>> acknowledgementsProperty() {
        return acknowledgements.getReadOnlyProperty();
    }

    /**
     * What the catalogue did with the last audit, or why it could not (one line; empty without a catalogue), in the
     * language it was written in.
     */
    public ReadOnlyStringProperty noteProperty() {
        return note.textProperty();
    }

    /** {@link #noteProperty()} as a message (null: none), for a view to show in the language of the moment. */
    public ReadOnlyObjectProperty<Message> noteMessageProperty() {
        return note.messageProperty();
    }

    /** The last audit as recorded in the catalogue, or null. */
    public ReadOnlyObjectProperty<Catalogue.RecordedAudit> recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** Whether findings can be acknowledged now (a catalogue, an audit done, nothing else going). */
    public BooleanBinding canAcknowledgeBinding() {
        return canAcknowledge;
    }

    @Override
    public void close() {
        acking.close();
    }
}
