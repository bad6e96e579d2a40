-- User and channel defaults, one JSON document (a serialized UserDefaults) per scope.
CREATE TABLE defaults (
    scope      TEXT    NOT NULL PRIMARY KEY,
    json       TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
