"""Pilot tests of a fact-checker's verdicts (issue 17): x t v on a link, y o v on a one-sided
sentence, each checked on the screen and in the store; undo; a key of the other kind refused."""

from __future__ import annotations

import pytest

from conftest import SIZE
from crosscheck.app.keymap import REVIEW_BINDINGS, key_names
from crosscheck.app.screens.help import MARKERS
from crosscheck.app.widgets.detail_panel import DetailPanel
from crosscheck.app.widgets.triage_queue import TriageQueue

LINKS = ("L2~R2", "L3~R3", "L5~R5")  # the first three in triage order: two flagged, related
ONE_SIDED = ("L4", "L6", "R4")


def verdicts(app) -> dict[str, str | None]:
    return {key: r.verdict for key, r in app.store.verdicts(app.comparison_id, "tester").items()}


def queue_glyph(app, key: str) -> str:
    """The verdict cell of ``key``'s queue row (after the cursor cell)."""
    queue = app.review.query_one(TriageQueue)
    return queue.render_line(1 + queue.keys.index(key)).text[1]


def detail_text(app) -> str:
    return app.review.query_one(DetailPanel).render_item().plain


def notices_of(app) -> list[str]:
    notices: list[str] = []
    app.notify = lambda message, **kw: notices.append(message)  # type: ignore[method-assign]
    return notices


async def test_x_t_v_on_links_are_stored_shown_and_the_pairs_stay_linked(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.review.query_one(TriageQueue)
        keys_before = list(queue.keys)
        assert app.review.selected == LINKS[0]
        await pilot.press("x", "t", "v")  # auto-advance walks the three links
        assert verdicts(app) == {"L2~R2": "not_conflict", "L3~R3": "timeline_update",
                                 "L5~R5": "needs_verification"}
        # Unlike "unrelated", nothing goes back to the one-sided list.
        assert queue.keys == keys_before
        assert all(app.review.model.live(key) for key in LINKS)
        assert [queue_glyph(app, key) for key in LINKS] == ["○", "Δ", "…"]
        assert app.review.model.mark("L2", False).glyph == "○"
        for key, label in zip(LINKS, ("not a conflict (false flag)", "timeline update",
                                      "needs verification"), strict=True):
            app.review.select(key)
            await pilot.pause()
            assert f"Verdict: {label}" in detail_text(app)
        assert "3 of 8 reviewed" in str(app.review.query_one("#progress-label").render())


async def test_y_o_v_on_one_sided_sentences_are_stored_and_shown(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        app.toggle_auto_advance()
        for key, press in zip(ONE_SIDED, ("y", "o", "v"), strict=True):
            app.review.select(key)
            await pilot.press(press)
        assert verdicts(app) == {"L4": "checked", "L6": "omitted", "R4": "needs_verification"}
        assert [queue_glyph(app, key) for key in ONE_SIDED] == ["√", "−", "…"]
        assert app.review.model.mark("L6", False).glyph == "−"
        app.review.select("L6")
        await pilot.pause()
        assert "Verdict: omitted by the other source" in detail_text(app)
        await pilot.press("f", "f", "f", "f")  # reviewed
        assert app.review.query_one(TriageQueue).keys == list(ONE_SIDED)


@pytest.mark.parametrize(("key", "press", "wanted"), [
    ("L2~R2", "y", "Checked is a verdict for a one-sided sentence, and L2~R2 is a link"),
    ("L2~R2", "o", "Omitted by the other source is a verdict for a one-sided sentence"),
    ("L4", "x", "Not a conflict (false flag) is a verdict for a link, and L4 is a one-sided"),
    ("R4", "t", "Timeline update is a verdict for a link, and R4 is a one-sided sentence"),
])
async def test_a_verdict_of_the_other_kind_says_so_and_saves_nothing(
        app_factory, key, press, wanted) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        notices = notices_of(app)
        app.review.select(key)
        await pilot.press(press)
        assert verdicts(app) == {} and app.review.model.verdict(key) is None
        assert app.review.selected == key  # no auto-advance past a refused key
        assert len(notices) == 1 and notices[0].startswith(wanted)
        assert "nothing was saved" in notices[0]
        hint = "x not a conflict" if press in "yo" else "y checked, o omitted"
        assert hint in notices[0]
        assert "Verdict: not reviewed" in detail_text(app)


async def test_ctrl_z_undoes_the_new_verdicts_like_the_old_ones(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "x")  # L2~R2 contradiction, L3~R3 not a conflict
        app.review.select("R4")
        await pilot.press("o")
        app.review.select("L3~R3")
        await pilot.press("t")  # over the "not a conflict"
        assert verdicts(app) == {"L2~R2": "contradiction", "L3~R3": "timeline_update",
                                 "R4": "omitted"}
        await pilot.press("ctrl+z")
        assert verdicts(app)["L3~R3"] == "not_conflict"
        assert app.review.selected == "L3~R3" and queue_glyph(app, "L3~R3") == "○"
        await pilot.press("ctrl+z")
        assert "R4" not in verdicts(app)
        assert app.review.selected == "R4" and queue_glyph(app, "R4") == "·"
        assert "Verdict: not reviewed" in detail_text(app)
        await pilot.press("ctrl+z")
        assert verdicts(app) == {"L2~R2": "contradiction"}
        assert app.review.model.verdict("L3~R3") is None


async def test_palette_and_help_offer_every_new_verdict(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.review)}
        for title in ("Verdict: not a conflict", "Verdict: timeline update",
                      "Verdict: needs verification", "Verdict: checked", "Verdict: omitted"):
            assert title in commands
        app.review.select("L6")
        await commands["Verdict: omitted"].callback()
        assert verdicts(app) == {"L6": "omitted"}
        await pilot.press("question_mark")
        rows = dict(app.screen.key_rows())
        for key, start in (("x", "verdict: not a conflict"), ("t", "verdict: timeline update"),
                           ("v", "verdict: needs verification"), ("y", "verdict: checked"),
                           ("o", "verdict: omitted")):
            assert rows[key].startswith(start)
        legend = dict(MARKERS)["✓ ✗ ≠ ? ∅ ○ Δ … √ −"]
        assert legend.endswith("not a conflict (false flag), timeline update, needs "
                               "verification, checked, omitted by the other source")


def test_the_new_keys_were_free_and_the_old_ones_are_kept() -> None:
    keys = {name: b.action for b in REVIEW_BINDINGS for name in key_names(b)}
    assert {keys[k] for k in "xtvyo"} == {
        "verdict('not_conflict')", "verdict('timeline_update')",
        "verdict('needs_verification')", "verdict('checked')", "verdict('omitted')"}
    assert (keys["a"], keys["c"], keys["u"], keys["space"], keys["d"]) == (
        "verdict('consistent')", "verdict('contradiction')", "verdict('unrelated')",
        "verdict('unsure')", "verdict('not_claim')")
