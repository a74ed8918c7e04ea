"""Read-only views over the store: export records and the rows of ``crosscheck list``."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from crosscheck.store import catalog, events
from crosscheck.store.records import ComparisonSummary

SCHEMA = "crosscheck.verdict/1"


def comparison_ids(conn: sqlite3.Connection) -> list[int]:
    """Every stored comparison id, oldest first."""
    return [int(r[0]) for r in conn.execute("SELECT id FROM comparisons ORDER BY id")]


def export_records(conn: sqlite3.Connection, cmp_ids: list[int]) -> list[dict[str, Any]]:
    """One ``crosscheck.verdict/1`` dict per current verdict or note, in review order."""
    records = []
    for cmp_id in cmp_ids:
        left_ref, right_ref = catalog.comparison_refs(conn, cmp_id)
        comparison = {"left": left_ref, "right": right_ref}
        items = {row_id: item for row_id, item in catalog.stored_items(conn, cmp_id)}
        for key, reviewer, verdict, note, created, updated, machine, item_id in \
                events.current_rows(conn, cmp_id):
            item = items[item_id]
            records.append({
                "schema": SCHEMA,
                "comparison": comparison,
                "item": {"key": key, "kind": item.kind, "left_ids": list(item.left_ids),
                         "right_ids": list(item.right_ids), "machine": json.loads(machine)},
                "left": item.left.to_dict() if item.left else None,
                "right": item.right.to_dict() if item.right else None,
                "verdict": verdict,
                "note": note,
                "reviewer": reviewer,
                "created": created or updated,
                "updated": updated,
            })
    return records


def summaries(conn: sqlite3.Connection) -> list[ComparisonSummary]:
    """Every comparison with its item count, reviewed count, reviewers and last activity."""
    rows = conn.execute("""
        SELECT c.id, c.left_source, c.right_source, c.left_title, c.right_title, c.created,
               c.left_name, c.right_name,
               (SELECT COUNT(*) FROM items i WHERE i.comparison_id = c.id AND i.key NOT LIKE '?%')
        FROM comparisons c ORDER BY c.id""").fetchall()
    result = []
    for cmp_id, lsrc, rsrc, ltitle, rtitle, created, lname, rname, item_count in rows:
        current = events.current_rows(conn, cmp_id)
        reviewed = {key for key, _, verdict, *_ in current if verdict is not None}
        reviewers = tuple(sorted({row[1] for row in current}))
        last = conn.execute("SELECT MAX(e.at) FROM events e JOIN items i ON i.id = e.item_id "
                            "WHERE i.comparison_id = ?", (cmp_id,)).fetchone()[0]
        result.append(ComparisonSummary(cmp_id, lsrc, rsrc, ltitle, rtitle, item_count,
                                        len(reviewed), last or created, reviewers, lname,
                                        rname))
    return result


def verdict_table(conn: sqlite3.Connection, cmp_id: int) -> dict[str, dict[str, str]]:
    """``{reviewer: {item key: verdict}}`` for agreement statistics."""
    table: dict[str, dict[str, str]] = {}
    for key, reviewer, verdict, *_ in events.current_rows(conn, cmp_id):
        if verdict is not None:
            table.setdefault(reviewer, {})[key] = verdict
    return table


def coverage(conn: sqlite3.Connection, cmp_id: int) -> tuple[int, int, int]:
    """``(items, reviewed, flags left unreviewed)`` of a comparison, counted as ``list`` does:
    every placed item; reviewed when any reviewer gave it a verdict; a flag is a contradiction
    score of 0.5 or more."""
    judged = {key for key, _, verdict, *_ in events.current_rows(conn, cmp_id)
              if verdict is not None}
    items = flags = 0
    for _, item in catalog.stored_items(conn, cmp_id):
        if item.key.startswith("?"):
            continue
        items += 1
        score = item.machine.get("contradiction")
        if isinstance(score, int | float) and score >= 0.5 and item.key not in judged:
            flags += 1
    return items, len(judged & {item.key for _, item in catalog.stored_items(conn, cmp_id)}), flags
