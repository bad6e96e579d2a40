-- PostgreSQL twin of Migrations/003_claims.sql: the primary key makes the first INSERT of a key the only winner.
CREATE TABLE claims (
    key          TEXT   NOT NULL PRIMARY KEY,
    owner        TEXT   NOT NULL,
    claimed_at   BIGINT NOT NULL,
    outcome      TEXT   NULL,
    completed_at BIGINT NULL
);
