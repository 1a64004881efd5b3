package dev.tpmconsole.model.catalogue;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/** Times in the catalogue are UTC ISO-8601 text: they sort as text and read as they are in the sqlite3 shell. */
@Converter
public final class InstantText implements AttributeConverter<Instant, String> {

    @Override
    public String convertToDatabaseColumn(Instant value) {
        return value == null ? null : format(value);
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Always with milliseconds, so that two times compare as text as they compare as times. */
    static String format(Instant value) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(value);
    }
}
