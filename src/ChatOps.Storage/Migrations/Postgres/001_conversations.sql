-- PostgreSQL twin of Migrations/001_conversations.sql: same table, BIGINT for the epoch-millisecond times.
CREATE TABLE conversations (
    key        TEXT   NOT NULL PRIMARY KEY,
    state      TEXT   NOT NULL,
    version    BIGINT NOT NULL CHECK (version > 0),
    expires_at BIGINT NULL,
    updated_at BIGINT NOT NULL
);

-- Partial: only conversations with a pending confirmation are indexed, so the expiry sweep stays small.
CREATE INDEX ix_conversations_expires_at ON conversations (expires_at) WHERE expires_at IS NOT NULL;
