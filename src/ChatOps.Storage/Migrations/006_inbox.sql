-- Chat deliveries accepted but not yet handled (IInboxStore): taken_at is when a process last took one; a stale one is taken again.
CREATE TABLE inbox (
    id          TEXT    NOT NULL PRIMARY KEY,
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    taken_at    INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inbox_taken_at ON inbox (taken_at);
