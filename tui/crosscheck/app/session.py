"""What the app needs from the store (a typed ``Protocol``), and one open review session.

The review screen never sees the app: the app opens a :class:`ReviewSession` (the store, the
comparison and the reviewer) and hands it down. Every write goes through :meth:`write`, which
turns a store, SQLite or disk failure into :class:`NotSaved`, a message for the user; each
write is its own transaction, so everything saved before stays saved.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from crosscheck.engine.model import Analysis, Link
from crosscheck.errors import CrosscheckError
from crosscheck.store.records import Comparison, Item, VerdictRecord
from crosscheck.textsafe import visible_controls

T = TypeVar("T")
STORE_FAULTS = (CrosscheckError, sqlite3.Error, OSError)


class ReviewStore(Protocol):
    """The verdict store as the app uses it (``crosscheck.store.VerdictStore`` is one)."""

    def open_comparison(self, analysis: Analysis, *,
                        previous: int | None = None) -> Comparison: ...
    def verdicts(self, cmp_id: int, reviewer: str) -> dict[str, VerdictRecord]: ...
    def record(self, cmp_id: int, item_key: str, reviewer: str) -> VerdictRecord | None: ...
    def set_verdict(self, cmp_id: int, item_key: str, verdict: str,
                    reviewer: str) -> VerdictRecord: ...
    def clear_verdict(self, cmp_id: int, item_key: str, reviewer: str) -> None: ...
    def set_note(self, cmp_id: int, item_key: str, note: str,
                 reviewer: str) -> VerdictRecord: ...
    def undo(self, cmp_id: int, reviewer: str) -> str | None: ...
    def add_manual_link(self, cmp_id: int, left_ids: tuple[str, ...],
                        right_ids: tuple[str, ...], reviewer: str) -> Item: ...
    def set_manual_evidence(self, cmp_id: int, item_key: str, link: Link) -> Item: ...
    def return_to_one_sided(self, cmp_id: int, sid: str, from_key: str) -> Item: ...
    def save_position(self, cmp_id: int, reviewer: str, item_key: str) -> None: ...
    def position(self, cmp_id: int, reviewer: str) -> str | None: ...
    def export_records(self, cmp_id: int | None = None) -> list[dict[str, Any]]: ...
    def close(self) -> None: ...


class NotSaved(Exception):
    """A write the store could not make; ``str()`` is the message for the user."""


@dataclass(slots=True)
class ReviewSession:
    """One reviewer on one stored comparison: the writes the review screen makes."""

    store: ReviewStore
    comparison_id: int
    reviewer: str

    def write(self, what: str, change: Callable[[], T]) -> T:
        """Run one store write, or raise :class:`NotSaved` saying that ``what`` was not."""
        try:
            return change()
        except STORE_FAULTS as error:
            raise NotSaved(f"{what} was NOT saved: {visible_controls(str(error))}. Everything "
                           "saved before is kept.") from error

    def set_verdict(self, key: str, verdict: str) -> VerdictRecord:
        return self.write(f"The verdict {verdict!r} on {key}", lambda: self.store.set_verdict(
            self.comparison_id, key, verdict, self.reviewer))

    def clear_verdict(self, key: str) -> None:
        self.write(f"Clearing the verdict on {key}", lambda: self.store.clear_verdict(
            self.comparison_id, key, self.reviewer))

    def set_note(self, key: str, note: str) -> VerdictRecord:
        return self.write(f"The note on {key}", lambda: self.store.set_note(
            self.comparison_id, key, note, self.reviewer))

    def undo(self) -> str | None:
        return self.write("The undo", lambda: self.store.undo(self.comparison_id,
                                                               self.reviewer))

    def record(self, key: str) -> VerdictRecord | None:
        return self.store.record(self.comparison_id, key, self.reviewer)

    def add_manual_link(self, left: tuple[str, ...], right: tuple[str, ...]) -> Item:
        return self.write("The link", lambda: self.store.add_manual_link(
            self.comparison_id, left, right, self.reviewer))

    def set_manual_evidence(self, key: str, link: Link) -> Item:
        return self.write(f"The analysis of the link {key}", lambda: (
            self.store.set_manual_evidence(self.comparison_id, key, link)))

    def return_to_one_sided(self, sid: str, from_key: str) -> Item:
        return self.write(f"Returning {sid} to the one-sided list", lambda: (
            self.store.return_to_one_sided(self.comparison_id, sid, from_key)))

    def save_position(self, key: str) -> None:
        """Remember the reading position; a failure here is not worth a message (the next
        verdict write reports a failing disk loudly)."""
        with contextlib.suppress(*STORE_FAULTS):
            self.store.save_position(self.comparison_id, self.reviewer, key)
