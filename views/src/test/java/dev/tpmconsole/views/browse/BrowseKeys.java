package dev.tpmconsole.views.browse;

import java.util.List;

/** The browse views' keys that the code builds (for the bundle test). */
public final class BrowseKeys {

    private BrowseKeys() {
    }

    public static List<String> built() {
        return Lists.builtKeys();
    }
}
