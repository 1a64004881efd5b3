-- The console's own catalogue (design/catalogue.md), version 1: clouds, audits and the findings they report.
-- Times are UTC ISO-8601 text (2026-12-02T01:10:11.123Z): they sort as text and read in the sqlite3 shell.

-- A ZStack cloud, however many snapshots and live databases of it were audited.
CREATE TABLE cloud (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT,               -- given by the user (clouds name), else null
    label       TEXT NOT NULL,      -- shown while it has no name: the first source seen of it
    created_at  TEXT NOT NULL
);

-- What a cloud is recognised by: uuids read from its data (management nodes, zones, hosts, key providers).
-- A source belongs to the cloud it shares the most markers with.
CREATE TABLE cloud_marker (
    cloud_id    INTEGER NOT NULL REFERENCES cloud (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (cloud_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX cloud_marker_value ON cloud_marker (value, kind);

-- A source the user assigned to a cloud (clouds split): it is that cloud's whatever its markers say.
CREATE TABLE cloud_source (
    source      TEXT PRIMARY KEY,
    cloud_id    INTEGER NOT NULL REFERENCES cloud (id) ON DELETE CASCADE
);

CREATE TABLE audit (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    cloud_id            INTEGER NOT NULL REFERENCES cloud (id),
    source              TEXT NOT NULL,
    started_at          TEXT NOT NULL,
    duration_ms         INTEGER NOT NULL,
    rules               TEXT NOT NULL,  -- the rules that ran, comma-separated: only they resolve findings
    findings            INTEGER NOT NULL DEFAULT 0,
    new_findings        INTEGER NOT NULL DEFAULT 0,
    resolved_findings   INTEGER NOT NULL DEFAULT 0,
    user_name           TEXT,
    console_version     TEXT
);
CREATE INDEX audit_cloud ON audit (cloud_id, started_at);

CREATE TABLE audit_count (
    audit_id    INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (audit_id, rule)
) WITHOUT ROWID;

-- A finding of a cloud from the audit that first reported it to the last one that did; resolved by the first
-- later audit that ran its rule and no longer reported it. A finding that comes back is a new row.
CREATE TABLE finding (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    cloud_id            INTEGER NOT NULL REFERENCES cloud (id),
    rule                TEXT NOT NULL,
    severity            TEXT NOT NULL,
    table_name          TEXT NOT NULL,
    row_key             TEXT NOT NULL,
    vm_uuid             TEXT,
    detail              TEXT,
    first_seen_audit_id INTEGER NOT NULL REFERENCES audit (id),
    last_seen_audit_id  INTEGER NOT NULL REFERENCES audit (id),
    resolved_audit_id   INTEGER REFERENCES audit (id)
);
CREATE UNIQUE INDEX finding_open ON finding (cloud_id, rule, table_name, row_key) WHERE resolved_audit_id IS NULL;
CREATE INDEX finding_last_seen ON finding (last_seen_audit_id);
CREATE INDEX finding_first_seen ON finding (first_seen_audit_id);
CREATE INDEX finding_resolved ON finding (resolved_audit_id);
