package dev.tpmconsole.model.catalogue;

import dev.tpmconsole.model.audit.Finding;

/**
 * What makes a finding the same finding from one audit to the next: its rule and subject row (table and key),
 * and for host scans the host and path. Missing parts are empty strings, never null.
 */
public record FindingKey(String rule, String table, String key, String host, String path) {

    public FindingKey {
        rule = orEmpty(rule);
        table = orEmpty(table);
        key = orEmpty(key);
        host = orEmpty(host);
        path = orEmpty(path);
    }

    public static FindingKey of(Finding f) {
        return new FindingKey(f.rule().name(), f.table(), f.key(), "", "");
    }

    public static FindingKey of(String rule, String table, String key) {
        return new FindingKey(rule, table, key, "", "");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** "RULE table key" (and host and path when set), for messages. */
    @Override
    public String toString() {
        return rule + " " + table + " " + key + (host.isEmpty() ? "" : " on host " + host)
                + (path.isEmpty() ? "" : " " + path);
    }
}
