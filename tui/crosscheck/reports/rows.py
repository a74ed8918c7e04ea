"""Report rows shared by every human and tabular rendering: one per link or one-sided sentence.

The two scores are named here once, so the text, Markdown and TSV reports label them alike
(the JSON keeps its field names, ``score`` and ``contradiction.score``: they are a contract).
"""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.engine.contradict import THRESHOLD as LIKELY
from crosscheck.engine.model import Analysis, Reason

MATCH_SCORE = "match score"  # a link's probability that both sides concern one event or claim
CONTRADICTION_SCORE = "contradiction score"  # how strongly the tool thinks they conflict
FLAG = "likely contradiction"  # a link whose contradiction score reaches the threshold


@dataclass(frozen=True)
class ReportRow:
    """One item of a report: a link, or a sentence only one article has."""

    ids: str  # the item's id: a link id ("L5~R6") or a sentence id ("L3")
    kind: str  # as shown: "related", "also related" (a further counterpart), "left only"
    score: float | None  # the match score; None for a one-sided sentence
    left: str
    right: str
    conflict: float | None  # the contradiction score, where the tool found any signal
    reasons: tuple[Reason, ...]
    link_kind: str = ""  # identical, paraphrase, related, manual, left_only or right_only
    best: bool | None = None  # None for a one-sided sentence
    left_ids: tuple[str, ...] = ()
    right_ids: tuple[str, ...] = ()

    @property
    def flag(self) -> bool:
        """Whether this is a likely contradiction."""
        return (self.conflict or 0.0) >= LIKELY

    @property
    def one_sided(self) -> bool:
        return self.score is None

    @property
    def reason_types(self) -> tuple[str, ...]:
        """Each reason type once, in the order the reasons give them."""
        return tuple(dict.fromkeys(reason.type for reason in self.reasons))


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
            conflict=c.score if c else None, reasons=c.reasons if c else (),
            link_kind=link.kind, best=link.best, left_ids=link.left, right_ids=link.right,
        ))
    rows.sort(key=lambda r: -(r.conflict or 0.0))  # stable: ties keep the engine's order
    rows += [ReportRow(s, "left only", None, left.sentence(s).text, "", None, (),
                       link_kind="left_only", left_ids=(s,)) for s in analysis.left_only]
    rows += [ReportRow(s, "right only", None, "", right.sentence(s).text, None, (),
                       link_kind="right_only", right_ids=(s,)) for s in analysis.right_only]
    return rows


def reason_words(reason: Reason) -> str:
    """A reason in plain words: ``number: Fourteen companies vs Eleven companies``."""
    said = " ".join(reason.explanation.split()) or f"{reason.left} vs {reason.right}"
    return f"{reason.type}: {said}"


def scores_label(row: ReportRow) -> list[str]:
    """The item's class, kind and labelled scores, as phrases: ``["related", "match score
    0.93"]``; a likely contradiction leads with that and its reason types."""
    if row.one_sided:
        return [f"only in the {row.kind.split()[0]} article"]
    types = f" ({', '.join(row.reason_types)})" if row.reason_types else ""
    parts = [f"{FLAG}{types}"] if row.flag else []
    parts += [row.kind, f"{MATCH_SCORE} {row.score:.2f}"]
    if row.conflict is not None:
        parts.append(f"{CONTRADICTION_SCORE} {row.conflict:.2f}{'' if row.flag else types}")
    return parts


def summary_counts(analysis: Analysis) -> dict[str, int]:
    """How many best links of each kind, further counterparts, contradictions, one-sided."""
    counts = {"identical": 0, "paraphrase": 0, "related": 0, "manual": 0,
              "further counterparts": 0}
    for link in analysis.links:
        kind = link.kind if link.best else "further counterparts"
        counts[kind] = counts.get(kind, 0) + 1
    counts["likely contradictions"] = flag_count(analysis)
    counts["left only"] = len(analysis.left_only)
    counts["right only"] = len(analysis.right_only)
    return counts


def flag_count(analysis: Analysis) -> int:
    """How many links are likely contradictions (what ``--fail-on-flags`` tests)."""
    return sum(1 for link in analysis.links
               if link.contradiction and link.contradiction.score >= LIKELY)
