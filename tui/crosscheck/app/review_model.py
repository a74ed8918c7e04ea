"""What the review screen shows, as plain data: items in triage order, filters, sentence marks.

No Textual here: the screen owns one ``ReviewModel`` and the widgets read from it, so the
ordering and filtering rules can be tested without running an app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crosscheck.engine.contradict import THRESHOLD as LIKELY_CONTRADICTION
from crosscheck.engine.model import Analysis, Document, Link

FILTERS = ("all", "contradictions", "unreviewed", "one-sided", "reviewed")

# Triage order: likely contradictions first, then related links, one-sided sentences,
# paraphrases and near-identical links (they rarely need a second look), and last the other
# counterparts of sentences already in the best correspondence.
(_GROUP_CONTRADICTION, _GROUP_RELATED, _GROUP_ONE_SIDED,
 _GROUP_PARAPHRASE, _GROUP_IDENTICAL, _GROUP_OTHER_COUNTERPART) = range(6)
_KIND_GROUP = {"related": _GROUP_RELATED, "manual": _GROUP_RELATED,
               "paraphrase": _GROUP_PARAPHRASE, "identical": _GROUP_IDENTICAL}

VERDICT_GLYPHS = {"consistent": "✓", "contradiction": "✗", "unrelated": "≠", "unsure": "?",
                  "not_claim": "∅"}
KIND_GLYPHS = {"identical": "=", "paraphrase": "≈", "related": "~", "manual": "&"}
ONE_SIDED_GLYPH = "+"
CONTRADICTION_GLYPH = "!"
BOILERPLATE_GLYPH = "·"
NOTE_GLYPH = "✎"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One thing the reviewer gives a verdict on: a link or a one-sided sentence."""

    key: str
    kind: str  # "link" | "left_only" | "right_only" | "manual"
    left_ids: tuple[str, ...]
    right_ids: tuple[str, ...]
    link: Link | None
    group: int

    @property
    def one_sided(self) -> bool:
        return not (self.left_ids and self.right_ids)

    @property
    def contradiction_score(self) -> float | None:
        if self.link is None or self.link.contradiction is None:
            return None
        return self.link.contradiction.score

    @property
    def match_score(self) -> float | None:
        """The link's match score (``None`` for a one-sided sentence or an unscored link)."""
        return self.link.score if self.link is not None else None

    @property
    def likely_contradiction(self) -> bool:
        """Strong enough evidence to triage first; weaker signals only show in the detail."""
        score = self.contradiction_score
        return score is not None and score >= LIKELY_CONTRADICTION

    @property
    def label(self) -> str:
        """Short kind label: the link kind, or which side a one-sided sentence is on."""
        if self.link is not None:
            return self.link.kind
        if self.kind == "manual":
            return "manual"
        return "left only" if self.left_ids else "right only"

    def sentence_ids(self) -> tuple[str, ...]:
        return self.left_ids + self.right_ids


@dataclass(frozen=True, slots=True)
class Mark:
    """How a sentence is shown when it is not selected: a gutter glyph and a state name."""

    glyph: str
    state: str  # "aligned" | "related" | "contradiction" | "one-sided" | "reviewed" | ...


def _position(item: ReviewItem) -> tuple[int, int]:
    left = int(item.left_ids[0][1:]) if item.left_ids else 1 << 30
    right = int(item.right_ids[0][1:]) if item.right_ids else 1 << 30
    return (left, right)


def _group(kind: str, link: Link | None, one_sided: bool) -> int:
    if link is not None and link.contradiction is not None and (
            link.contradiction.score >= LIKELY_CONTRADICTION):
        return _GROUP_CONTRADICTION
    if one_sided:
        return _GROUP_ONE_SIDED
    if link is None:
        return _GROUP_RELATED
    if not link.best:
        return _GROUP_OTHER_COUNTERPART
    return _KIND_GROUP.get(link.kind, _GROUP_RELATED)


