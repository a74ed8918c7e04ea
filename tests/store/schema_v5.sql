-- Frozen copy of what crosscheck store schema version 5 did to version 4 (a fact-checker's
-- verdicts: events rebuilt with a wider CHECK, and a trigger refusing a verdict that does
-- not fit the kind of item). Never edit.
CREATE TABLE events_v5 (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    verdict TEXT CHECK (verdict IN ('consistent', 'contradiction', 'unrelated', 'unsure',
                                    'not_claim', 'not_conflict', 'timeline_update',
                                    'needs_verification', 'checked', 'omitted')),
    note TEXT NOT NULL DEFAULT '',
    machine TEXT NOT NULL,
    created TEXT,
    at TEXT NOT NULL,
    undoes INTEGER REFERENCES events_v5(id)
);
INSERT INTO events_v5 (id, item_id, reviewer, action, verdict, note, machine, created, at, undoes)
    SELECT id, item_id, reviewer, action, verdict, note, machine, created, at, undoes FROM events;
DROP TABLE events;
ALTER TABLE events_v5 RENAME TO events;
CREATE INDEX events_item_reviewer ON events (item_id, reviewer, id);
CREATE INDEX events_reviewer ON events (reviewer, id);
CREATE TRIGGER events_verdict_fits_item BEFORE INSERT ON events
WHEN NEW.verdict IN ('not_conflict', 'timeline_update', 'checked', 'omitted')
BEGIN
    SELECT RAISE(ABORT, 'the verdict does not fit the kind of item')
    WHERE (NEW.verdict IN ('not_conflict', 'timeline_update'))
        = ((SELECT kind FROM items WHERE id = NEW.item_id) IN ('left_only', 'right_only'));
END;
PRAGMA user_version = 5;
