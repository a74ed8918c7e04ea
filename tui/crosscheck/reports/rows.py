"""Report rows shared by the text and Markdown renderings: one per link or one-sided sentence."""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.engine.contradict import THRESHOLD as LIKELY
from crosscheck.engine.model import Analysis


@dataclass(frozen=True)
class ReportRow:
    ids: str
    kind: str
    score: float | None
    left: str
    right: str
    conflict: float | None
    reasons: tuple[str, ...]


def report_rows(analysis: Analysis) -> list[ReportRow]:
    """Links (likely contradictions first), then sentences only one side has, in text order."""
    left, right = analysis.left, analysis.right
    rows = []
    for link in analysis.links:
        c = link.contradiction
        rows.append(ReportRow(
            # A further counterpart of a sentence already in the best correspondence.
            ids=link.id, kind=link.kind if link.best else f"also {link.kind}", score=link.score,
            left=" ".join(left.sentence(s).text for s in link.left),
            right=" ".join(right.sentence(s).text for s in link.right),
            conflict=c.score if c else None,
            reasons=tuple(f"{r.type}: {r.explanation}" for r in c.reasons) if c else (),
        ))
    rows.sort(key=lambda r: -(r.conflict or 0.0))
    rows += [ReportRow(s, "left only", None, left.sentence(s).text, "", None, ())
             for s in analysis.left_only]
    rows += [ReportRow(s, "right only", None, "", right.sentence(s).text, None, ())
             for s in analysis.right_only]
    return rows


def summary_counts(analysis: Analysis) -> dict[str, int]:
    """How many best links of each kind, further counterparts, contradictions, one-sided."""
    counts = {"identical": 0, "paraphrase": 0, "related": 0, "manual": 0,
              "further counterparts": 0}
    for link in analysis.links:
        kind = link.kind if link.best else "further counterparts"
        counts[kind] = counts.get(kind, 0) + 1
    counts["likely contradictions"] = sum(
        1 for link in analysis.links if link.contradiction and link.contradiction.score >= LIKELY)
    counts["left only"] = len(analysis.left_only)
    counts["right only"] = len(analysis.right_only)
    return counts
