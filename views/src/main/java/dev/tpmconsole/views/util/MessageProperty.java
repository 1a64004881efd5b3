package dev.tpmconsole.views.util;

import dev.tpmconsole.model.i18n.Message;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A view-model's line for a person (a status, a note, a result) kept as a {@link Message}: the view shows
 * {@link #text()}, which follows the language; {@link #textProperty()} is the text in the language it was set in
 * (what a listener that records it, the event log, reads once). Null shows as empty. FX thread only.
 */
public final class MessageProperty {

    private final ReadOnlyObjectWrapper<Message> message;
    private final ReadOnlyStringWrapper text;

    public MessageProperty(Object bean, String name, Message initial) {
        message = new ReadOnlyObjectWrapper<>(bean, name + "Message", initial);
        text = new ReadOnlyStringWrapper(bean, name, I18n.t(initial));
        message.addListener((o, a, m) -> text.set(I18n.t(m)));
    }

    public void set(Message m) {
        message.set(m);
    }

    /** Sets the key's message. */
    public void set(String key, Object... args) {
        message.set(Message.of(key, args));
    }

    public void clear() {
        message.set(null);
    }

    public Message get() {
        return message.get();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The text in the language it was set in. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The text following the message and the language: what a view binds to. */
    public StringBinding text() {
        return I18n.text(message);
    }
}
