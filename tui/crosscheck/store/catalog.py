"""Rows of the ``comparisons`` and ``items`` tables, read and written on a given connection."""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Any

from crosscheck.engine.model import Document
from crosscheck.store.records import Item, Selector

# Per side, what schema 6 added: the outlet's name and its publication times (ISO 8601).
SOURCE_FIELDS = ("name", "published", "updated")


def locator(source: str) -> str | None:
    """What identifies "the same article" across edits: a URL, or a file's absolute path."""
    if source == "-" or not source:
        return None
    if source.startswith(("http://", "https://")):
        return source
    return os.path.abspath(os.path.expanduser(source))


def find_comparison(conn: sqlite3.Connection, left_sha: str, right_sha: str) -> int | None:
    """The id of the comparison of exactly these two texts, if stored."""
    row = conn.execute("SELECT id FROM comparisons WHERE left_sha256 = ? AND right_sha256 = ?",
                       (left_sha, right_sha)).fetchone()
    return None if row is None else int(row[0])


def find_predecessor(conn: sqlite3.Connection, left: Document, right: Document) -> int | None:
    """The latest comparison of the same two sources (paths or URLs), i.e. an earlier version."""
    left_loc, right_loc = locator(left.source), locator(right.source)
    if left_loc is None or right_loc is None:
        return None
    row = conn.execute("SELECT MAX(id) FROM comparisons WHERE left_locator = ? AND "
                       "right_locator = ?", (left_loc, right_loc)).fetchone()
    return None if row[0] is None else int(row[0])


def insert_comparison(conn: sqlite3.Connection, left: dict[str, Any], right: dict[str, Any],
                      created: str, previous_id: int | None = None) -> int:
    """Store a comparison from two :func:`document_ref` dicts; return its id."""
    cursor = conn.execute(
        "INSERT INTO comparisons (left_sha256, right_sha256, left_source, right_source, "
        "left_locator, right_locator, left_title, right_title, previous_id, created, "
        "left_name, right_name, left_published, right_published, left_updated, right_updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (left["sha256"], right["sha256"], left["source"], right["source"],
         locator(left["source"]), locator(right["source"]), left.get("title"),
         right.get("title"), previous_id, created, *(
             side.get(field) for field in SOURCE_FIELDS for side in (left, right))))
    return int(cursor.lastrowid or 0)


def refresh_sources(conn: sqlite3.Connection, cmp_id: int, left: Document,
                    right: Document) -> None:
    """Fill in names and times the engine now knows (a comparison stored before schema 6, or
    opened again with ``--name``); a value the engine does not know never erases a stored one."""
    values = [getattr(doc, field) for field in SOURCE_FIELDS for doc in (left, right)]
    sets = ", ".join(f"{side}_{field} = COALESCE(?, {side}_{field})"
                     for field in SOURCE_FIELDS for side in ("left", "right"))
    conn.execute(f"UPDATE comparisons SET {sets} WHERE id = ?", (*values, cmp_id))


def document_ref(doc: Document) -> dict[str, Any]:
    """The identifying part of a document as stored and exported."""
    return {"source": doc.source, "title": doc.title, "sha256": doc.sha256, "name": doc.name,
            "published": doc.published, "updated": doc.updated}


def comparison_refs(conn: sqlite3.Connection, cmp_id: int) -> tuple[dict, dict]:
    """``(left, right)`` document refs of a stored comparison."""
    columns = ", ".join(f"{side}_{field}" for side in ("left", "right")
                        for field in ("source", "title", "sha256", *SOURCE_FIELDS))
    row = conn.execute(f"SELECT {columns} FROM comparisons WHERE id = ?", (cmp_id,)).fetchone()
    if row is None:
        from crosscheck.store.db import StoreError

        raise StoreError(f"no comparison with id {cmp_id}")
    keys = ("source", "title", "sha256", *SOURCE_FIELDS)
    return dict(zip(keys, row[:len(keys)], strict=True)), dict(zip(keys, row[len(keys):],
                                                                   strict=True))


