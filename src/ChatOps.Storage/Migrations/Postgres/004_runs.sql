-- PostgreSQL twin of Migrations/004_runs.sql. seq stands in for SQLite's rowid: it orders runs created in the same millisecond.
CREATE TABLE runs (
    id             TEXT   NOT NULL PRIMARY KEY,
    backend        TEXT   NOT NULL,
    backend_run_id TEXT   NOT NULL,
    requested_by   TEXT   NOT NULL,
    summary        TEXT   NOT NULL,
    conversation   TEXT   NOT NULL,
    message        TEXT   NULL,
    web_url        TEXT   NULL,
    status         TEXT   NOT NULL,
    history        TEXT   NOT NULL,
    callback_token TEXT   NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    version        BIGINT NOT NULL CHECK (version > 0),
    seq            BIGINT GENERATED ALWAYS AS IDENTITY
);

-- Not unique: a retried pipeline or task keeps its backend id, and the retry is a new run (the newest wins).
CREATE INDEX ix_runs_backend ON runs (backend, backend_run_id);
CREATE INDEX ix_runs_status ON runs (status);
CREATE INDEX ix_runs_created_at ON runs (created_at);
