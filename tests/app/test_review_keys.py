"""Pilot tests: every key path of the review screen, asserted on the store and the widgets."""

from __future__ import annotations

import json

import pytest

from conftest import SIZE
from crosscheck.app.widgets.article_pane import ArticlePane
from crosscheck.app.widgets.triage_queue import TriageQueue


def verdicts(app) -> dict[str, str | None]:
    records = app.store.verdicts(app.comparison_id, "tester")
    return {key: record.verdict for key, record in records.items()}


async def test_opens_on_the_likeliest_contradiction(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE):
        assert app.review.selected == "L2~R2"
        queue = app.review.query_one(TriageQueue)
        assert queue.keys[:2] == ["L2~R2", "L3~R3"]
        assert queue.keys[-2:] == ["L1~R1", "L0~R0"]  # paraphrase, then identical, last


async def test_j_k_and_arrows_walk_the_queue(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        keys = app.review.query_one(TriageQueue).keys
        await pilot.press("j")
        assert app.review.selected == keys[1]
        await pilot.press("down", "down")
        assert app.review.selected == keys[3]
        await pilot.press("k", "up")
        assert app.review.selected == keys[1]
        await pilot.press("k", "k")
        assert app.review.selected == keys[0]


async def test_each_verdict_key_is_stored_at_once_then_advances(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        keys = list(app.review.query_one(TriageQueue).keys)
        await pilot.press("a", "c", "u", "space")
        assert verdicts(app) == {keys[0]: "consistent", keys[1]: "contradiction",
                                 keys[2]: "unrelated", keys[3]: "unsure"}
        # "unrelated" on L5~R5 put L5 and R5 back in the one-sided list, right after L4
        assert app.review.selected == "L5"
        assert "4 of 10 reviewed" in str(app.review.query_one("#progress-label").render())


async def test_auto_advance_off_keeps_the_item(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        app.toggle_auto_advance()
        await pilot.press("c")
        assert app.review.selected == "L2~R2"
        assert verdicts(app) == {"L2~R2": "contradiction"}


async def test_backspace_clears_the_verdict(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "k")
        assert verdicts(app)["L2~R2"] == "contradiction"
        await pilot.press("backspace")
        assert verdicts(app).get("L2~R2") is None
        assert app.review.model.verdict("L2~R2") is None


async def test_ctrl_z_undoes_the_last_change_and_selects_it(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "c")
        await pilot.press("ctrl+z")
        assert verdicts(app) == {"L2~R2": "consistent"}
        assert app.review.selected == "L3~R3"
        await pilot.press("ctrl+z")
        assert verdicts(app) == {}
        assert app.review.selected == "L2~R2"


async def test_n_skips_reviewed_items(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        keys = list(app.review.query_one(TriageQueue).keys)
        await pilot.press("j", "a", "a")  # keys[1], keys[2] reviewed; now on keys[3]
        await pilot.press("k", "k", "k")  # back to keys[0]
        await pilot.press("n")
        assert app.review.selected == keys[3]


async def test_note_editor_saves_on_ctrl_s_and_the_queue_row_shows_the_note(
        app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.review.query_one(TriageQueue)
        assert queue.render_line(1).text.startswith("▶· ")
        await pilot.press("e")
        await pilot.press(*"Months differ")
        await pilot.press("enter", *"ask desk")
        await pilot.press("ctrl+s")
        assert app.screen is app.review
        record = app.store.verdicts(app.comparison_id, "tester")["L2~R2"]
        assert record.note == "Months differ\nask desk"
        assert "ask desk" in app.review.query_one("#detail").render_item().plain
        assert queue.render_line(1).text.startswith("▶·✎")


async def test_note_editor_save_button_saves(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", *"from the button")
        await pilot.click("#note-save")
        await pilot.pause()
        assert app.screen is app.review
        assert app.store.verdicts(app.comparison_id, "tester")["L2~R2"].note == "from the button"


async def test_note_editor_escape_asks_before_discarding_changes(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "escape")  # nothing typed: closes at once
        assert app.screen is app.review
        await pilot.press("e", *"draft")
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")  # keep editing: the text is still there
        assert type(app.screen).__name__ == "NoteEditor" and app.screen.text == "draft"
        await pilot.press("escape", "y")
        assert app.screen is app.review
        assert app.store.verdicts(app.comparison_id, "tester") == {}


async def test_link_mode_adds_a_manual_link(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        app.review.select("L4")  # left-only "Residents near the pier..."
        await pilot.press("l")
        start = app.review.link_target
        assert start is not None and start.startswith("R")
        await pilot.press("j")
        target = app.review.link_target
        assert target == f"R{int(start[1:]) + 1}"
        await pilot.press("enter")
        assert app.review.link_source is None
        manual = [k for k, item in app.review.model.items.items() if item.kind == "manual"]
        assert len(manual) == 1
        assert app.review.model.items[manual[0]].right_ids == (target,)
        assert app.review.selected == manual[0]
        assert manual[0] in app.review.query_one(TriageQueue).keys


async def test_link_mode_escape_cancels(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "j", "escape")
        assert app.review.link_source is None
        await pilot.press("j")
        assert app.review.selected == "L3~R3"  # j moves items again
        assert not [i for i in app.review.model.items.values() if i.kind == "manual"]


async def test_search_jumps_to_a_match_in_either_article(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"critics", "enter")
        assert app.review.search_matches == ["L5", "R5"]
        assert app.review.selected == "L5~R5"
        await pilot.press("slash", *"port authority", "enter")
        assert app.review.selected == "R4"
        await pilot.press("slash", *"terminal")
        await pilot.press("down", "enter")
        assert app.review.search_matches[app.review.search_index] == "L3"
        await pilot.press("N")
        assert app.review.search_matches[app.review.search_index] == "R0"


async def test_f_cycles_filters_and_the_queue_follows(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.review.query_one(TriageQueue)
        await pilot.press("f")
        assert app.review.filter_name == "contradictions"
        assert queue.keys == ["L2~R2", "L3~R3"]
        await pilot.press("c", "f")
        assert app.review.filter_name == "unreviewed"
        assert "L2~R2" not in queue.keys and len(queue.keys) == 7
        await pilot.press("f")
        assert queue.keys == ["L4", "L6", "R4"]
        await pilot.press("f")
        assert queue.keys == ["L2~R2"]
        await pilot.press("f")
        assert app.review.filter_name == "all" and len(queue.keys) == 8


async def test_clicking_a_sentence_selects_its_item(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.review.query_one("#right-pane", ArticlePane)
        first, _last = pane.sentence_span("R4")
        y = first - round(pane.scroll_y) + 1  # +1: the top border
        assert await pilot.click("#right-pane", offset=(4, y))
        assert app.review.selected == "R4"


async def test_clicking_a_queue_row_selects_it(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.review.query_one(TriageQueue)
        # +1 for the border, +1 for the column labels
        assert await pilot.click("#queue", offset=(6, 2 + queue.keys.index("L4")))
        assert app.review.selected == "L4"


async def test_tab_moves_focus_between_panes_queue_and_detail(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for _ in range(4):
            seen.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        assert seen == ["left-pane", "right-pane", "queue", "detail"]
        await pilot.press("j")  # item keys still work with the queue focused
        assert app.review.selected == "L3~R3"


async def test_help_opens_on_question_mark_and_f1(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            assert type(app.screen).__name__ == "HelpScreen"
            rows = dict(app.screen.key_rows())
            assert rows["c"] == "verdict: contradiction"
            assert rows["ctrl+z"] == "undo the last change"
            assert rows["? / F1"].startswith("help")
            await pilot.press("escape")
            assert app.screen is app.review


async def test_q_quits(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_palette_exports_verdicts_to_the_data_dirs_exports_folder(
        app_factory, tmp_path, _data_dir) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "a")
        await pilot.press("ctrl+p")
        await pilot.press(*"export json lines")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.last_export is not None and app.last_export.parent == app.export_dir()
        assert not list(tmp_path.glob("crosscheck-*"))  # never the current directory
        lines = app.last_export.read_text(encoding="utf-8").splitlines()
        exported = {json.loads(line)["item"]["key"]: json.loads(line)["verdict"] for line in lines}
        assert exported == {"L2~R2": "contradiction", "L3~R3": "consistent"}


async def test_palette_lists_every_review_action(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.review)]
        for wanted in ("Verdict: consistent", "Verdict: contradiction", "Verdict: unrelated",
                       "Verdict: unsure", "Verdict: not a claim", "Clear the verdict",
                       "Undo the last change", "Edit the note", "Search both articles",
                       "Link mode", "Cycle filters", "Next unreviewed item", "Help", "Quit",
                       "Export verdicts: JSON Lines", "Export verdicts: Markdown report",
                       "Export verdicts: CSV spreadsheet", "Export verdicts: W3C Web Annotations"):
            assert wanted in titles
        assert any(title.startswith("Toggle auto-advance") for title in titles)


@pytest.mark.parametrize(("fmt", "name", "suffix"), [
    ("markdown", "Markdown report", "md"), ("csv", "CSV spreadsheet", "csv"),
    ("jsonl", "JSON Lines", "jsonl"), ("w3c", "W3C Web Annotations", "jsonld")])
async def test_palette_offers_every_export_format_and_names_the_file(
        app_factory, tmp_path, fmt, name, suffix) -> None:
    from datetime import UTC, datetime

    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        command = next(c for c in app.get_system_commands(app.review)
                       if c.title == f"Export verdicts: {name}")
        # Named by the outlets (here the sources' file names) and the day, not an internal id.
        left, right = (_slug_of(doc) for doc in (app.analysis.left, app.analysis.right))
        stem = f"{left}-vs-{right}-{datetime.now(UTC):%Y-%m-%d}"
        assert f"{stem}.{suffix}" in command.help and str(app.export_dir()) in command.help
        notices = []
        app.notify = lambda message, **kw: notices.append(message)  # type: ignore[method-assign]
        command.callback()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.last_export == app.export_dir() / f"{stem}.{suffix}"
        assert "contradiction" in app.last_export.read_text(encoding="utf-8")
        assert any(f"Wrote {stem}.{suffix}" in n and str(app.export_dir()) in n
                   for n in notices)
        again = next(c for c in app.get_system_commands(app.review)
                     if c.title == f"Export verdicts: {name}")
        assert f"{stem}-2.{suffix}" in again.help  # never overwrites


def _slug_of(doc) -> str:
    from crosscheck.app.export import _slug
    from crosscheck.store.sources import source_label

    return _slug(source_label({"name": doc.name, "source": doc.source}))


async def test_d_dismisses_a_one_sided_item_as_not_a_claim(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        app.review.select("L6")  # "One reader pasted ... into the comment form."
        await pilot.press("d")
        assert verdicts(app) == {"L6": "not_claim"}
        assert app.review.model.mark("L6", False).glyph == "∅"
        assert app.review.model.next_unreviewed("L4") != "L6"
        await pilot.press("f", "f", "f", "f")
        assert app.review.filter_name == "reviewed"
        assert app.review.query_one(TriageQueue).keys == ["L6"]


async def test_unrelated_returns_the_sentences_to_one_sided_and_undo_takes_them_back(
        app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.review.query_one(TriageQueue)
        app.review.select("L5~R5")
        await pilot.press("u")
        assert {"L5", "R5"} <= set(queue.keys)
        assert app.review.model.mark("L5", False).glyph == "+"
        app.review.filter_name = "one-sided"
        await pilot.pause()
        assert queue.keys == ["L4", "L5", "L6", "R4", "R5"]
        app.review.select("R5")
        await pilot.press("a")  # a verdict on the returned sentence is stored
        assert verdicts(app)["R5"] == "consistent"
        await pilot.press("ctrl+z", "ctrl+z")  # R5's verdict, then the "unrelated"
        assert queue.keys == ["L4", "L6", "R4"]
        assert app.review.model.mark("L5", False).glyph == "~"


async def test_a_manual_link_is_scored_and_its_sentences_leave_one_sided(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.review.query_one(TriageQueue)
        app.review.select("L4")  # left-only: "Residents near the pier raised concerns..."
        await pilot.press("l")
        app.review.set_link_target("R4")  # right-only: "The port authority will operate..."
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        key = "M:L4~R4"
        item = app.review.model.items[key]
        assert item.link is not None and 0.0 <= item.link.score <= 1.0
        assert item.link.diff and item.label == "manual"
        assert "L4" not in queue.keys and "R4" not in queue.keys and key in queue.keys
        detail = app.review.query_one("#detail").render_item().plain
        assert f"match {item.link.score:.2f}" in detail
        from crosscheck.app.widgets.queue_rows import QueueColumns

        assert QueueColumns(compact=True).prefix(item, False, None, False).endswith(" & ")
        stored = app.store.export_records(app.comparison_id)
        await pilot.press("c")
        machine = app.store.export_records(app.comparison_id)[-1]["item"]["machine"]
        assert not stored and machine["score"] == item.link.score
        assert machine["link_kind"] == item.link.kind and machine["by"] == "tester"


async def test_the_last_verdict_announces_completion_with_counts_and_export(
        app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        notices = []
        app.notify = lambda message, **kw: notices.append(message)  # type: ignore[method-assign]
        total = app.review.model.total
        await pilot.press(*["c", "c"] + ["a"] * (total - 3))
        assert not any("reviewed" in n for n in notices)
        await pilot.press("space")
        done = [n for n in notices if n.startswith("All 8 items reviewed")]
        assert done == ["All 8 items reviewed: 5 consistent, 2 contradiction, 1 unsure. Export "
                        f"the report with crosscheck export --comparison {app.comparison_id} "
                        f"--format markdown -o crosscheck-{app.comparison_id}.md (or ctrl+p, "
                        "Export)."]


async def test_an_empty_filter_says_so_instead_of_showing_a_stale_item(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        queue = app.review.query_one(TriageQueue)
        await pilot.press("f", "f", "f", "f")  # reviewed: nothing yet
        assert app.review.filter_name == "reviewed" and queue.keys == []
        assert app.review.selected is None
        assert "No verdicts yet." in queue.render_line(1).text
        detail = app.review.query_one("#detail").render_item().plain
        assert detail == "No verdicts yet. Press f for the next filter."
        await pilot.press("a")  # nothing selected: nothing stored
        assert verdicts(app) == {}
        await pilot.press("f")
        assert app.review.filter_name == "all" and app.review.selected == queue.keys[0]


async def test_the_theme_chosen_while_running_is_remembered_next_time(tmp_path) -> None:
    from app_fixtures import small_analysis

    from crosscheck.app import make_app

    def fresh():
        return make_app(None, None, reviewer="tester", nli=None,
                        store_path=tmp_path / "db" / "crosscheck.db", analysis=small_analysis(),
                        in_process=True)

    app = fresh()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"  # what the palette's theme picker does
        await pilot.pause()
    assert (tmp_path / "db" / "settings.json").exists()
    again = fresh()
    assert again.theme == "nord"


async def test_auto_advance_skips_rows_that_already_have_a_verdict(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        order = app.review.model.filtered("all")
        first, second, third = order[:3]
        app.review.select(second)
        await pilot.press("space")  # the second row now has a verdict
        app.review.select(first)
        await pilot.press("space")
        await pilot.pause()
        assert app.review.selected == third
        assert app.review.model.verdict(app.review.selected) is None
