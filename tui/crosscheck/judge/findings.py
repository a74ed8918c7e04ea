"""A validated answer becomes findings tied to sentences, each quote checked against the text.

Pair mode: the relation is the judge's reading of the pair asked about; a conflict's two spans
must lie, verbatim, in the two sentences asked about, or that reason is dropped (and counted).
Article mode: a conflict is kept only when both quotes are found verbatim in the parts of the
articles shown; the sentences holding them say which link it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.engine.model import Document, JudgeFinding, Reason
from crosscheck.judge.prompts import Question
from crosscheck.judge.validate import clean_line, locate_quote

MIN_ARTICLE_QUOTE = 4  # characters: a shorter quote ("7") is found anywhere in an article


@dataclass(frozen=True, slots=True)
class Source:
    """Who answered: the model, the API it was asked through, the prompt version."""

    model: str
    server: str
    prompt: str


@dataclass(frozen=True, slots=True)
class Judgement:
    """A finding of the judge and the sentences it is about (a link, or a new one)."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    finding: JudgeFinding


@dataclass(frozen=True, slots=True)
class Reading:
    """What one answer gave: its judgements and how many quotes were not in the text."""

    judgements: tuple[Judgement, ...]
    spans_dropped: int


def read_answer(question: Question, answer: dict, left: Document, right: Document,
                source: Source) -> Reading:
    """The findings in a schema-valid ``answer`` to ``question``."""
    if question.mode == "pair":
        return _read_pair(question, answer, left, right, source)
    return _read_article(question, answer, left, right, source)


def _read_pair(question: Question, answer: dict, left: Document, right: Document,
               source: Source) -> Reading:
    relation = answer["relation"]
    reasons, dropped = (), 0
    if relation == "conflict":
        lspan = _within(left, question.left, answer["left_span"])
        rspan = _within(right, question.right, answer["right_span"])
        dropped = (lspan is None) + (rspan is None)
        if lspan and rspan:
            reasons = (_reason(answer["type"], left, right, lspan, rspan,
                               answer["explanation"]),)
    finding = JudgeFinding(relation, reasons, source.model, source.server, source.prompt,
                           explanation=clean_line(answer["explanation"]), modes=("pair",))
    return Reading((Judgement(question.left, question.right, finding),), dropped)


def _read_article(question: Question, answer: dict, left: Document, right: Document,
                  source: Source) -> Reading:
    judgements, dropped = [], 0
    for item in answer["conflicts"]:
        lspan = _quoted(left, item["left_quote"], question.left_range)
        rspan = _quoted(right, item["right_quote"], question.right_range)
        dropped += (lspan is None) + (rspan is None)
        if lspan is None or rspan is None:
            continue
        reason = _reason(item["type"], left, right, lspan, rspan, item["explanation"])
        finding = JudgeFinding("conflict", (reason,), source.model, source.server,
                               source.prompt, modes=("article",))
        judgements.append(Judgement(_holding(left, lspan), _holding(right, rspan), finding))
    return Reading(tuple(judgements), dropped)


def _within(doc: Document, ids: tuple[str, ...], quote: str) -> tuple[int, int] | None:
    """The span of ``quote`` inside the sentences ``ids`` (adjacent, in order), or None."""
    first, last = doc.sentence(ids[0]), doc.sentence(ids[-1])
    return locate_quote(doc.text, quote, first.start, last.end)


def _quoted(doc: Document, quote: str, shown: tuple[int, int]) -> tuple[int, int] | None:
    if len(quote.strip()) < MIN_ARTICLE_QUOTE:
        return None
    return locate_quote(doc.text, quote, *shown)


def _holding(doc: Document, span: tuple[int, int]) -> tuple[str, ...]:
    """The ids of the sentences a span overlaps, in order."""
    start, end = span
    return tuple(s.id for s in doc.sentences if s.start < end and s.end > start)


def _reason(kind: str, left: Document, right: Document, lspan: tuple[int, int],
            rspan: tuple[int, int], explanation: str) -> Reason:
    return Reason("other" if kind == "none" else kind, left.text[slice(*lspan)],
                  right.text[slice(*rspan)], clean_line(explanation), lspan, rspan)
