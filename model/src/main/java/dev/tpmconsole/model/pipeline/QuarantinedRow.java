package dev.tpmconsole.model.pipeline;

import java.util.Map;

/**
 * A deleted row as it was, enough to put it back: every column as text (integers in decimal, blobs in
 * base64, timestamps as ZStack's text), NULL as null.
 */
public record QuarantinedRow(String item, String table, String key, Map<String, String> values) {

    public String id() {
        return table + "/" + key;
    }
}
