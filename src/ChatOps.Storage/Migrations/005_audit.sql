-- The append-only audit trail (AuditEntry; docs/policy.md). Each row carries the hash of the one before it, so a changed,
-- removed or reordered row shows when the chain is verified (`chatops audit --verify`). Times are Unix epoch milliseconds (UTC).
CREATE TABLE audit (
    seq           INTEGER NOT NULL PRIMARY KEY,   -- 1, 2, 3 … without gaps
    at            INTEGER NOT NULL,
    kind          TEXT    NOT NULL,               -- AuditKinds: request, decision, confirmation, approval, execution, result, …
    actor         TEXT    NOT NULL,
    conversation  TEXT    NOT NULL,
    request_id    TEXT    NULL,
    intent        TEXT    NULL,
    service       TEXT    NULL,                   -- comma-separated when a command names several
    environment   TEXT    NULL,
    git_ref       TEXT    NULL,
    outcome       TEXT    NULL,
    rule          TEXT    NULL,
    detail        TEXT    NULL,
    previous_hash TEXT    NOT NULL,
    hash          TEXT    NOT NULL UNIQUE
);

CREATE INDEX ix_audit_at ON audit (at);
CREATE INDEX ix_audit_request ON audit (request_id);

-- Nothing in the application updates or deletes audit rows; these make SQLite refuse it too.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
