"""Databases as older crosscheck versions left them, built from the frozen ``schema_v<N>.sql``.

:func:`build_old_database` fills every table of a version with what a real reviewer leaves
behind: two comparisons (an edited version naming its predecessor), every kind of item, several
reviewers, every action of the history (set, note, clear, undo, import, carry) with notes in
several scripts, and reading positions where the version had them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

HERE = Path(__file__).parent
FROZEN = sorted(int(p.stem.removeprefix("schema_v")) for p in HERE.glob("schema_v*.sql"))
# Frozen DDL of each released schema: version N is the first N scripts run in order.
OLD_SCHEMAS = [(HERE / f"schema_v{n}.sql").read_text(encoding="utf-8") for n in FROZEN]
TABLES = {"comparisons": "id", "items": "id", "events": "id",
          "positions": "comparison_id, reviewer"}
# The verdicts each version's CHECK allowed (version 4 added not_claim).
VERDICTS_AT = {1: ("consistent", "contradiction", "unrelated", "unsure")}
VERDICTS_AT[4] = (*VERDICTS_AT[1], "not_claim")

ITEMS = [  # (key, kind, left ids, right ids)
    ("L0~R0", "link", '["L0"]', '["R0"]'),
    ("L1~R1", "link", '["L1"]', '["R1"]'),
    ("L4", "left_only", '["L4"]', "[]"),
    ("R2", "right_only", "[]", '["R2"]'),
    ("M:L4~R2", "manual", '["L4"]', '["R2"]'),
]
SELECTOR = '{"end":5,"exact":"Seven","prefix":"","start":0,"suffix":" members"}'
NOTES = ("", "ask the desk", "Zahl: 7 ≠ 8 «Abstimmung»", "电话核实\nsecond line", "it's \"odd\"")


def verdicts_at(version: int) -> tuple[str, ...]:
    """The verdict values a database of schema ``version`` could hold."""
    return VERDICTS_AT[4] if version >= 4 else VERDICTS_AT[1]


def build_old_database(path: Path, version: int) -> None:
    """A database at schema ``version`` with data in every table that version has."""
    conn = sqlite3.connect(path)
    for script in OLD_SCHEMAS[:version]:
        conn.executescript(script)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    for number in (1, 2):
        conn.execute(
            "INSERT INTO comparisons (left_sha256, right_sha256, left_source, right_source, "
            "left_locator, right_locator, left_title, right_title, previous_id, created) "
            "VALUES (?, ?, 'l.txt', 'https://example.org/r', '/news/l.txt', "
            "'https://example.org/r', 'Fähre «schließt»', NULL, ?, ?)",
            (f"{number:064x}", f"{number + 10:064x}", None if number == 1 else 1,
             f"2024-01-0{number}T00:00:00.000Z"))
        for ordinal, (key, kind, left, right) in enumerate(ITEMS):
            conn.execute(
                "INSERT INTO items (comparison_id, key, kind, ordinal, left_ids, right_ids, "
                "machine, left_selector, right_selector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (number, key, kind, ordinal, left, right, f'{{"kind":"{kind}"}}',
                 SELECTOR if left != "[]" else None, None))
    _history(conn, verdicts_at(version))
    if version >= 2:
        conn.execute("INSERT INTO positions VALUES (1, 'ann', 'L4', '2024-01-03T00:00:00.000Z')")
        conn.execute("INSERT INTO positions VALUES (2, 'Zoë', 'R2', '2024-01-03T00:00:01.000Z')")
    conn.commit()
    conn.close()


def _history(conn: sqlite3.Connection, verdicts: tuple[str, ...]) -> None:
    """Events on every item by three reviewers: each verdict of the version, each action."""
    item_ids = [row[0] for row in conn.execute("SELECT id FROM items ORDER BY id")]
    reviewers = ("ann", "bob", "Zoë")
    tick = 0
    for index, item_id in enumerate(item_ids):
        for offset, reviewer in enumerate(reviewers):
            for step, action in enumerate(("set", "note", "set", "clear", "import", "carry")):
                tick += 1
                verdict = None if action == "clear" else verdicts[
                    (index + offset + step) % len(verdicts)]
                note = NOTES[(index + step) % len(NOTES)]
                conn.execute(
                    "INSERT INTO events (item_id, reviewer, action, verdict, note, machine, "
                    "created, at) VALUES (?, ?, ?, ?, ?, '{\"kind\":\"link\"}', ?, ?)",
                    (item_id, reviewer, action, verdict, note,
                     "2024-01-01T00:00:00.000Z" if step else None, _at(tick)))
    # Undo the latest change of two reviewers, as the app does: restore the state before it.
    for reviewer in ("ann", "bob"):
        event_id, item_id = conn.execute(
            "SELECT id, item_id FROM events WHERE reviewer = ? AND action = 'carry' "
            "ORDER BY id DESC LIMIT 1", (reviewer,)).fetchone()
        verdict, note = conn.execute(
            "SELECT verdict, note FROM events WHERE item_id = ? AND reviewer = ? AND id < ? "
            "ORDER BY id DESC LIMIT 1", (item_id, reviewer, event_id)).fetchone()
        tick += 1
        conn.execute("INSERT INTO events (item_id, reviewer, action, verdict, note, machine, "
                     "created, at, undoes) VALUES (?, ?, 'undo', ?, ?, '{}', NULL, ?, ?)",
                     (item_id, reviewer, verdict, note, _at(tick), event_id))


def _at(tick: int) -> str:
    return f"2024-01-02T{tick // 3600:02d}:{tick // 60 % 60:02d}:{tick % 60:02d}.000Z"


def table_rows(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table a database has, in a stable order."""
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                              "'table'")}
    return {name: conn.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()
            for name, order in TABLES.items() if name in present}
