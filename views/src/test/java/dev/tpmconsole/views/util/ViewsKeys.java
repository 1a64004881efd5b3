package dev.tpmconsole.views.util;

import java.util.ArrayList;
import java.util.List;

/** The views bundle's keys that the code builds from names rather than writes out, got by calling that code. */
public final class ViewsKeys {

    private ViewsKeys() {
    }

    public static List<String> built() {
        List<String> keys = new ArrayList<>();
        keys.addAll(dev.tpmconsole.views.main.Shortcuts.builtKeys());
        keys.addAll(dev.tpmconsole.views.browse.BrowseKeys.built());
        for (dev.tpmconsole.views.main.MainViewModel.Mode m : dev.tpmconsole.views.main.MainViewModel.Mode.values()) {
            keys.add(m.message().key());
        }
        return keys;
    }
}
