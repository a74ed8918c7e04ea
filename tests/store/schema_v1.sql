-- Frozen copy of crosscheck store schema version 1. Never edit.
PRAGMA application_id = 1131561835;
CREATE TABLE comparisons (
    id INTEGER PRIMARY KEY,
    left_sha256 TEXT NOT NULL,
    right_sha256 TEXT NOT NULL,
    left_source TEXT NOT NULL,
    right_source TEXT NOT NULL,
    left_locator TEXT,
    right_locator TEXT,
    left_title TEXT,
    right_title TEXT,
    previous_id INTEGER REFERENCES comparisons(id) ON DELETE SET NULL,
    created TEXT NOT NULL,
    UNIQUE (left_sha256, right_sha256)
);
CREATE INDEX comparisons_locators ON comparisons (left_locator, right_locator);
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('link', 'left_only', 'right_only', 'manual')),
    ordinal INTEGER NOT NULL,
    left_ids TEXT NOT NULL,
    right_ids TEXT NOT NULL,
    machine TEXT NOT NULL,
    left_selector TEXT,
    right_selector TEXT,
    UNIQUE (comparison_id, key)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    verdict TEXT CHECK (verdict IN ('consistent', 'contradiction', 'unrelated', 'unsure')),
    note TEXT NOT NULL DEFAULT '',
    machine TEXT NOT NULL,
    created TEXT,
    at TEXT NOT NULL,
    undoes INTEGER REFERENCES events(id)
);
CREATE INDEX events_item_reviewer ON events (item_id, reviewer, id);
PRAGMA user_version = 1;
