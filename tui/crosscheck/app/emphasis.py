"""Which characters of an article to emphasise in place: changed words and search matches.

Pure functions from a document and sentence ids to document offsets ``(start, end)``, so the
pane styles exactly the words the detail panel names.
"""

from __future__ import annotations

import re

from crosscheck.engine.model import DiffPiece, Document

_WORD = re.compile(r"\S+")


def changed_word_spans(doc: Document, ids: tuple[str, ...], diff: tuple[DiffPiece, ...],
                       side: str) -> list[tuple[int, int]]:
    """Offsets of the words only this side of a link has (``side`` is ``L`` or ``R``).

    The engine diffs the sides' sentences joined by spaces, word by word, so the pieces walk
    this side's words in order: ``common`` and this side's pieces consume words, the other
    side's pieces none. Counting words (not searching text) stays exact when a common word is
    written differently on this side (case, punctuation).
    """
    words = [(sentence.start + m.start(), sentence.start + m.end())
             for sentence in (doc.sentence(sid) for sid in ids)
             for m in _WORD.finditer(sentence.text)]
    op = "left" if side == "L" else "right"
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in diff:
        if piece.op not in ("common", op):
            continue
        count = len(piece.text.split())
        if piece.op == op:
            spans += words[cursor:cursor + count]
        cursor += count
        if cursor >= len(words):
            break
    return _merge_runs(doc.text, spans)


def _merge_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join consecutive changed words into one span, so a changed phrase reads as one."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and text[merged[-1][1]:start].isspace():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def match_spans(doc: Document, ids: list[str], query: str) -> list[tuple[int, int]]:
    """Offsets of every case-insensitive occurrence of ``query`` in these sentences.

    A sentence found only by Unicode case folding (``STRASSE`` for ``Straße``) is
    emphasised whole, so no match goes unshown.
    """
    needle = query.strip()
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    spans: list[tuple[int, int]] = []
    for sentence in (doc.sentence(sid) for sid in ids):
        found = [(sentence.start + m.start(), sentence.start + m.end())
                 for m in pattern.finditer(sentence.text)]
        spans += found or [(sentence.start, sentence.end)]
    return spans
