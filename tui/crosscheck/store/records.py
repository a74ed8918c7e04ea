"""Values the store hands to the app: items, verdicts and an opened comparison."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# Re-exported: the verdicts have their own module (labels, which item kinds each fits).
from crosscheck.store.verdict_kinds import VERDICTS as VERDICTS

ItemKind = Literal["link", "left_only", "right_only", "manual"]
UNPLACED_PREFIX = "?"  # key prefix of items whose quote was not found in an edited version


@dataclass(frozen=True, slots=True)
class Selector:
    """W3C-style anchor of one side: TextQuoteSelector plus TextPositionSelector."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The JSON form used in the database and in exports."""
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Selector | None:
        """Inverse of :meth:`to_dict`; ``None`` stays ``None``."""
        if data is None:
            return None
        return cls(str(data["exact"]), str(data.get("prefix", "")), str(data.get("suffix", "")),
                   int(data["start"]), int(data["end"]))


@dataclass(frozen=True, slots=True)
class Item:
    """Something a reviewer can judge; ``key`` is the link id, sentence id or ``M:`` + link id."""

    key: str
    kind: ItemKind
    left_ids: tuple[str, ...]
    right_ids: tuple[str, ...]
    machine: dict[str, Any] = field(default_factory=dict, compare=False)
    left: Selector | None = field(default=None, compare=False)
    right: Selector | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class VerdictRecord:
    """One reviewer's current verdict (or note) on one item."""

    item_key: str
    verdict: str | None
    note: str
    reviewer: str
    created: str
    updated: str
    machine: dict[str, Any] = field(default_factory=dict, compare=False)
    left_text: str = ""
    right_text: str = ""


@dataclass(frozen=True, slots=True)
class Comparison:
    """An opened pair: its items in reading order and the verdicts that lost their place."""

    id: int
    items: list[Item]
    unplaced: list[VerdictRecord]
    previous_id: int | None = None
    carried: int = 0


@dataclass(frozen=True, slots=True)
class ComparisonSummary:
    """One line of ``crosscheck list``."""

    id: int
    left_source: str
    right_source: str
    left_title: str | None
    right_title: str | None
    items: int
    reviewed: int
    last_activity: str | None
    reviewers: tuple[str, ...]
    # The outlets (schema 6); None for a comparison stored before names were kept.
    left_name: str | None = None
    right_name: str | None = None
