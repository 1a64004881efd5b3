package dev.tpmconsole.model.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A text for a person, kept as its bundle key and arguments until it is shown, so that the same finding,
 * reason or event can be written in English to a JSON report and in the reader's language to a window or a
 * terminal. An argument may itself be a {@code Message}; it is rendered in the same language.
 */
public record Message(String key, List<Object> args) {

    /**
     * The arguments may hold null (written "null", as {@code String.format} writes it). Without one they are held
     * in an immutable list of {@link List#copyOf}: one object for one or two arguments, two for more, where a copied
     * {@code ArrayList} and its read-only view took three or four. A plan keeps a message for each of its rows, made in
     * the background while the window is shown: the fewer objects each young collection copies, the shorter it stops
     * the FX thread (decision 0048).
     */
    public Message {
        args = holdsNull(args) ? Collections.unmodifiableList(new ArrayList<>(args)) : List.copyOf(args);
    }

    /** Whether a list holds null (asked without {@code contains(null)}, which an immutable list refuses). */
    private static boolean holdsNull(List<Object> args) {
        for (Object a : args) {
            if (a == null) {
                return true;
            }
        }
        return false;
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** Messages one after the other, separated by semicolons as the language writes a list ("a; b; c"). */
    public static Message joined(List<Message> parts) {
        if (parts.isEmpty()) {
            return LocalizedException.verbatim("");
        }
        Message joined = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            joined = Message.of("text.semicolons", parts.get(i), joined);
        }
        return joined;
    }

    /**
     * This message with {@code from} replaced by {@code to} in every text argument, nested messages included (a
     * tunnel's local address replaced by the address the person named).
     */
    public Message replacing(String from, String to) {
        List<Object> out = new ArrayList<>(args.size());
        for (Object a : args) {
            out.add(a instanceof String s ? s.replace(from, to) : a instanceof Message m ? m.replacing(from, to) : a);
        }
        return new Message(key, out);
    }

        /** In the language of {@code messages}. */
    public String in(Messages messages) {
        return messages.format(this);
    }

    /** In English: what JSON, CSV and the catalogue hold. */
    public String english() {
        return Messages.english().format(this);
    }

    /** In the process's current language. */
    @Override
    public String toString() {
        return Messages.current().format(this);
    }
}
