"""The one table every pane, queue row and detail line passes article text through."""

from __future__ import annotations

import pytest

from crosscheck.textsafe import visible_controls


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x9b", "\u202e", "\u202d", "\u2066",
                                  "\u2069", "\u200f", "\u061c", "\u2028", "\u2029"])
def test_a_control_or_bidi_character_is_shown_not_sent(char: str) -> None:
    shown = visible_controls(f"price {char}01$ paid")
    assert char not in shown
    assert len(shown) == len(f"price {char}01$ paid")  # offsets into the article stay valid


def test_ordinary_text_tabs_newlines_and_right_to_left_letters_pass_unchanged() -> None:
    text = "Le député a déclaré\tà 14 h\nשלום مرحبا"
    assert visible_controls(text) == text
