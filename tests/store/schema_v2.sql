-- Frozen copy of what crosscheck store schema version 2 added to version 1. Never edit.
CREATE TABLE positions (
    comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
    reviewer TEXT NOT NULL,
    item_key TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (comparison_id, reviewer)
);
CREATE INDEX events_reviewer ON events (reviewer, id);
PRAGMA user_version = 2;
