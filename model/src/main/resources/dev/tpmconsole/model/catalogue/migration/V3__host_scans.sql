-- Version 3: host scans (design/hosts.md) are recorded like audits: an audit of kind 'host-scan' whose findings
-- name a host and a path. A scan resolves only findings of the hosts it reached (scope).

ALTER TABLE audit ADD COLUMN kind TEXT NOT NULL DEFAULT 'audit';
ALTER TABLE audit ADD COLUMN scope TEXT;        -- host scans: the hosts scanned, comma-separated; null: all

ALTER TABLE finding ADD COLUMN kind TEXT NOT NULL DEFAULT 'audit';
ALTER TABLE finding ADD COLUMN host_uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN path TEXT NOT NULL DEFAULT '';
DROP INDEX finding_open;
CREATE UNIQUE INDEX finding_open ON finding (cloud_id, kind, rule, table_name, row_key, host_uuid, path)
    WHERE resolved_audit_id IS NULL;

-- an acknowledgement's key gains the host and path (SQLite changes a UNIQUE constraint by copying the table)
CREATE TABLE acknowledgement_v3 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    cloud_id            INTEGER NOT NULL REFERENCES cloud (id) ON DELETE CASCADE,
    rule                TEXT NOT NULL,
    table_name          TEXT NOT NULL,
    row_key             TEXT NOT NULL,
    host_uuid           TEXT NOT NULL DEFAULT '',
    path                TEXT NOT NULL DEFAULT '',
    reason              TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    acknowledged_by     TEXT NOT NULL,
    acknowledged_at     TEXT NOT NULL,
    expires_at          TEXT,
    UNIQUE (cloud_id, rule, table_name, row_key, host_uuid, path)
);
INSERT INTO acknowledgement_v3 (id, cloud_id, rule, table_name, row_key, reason, acknowledged_by, acknowledged_at,
                                expires_at)
    SELECT id, cloud_id, rule, table_name, row_key, reason, acknowledged_by, acknowledged_at, expires_at
    FROM acknowledgement;
DROP TABLE acknowledgement;
ALTER TABLE acknowledgement_v3 RENAME TO acknowledgement;
