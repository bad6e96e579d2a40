-- PostgreSQL twin of Migrations/006_inbox.sql: chat deliveries accepted but not yet handled; a stale one is taken again.
CREATE TABLE inbox (
    id          TEXT    NOT NULL PRIMARY KEY,
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    received_at BIGINT  NOT NULL,
    taken_at    BIGINT  NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inbox_taken_at ON inbox (taken_at);
