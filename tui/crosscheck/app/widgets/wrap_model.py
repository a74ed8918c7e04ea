"""Wrap an article to a width once, and answer line <-> sentence questions in O(log n).

The article pane renders only visible lines; this model tells it which slice of the document
text is on line ``y`` and which sentence each part belongs to. Pure Python (Rich only for cell
widths), so it is cheap to rebuild on resize and easy to test.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from crosscheck.engine.model import Document

_WORD = re.compile(r"\S+\s*")
BLANK = (-1, -1)
MAX_STARTS = 2  # sentence starts on one screen line: the gutter has a mark cell for each


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of line text: document offsets and the index of its sentence (-1: between)."""

    start: int
    end: int
    sentence: int


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _split_long(text: str, offset: int, width: int) -> list[tuple[int, int]]:
    """Cut a word wider than the line into line-sized chunks."""
    spans: list[tuple[int, int]] = []
    start = 0
    used = 0
    for index, char in enumerate(text):
        char_width = _width(char)
        if used + char_width > width and index > start:
            spans.append((offset + start, offset + index))
            start, used = index, 0
        used += char_width
    spans.append((offset + start, offset + len(text)))
    return spans


def wrap_spans(text: str, offset: int, width: int,
               starts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Greedy word wrap of one hard line; spans are document offsets, trailing spaces trimmed.

    ``starts`` (sorted document offsets of sentence starts) limits a screen line to
    :data:`MAX_STARTS` sentence starts, so the gutter can mark every sentence where it starts.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = used = begun = 0
    for match in _WORD.finditer(text):
        word_end = match.start() + len(match.group().rstrip())
        word_width = _width(text[match.start():word_end])
        new_starts = _count(starts, offset + match.start(), offset + word_end) if starts else 0
        if line_start is not None and (used + word_width > width
                                       or (new_starts and begun + new_starts > MAX_STARTS)):
            lines.append((line_start, line_end))
            line_start = None
        if line_start is None and word_width > width:
            *full, (line_start, line_end) = _split_long(
                text[match.start():word_end], offset + match.start(), width)
            lines.extend(full)
            used = _width(text[line_start - offset:line_end - offset])
            begun = _count(starts, line_start, line_end) if starts else 0
        elif line_start is None:
            line_start, line_end, used = offset + match.start(), offset + word_end, word_width
            begun = new_starts
        else:
            line_end = offset + word_end
            used += word_width
            begun += new_starts
        used += _width(text[word_end:match.end()])
    if line_start is not None:
        lines.append((line_start, line_end))
    return lines


def _count(starts: Sequence[int], start: int, end: int) -> int:
    """How many of the sorted offsets ``starts`` fall in ``[start, end)``."""
    return bisect_left(starts, end) - bisect_left(starts, start)


class WrapModel:
    """The article wrapped to ``width`` cells: paragraphs separated by blank lines."""

    def __init__(self, doc: Document, width: int) -> None:
        self.doc = doc
        self.width = max(1, width)
        self._sentence_starts = [s.start for s in doc.sentences]
        self.lines: list[tuple[int, int]] = []
        for number, (start, end) in enumerate(doc.paragraphs):
            if number:
                self.lines.append(BLANK)
            self._wrap_paragraph(start, end)
        self._text_lines = [y for y, span in enumerate(self.lines) if span != BLANK]
        self._text_starts = [self.lines[y][0] for y in self._text_lines]

    def _wrap_paragraph(self, start: int, end: int) -> None:
        offset = start
        for hard_line in self.doc.text[start:end].split("\n"):
            spans = wrap_spans(hard_line, offset, self.width, self._sentence_starts)
            self.lines.extend(spans or [(offset, offset)])
            offset += len(hard_line) + 1

    def __len__(self) -> int:
        return len(self.lines)

    def pieces(self, y: int) -> list[Piece]:
        """The runs of line ``y``, each tagged with its sentence index (or -1)."""
        start, end = self.lines[y]
        if start < 0 or start == end:
            return []
        sentences = self.doc.sentences
        index = max(0, bisect_right(self._sentence_starts, start) - 1)
        pieces: list[Piece] = []
        cursor = start
        while cursor < end:
            if index < len(sentences) and sentences[index].end <= cursor:
                index += 1
                continue
            if index >= len(sentences) or sentences[index].start >= end:
                pieces.append(Piece(cursor, end, -1))
                break
            sentence = sentences[index]
            if sentence.start > cursor:
                pieces.append(Piece(cursor, sentence.start, -1))
                cursor = sentence.start
            stop = min(end, sentence.end)
            pieces.append(Piece(cursor, stop, index))
            cursor = stop
            index += 1
        return pieces

    def starts_on(self, y: int) -> list[int]:
        """Indices of the sentences that start on line ``y``, left to right."""
        start, end = self.lines[y]
        if start < 0 or start == end:
            return []
        first = bisect_left(self._sentence_starts, start)
        return list(range(first, bisect_left(self._sentence_starts, end)))

    def line_of_offset(self, offset: int) -> int:
        """The line showing document offset ``offset`` (never a blank separator line)."""
        if not self._text_starts:
            return 0
        index = max(0, bisect_right(self._text_starts, offset) - 1)
        return self._text_lines[index]

    def sentence_lines(self, index: int) -> tuple[int, int]:
        """First and last line of sentence ``index``."""
        sentence = self.doc.sentences[index]
        first = self.line_of_offset(sentence.start)
        last = self.line_of_offset(max(sentence.start, sentence.end - 1))
        return first, last
