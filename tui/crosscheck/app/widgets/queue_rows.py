"""The queue's columns as plain text: a labelled header and one row per item, to a width.

Two numbers per row, each in its own labelled column: ``conflict`` (the contradiction score,
``!`` when it is a likely contradiction) and ``match`` (the match score of a link). Below
:data:`WIDE` cells the columns shrink (two-digit scores, the kind as its gutter glyph) so the
sentence keeps the room.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.app.review_model import (
    KIND_GLYPHS,
    NOTE_GLYPH,
    ONE_SIDED_GLYPH,
    VERDICT_GLYPHS,
    ReviewItem,
)

WIDE = 56  # content cells from which the queue spells out scores and kinds


@dataclass(frozen=True, slots=True)
class QueueColumns:
    """Column widths for one queue width; ``compact`` below :data:`WIDE` cells."""

    compact: bool

    @classmethod
    def for_width(cls, width: int) -> QueueColumns:
        return cls(compact=width < WIDE)

    def header(self) -> str:
        """Column labels over the rows (the first three cells: cursor, verdict, note)."""
        if self.compact:
            return f"{'':4}{'conf':>4} {'mtch':>4} k sentence"
        return f"{'':4}{'conflict':>8} {'match':>5}  {'kind':<11}sentence"

    def prefix(self, item: ReviewItem, cursor: bool, verdict: str | None, note: bool) -> str:
        """Everything before the sentence: marks, both scores and the kind."""
        marks = ("▶" if cursor else " ") + (VERDICT_GLYPHS.get(verdict, "?") if verdict
                                            else "·") + (NOTE_GLYPH if note else " ") + " "
        conflict, match = item.contradiction_score, item.match_score
        flag = "!" if item.likely_contradiction else " "
        if self.compact:
            return (f"{marks}{flag + _short(conflict) if conflict is not None else '':>4} "
                    f"{_short(match) if match is not None else '':>4} {_glyph(item)} ")
        return (f"{marks}{f'{flag} {conflict:.2f}' if conflict is not None else '':>8} "
                f"{f'{match:.2f}' if match is not None else '':>5}  {item.label:<11}")


def _short(score: float) -> str:
    """A score in three cells: ``.91``, ``1.0``."""
    return "1.0" if score >= 0.995 else f"{score:.2f}"[1:]


def _glyph(item: ReviewItem) -> str:
    if item.one_sided:
        return ONE_SIDED_GLYPH
    kind = "manual" if item.kind == "manual" or item.link is None else item.link.kind
    return KIND_GLYPHS.get(kind, "~")