def item_id(conn: sqlite3.Connection, cmp_id: int, key: str) -> int | None:
    """The row id of item ``key`` in a comparison."""
    row = conn.execute("SELECT id FROM items WHERE comparison_id = ? AND key = ?",
                       (cmp_id, key)).fetchone()
    return None if row is None else int(row[0])


def upsert_item(conn: sqlite3.Connection, cmp_id: int, item: Item) -> int:
    """Insert ``item`` or refresh its evidence and anchors; return the row id."""
    sel = (_json(item.left.to_dict()) if item.left else None,
           _json(item.right.to_dict()) if item.right else None)
    existing = item_id(conn, cmp_id, item.key)
    if existing is not None:
        conn.execute("UPDATE items SET kind = ?, left_ids = ?, right_ids = ?, machine = ?, "
                     "left_selector = ?, right_selector = ? WHERE id = ?",
                     (item.kind, _json(item.left_ids), _json(item.right_ids),
                      _json(item.machine), *sel, existing))
        return existing
    ordinal = conn.execute("SELECT COALESCE(MAX(ordinal) + 1, 0) FROM items WHERE "
                           "comparison_id = ?", (cmp_id,)).fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO items (comparison_id, key, kind, ordinal, left_ids, right_ids, machine, "
        "left_selector, right_selector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (cmp_id, item.key, item.kind, ordinal, _json(item.left_ids), _json(item.right_ids),
         _json(item.machine), *sel))
    return int(cursor.lastrowid or 0)


def store_items(conn: sqlite3.Connection, cmp_id: int, items: list[Item]) -> None:
    """Upsert many items at once, keeping stored ordinals and appending new ones in order."""
    existing = {key: row_id for key, row_id in conn.execute(
        "SELECT key, id FROM items WHERE comparison_id = ?", (cmp_id,))}
    ordinal = conn.execute("SELECT COALESCE(MAX(ordinal) + 1, 0) FROM items WHERE "
                           "comparison_id = ?", (cmp_id,)).fetchone()[0]
    updates, inserts = [], []
    for item in items:
        values = (item.kind, _json(item.left_ids), _json(item.right_ids), _json(item.machine),
                  _json(item.left.to_dict()) if item.left else None,
                  _json(item.right.to_dict()) if item.right else None)
        if item.key in existing:
            updates.append((*values, existing[item.key]))
        else:
            inserts.append((cmp_id, item.key, ordinal, *values))
            ordinal += 1
    conn.executemany("UPDATE items SET kind = ?, left_ids = ?, right_ids = ?, machine = ?, "
                     "left_selector = ?, right_selector = ? WHERE id = ?", updates)
    conn.executemany("INSERT INTO items (comparison_id, key, ordinal, kind, left_ids, right_ids, "
                     "machine, left_selector, right_selector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     inserts)


ITEM_COLUMNS = "id, key, kind, left_ids, right_ids, machine, left_selector, right_selector"


def item_from_row(row: tuple) -> Item:
    """An :class:`Item` from a row selected with :data:`ITEM_COLUMNS` (id first, dropped)."""
    return Item(row[1], row[2], tuple(json.loads(row[3])), tuple(json.loads(row[4])),
                json.loads(row[5]), _selector(row[6]), _selector(row[7]))


def stored_items(conn: sqlite3.Connection, cmp_id: int) -> list[tuple[int, Item]]:
    """Every stored item of a comparison with its row id, in stored order."""
    rows = conn.execute(f"SELECT {ITEM_COLUMNS} FROM items WHERE comparison_id = ? "
                        "ORDER BY ordinal", (cmp_id,))
    return [(int(row[0]), item_from_row(row)) for row in rows]


def _selector(text: str | None) -> Selector | None:
    return None if text is None else Selector.from_dict(json.loads(text))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
