package dev.tpmconsole.model.audit;

import dev.tpmconsole.model.i18n.Message;
import dev.tpmconsole.model.i18n.Messages;
import java.time.Instant;
import java.util.Locale;

/**
 * What the console's catalogue knows of a finding: {@code new} (not reported by the cloud's previous audit),
 * {@code seen} (reported before and not resolved since), {@code acknowledged} (a person accepted it, and the
 * acknowledgement has not expired), and when it was first seen. Both are null when there is no catalogue.
 */
public record FindingState(Status status, Instant firstSeen) {

    /** Without a catalogue: not known. */
    public static final FindingState UNKNOWN = new FindingState(null, null);

    /** The statuses, as the reports write them. */
    public enum Status implements Messages.Localized {
        NEW, SEEN, ACKNOWLEDGED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status for a person, in the language being read ({@code finding.status.<label>}). */
        @Override
        public Message message() {
            return Message.of("finding.status." + label());
        }
    }

    /** The status as reports write it, or null when not known. */
    public String label() {
        return status == null ? null : status.label();
    }

    /** Whether a finding in this state counts for {@code audit --fail-on}. Unknown counts as new and unacknowledged. */
    public boolean counts(FailOn failOn) {
        return switch (failOn) {
            case ANY -> true;
            case UNACKNOWLEDGED -> status != Status.ACKNOWLEDGED;
            case NEW -> status == null || status == Status.NEW;
        };
    }

    /** {@code audit --fail-on}: which findings (of severity orphan or suspect) make it exit with 3. */
    public enum FailOn {
        ANY, UNACKNOWLEDGED, NEW;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
