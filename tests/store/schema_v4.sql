-- Frozen copy of what crosscheck store schema version 4 did to version 3 (the verdict
-- not_claim: events rebuilt with a wider CHECK). Never edit.
CREATE TABLE events_v4 (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    verdict TEXT CHECK (verdict IN ('consistent', 'contradiction', 'unrelated', 'unsure',
                                    'not_claim')),
    note TEXT NOT NULL DEFAULT '',
    machine TEXT NOT NULL,
    created TEXT,
    at TEXT NOT NULL,
    undoes INTEGER REFERENCES events_v4(id)
);
INSERT INTO events_v4 (id, item_id, reviewer, action, verdict, note, machine, created, at, undoes)
    SELECT id, item_id, reviewer, action, verdict, note, machine, created, at, undoes FROM events;
DROP TABLE events;
ALTER TABLE events_v4 RENAME TO events;
CREATE INDEX events_item_reviewer ON events (item_id, reviewer, id);
CREATE INDEX events_reviewer ON events (reviewer, id);
PRAGMA user_version = 4;
