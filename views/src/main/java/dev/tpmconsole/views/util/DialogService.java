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
     * Asks for a secret (a key's passphrase) in a password field.
     *
     * @param action the button that uses it ("Unlock")
     * @return what was typed, or null when the person declined; the caller wipes it after use
     */
    default char[] password(String title, String message, String action) {
        return null;
    }
}
