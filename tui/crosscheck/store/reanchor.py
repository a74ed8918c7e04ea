"""Carry verdicts from an earlier version of a pair onto the items of the new version.

Each old item with verdicts is placed by quote (see :mod:`crosscheck.store.anchors`): a link
goes to the new link with the same sentences, else to the link overlapping both sides most; a
one-sided sentence goes to the one-sided item it landed on; a manual link is redrawn. Verdicts
that find no place are kept on an item keyed ``?<old key>`` with the old anchors, so they show
up in ``Comparison.unplaced`` and in exports instead of being dropped.
"""

from __future__ import annotations

import json
import sqlite3

from crosscheck.engine.model import Analysis
from crosscheck.store import catalog, events
from crosscheck.store.anchors import Locator
from crosscheck.store.items import manual_item
from crosscheck.store.records import UNPLACED_PREFIX, Item


def carry_over(conn: sqlite3.Connection, src_cmp: int, dst_cmp: int, analysis: Analysis,
               items: list[Item]) -> int:
    """Copy every current verdict of ``src_cmp`` into ``dst_cmp``; return how many were placed."""
    by_item: dict[int, list[tuple[str, events.State]]] = {}
    for row in events.current_rows(conn, src_cmp):
        state = events.State(row[2], row[3], row[4], row[5], json.loads(row[6]))
        by_item.setdefault(row[7], []).append((row[1], state))
    placed = 0
    index = ItemIndex(items, analysis)
    for old_id, old in catalog.stored_items(conn, src_cmp):
        if old_id not in by_item:
            continue
        target = place(old, analysis, index)
        if target is None:
            key = old.key if old.key.startswith(UNPLACED_PREFIX) else UNPLACED_PREFIX + old.key
            target = Item(key, old.kind, old.left_ids, old.right_ids, old.machine, old.left,
                          old.right)
        else:
            placed += len(by_item[old_id])
        new_id = catalog.upsert_item(conn, dst_cmp, target)
        for reviewer, state in by_item[old_id]:
            events.append(conn, new_id, reviewer, "carry", state)
    return placed


class ItemIndex:
    """The new items looked up by key and by their sentence ids."""

    def __init__(self, items: list[Item], analysis: Analysis) -> None:
        self.items = items
        self.left = Locator(analysis.left)
        self.right = Locator(analysis.right)
        self.by_key = {item.key: item for item in items}
        self.by_ids = {(i.left_ids, i.right_ids): i for i in items if i.kind == "link"}


def place(old: Item, analysis: Analysis, index: ItemIndex) -> Item | None:
    """The new item that ``old`` corresponds to, or ``None`` if its quote is gone."""
    if old.key.startswith(UNPLACED_PREFIX) and old.kind != "manual":
        return None
    left = () if old.left is None else index.left.locate(old.left, len(old.left_ids))
    right = () if old.right is None else index.right.locate(old.right, len(old.right_ids))
    if left is None or right is None:
        return None
    if old.kind in ("left_only", "right_only"):
        found = (index.by_key.get(sid) for sid in left or right)
        return next((i for i in found if i is not None and i.kind == old.kind), None)
    if old.kind == "manual":
        return manual_item(analysis, left, right, str(old.machine.get("by", "")))
    exact = index.by_ids.get((left, right))
    if exact is not None:
        return exact
    overlaps = [(len(set(i.left_ids) & set(left)) + len(set(i.right_ids) & set(right)), i)
                for i in index.by_ids.values() if set(i.left_ids) & set(left)
                and set(i.right_ids) & set(right)]
    return max(overlaps, key=lambda pair: pair[0])[1] if overlaps else None
