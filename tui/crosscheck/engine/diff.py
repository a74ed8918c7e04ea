"""Word-level diff of a link's two sides, using rapidfuzz's C++ Indel opcodes."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Indel

from crosscheck.engine.model import DiffOp, DiffPiece
from crosscheck.engine.tokens import normalise

_WORD_RE = re.compile(r"\S+\s*")
_EDGE_PUNCT = "\"'“”‘’()[],.;:!?"


def word_diff(left: str, right: str) -> tuple[DiffPiece, ...]:
    """Pieces of words only the left has, only the right has, and common to both, in order."""
    lwords = _WORD_RE.findall(left)
    rwords = _WORD_RE.findall(right)
    lkeys = [word_key(w) for w in lwords]
    rkeys = [word_key(w) for w in rwords]
    pieces: list[DiffPiece] = []
    only_left: list[str] = []
    only_right: list[str] = []
    for tag, l1, l2, r1, r2 in Indel.opcodes(lkeys, rkeys):
        if tag != "equal":
            only_left += lwords[l1:l2]
            only_right += rwords[r1:r2]
            continue
        # Indel has no "replace": gather a run of edits so the left words always come first.
        _append(pieces, "left", "".join(only_left))
        _append(pieces, "right", "".join(only_right))
        only_left, only_right = [], []
        _append(pieces, "common", "".join(lwords[l1:l2]))
    _append(pieces, "left", "".join(only_left))
    _append(pieces, "right", "".join(only_right))
    return tuple(pieces)


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The form a word is matched by in a diff: normalised, edge punctuation aside."""
    return normalise(word.strip()).strip(_EDGE_PUNCT) or word.strip()


def _append(pieces: list[DiffPiece], op: DiffOp, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op == op:
        pieces[-1] = DiffPiece(op, pieces[-1].text + text)
    else:
        pieces.append(DiffPiece(op, text))
