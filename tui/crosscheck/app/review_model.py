"""What the review screen shows, as plain data: items in triage order, filters, sentence marks.

No Textual here: the screen owns one ``ReviewModel`` and the widgets read from it, so the
ordering and filtering rules can be tested without running an app.
"""

from __future__ import annotations

from typing import Any

from crosscheck.app.review_items import (
    BOILERPLATE_GLYPH,
    CONTRADICTION_GLYPH,
    GROUP_CONTRADICTION,
    KIND_GLYPHS,
    NOTE_GLYPH,
    ONE_SIDED_GLYPH,
    VERDICT_GLYPHS,
    Mark,
    ReviewItem,
    group_of,
    pane_rank,
    position,
)
from crosscheck.engine.model import Analysis, Document, Link

__all__ = ["FILTERS", "KIND_GLYPHS", "NOTE_GLYPH", "ONE_SIDED_GLYPH", "VERDICT_GLYPHS",
           "ReviewItem", "ReviewModel"]

FILTERS = ("all", "contradictions", "unreviewed", "one-sided", "reviewed")


class ReviewModel:
    """Items in triage order plus the reviewer's verdicts, with the lookups the views need.

    ``order`` holds the items the queue shows: a one-sided sentence that is now in a live link
    (one drawn by hand) is hidden, and a link judged unrelated stops hiding its sentences.
    """

    def __init__(self, analysis: Analysis, items: list[Any], records: dict[str, Any]) -> None:
        self.analysis = analysis
        self._links: dict[str, Link] = {link.id: link for link in analysis.links}
        self.records: dict[str, Any] = dict(records)
        self.items: dict[str, ReviewItem] = {}
        self.order: list[str] = []
        self.hidden: set[str] = set()
        self.version = 0
        self.order_version = 0
        self._filtered: dict[str, tuple[int, list[str]]] = {}
        self._rows: dict[str, tuple[int, dict[str, int]]] = {}
        self._reviewed = 0
        self._shown: set[str] = set()
        self._sentence_item: dict[str, str] = {}
        for item in items:
            self._add(item)
        self._reorder()

    # -- building -------------------------------------------------------------------------
    def _add(self, item: Any) -> ReviewItem:
        link = self._links.get(item.key) if item.kind in ("link", "manual") else None
        left, right = tuple(item.left_ids), tuple(item.right_ids)
        one_sided = not (left and right)
        review_item = ReviewItem(item.key, item.kind, left, right, link,
                                 group_of(item.kind, link, one_sided))
        self.items[item.key] = review_item
        return review_item

    def live(self, key: str) -> bool:
        """A link that stands: not one-sided and not judged unrelated."""
        return not self.items[key].one_sided and self.verdict(key) != "unrelated"

    def _reorder(self) -> None:
        def sort_key(item: ReviewItem) -> tuple[int, float, tuple[int, int], str]:
            score = -(item.contradiction_score or 0.0)
            return (item.group, score, position(item), item.key)

        linked = {sid for key in self.items if self.live(key)
                  for sid in self.items[key].sentence_ids()}
        self.hidden = {key for key, item in self.items.items()
                       if item.one_sided and item.sentence_ids()[0] in linked}
        shown = [item for key, item in self.items.items() if key not in self.hidden]
        self.order = [item.key for item in sorted(shown, key=sort_key)]
        self._shown = set(self.order)
        self._reviewed = sum(1 for key in self.order if self.verdict(key) is not None)
        # A sentence may be in several links: its pane mark and counterpart follow a likely
        # contradiction first, then the best correspondence, then any other link.
        self._sentence_item = {}
        self._sentence_items: dict[str, list[str]] = {}
        for key in sorted(self.order, key=lambda key: pane_rank(self.items[key],
                                                                self.live(key)
                                                                or self.items[key].one_sided)):
            for sid in self.items[key].sentence_ids():
                self._sentence_item.setdefault(sid, key)
                self._sentence_items.setdefault(sid, []).append(key)
        self.version += 1
        self.order_version += 1

    def add_item(self, item: Any) -> ReviewItem:
        """Add an item made during review (a manual link, a sentence returned to one-sided)
        and re-sort the queue."""
        review_item = self._add(item)
        self._reorder()
        return review_item

    def set_link(self, key: str, link: Link) -> None:
        """The engine's analysis of a manual link arrived: scores, diff, reasons."""
        self._links[key] = link
        self._add(self.items[key])
        self._reorder()

    def orphans(self, key: str) -> list[str]:
        """Sentences of item ``key`` that no live link holds and no item shows on its own:
        after an "unrelated" verdict they go back to the one-sided list."""
        if self.live(key) or self.items[key].one_sided:
            return []
        return [sid for sid in self.items[key].sentence_ids()
                if sid not in self.items
                and not any(self.live(other) for other in self._sentence_items.get(sid, ()))]

    # -- verdicts -------------------------------------------------------------------------
    def set_record(self, key: str, record: Any | None) -> None:
        """Record the store's latest state for ``key`` (``None`` when it has none)."""
        was_live = key in self.items and self.live(key)
        had = self.verdict(key) is not None
        if record is None:
            self.records.pop(key, None)
        else:
            self.records[key] = record
        self.version += 1
        if key in self._shown:
            self._reviewed += (self.verdict(key) is not None) - had
        if key in self.items and self.live(key) != was_live:
            self._reorder()  # an "unrelated" verdict came or went: one-sided items follow

    def verdict(self, key: str) -> str | None:
        record = self.records.get(key)
        return record.verdict if record is not None else None

    def note(self, key: str) -> str:
        record = self.records.get(key)
        return record.note if record is not None else ""

    @property
    def reviewed(self) -> int:
        """How many shown items have a verdict (kept up to date by every change)."""
        return self._reviewed

    @property
    def total(self) -> int:
        """How many items the queue shows."""
        return len(self.order)

    # -- queue ----------------------------------------------------------------------------
    def filtered(self, name: str) -> list[str]:
        """Item keys in triage order that pass filter ``name`` (cached until the next change)."""
        if name == "all":
            return self.order  # no verdict decides it: no need to look at every item
        cached = self._filtered.get(name)
        if cached is not None and cached[0] == self.version:
            return cached[1]
        keys = [key for key in self.order if self._passes(key, name)]
        self._filtered[name] = (self.version, keys)
        return keys

    def rows(self, name: str) -> dict[str, int]:
        """Row of each key in filter ``name`` (cached until the next change)."""
        # "all" changes only when the order does, the others with every verdict.
        stamp = self.order_version if name == "all" else self.version
        cached = self._rows.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        rows = {key: row for row, key in enumerate(self.filtered(name))}
        self._rows[name] = (stamp, rows)
        return rows

    def _passes(self, key: str, name: str) -> bool:
        item = self.items[key]
        verdict = self.verdict(key)
        if name == "contradictions":
            return item.group == GROUP_CONTRADICTION or verdict == "contradiction"
        if name == "unreviewed":
            return verdict is None
        if name == "one-sided":
            return item.one_sided
        if name == "reviewed":
            return verdict is not None
        return True

    def next_unreviewed(self, after: str | None, name: str = "all") -> str | None:
        """The first unreviewed item after ``after`` in filter ``name``, wrapping around."""
        keys = self.filtered(name)
        start = keys.index(after) + 1 if after in keys else 0
        for key in keys[start:] + keys[:start]:
            if self.verdict(key) is None and key != after:
                return key
        return None

    # -- sentences ------------------------------------------------------------------------
    def item_for_sentence(self, sid: str) -> str | None:
        """The highest-priority item the sentence belongs to."""
        return self._sentence_item.get(sid)

    def other_links(self, key: str) -> list[str]:
        """Other link items that share a sentence with item ``key`` (a sentence may be in
        several links of the relatedness graph), most important first."""
        found: list[str] = []
        for sid in self.items[key].sentence_ids():
            for other in self._sentence_items.get(sid, ()):
                if other != key and other not in found and not self.items[other].one_sided:
                    found.append(other)
        return found

    def mark(self, sid: str, boilerplate: bool) -> Mark:
        """The gutter glyph and state of a sentence that is not selected."""
        key = self._sentence_item.get(sid)
        if key is None:
            return Mark(BOILERPLATE_GLYPH if boilerplate else " ", "boilerplate")
        item = self.items[key]
        verdict = self.verdict(key)
        if verdict is not None:
            return Mark(VERDICT_GLYPHS.get(verdict, "?"), "reviewed")
        if item.group == GROUP_CONTRADICTION:
            return Mark(CONTRADICTION_GLYPH, "contradiction")
        if item.one_sided:
            return Mark(ONE_SIDED_GLYPH, "one-sided")
        kind = "manual" if item.kind == "manual" or item.link is None else item.link.kind
        return Mark(KIND_GLYPHS.get(kind, "~"), "aligned" if kind != "related" else "related")

    def document(self, side: str) -> Document:
        return self.analysis.left if side == "L" else self.analysis.right

    def counterpart(self, sid: str) -> str | None:
        """A sentence on the other side near ``sid``, to keep both panes on the same passage."""
        doc = self.document(sid[0])
        index = int(sid[1:])
        for distance in range(len(doc.sentences)):
            for probe in (index - distance, index + distance):
                if 0 <= probe < len(doc.sentences):
                    other = self._other_side(f"{sid[0]}{probe}")
                    if other is not None:
                        return other
        return None

    def _other_side(self, sid: str) -> str | None:
        key = self._sentence_item.get(sid)
        if key is None:
            return None
        item = self.items[key]
        ids = item.right_ids if sid[0] == "L" else item.left_ids
        return ids[0] if ids else None

    def search(self, query: str) -> list[str]:
        """Sentence ids of both articles containing ``query`` (case-insensitive), left first."""
        needle = query.casefold().strip()
        if not needle:
            return []
        return [s.id for doc in (self.analysis.left, self.analysis.right)
                for s in doc.sentences if needle in s.text.casefold()]