def _pane_rank(item: ReviewItem) -> int:
    if item.group == _GROUP_CONTRADICTION:
        return 0
    return 1 if item.link is None or item.link.best else 2


class ReviewModel:
    """Items in triage order plus the reviewer's verdicts, with the lookups the views need."""

    def __init__(self, analysis: Analysis, items: list[Any], records: dict[str, Any]) -> None:
        self.analysis = analysis
        self._links = {link.id: link for link in analysis.links}
        self.records: dict[str, Any] = dict(records)
        self.items: dict[str, ReviewItem] = {}
        self.order: list[str] = []
        self.version = 0
        self._filtered: dict[str, tuple[int, list[str]]] = {}
        self._reviewed = (-1, 0)
        self._sentence_item: dict[str, str] = {}
        for item in items:
            self._add(item)
        self._reorder()

    # -- building -------------------------------------------------------------------------
    def _add(self, item: Any) -> ReviewItem:
        link = self._links.get(item.key) if item.kind == "link" else None
        left, right = tuple(item.left_ids), tuple(item.right_ids)
        one_sided = not (left and right)
        review_item = ReviewItem(item.key, item.kind, left, right, link,
                                 _group(item.kind, link, one_sided))
        self.items[item.key] = review_item
        return review_item

    def _reorder(self) -> None:
        def sort_key(item: ReviewItem) -> tuple[int, float, tuple[int, int], str]:
            score = -(item.contradiction_score or 0.0)
            return (item.group, score, _position(item), item.key)

        self.order = [item.key for item in sorted(self.items.values(), key=sort_key)]
        # A sentence may be in several links: its pane mark and counterpart follow a likely
        # contradiction first, then the best correspondence, then any other link.
        self._sentence_item = {}
        self._sentence_items: dict[str, list[str]] = {}
        for key in sorted(self.order, key=lambda key: _pane_rank(self.items[key])):
            for sid in self.items[key].sentence_ids():
                self._sentence_item.setdefault(sid, key)
                self._sentence_items.setdefault(sid, []).append(key)
        self.version += 1

    def add_item(self, item: Any) -> ReviewItem:
        """Add an item made during review (a manual link) and re-sort the queue."""
        review_item = self._add(item)
        self._reorder()
        return review_item

    # -- verdicts -------------------------------------------------------------------------
    def set_record(self, key: str, record: Any | None) -> None:
        """Record the store's latest state for ``key`` (``None`` when it has none)."""
        if record is None:
            self.records.pop(key, None)
        else:
            self.records[key] = record
        self.version += 1

    def verdict(self, key: str) -> str | None:
        record = self.records.get(key)
        return record.verdict if record is not None else None

    def note(self, key: str) -> str:
        record = self.records.get(key)
        return record.note if record is not None else ""

    @property
    def reviewed(self) -> int:
        """How many items have a verdict (cached until the next change)."""
        if self._reviewed[0] != self.version:
            count = sum(1 for key in self.items if self.verdict(key) is not None)
            self._reviewed = (self.version, count)
        return self._reviewed[1]

    @property
    def total(self) -> int:
        return len(self.items)

    # -- queue ----------------------------------------------------------------------------
    def filtered(self, name: str) -> list[str]:
        """Item keys in triage order that pass filter ``name`` (cached until the next change)."""
        cached = self._filtered.get(name)
        if cached is not None and cached[0] == self.version:
            return cached[1]
        keys = [key for key in self.order if self._passes(key, name)]
        self._filtered[name] = (self.version, keys)
        return keys

    def _passes(self, key: str, name: str) -> bool:
        item = self.items[key]
        verdict = self.verdict(key)
        if name == "contradictions":
            return item.group == _GROUP_CONTRADICTION or verdict == "contradiction"
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
        if item.group == _GROUP_CONTRADICTION:
            return Mark(CONTRADICTION_GLYPH, "contradiction")
        if item.one_sided:
            return Mark(ONE_SIDED_GLYPH, "one-sided")
        kind = item.link.kind if item.link is not None else "manual"
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

