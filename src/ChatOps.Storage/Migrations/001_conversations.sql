-- One row per conversation: the dialog state, its optimistic-concurrency version and the pending expiry.
-- Times are Unix epoch milliseconds (UTC).
CREATE TABLE conversations (
    key        TEXT    NOT NULL PRIMARY KEY,
    state      TEXT    NOT NULL,
    version    INTEGER NOT NULL CHECK (version > 0),
    expires_at INTEGER NULL,
    updated_at INTEGER NOT NULL
);

-- Partial: only conversations with a pending confirmation are indexed, so the expiry sweep stays small.
CREATE INDEX ix_conversations_expires_at ON conversations (expires_at) WHERE expires_at IS NOT NULL;
