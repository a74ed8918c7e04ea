"""The values the review model is made of: items, their triage groups, sentence marks.

No Textual here, like the model itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.engine.contradict import THRESHOLD as LIKELY_CONTRADICTION
from crosscheck.engine.model import Link

# Triage order: likely contradictions first, then related links, one-sided sentences,
# paraphrases and near-identical links (they rarely need a second look), and last the other
# counterparts of sentences already in the best correspondence.
(GROUP_CONTRADICTION, GROUP_RELATED, GROUP_ONE_SIDED,
 GROUP_PARAPHRASE, GROUP_IDENTICAL, GROUP_OTHER_COUNTERPART) = range(6)
KIND_GROUP = {"related": GROUP_RELATED, "manual": GROUP_RELATED,
               "paraphrase": GROUP_PARAPHRASE, "identical": GROUP_IDENTICAL}

# One cell each, told apart by shape (never by colour alone): "○" a flag found empty, "Δ" a
# change over time, "…" still pending, "√" checked on its own, "−" what the other side lacks
# (a one-sided sentence is "+").
VERDICT_GLYPHS = {"consistent": "✓", "contradiction": "✗", "unrelated": "≠", "unsure": "?",
                  "not_claim": "∅", "not_conflict": "○", "timeline_update": "Δ",
                  "needs_verification": "…", "checked": "√", "omitted": "−"}
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
        """Short kind label: manual, the link kind, or which side a one-sided sentence is on."""
        if self.kind == "manual":
            return "manual"
        if self.link is not None:
            return self.link.kind
        return "left only" if self.left_ids else "right only"

    def sentence_ids(self) -> tuple[str, ...]:
        return self.left_ids + self.right_ids


@dataclass(frozen=True, slots=True)
class Mark:
    """How a sentence is shown when it is not selected: a gutter glyph and a state name."""

    glyph: str
    state: str  # "aligned" | "related" | "contradiction" | "one-sided" | "reviewed" | ...


def position(item: ReviewItem) -> tuple[int, int]:
    left = int(item.left_ids[0][1:]) if item.left_ids else 1 << 30
    right = int(item.right_ids[0][1:]) if item.right_ids else 1 << 30
    return (left, right)


def group_of(kind: str, link: Link | None, one_sided: bool) -> int:
    """The triage group of an item (a manual link is related unless it conflicts)."""
    if link is not None and link.contradiction is not None and (
            link.contradiction.score >= LIKELY_CONTRADICTION):
        return GROUP_CONTRADICTION
    if one_sided:
        return GROUP_ONE_SIDED
    if link is None or kind == "manual":
        return GROUP_RELATED
    if not link.best:
        return GROUP_OTHER_COUNTERPART
    return KIND_GROUP.get(link.kind, GROUP_RELATED)


def pane_rank(item: ReviewItem, live: bool) -> int:
    """Which item a sentence's pane mark and clicks follow: a live conflict first, then the
    best correspondence (or a manual link, or the sentence alone), then other counterparts,
    and last a link judged unrelated."""
    if not live:
        return 3
    if item.group == GROUP_CONTRADICTION:
        return 0
    return 1 if item.link is None or item.link.best or item.kind == "manual" else 2
