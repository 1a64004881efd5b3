package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.util.Labelled;
import jakarta.persistence.AttributeConverter;

/** An enum kept in a text column by its label (the run table's kind and outcome): the column's values do not change. */
abstract class LabelText<E extends Enum<E> & Labelled> implements AttributeConverter<E, String> {

    private final Class<E> type;
    private final String what;

    LabelText(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.label();
    }

    @Override
    public E convertToEntityAttribute(String text) {
        return text == null ? null : Labelled.byLabel(type, text, what);
    }
}
