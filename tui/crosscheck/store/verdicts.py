"""``VerdictStore``: the small API the app and the CLI call. Every write commits before return."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosscheck.engine.model import Analysis, Link
from crosscheck.store import catalog, events, queries
from crosscheck.store.agreement import PairAgreement, pairwise
from crosscheck.store.db import StoreError, atomic, connect, connect_memory, default_db_path
from crosscheck.store.faults import guard_store_errors
from crosscheck.store.imports import ImportReport, import_records, parse_jsonl
from crosscheck.store.items import (
    items_from_analysis,
    manual_evidence,
    manual_item,
    returned_item,
)
from crosscheck.store.newsroom_report import Coverage, comparison_key
from crosscheck.store.reanchor import carry_over
from crosscheck.store.records import (
    UNPLACED_PREFIX,
    VERDICTS,
    Comparison,
    ComparisonSummary,
    Item,
    VerdictRecord,
)
from crosscheck.store.verdict_kinds import misfit

Clock = Callable[[], str]


def utc_now() -> str:
    """ISO-8601 UTC with milliseconds, e.g. ``2025-03-01T09:30:00.123Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@guard_store_errors
class VerdictStore:
    """Verdicts, notes, history and reading position for every comparison a user opened."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, clock: Clock = utc_now):
        self.conn = conn
        self.path = path
        self._clock = clock
        self._analyses: dict[int, Analysis] = {}

    @classmethod
    def open(cls, path: Path | None = None, *, clock: Clock = utc_now) -> VerdictStore:
        """Open the database at ``path`` (default: the user's data dir), creating it if needed."""
        path = Path(path) if path is not None else default_db_path()
        return cls(connect(path), path, clock)

    @classmethod
    def memory(cls, *, clock: Clock = utc_now) -> VerdictStore:
        """A throwaway in-memory store."""
        return cls(connect_memory(), None, clock)

    def close(self) -> None:
        """Close the connection (every write is already committed)."""
        self.conn.close()

    def __enter__(self) -> VerdictStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open_comparison(self, analysis: Analysis, *, previous: int | None = None) -> Comparison:
        """Register the pair (or find it) and return its items with their verdicts attached.

        A new pair whose two sources (absolute paths or URLs) match an earlier comparison, or
        an explicit ``previous`` id, is an edited version: its verdicts are re-anchored by quote.
        """
        left, right = analysis.left, analysis.right
        items = items_from_analysis(analysis)
        carried = 0
        with atomic(self.conn) as conn:
            cmp_id = catalog.find_comparison(conn, left.sha256, right.sha256)
            if cmp_id is None:
                if previous is None:
                    previous = catalog.find_predecessor(conn, left, right)
                cmp_id = catalog.insert_comparison(conn, catalog.document_ref(left),
                                                   catalog.document_ref(right), self._clock(),
                                                   previous)
                self._store_items(cmp_id, items)
                if previous is not None:
                    carried = carry_over(conn, previous, cmp_id, analysis, items)
            else:
                catalog.refresh_sources(conn, cmp_id, left, right)
                self._retire_moved(cmp_id, items)
                self._store_items(cmp_id, items)
            previous = conn.execute("SELECT previous_id FROM comparisons WHERE id = ?",
                                    (cmp_id,)).fetchone()[0]
        self._analyses[cmp_id] = analysis
        keys = {item.key for item in items}
        # Made during review: links drawn by hand, sentences returned to the one-sided list.
        manual = [item for _, item in catalog.stored_items(self.conn, cmp_id)
                  if (item.kind == "manual" or "returned_from" in item.machine)
                  and not item.key.startswith(UNPLACED_PREFIX)]
        all_items = items + [m for m in manual if m.key not in keys]
        keys |= {m.key for m in manual}
        unplaced = [r for r in self.all_records(cmp_id) if r.item_key not in keys]
        return Comparison(cmp_id, all_items, unplaced, previous, carried)

    def verdicts(self, cmp_id: int, reviewer: str) -> dict[str, VerdictRecord]:
        """The reviewer's current verdicts and notes on a comparison, by item key."""
        return {r.item_key: r for r in self.all_records(cmp_id) if r.reviewer == reviewer}

    def record(self, cmp_id: int, item_key: str, reviewer: str) -> VerdictRecord | None:
        """The reviewer's current verdict and note on one item, or None when there is none."""
        item_id = catalog.item_id(self.conn, cmp_id, item_key)
        state = None if item_id is None else events.current(self.conn, item_id, reviewer)
        if state is None or not state.present:
            return None
        item = catalog.item_from_row(self.conn.execute(
            f"SELECT {catalog.ITEM_COLUMNS} FROM items WHERE id = ?", (item_id,)).fetchone())
        left, right = _exact(item)
        return VerdictRecord(item_key, state.verdict, state.note, reviewer,
                             state.created or state.updated, state.updated, state.machine,
                             left, right)

    def all_records(self, cmp_id: int) -> list[VerdictRecord]:
        """Every reviewer's current verdicts and notes, in item order."""
        anchors = {item.key: (item.left, item.right)
                   for _, item in catalog.stored_items(self.conn, cmp_id)}
        records = []
        for key, reviewer, verdict, note, created, updated, machine, _ in \
                events.current_rows(self.conn, cmp_id):
            left, right = anchors.get(key, (None, None))
            records.append(VerdictRecord(key, verdict, note, reviewer, created or updated, updated,
                                         json.loads(machine), left.exact if left else "",
                                         right.exact if right else ""))
        return records

    def set_verdict(self, cmp_id: int, item_key: str, verdict: str,
                    reviewer: str) -> VerdictRecord:
        """Record ``verdict`` (one of :data:`VERDICTS`) on an item; committed before return.

        A verdict that does not fit the item's kind (see :mod:`crosscheck.store.verdict_kinds`)
        is refused with a :class:`StoreError` and nothing is written.
        """
        if verdict not in VERDICTS:
            raise StoreError(f"unknown verdict {verdict!r} (use one of {', '.join(VERDICTS)})")
        return self._change(cmp_id, item_key, reviewer, "set", verdict=verdict)

    def clear_verdict(self, cmp_id: int, item_key: str, reviewer: str) -> None:
        """Remove the reviewer's verdict on an item (a note stays)."""
        self._change(cmp_id, item_key, reviewer, "clear", verdict=None)

    def set_note(self, cmp_id: int, item_key: str, note: str, reviewer: str) -> VerdictRecord:
        """Attach (or with ``""`` remove) the reviewer's note on an item."""
        return self._change(cmp_id, item_key, reviewer, "note", note=note)

    def undo(self, cmp_id: int, reviewer: str) -> str | None:
        """Undo the reviewer's latest change in the comparison; return the item key restored."""
        with atomic(self.conn) as conn:
            last = events.last_undoable(conn, cmp_id, reviewer)
            if last is None:
                return None
            event_id, item_id = last
            before = events.state_before(conn, event_id, item_id, reviewer)
            now = self._clock()
            machine = _item_machine(conn, item_id)
            state = before or events.State(None, "", None, now, machine)
            state = events.State(state.verdict, state.note, state.created, now, state.machine)
            events.append(conn, item_id, reviewer, "undo", state, undoes=event_id)
            return conn.execute("SELECT key FROM items WHERE id = ?", (item_id,)).fetchone()[0]

    def add_manual_link(self, cmp_id: int, left_ids: tuple[str, ...], right_ids: tuple[str, ...],
                        reviewer: str) -> Item:
        """Store a link the reviewer drew between sentences the machine did not pair."""
        analysis = self._analyses.get(cmp_id)
        if analysis is None:
            raise StoreError(f"comparison {cmp_id} is not open in this session")
        item = manual_item(analysis, tuple(left_ids), tuple(right_ids), reviewer)
        with atomic(self.conn) as conn:
            if catalog.item_id(conn, cmp_id, item.key) is None:
                catalog.upsert_item(conn, cmp_id, item)
        return item

    def set_manual_evidence(self, cmp_id: int, item_key: str, link: Link) -> Item:
        """Store the engine's analysis (scores, kind, reasons) of a link drawn by hand."""
        with atomic(self.conn) as conn:
            row_id = catalog.item_id(conn, cmp_id, item_key)
            if row_id is None:
                raise StoreError(f"no item {item_key!r} in comparison {cmp_id}")
            item = catalog.item_from_row(conn.execute(
                f"SELECT {catalog.ITEM_COLUMNS} FROM items WHERE id = ?", (row_id,)).fetchone())
            scored = replace(item, machine=manual_evidence(str(item.machine.get("by", "")),
                                                           link))
            catalog.upsert_item(conn, cmp_id, scored)
        return scored

    def return_to_one_sided(self, cmp_id: int, sid: str, from_key: str) -> Item:
        """The one-sided item of sentence ``sid`` after its link was judged unrelated."""
        analysis = self._analyses.get(cmp_id)
        if analysis is None:
            raise StoreError(f"comparison {cmp_id} is not open in this session")
        item = returned_item(analysis, sid, from_key)
        with atomic(self.conn) as conn:
            if catalog.item_id(conn, cmp_id, item.key) is None:
                catalog.upsert_item(conn, cmp_id, item)
        return item

    def save_position(self, cmp_id: int, reviewer: str, item_key: str) -> None:
        """Remember where the reviewer is in the comparison."""
        with atomic(self.conn) as conn:
            conn.execute("INSERT INTO positions (comparison_id, reviewer, item_key, updated) "
                         "VALUES (?, ?, ?, ?) ON CONFLICT (comparison_id, reviewer) DO UPDATE "
                         "SET item_key = excluded.item_key, updated = excluded.updated",
                         (cmp_id, reviewer, item_key, self._clock()))

    def position(self, cmp_id: int, reviewer: str) -> str | None:
        """The item key saved by :meth:`save_position`, if any."""
        row = self.conn.execute("SELECT item_key FROM positions WHERE comparison_id = ? AND "
                                "reviewer = ?", (cmp_id, reviewer)).fetchone()
        return None if row is None else str(row[0])

    def comparisons(self) -> list[ComparisonSummary]:
        """Every stored comparison, oldest first, for ``crosscheck list``."""
        return queries.summaries(self.conn)

    def export_records(self, cmp_id: int | None = None) -> list[dict[str, Any]]:
        """``crosscheck.verdict/1`` records of one comparison, or of all of them."""
        ids = queries.comparison_ids(self.conn) if cmp_id is None else [cmp_id]
        if cmp_id is not None:
            catalog.comparison_refs(self.conn, cmp_id)  # raises for an unknown id
        return queries.export_records(self.conn, ids)

    def coverage(self, cmp_ids: list[int] | None = None) -> dict[str, Coverage]:
        """Each comparison's coverage (reviewed of total, flags left unreviewed) for the
        report, by :func:`~crosscheck.store.newsroom_report.comparison_key`."""
        ids = queries.comparison_ids(self.conn) if cmp_ids is None else cmp_ids
        found = {}
        for cmp_id in ids:
            left, right = catalog.comparison_refs(self.conn, cmp_id)
            key = comparison_key({"left": left, "right": right})
            found[key] = Coverage(*queries.coverage(self.conn, cmp_id))
        return found

    def import_jsonl(self, text: str, label: str = "import") -> ImportReport:
        """Merge a JSONL export; importing the same file twice changes nothing."""
        return import_records(self.conn, parse_jsonl(text, label))

    def agreement(self, cmp_id: int) -> list[PairAgreement]:
        """Cohen's kappa and disagreeing items for each pair of reviewers."""
        return pairwise(queries.verdict_table(self.conn, cmp_id))

    def _change(self, cmp_id: int, item_key: str, reviewer: str, action: str,
                **change: str | None) -> VerdictRecord:
        with atomic(self.conn) as conn:
            item_id = catalog.item_id(conn, cmp_id, item_key)
            if item_id is None:
                raise StoreError(f"no item {item_key!r} in comparison {cmp_id}")
            item = catalog.item_from_row(conn.execute(
                f"SELECT {catalog.ITEM_COLUMNS} FROM items WHERE id = ?", (item_id,)).fetchone())
            why = misfit(change["verdict"] or "", item.kind) if "verdict" in change else None
            if why is not None:
                raise StoreError(f"{why} ({item_key}); nothing was saved")
            now = self._clock()
            prev = events.current(conn, item_id, reviewer)
            verdict = change.get("verdict", prev.verdict if prev else None)
            note = change.get("note", prev.note if prev else "")
            created = prev.created if prev is not None and prev.present else now
            state = events.State(verdict, note or "", created, now, item.machine)
            events.append(conn, item_id, reviewer, action, state)
        left, right = _exact(item)
        return VerdictRecord(item_key, verdict, note or "", reviewer, created or now, now,
                             state.machine, left, right)

    def _store_items(self, cmp_id: int, items: list[Item]) -> None:
        catalog.store_items(self.conn, cmp_id, items)

    def _retire_moved(self, cmp_id: int, items: list[Item]) -> None:
        """A stored item whose key now names other text (a changed segmenter) keeps its verdicts
        under ``?<key>`` so they are reported as unplaced rather than shown on the wrong text."""
        stored = {item.key: (row_id, item) for row_id, item in
                  catalog.stored_items(self.conn, cmp_id)}
        for item in items:
            old = stored.get(item.key)
            unanchored = old is not None and old[1].left is None and old[1].right is None
            if old is None or unanchored or _exact(old[1]) == _exact(item):
                continue
            self.conn.execute("UPDATE items SET key = ? WHERE id = ?",
                              (f"{UNPLACED_PREFIX}{item.key}#{old[0]}", old[0]))


def _exact(item: Item) -> tuple[str, str]:
    return (item.left.exact if item.left else "", item.right.exact if item.right else "")


def _item_machine(conn: sqlite3.Connection, item_id: int) -> dict:
    return json.loads(conn.execute("SELECT machine FROM items WHERE id = ?",
                                   (item_id,)).fetchone()[0])
