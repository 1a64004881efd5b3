package dev.tpmconsole.model.util;

/**
 * An enum constant known outside the program by a fixed text, its label (a plan file's step and action, a
 * journal's host-work outcome, a catalogue run's kind and outcome): the label is the contract and stays the same
 * whatever the constant is called.
 */
public interface Labelled {

    /** The text files, JSON and the catalogue hold. */
    String label();

    /** The constant of {@code type} whose label is {@code label}; else IllegalArgumentException "no such WHAT: label". */
    static <E extends Enum<E> & Labelled> E byLabel(Class<E> type, String label, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(label)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no such " + what + ": " + label);
    }
}
