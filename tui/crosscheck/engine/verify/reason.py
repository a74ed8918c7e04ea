"""A reason for a conflict the verifier found and no rule explains: the words that differ.

The two spans are the longest run of words only the left side has and the longest run only
the right side has (from the same word diff the panes underline), as document offsets, so a
reviewer sees at once what the model read as the conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from crosscheck.engine.diff import word_key
from crosscheck.engine.model import Reason, Sentence

_WORD = re.compile(r"\S+")
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
    lspan, rspan = _within_sentence(lspan, lstarts, left), _within_sentence(rspan, rstarts, right)
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
    whole texts when nothing differs).

    Words are matched as the panes' diff matches them (``diff.word_key``: case and edge
    punctuation aside), each side keeping its own offsets, so "lawyer, Ruth Engel," on one
    side and "lawyer Ruth Engel" on the other shift nothing.
    """
    sides = {"left": _words(left), "right": _words(right)}
    keys = {side: [word_key(w) for _, _, w in words] for side, words in sides.items()}
    runs: dict[str, list[tuple[int, int]]] = {"left": [], "right": []}
    for tag, l1, l2, r1, r2 in Indel.opcodes(keys["left"], keys["right"]):
        if tag == "equal":
            continue
        for side, (a, b) in (("left", (l1, l2)), ("right", (r1, r2))):
            if a < b:
                runs[side].append((sides[side][a][0], sides[side][b - 1][1]))
    text = {"left": left, "right": right}
    wanted = PREFERRED.get(kind)
    best = {"left": (0, len(left)), "right": (0, len(right))}
    for side in ("left", "right"):
        ranked = []
        for start, end in _merged(runs[side]):
            piece = text[side][start:end]
            trimmed = piece.strip(_TRIM)
            if trimmed:
                offset = start + piece.index(trimmed)
                ranked.append(((bool(wanted and wanted.search(trimmed)), len(trimmed)),
                               (offset, offset + len(trimmed))))
        if ranked:
            best[side] = max(ranked)[1]
    return best["left"], best["right"]


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent runs of one side (Indel splits a replacement into a deletion and an
    insertion) as one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(runs):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _within_sentence(span: tuple[int, int], starts: list[int],
                     sentences: Sequence[Sentence]) -> tuple[int, int]:
    """A joined-text span cut to the sentence it starts in (a span is one document range)."""
    k = max(i for i, s in enumerate(starts) if s <= span[0])
    return span[0], min(span[1], starts[k] + len(sentences[k].text))


def _document_span(span: tuple[int, int], starts: list[int],
                   sentences: Sequence[Sentence]) -> tuple[int, int]:
    """Joined-text offsets (within one sentence) as document offsets."""
    k = max(i for i, s in enumerate(starts) if s <= span[0])
    sentence = sentences[k]
    return sentence.start + span[0] - starts[k], sentence.start + span[1] - starts[k]
