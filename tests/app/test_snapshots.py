"""What a person sees, as SVG snapshots (pytest-textual-snapshot; update with --snapshot-update).

Deterministic by construction: fixed size and theme, a hand-built analysis, no clock in the
header, no blinking cursor in the review screen, and a fresh store for every test.
"""

from __future__ import annotations

import pytest

from conftest import SIZE


def test_main_screen(app_factory, snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE)


def test_detail_panel_with_a_contradiction_reason_and_note(app_factory, snap_compare) -> None:
    async def add_note(pilot) -> None:
        await pilot.press("j", "e", *"check the budget", "ctrl+s")

    assert snap_compare(app_factory(), terminal_size=SIZE, run_before=add_note)


def test_help_screen(app_factory, snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE, press=["question_mark"])


def test_unreviewed_filter_after_two_verdicts(app_factory, snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE, press=["c", "a", "f", "f"])


def test_layout_at_80_by_24(app_factory, snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24))


def test_light_theme(app_factory, snap_compare) -> None:
    app = app_factory()
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=SIZE, press=["u"])


@pytest.mark.parametrize("width", [80, 120, 160])
def test_footer_at_each_width(app_factory, snap_compare, width) -> None:
    assert snap_compare(app_factory(), terminal_size=(width, 24))


def test_footer_in_link_mode(app_factory, snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=(120, 24), press=["l"])


def test_empty_filter_shows_an_empty_state(app_factory, snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=(120, 24), press=["f", "f", "f", "f"])


def test_note_editor_asks_before_discarding(app_factory, snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=(120, 30),
                        press=["e", "x", "escape"])


def test_one_sided_item_shows_its_verdict_set_and_label(app_factory, snap_compare) -> None:
    async def omit_l4(pilot) -> None:
        pilot.app.review.auto_advance = False  # (toggling would show a notice in the shot)
        await pilot.press("j", "j", "j", "o")  # L2~R2, L3~R3, L5~R5, then left-only L4

    assert snap_compare(app_factory(), terminal_size=(120, 30), run_before=omit_l4)
