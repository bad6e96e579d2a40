-- PostgreSQL twin of Migrations/002_defaults.sql: one UserDefaults JSON document per scope, kept as written.
CREATE TABLE defaults (
    scope      TEXT   NOT NULL PRIMARY KEY,
    json       TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
