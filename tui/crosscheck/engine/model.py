"""Frozen values that flow from the engine to the store and the app.

Offsets are the contract: every span is ``start``/``end`` into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

LinkKind = Literal["identical", "paraphrase", "related", "manual"]
DiffOp = Literal["common", "left", "right"]
JudgeRelation = Literal["conflict", "compatible", "different_claims"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``doc.text[start:end] == text``."""

    id: str
    start: int
    end: int
    text: str
    paragraph: int
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """An ingested article: the text the user sees plus its segmentation."""

    source: str
    title: str | None
    text: str
    sha256: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    # The outlet ("The Harbour Post": --name, the page's site name, or the URL's host) and when
    # the page says it was published and last updated (ISO 8601, as precise as the page is).
    name: str | None = None
    published: str | None = None
    updated: str | None = None

    def sentence(self, sid: str) -> Sentence:
        """Return the sentence with id ``sid`` (ids are ``L<n>``/``R<n>``, n = index)."""
        return self.sentences[int(sid[1:])]


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """A run of words: in both sides (``common``), only the left, or only the right."""

    op: DiffOp
    text: str


@dataclass(frozen=True, slots=True)
class Reason:
    """Why two sentences may conflict; spans are offsets into each document."""

    type: str
    left: str
    right: str
    explanation: str
    left_span: tuple[int, int] | None = None
    right_span: tuple[int, int] | None = None


def says_more_than_spans(explanation: str, left: str, right: str) -> bool:
    """Whether a reason's explanation adds to its two spans ("in March vs in June" does not),
    so a reader is told each thing once."""
    said = " ".join(explanation.split())
    return bool(said) and said != f"{' '.join(left.split())} vs {' '.join(right.split())}"


@dataclass(frozen=True, slots=True)
class Contradiction:
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class JudgeFinding:
    """What the optional language-model judge said about a link (``crosscheck.judge``).

    A second opinion beside the engine's, never a verdict: ``reasons`` are the conflicts it
    quoted, each span checked to be a verbatim part of its article (the rest were dropped);
    ``modes`` says which questions it answered (``pair``, ``article``); ``added`` marks a link
    the relatedness graph did not have, found by the judge reading both articles.
    """

    relation: JudgeRelation
    reasons: tuple[Reason, ...]
    model: str
    server: str  # the API it was asked through: "openai" or "ollama"
    prompt: str  # the prompt version, so a changed question is told apart
    explanation: str = ""  # its one line on the pair as a whole (pair mode)
    modes: tuple[str, ...] = ("pair",)
    added: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    """A correspondence between left sentence(s) and right sentence(s).

    ``score`` is the calibrated probability that the two sides concern the same event or claim;
    ``same_claim`` the probability that they state the same claim. A sentence may be in several
    links; ``best`` marks the links of the one-to-one (or one-to-two) best correspondence.
    """

    id: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    kind: LinkKind
    score: float
    diff: tuple[DiffPiece, ...] = ()
    contradiction: Contradiction | None = None
    best: bool = True
    same_claim: float | None = None
    judge: JudgeFinding | None = None  # set only by the optional judge stage


FactStatus = Literal["conflict", "one_source", "compatible", "agree"]


@dataclass(frozen=True, slots=True)
class FactCell:
    """One source's statement of a fact: its sentence, span (document offsets), the words
    as written and the value they were read as ("300", "monthday:3", "Dennis Quaid")."""

    sentence: str
    span: tuple[int, int]
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class FactRow:
    """One slot of the facts table (a figure of one thing, one event's date, one name, one
    statement) with each source's cell (None: that source does not state it)."""

    id: str
    type: str  # quantity, money, percent, date, name, quote
    slot: str  # what is counted, the date's kind, the name's slot, or the conflict's reason
    left: FactCell | None
    right: FactCell | None
    status: FactStatus


@dataclass(frozen=True, slots=True)
class Analysis:
    left: Document
    right: Document
    links: tuple[Link, ...]
    left_only: tuple[str, ...]
    right_only: tuple[str, ...]
    meta: dict[str, object] = field(default_factory=dict, compare=False)
    facts: tuple[FactRow, ...] = ()


def link_id(left: tuple[str, ...], right: tuple[str, ...]) -> str:
    """Stable id derived from the sentence ids, so re-running gives the same ids."""
    return "+".join(left) + "~" + "+".join(right)
