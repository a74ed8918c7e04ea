"""The footer fits the terminal and shows the keys of the current mode, most used first."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from crosscheck.app.widgets.mode_footer import ModeFooter


def footer_keys(app) -> list[tuple[str, str]]:
    footer = app.screen.query_one(ModeFooter)
    return [(key.key_display, key.description) for key in footer.query(FooterKey)]


def assert_fits(app, width: int) -> None:
    footer = app.screen.query_one(ModeFooter)
    keys = list(footer.query(FooterKey))
    assert keys
    assert all(key.region.right <= width for key in keys)
    regions = sorted((key.region.x, key.region.right) for key in keys)
    assert all(a[1] <= b[0] for a, b in zip(regions, regions[1:], strict=False))  # no overlap


LINK_KEYS = ["Consistent", "Contradiction", "False flag", "Unrelated", "Help", "Unsure",
             "Timeline", "To verify", "Next unreviewed", "Undo", "Note", "Search", "Link"]
ONE_SIDED_KEYS = ["Checked", "Omitted", "To verify", "Link", "Help", "Unsure", "Not a claim",
                  "Next unreviewed", "Undo", "Note", "Search", "Filter", "Quit", "Next"]


@pytest.mark.parametrize(("width", "wanted"), [
    (80, LINK_KEYS[:5]), (120, LINK_KEYS[:8]), (160, LINK_KEYS)])
async def test_footer_fits_and_puts_the_most_used_keys_first(app_factory, width,
                                                             wanted) -> None:
    app = app_factory()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        descriptions = [description for _, description in footer_keys(app)]
        assert descriptions[:len(wanted)] == wanted
        assert descriptions[-1] == "palette"
        assert_fits(app, width)


@pytest.mark.parametrize(("width", "wanted"), [
    (80, ONE_SIDED_KEYS[:6]), (120, ONE_SIDED_KEYS[:10]), (160, ONE_SIDED_KEYS)])
async def test_footer_shows_the_one_sided_verdicts_on_a_one_sided_item_and_goes_back(
        app_factory, width, wanted) -> None:
    app = app_factory()
    async with app.run_test(size=(width, 30)) as pilot:
        app.review.select("L4")  # left-only
        await pilot.pause()
        descriptions = [description for _, description in footer_keys(app)]
        assert descriptions[:len(wanted)] == wanted
        assert not {"Consistent", "False flag", "Timeline"} & set(descriptions)
        assert_fits(app, width)
        app.review.select("L2~R2")
        await pilot.pause()
        assert [d for _, d in footer_keys(app)][:3] == LINK_KEYS[:3]


@pytest.mark.parametrize("width", [80, 120, 160])
async def test_footer_shows_link_mode_keys_and_goes_back(app_factory, width) -> None:
    app = app_factory()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        descriptions = [description for _, description in footer_keys(app)]
        assert descriptions[:4] == ["Link to it", "Next target", "Prev target", "Cancel link"]
        assert_fits(app, width)
        await pilot.press("escape")
        await pilot.pause()
        assert footer_keys(app)[0][1] == "Consistent"


async def test_footer_shows_search_keys_while_matches_are_shown(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("slash", *"terminal", "enter")
        await pilot.pause()
        assert ("N", "Next match") in footer_keys(app)
        assert ("esc", "End search") in footer_keys(app)
        assert_fits(app, 160)


@pytest.mark.parametrize(("key", "wanted"), [("question_mark", "Close"), ("slash", "Cancel"),
                                             ("e", "Save")])
async def test_dialogs_show_their_own_keys(app_factory, key, wanted) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is not app.review
        assert any(wanted in description for _, description in footer_keys(app))
        assert_fits(app, 120)
