"""Word diffs show what only one side says, ignoring case and edge punctuation."""

from __future__ import annotations

from crosscheck.engine.diff import word_diff


def pieces(left: str, right: str) -> list[tuple[str, str]]:
    return [(p.op, p.text.strip()) for p in word_diff(left, right)]


def test_changed_number_is_shown_on_both_sides():
    assert pieces("The firm has 650 million users.", "The firm has 600 million users.") == [
        ("common", "The firm has"), ("left", "650"), ("right", "600"),
        ("common", "million users."),
    ]


def test_identical_sentences_are_one_common_piece():
    assert pieces("Same words here.", "same words here") == [("common", "Same words here.")]


def test_diff_pieces_rebuild_each_side():
    left, right = "Officials said the letter was sent on Friday.", "The letter was sent Monday."
    result = word_diff(left, right)
    assert "".join(p.text for p in result if p.op != "right").strip() == left
    assert "".join(p.text for p in result if p.op != "left").split() != []
    assert {p.op for p in result} == {"common", "left", "right"}
