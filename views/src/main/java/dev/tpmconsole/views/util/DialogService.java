package dev.tpmconsole.views.util;

/** Every dialog goes through here, so that buttons are named for the action and tests can see them. */
public interface DialogService {

    /**
     * Asks before a destructive action.
     *
     * @param action the button that does it, named for the action ("Delete 42 rows")
     * @return true when the person chose the action
     */
    boolean confirm(String title, String message, String action);

    /**
     * Asks before a destructive action that comes with one choice (a check box, {@code initial} at first).
     *
     * @return the choice made when the person chose the action; empty when they cancelled
     */
    default java.util.Optional<Boolean> confirm(String title, String message, String action, String choice,
                                                boolean initial) {
        return confirm(title, message, action) ? java.util.Optional.of(initial) : java.util.Optional.empty();
    }

    /**
     * Asks for a secret (a key's passphrase) in a password field.
     *
     * @param action the button that uses it ("Unlock")
     * @return what was typed, or null when the person declined; the caller wipes it after use
     */
    default char[] password(String title, String message, String action) {
        return null;
    }

    /** What a person gave when acknowledging findings: the reason (never blank) and an optional last day. */
    record Acknowledging(String reason, java.time.LocalDate until) {
    }

    /**
     * Asks why findings are accepted (required) and until when (optional); {@code action} names the button
     * ("Acknowledge 3 findings"). Empty when the person cancelled. A service that cannot ask answers empty.
     */
    default java.util.Optional<Acknowledging> askAcknowledgement(String title, String message, String action) {
        return java.util.Optional.empty();
    }
}
