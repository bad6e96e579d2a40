-- PostgreSQL twin of Migrations/005_audit.sql: the append-only audit trail (AuditEntry; docs/policy.md). Each row carries the
-- hash of the one before it (AuditChain), so a changed, removed or reordered row shows when the chain is verified.
-- Times are Unix epoch milliseconds (UTC). PostgresAuditLog appends under pg_advisory_xact_lock, so replicas extend one chain.
CREATE TABLE audit (
    seq           BIGINT NOT NULL PRIMARY KEY,   -- 1, 2, 3 … without gaps
    at            BIGINT NOT NULL,
    kind          TEXT   NOT NULL,               -- AuditKinds: request, decision, confirmation, approval, execution, result, …
    actor         TEXT   NOT NULL,
    conversation  TEXT   NOT NULL,
    request_id    TEXT   NULL,
    intent        TEXT   NULL,
    service       TEXT   NULL,                   -- comma-separated when a command names several
    environment   TEXT   NULL,
    git_ref       TEXT   NULL,
    outcome       TEXT   NULL,
    rule          TEXT   NULL,
    detail        TEXT   NULL,
    previous_hash TEXT   NOT NULL,
    hash          TEXT   NOT NULL UNIQUE
);

CREATE INDEX ix_audit_at ON audit (at);
CREATE INDEX ix_audit_request ON audit (request_id);

-- Nothing in the application updates, deletes or truncates audit rows; these make PostgreSQL refuse it from any client.
-- Only the table's owner (or a superuser) can switch them off, with ALTER TABLE audit DISABLE TRIGGER.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows are append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
