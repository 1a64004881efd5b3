-- Version 2: acknowledged findings, and the runs (apply, repair, resume, undo) done on a cloud.

-- A finding a person looked at and accepted: keyed by cloud, rule, table and key, so that it holds for every
-- later snapshot of the cloud; it stops counting at expires_at (null: never).
CREATE TABLE acknowledgement (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    cloud_id            INTEGER NOT NULL REFERENCES cloud (id) ON DELETE CASCADE,
    rule                TEXT NOT NULL,
    table_name          TEXT NOT NULL,
    row_key             TEXT NOT NULL,
    reason              TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    acknowledged_by     TEXT NOT NULL,
    acknowledged_at     TEXT NOT NULL,
    expires_at          TEXT,
    UNIQUE (cloud_id, rule, table_name, row_key)
);

CREATE TABLE run (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    cloud_id        INTEGER REFERENCES cloud (id) ON DELETE SET NULL,
    kind            TEXT NOT NULL,      -- apply, repair, undo
    operation       TEXT,               -- the plan's operation: remove, reset, repair
    resumed         INTEGER NOT NULL DEFAULT 0,
    source          TEXT NOT NULL,
    plan            TEXT,
    journal         TEXT,
    outcome         TEXT NOT NULL,      -- running, done, failed, stopped, cancelled, refused
    items_done      INTEGER NOT NULL DEFAULT 0,
    items_failed    INTEGER NOT NULL DEFAULT 0,
    items_skipped   INTEGER NOT NULL DEFAULT 0,
    started_at      TEXT NOT NULL,
    ended_at        TEXT,
    duration_ms     INTEGER,
    user_name       TEXT,
    message         TEXT
);
CREATE INDEX run_cloud ON run (cloud_id, started_at);
