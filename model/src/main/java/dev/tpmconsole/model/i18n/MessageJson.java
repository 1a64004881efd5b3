package dev.tpmconsole.model.i18n;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tpmconsole.model.util.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Message} as JSON text, for what is kept and shown again later in whichever language the reader has then
 * (the catalogue's findings): {@code {"key":"rule.X.detail","args":["a",12,{"key":...,"args":[...]},null]}}.
 *
 * <p>An argument is kept as what it is: text, a whole or decimal number, true or false, null, a message (an enum's
 * {@link Messages.Localized} as its message), a moment ({@code {"instant":"2026-12-02T01:10:11Z"}}) or a day
 * ({@code {"date":"2026-12-02"}}), so that it is formatted as it was first. A message with an argument of any other
 * kind is not written ({@link #write} gives null): its reader then shows the English sentence that was kept beside it,
 * rather than a sentence whose number or date would be formatted as text.
 */
public final class MessageJson {

    private MessageJson() {
    }

    /** The message as JSON text; null when it is null or one of its arguments is of a kind not kept (above). */
    public static String write(Message message) {
        if (message == null) {
            return null;
        }
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            if (!write(g, message)) {
                return null; // what was written of it is dropped
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * The message this JSON text holds, if it is one whose every key the bundles still hold and that they can format;
     * null otherwise (null or damaged text, a key of a console that had texts this one does not, an argument that a
     * text of this console formats as another kind): the reader then shows what was kept beside it.
     */
    public static Message read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Message m = readMessage(p);
            if (p.nextToken() != null || !known(m)) {
                return null;
            }
            for (Language language : Language.values()) {
                Messages.of(language).format(m); // a text whose arguments changed kind since would fail where shown
            }
            return m;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes {@code m}; false, having stopped, at the first argument of a kind not kept (above). */
    private static boolean write(JsonGenerator g, Message m) throws IOException {
        if (m == null || m.key() == null) {
            return false;
        }
        g.writeStartObject();
        g.writeStringField("key", m.key());
        g.writeArrayFieldStart("args");
        for (Object a : m.args()) {
            if (a == null) {
                g.writeNull();
            } else if (a instanceof String s) {
                g.writeString(s);
            } else if (a instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (a instanceof Double || a instanceof Float) {
                double d = ((Number) a).doubleValue();
                if (!Double.isFinite(d)) {
                    return false; // JSON has no NaN: it would come back as text
                }
                g.writeNumber(d);
            } else if (a instanceof Long || a instanceof Integer || a instanceof Short || a instanceof Byte) {
                g.writeNumber(((Number) a).longValue());
            } else if (a instanceof Instant i) {
                g.writeStartObject();
                g.writeStringField("instant", i.toString());
                g.writeEndObject();
            } else if (a instanceof LocalDate d) {
                g.writeStartObject();
                g.writeStringField("date", d.toString());
                g.writeEndObject();
            } else if (a instanceof Messages.Localized l) {
                if (!write(g, l.message())) {
                    return false;
                }
            } else if (!(a instanceof Message inner) || !write(g, inner)) {
                return false;
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        return true;
    }

    /** Reads an object whose START_OBJECT was just read: a message, a moment or a day. */
    private static Object readObject(JsonParser p) throws IOException {
        String key = null;
        List<Object> args = null;
        String instant = null;
        String date = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "key" -> key = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "args" -> args = value == JsonToken.START_ARRAY ? readArgs(p) : null;
                case "instant" -> instant = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "date" -> date = value == JsonToken.VALUE_STRING ? p.getText() : null;
                default -> throw new IOException("unexpected field " + field);
            }
        }
        if (key != null && args != null && instant == null && date == null) {
            return new Message(key, args);
        }
        if (instant != null && key == null && args == null && date == null) {
            return Instant.parse(instant);
        }
        if (date != null && key == null && args == null && instant == null) {
            return LocalDate.parse(date);
        }
        throw new IOException("not a message, a moment or a day");
    }

    private static Message readMessage(JsonParser p) throws IOException {
        if (readObject(p) instanceof Message m) {
            return m;
        }
        throw new IOException("not a message");
    }

    private static List<Object> readArgs(JsonParser p) throws IOException {
        List<Object> args = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            switch (t) {
                case VALUE_NULL -> args.add(null);
                case VALUE_STRING -> args.add(p.getText());
                case VALUE_TRUE -> args.add(Boolean.TRUE);
                case VALUE_FALSE -> args.add(Boolean.FALSE);
                case VALUE_NUMBER_INT -> args.add(p.getLongValue());
                case VALUE_NUMBER_FLOAT -> args.add(p.getDoubleValue());
                case START_OBJECT -> args.add(readObject(p));
                default -> throw new IOException("unexpected " + t);
            }
        }
        return args;
    }

    /**
     * Whether the bundles hold the message's key and those of the messages in its arguments, each given as many
     * arguments as its text uses (one with fewer would show a bare "{1}").
     */
    private static boolean known(Message m) {
        if (!Messages.english().has(m.key()) || m.args().size() < Messages.english().arguments(m.key())) {
            return false;
        }
        for (Object a : m.args()) {
            if (a instanceof Message inner && !known(inner)) {
                return false;
            }
        }
        return true;
    }
}
