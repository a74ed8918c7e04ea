"""A reason for a conflict the verifier found and no rule explains: the words that differ.

The two spans are the longest run of words only the left side has and the longest run only
the right side has (from the same word diff the panes underline), as document offsets, so a
reviewer sees at once what the model read as the conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.engine.diff import word_diff
from crosscheck.engine.model import Reason, Sentence

_TRIM = " \t\n\"'“”‘’()[],.;:!?"
# What a run of words must hold to name a conflict of each type; among the runs that do, the
# longest wins, and the longest of all when none does.
_NUMBER = (r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
           r"thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|first|second|third)\b")
_MONTHS = (r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\w+day\b|"
           r"\b(?:yesterday|today|tonight|week|month|year|morning|evening|night)\b")
PREFERRED = {"number": re.compile(_NUMBER, re.I), "date": re.compile(_NUMBER + "|" + _MONTHS, re.I),
             "entity": re.compile(r"\b[A-Z][a-z]"),
             "quote": re.compile(r"\w")}


def model_reason(kind: str, probability: float, left: Sequence[Sentence],
                 right: Sequence[Sentence]) -> Reason:
    """The verifier's reason: its type, the differing words as spans, and what it read."""
    ltext, lstarts = _joined(left)
    rtext, rstarts = _joined(right)
    lspan, rspan = _differing(ltext, rtext, kind)
    lwords, rwords = ltext[lspan[0]:lspan[1]], rtext[rspan[0]:rspan[1]]
    explanation = (f"the verifier model reads a {kind} conflict (probability "
                   f"{probability:.2f}); no rule explains it: “{lwords}” vs “{rwords}”")
    return Reason(kind, lwords, rwords, explanation,
                  _document_span(lspan, lstarts, left), _document_span(rspan, rstarts, right))


def _joined(sentences: Sequence[Sentence]) -> tuple[str, list[int]]:
    """The sentences joined by spaces, as the link's diff joins them, and each one's start."""
    starts, at = [], 0
    for s in sentences:
        starts.append(at)
        at += len(s.text) + 1
    return " ".join(s.text for s in sentences), starts


def _differing(left: str, right: str, kind: str = "") -> tuple[tuple[int, int], tuple[int, int]]:
    """Offsets of the left-only and right-only runs that best name a ``kind`` conflict (the
    whole texts when nothing differs)."""
    best = {"left": (0, len(left)), "right": (0, len(right))}
    size: dict[str, tuple[bool, int]] = {"left": (False, -1), "right": (False, -1)}
    wanted = PREFERRED.get(kind)
    at = {"left": 0, "right": 0}
    for piece in word_diff(left, right):
        sides = ("left", "right") if piece.op == "common" else (piece.op,)
        for side in sides:
            start = at[side]
            at[side] += len(piece.text)
            if piece.op == side:
                text = piece.text.strip(_TRIM)
                rank = (bool(wanted and wanted.search(text)), len(text))
                if text and rank > size[side]:
                    offset = start + piece.text.index(text)
                    best[side], size[side] = (offset, offset + len(text)), rank
    return best["left"], best["right"]


def _document_span(span: tuple[int, int], starts: list[int],
                   sentences: Sequence[Sentence]) -> tuple[int, int]:
    """Joined-text offsets as document offsets, clipped to the sentence the span starts in."""
    k = max(i for i, s in enumerate(starts) if s <= span[0])
    sentence = sentences[k]
    start = sentence.start + span[0] - starts[k]
    return start, min(sentence.end, sentence.start + span[1] - starts[k])
