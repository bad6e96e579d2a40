-- Runs the bot follows until they end (RunRecord). Conversation, message and history are JSON documents.
-- Times are Unix epoch milliseconds (UTC); status is the lower-case RunStatus name.
CREATE TABLE runs (
    id             TEXT    NOT NULL PRIMARY KEY,
    backend        TEXT    NOT NULL,
    backend_run_id TEXT    NOT NULL,
    requested_by   TEXT    NOT NULL,
    summary        TEXT    NOT NULL,
    conversation   TEXT    NOT NULL,
    message        TEXT    NULL,
    web_url        TEXT    NULL,
    status         TEXT    NOT NULL,
    history        TEXT    NOT NULL,
    callback_token TEXT    NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL CHECK (version > 0)
);

-- Not unique: a retried pipeline or task keeps its backend id, and the retry is a new run (the newest wins).
CREATE INDEX ix_runs_backend ON runs (backend, backend_run_id);
CREATE INDEX ix_runs_status ON runs (status);
CREATE INDEX ix_runs_created_at ON runs (created_at);
