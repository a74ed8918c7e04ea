"""The schema as numbered forward migrations keyed by ``PRAGMA user_version``.

Never edit a released migration: add the next number. ``tests/store/schema_v<N>.sql`` keep
frozen copies of what each version added, so a test can build an old database and migrate it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

# "CrCk" as a big-endian int: marks the file as ours in the SQLite header (offset 68).
APPLICATION_ID = 0x4372436B

V1 = """
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
"""

# Version 2: the reviewer's place in each comparison, and the index undo and `list` scan by.
V2 = """
CREATE TABLE positions (
    comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
    reviewer TEXT NOT NULL,
    item_key TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (comparison_id, reviewer)
);
CREATE INDEX events_reviewer ON events (reviewer, id);
"""

# Version 3: items in review order without a scan (list, export and import of large pairs).
V3 = """
CREATE INDEX items_order ON items (comparison_id, ordinal);
"""


# Version 4: the verdict "not_claim" (page furniture, a caption: nothing to check). SQLite
# cannot change a CHECK constraint, so the events table is rebuilt: copied into a new table,
# the old one dropped, the new one renamed (which also renames its reference to itself).
V4_EVENTS = """
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
"""


# Version 5: verdicts for a fact-checker's job (issue 17): on a link "not_conflict" (a false
# flag: the pair stays linked) and "timeline_update" (the later report updates the earlier);
# on a one-sided sentence "checked" and "omitted" (meaningfully, by the other source); on
# either "needs_verification". The CHECK grows again, so events is rebuilt as in version 4,
# every row kept.
V5_EVENTS = """
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
"""
# The store checks the fit before writing and says why (crosscheck.store.verdict_kinds); the
# trigger is the backstop for any other writer: a link-only verdict on a one-sided item, or a
# one-sided-only verdict on a link, is never stored. One statement: it holds semicolons.
# A later rebuild of events drops this trigger with the table: create it again there.
V5_FIT_TRIGGER = """
CREATE TRIGGER events_verdict_fits_item BEFORE INSERT ON events
WHEN NEW.verdict IN ('not_conflict', 'timeline_update', 'checked', 'omitted')
BEGIN
    SELECT RAISE(ABORT, 'the verdict does not fit the kind of item')
    WHERE (NEW.verdict IN ('not_conflict', 'timeline_update'))
        = ((SELECT kind FROM items WHERE id = NEW.item_id) IN ('left_only', 'right_only'));
END
"""


# Version 6: each source's outlet name and publication times (issue 17, item 5), as the
# engine read them (--name, the page's site name, the URL's host; ISO 8601 from the page's
# metadata). Added columns, NULL for comparisons stored before: every row is kept as it was,
# and a reader falls back to the source path where a name is missing.
V6 = """
ALTER TABLE comparisons ADD COLUMN left_name TEXT;
ALTER TABLE comparisons ADD COLUMN right_name TEXT;
ALTER TABLE comparisons ADD COLUMN left_published TEXT;
ALTER TABLE comparisons ADD COLUMN right_published TEXT;
ALTER TABLE comparisons ADD COLUMN left_updated TEXT;
ALTER TABLE comparisons ADD COLUMN right_updated TEXT;
"""


def _script(ddl: str) -> Callable[[sqlite3.Connection], None]:
    def migrate(conn: sqlite3.Connection) -> None:
        # executescript would COMMIT the surrounding transaction, so run statement by statement.
        for statement in ddl.split(";"):
            if statement.strip():
                conn.execute(statement)

    return migrate


def _v1(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _script(V1)(conn)


def _v5(conn: sqlite3.Connection) -> None:
    _script(V5_EVENTS)(conn)
    conn.execute(V5_FIT_TRIGGER)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1, 2: _script(V2), 3: _script(V3), 4: _script(V4_EVENTS), 5: _v5,
    6: _script(V6)}
SCHEMA_VERSION = max(MIGRATIONS)
# The versions that added tables (V4 and V5 rebuilt one under its own name).
_DDL = {1: V1, 2: V2, 3: V3}


def tables_at(version: int) -> set[str]:
    """The tables a database at schema ``version`` must hold (to tell a damaged one)."""
    return {name for number in range(1, version + 1)
            for name in re.findall(r"CREATE TABLE (\w+)", _DDL.get(number, ""))}


def migrate(conn: sqlite3.Connection) -> int:
    """Run every migration above the file's version inside the caller's transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[number](conn)
        conn.execute(f"PRAGMA user_version = {number}")
    return version
