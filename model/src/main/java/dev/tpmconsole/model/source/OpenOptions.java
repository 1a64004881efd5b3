package dev.tpmconsole.model.source;

/**
 * How to open a source.
 *
 * @param writable open for changes; a snapshot is otherwise opened read-only and stays byte-identical
 */
public record OpenOptions(boolean writable) {

    public static OpenOptions readOnly() {
        return new OpenOptions(false);
    }

    public static OpenOptions writableOptions() {
        return new OpenOptions(true);
    }
}
