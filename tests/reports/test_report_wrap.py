"""Wrapping for the text report: between words, by terminal cells, cutting only what cannot fit."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from crosscheck.output import report_width
from crosscheck.reports.wrap import words, wrap_chunks


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("the council voted to close the ferry", 16, ["the council", "voted to close", "the ferry"]),
    ("a nine-day strike ended", 12, ["a nine-day", "strike ended"]),  # no cut at a hyphen
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),  # wider than a line: the only cut
    ("日本語の記事です", 6, ["日本語", "の記事", "です"]),  # two cells a character
    ("", 10, [""]),
])
def test_lines_break_between_words_and_fit_the_width(text: str, width: int,
                                                     expected: list[str]) -> None:
    lines = wrap_chunks(words(text), width)
    assert lines == expected
    assert all(cell_len(line) <= width for line in lines)


def test_a_hanging_indent_starts_every_line_after_the_first() -> None:
    lines = wrap_chunks(words("one two three four five"), 12, first="left  ", rest="      ")
    assert lines == ["left  one", "      two", "      three", "      four", "      five"]


def test_phrases_keep_together_with_their_separator() -> None:
    lines = wrap_chunks(["L1~R2", "related", "match score 0.93", "contradiction score 0.50"],
                        40, rest="    ", sep=" · ")
    assert lines == ["L1~R2 · related · match score 0.93", "    contradiction score 0.50"]


def test_controls_are_shown_and_never_split_text_into_lines() -> None:
    assert words("a\x1b[31mred\x1c\x85word\tand\nmore") == ["a␛[31mred␜\ufffdword", "and", "more"]


@pytest.mark.parametrize(("columns", "to_terminal", "expected"), [
    ("132", False, 132), ("132", True, 132), (None, False, 80), ("wide", False, 80),
    ("0", False, 80),
])
def test_report_width_follows_columns_else_80_off_a_terminal(
        monkeypatch: pytest.MonkeyPatch, columns: str | None, to_terminal: bool,
        expected: int) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert report_width(to_terminal=to_terminal) == expected
