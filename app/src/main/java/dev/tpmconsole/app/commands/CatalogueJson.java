package dev.tpmconsole.app.commands;

import dev.tpmconsole.model.catalogue.Catalogue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The catalogue's clouds and acknowledgements as the commands' JSON writes them. */
final class CatalogueJson {

    private CatalogueJson() {
    }

    static Map<String, Object> cloud(Catalogue.CloudEntry c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("label", c.label());
        m.put("createdAt", CatalogueCommands.iso(c.createdAt()));
        m.put("audits", c.audits());
        m.put("lastAudit", CatalogueCommands.iso(c.lastAudit()));
        m.put("sources", c.sources());
        return m;
    }

    static Map<String, Object> ack(Catalogue.AckEntry a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", a.key().rule());
        m.put("table", a.key().table());
        m.put("key", a.key().key());
        if (!a.key().host().isEmpty()) {
            m.put("host", a.key().host());
            m.put("path", a.key().path());
        }
        m.put("reason", a.reason());
        m.put("by", a.by());
        m.put("at", CatalogueCommands.iso(a.at()));
        m.put("expires", CatalogueCommands.iso(a.expiresAt()));
        m.put("active", a.active());
        return m;
    }
}
