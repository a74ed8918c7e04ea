"""Merge a JSONL export (``crosscheck.verdict/1``) into the store, idempotently.

Each record lands on its own reviewer; a record equal to what is stored changes nothing, a
record older than the stored verdict of the same reviewer is skipped (the newer wins), and
comparisons or items the store has never seen are created from the record's anchors.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from crosscheck.store import catalog, events
from crosscheck.store.db import StoreError, atomic
from crosscheck.store.import_schema import parse_record
from crosscheck.store.records import Item, Selector
from crosscheck.store.verdict_kinds import misfit


@dataclass(slots=True)
class ImportReport:
    """What an import did, counted per outcome."""

    merged: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    comparisons_created: int = 0
    items_created: int = 0
    reviewers: set[str] = field(default_factory=set)

    def summary(self) -> str:
        """One line for the terminal."""
        names = ", ".join(sorted(self.reviewers)) or "nobody"
        return (f"merged {self.merged} new and {self.updated} updated verdicts from {names}; "
                f"{self.unchanged} already present, {self.kept_newer} older than the stored ones; "
                f"created {self.comparisons_created} comparisons and {self.items_created} items")


def parse_jsonl(text: str, label: str) -> list[dict[str, Any]]:
    """Every record of a JSONL export, checked against the declared schema.

    The first bad line rejects the whole file, naming its number, before anything is stored.
    """
    records = []
    # Split on "\n" only: str.splitlines also breaks at U+2028 or U+0085 inside a JSON string.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append(parse_record(line))
        except ValueError as exc:
            raise StoreError(f"{label}:{number}: {exc}; nothing was imported") from None
    return records


def import_records(conn: sqlite3.Connection, records: list[dict[str, Any]]) -> ImportReport:
    """Merge checked records in one transaction (all or nothing)."""
    report = ImportReport()
    cache: dict[tuple[str, ...], int] = {}
    with atomic(conn):
        for record in records:
            _merge(conn, record, report, cache)
    return report


def _merge(conn: sqlite3.Connection, r: dict[str, Any], report: ImportReport,
           cache: dict[tuple[str, ...], int]) -> None:
    left, right = r["comparison"]["left"], r["comparison"]["right"]
    shas = (left["sha256"], right["sha256"])
    cmp_id = cache.get(shas) or catalog.find_comparison(conn, *shas)
    if cmp_id is None:
        cmp_id = catalog.insert_comparison(conn, left, right, r["created"])
        report.comparisons_created += 1
    cache[shas] = cmp_id
    item = r["item"]
    item_id = cache.get((*shas, item["key"])) or catalog.item_id(conn, cmp_id, item["key"])
    if item_id is not None and r["verdict"] is not None:
        _check_fit(conn, item_id, item["key"], r["verdict"])
    if item_id is None:
        item_id = catalog.upsert_item(conn, cmp_id, Item(
            item["key"], item["kind"], tuple(item.get("left_ids", ())),
            tuple(item.get("right_ids", ())), item["machine"], Selector.from_dict(r["left"]),
            Selector.from_dict(r["right"])))
        report.items_created += 1
    cache[(*shas, item["key"])] = item_id
    reviewer = r["reviewer"]
    report.reviewers.add(reviewer)
    stored = events.current(conn, item_id, reviewer)
    if stored is not None and (stored.verdict, stored.note, stored.updated) == (
            r["verdict"], r["note"], r["updated"]):
        report.unchanged += 1
        return
    if stored is not None and stored.updated > r["updated"]:
        report.kept_newer += 1
        return
    state = events.State(r["verdict"], r["note"], r["created"], r["updated"], item["machine"])
    events.append(conn, item_id, reviewer, "import", state)
    if stored is not None and stored.present:
        report.updated += 1
    else:
        report.merged += 1


def _check_fit(conn: sqlite3.Connection, item_id: int, key: str, verdict: str) -> None:
    """The record's verdict must fit the item as stored here, whatever kind the record claims
    (its own claim was checked when it was parsed)."""
    kind = conn.execute("SELECT kind FROM items WHERE id = ?", (item_id,)).fetchone()[0]
    why = misfit(verdict, kind)
    if why is not None:
        raise StoreError(f"{why} in this store ({key}); nothing was imported")
