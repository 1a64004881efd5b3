package dev.tpmconsole.model.i18n;

import java.util.ArrayList;
import java.util.List;

/** The model bundle's keys that the code builds from names rather than writes out, got by calling that code. */
final class ModelKeys {

    private ModelKeys() {
    }

    static List<String> built() {
        List<String> keys = new ArrayList<>();
        for (Language l : Language.values()) {
            keys.add(l.message().key());
        }
        return keys;
    }
}
