"""The append-only history: every change is an event holding the full state after it.

The current verdict of (item, reviewer) is the state of its latest event. Undo appends an
event that restores the state before the undone one and names it in ``undoes``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

UNDOABLE = ("set", "clear", "note")


@dataclass(frozen=True, slots=True)
class State:
    """What a reviewer has on an item after some event."""

    verdict: str | None
    note: str
    created: str | None
    updated: str
    machine: dict[str, Any]

    @property
    def present(self) -> bool:
        """True when there is something to show: a verdict or a note."""
        return self.verdict is not None or bool(self.note)


def current(conn: sqlite3.Connection, item_id: int, reviewer: str) -> State | None:
    """The state after the latest event of ``reviewer`` on the item, if any."""
    row = conn.execute("SELECT verdict, note, created, at, machine FROM events WHERE item_id = ? "
                       "AND reviewer = ? ORDER BY id DESC LIMIT 1", (item_id, reviewer)).fetchone()
    return None if row is None else _state(row)


def append(conn: sqlite3.Connection, item_id: int, reviewer: str, action: str, state: State,
           undoes: int | None = None) -> int:
    """Append one event; the caller owns the transaction."""
    cursor = conn.execute(
        "INSERT INTO events (item_id, reviewer, action, verdict, note, machine, created, at, "
        "undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item_id, reviewer, action, state.verdict, state.note,
         json.dumps(state.machine, sort_keys=True, ensure_ascii=False), state.created,
         state.updated, undoes))
    return int(cursor.lastrowid or 0)


def last_undoable(conn: sqlite3.Connection, cmp_id: int, reviewer: str) -> tuple[int, int] | None:
    """``(event id, item id)`` of the reviewer's latest change not yet undone."""
    row = conn.execute(
        f"SELECT e.id, e.item_id FROM events e JOIN items i ON i.id = e.item_id "
        f"WHERE i.comparison_id = ? AND e.reviewer = ? AND e.action IN {UNDOABLE} "
        "AND e.id NOT IN (SELECT undoes FROM events WHERE undoes IS NOT NULL AND reviewer = ?) "
        "ORDER BY e.id DESC LIMIT 1", (cmp_id, reviewer, reviewer)).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def state_before(conn: sqlite3.Connection, event_id: int, item_id: int,
                 reviewer: str) -> State | None:
    """The reviewer's state on the item just before event ``event_id``."""
    row = conn.execute("SELECT verdict, note, created, at, machine FROM events WHERE item_id = ? "
                       "AND reviewer = ? AND id < ? ORDER BY id DESC LIMIT 1",
                       (item_id, reviewer, event_id)).fetchone()
    return None if row is None else _state(row)


CURRENT_SQL = """
SELECT i.key, e.reviewer, e.verdict, e.note, e.created, e.at, e.machine, i.id
FROM events e JOIN items i ON i.id = e.item_id
WHERE e.id IN (SELECT MAX(e2.id) FROM events e2 JOIN items i2 ON i2.id = e2.item_id
               WHERE i2.comparison_id = ? GROUP BY e2.item_id, e2.reviewer)
  AND (e.verdict IS NOT NULL OR e.note != '')
ORDER BY i.ordinal, e.reviewer
"""


def current_rows(conn: sqlite3.Connection, cmp_id: int) -> list[tuple]:
    """Every present ``(key, reviewer, verdict, note, created, updated, machine, item id)``."""
    return conn.execute(CURRENT_SQL, (cmp_id,)).fetchall()


def _state(row: tuple) -> State:
    return State(row[0], row[1] or "", row[2], row[3], json.loads(row[4]))
