"""Pilot tests of what the screen shows: literal text, scrolling, layout, reopening, loading."""

from __future__ import annotations

import pytest
from app_fixtures import ESCAPE_SENTENCE, MARKUP_SENTENCE, big_analysis, make_document

from conftest import SIZE, build_app
from crosscheck.app.widgets.article_pane import GUTTER, ArticlePane
from crosscheck.app.widgets.detail_panel import DetailPanel
from crosscheck.app.widgets.triage_queue import TriageQueue


def pane_lines(pane: ArticlePane) -> list[str]:
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


async def test_markup_and_escapes_in_articles_render_literally(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE):
        pane = app.review.query_one("#left-pane", ArticlePane)
        shown = " ".join(" ".join(line[GUTTER:] for line in pane_lines(pane)).split())
        assert "[bold]reckless[/bold]" in shown
        assert "\x1b" not in shown and "␛[31m" in shown  # ESC made visible, never sent
        assert MARKUP_SENTENCE in shown
        app.review.select("L5~R5")
        assert MARKUP_SENTENCE in app.review.query_one(DetailPanel).render_item().plain
        app.review.select("L6")
        detail = app.review.query_one(DetailPanel).render_item().plain
        assert ESCAPE_SENTENCE.replace("\x1b", "␛") in detail


async def test_markers_are_glyphs_not_only_colour(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        left = pane_lines(app.review.query_one("#left-pane", ArticlePane))
        gutters = {glyph for line in left for glyph in line[:2]}
        assert {"=", "≈", "▶", "!", "+", "·"} <= gutters
        await pilot.press("c", "c")  # L2~R2 and L3~R3 -> ✗; selection moves to L5~R5
        left = pane_lines(app.review.query_one("#left-pane", ArticlePane))
        assert any(line.startswith("✗✗ Mayor Lina Ortiz") for line in left)
        assert any(line.startswith("+▶ Residents near") for line in left)
        queue = app.review.query_one(TriageQueue)
        assert queue.render_line(1).text.startswith(" ✗")


async def test_every_sentence_is_marked_on_the_line_where_it_starts() -> None:
    from crosscheck.engine.model import Analysis

    short = [["Yes.", "No.", "Maybe so.", "The council met.", "It voted."] * 4]
    left = make_document("L", "Short", "short.txt", short)
    right = make_document("R", "Other", "other.txt", [["Nothing in common here at all."]])
    ids = tuple(s.id for s in left.sentences)
    app = build_app(Analysis(left, right, (), ids, ("R0",)), None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "c")  # L0 consistent, L1 contradiction; L2 selected
        pane = app.review.query_one("#left-pane", ArticlePane)
        lines = pane_lines(pane)
        wanted = {"L0": "✓", "L1": "✗", "L2": "▶"}
        for sentence in left.sentences:
            first, _ = pane.sentence_span(sentence.id)
            starts = [s for s in left.sentences if pane.sentence_span(s.id)[0] == first]
            assert len(starts) <= 2
            cell = starts.index(sentence)
            assert lines[first][cell] == wanted.get(sentence.id, "+"), (sentence.id, lines)


async def test_selecting_an_item_scrolls_both_panes_to_it() -> None:
    app = build_app(big_analysis(600), store_path=None)
    async with app.run_test(size=SIZE) as pilot:
        for key, left_sid, right_sid in (("L550~R550", "L550", "R550"), ("L559", "L559", "R558"),
                                         ("L10~R10", "L10", "R10")):
            app.review.select(key)
            await pilot.pause()
            for sid in (left_sid, right_sid):
                pane = app.review.query_one("#left-pane" if sid[0] == "L" else "#right-pane",
                                            ArticlePane)
                first, last = pane.sentence_span(sid)
                top = round(pane.scroll_y)
                assert top <= first and last < top + pane.scrollable_content_region.height


@pytest.mark.parametrize(("size", "stacked"), [((80, 24), True), ((119, 40), True),
                                               ((120, 40), False), ((160, 48), False)])
async def test_panes_stack_below_120_columns(app_factory, size, stacked) -> None:
    app = app_factory()
    async with app.run_test(size=size):
        left = app.review.query_one("#left-pane", ArticlePane).region
        right = app.review.query_one("#right-pane", ArticlePane).region
        assert (right.y > left.y) is stacked
        assert (right.x == left.x) is stacked
        assert left.height >= 3 and right.height >= 3


async def test_reopening_restores_verdicts_and_position(tmp_path, analysis) -> None:
    store_path = tmp_path / "reopen.db"
    first = build_app(analysis, store_path)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("c", "j", "j")
        position = first.review.selected
    second = build_app(analysis, store_path)
    async with second.run_test(size=SIZE):
        assert second.review.selected == position
        assert second.review.model.verdict("L2~R2") == "contradiction"
        assert second.review.model.reviewed == 1


async def test_light_and_dark_themes_restyle_the_panes(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.review.query_one("#left-pane", ArticlePane)
        dark = pane.render_line(0)
        app.theme = "textual-light"
        await pilot.pause()
        light = pane.render_line(0)
        assert dark.text == light.text
        assert list(dark)[1].style.bgcolor != list(light)[1].style.bgcolor


async def test_analysis_runs_in_a_worker_from_files(tmp_path) -> None:
    pytest.importorskip("crosscheck.engine.segment")
    from crosscheck.app import make_app

    left = tmp_path / "left.txt"
    right = tmp_path / "right.txt"
    left.write_text("Ferry vote passes.\n\nThe council met on Monday. It approved the plan.\n")
    right.write_text("Ferry vote passes.\n\nThe council met on Tuesday. It approved the plan.\n")
    app = make_app(str(left), str(right), reviewer="tester", nli=None,
                   store_path=tmp_path / "w.db", in_process=True)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.review.model is not None
        assert app.review.selected is not None
        await pilot.press("a")
        assert app.store.verdicts(app.comparison_id, "tester")


async def test_titles_and_sources_with_control_codes_are_shown_not_sent(app_factory) -> None:
    import dataclasses

    from app_fixtures import small_analysis

    analysis = small_analysis()
    left = dataclasses.replace(analysis.left, title="Ferry \x1b[2J vote",
                               source="/news/\x1b]0;x\x07l.txt")
    app = app_factory(dataclasses.replace(analysis, left=left))
    async with app.run_test(size=SIZE):
        pane = app.review.query_one("#left-pane", ArticlePane)
        shown = [str(pane.border_title), str(pane.border_subtitle), app.review.title,
                 app.review.sub_title]
        assert all("\x1b" not in part and "\x07" not in part for part in shown)
        assert "Ferry ␛[2J vote" in shown[0] and "␛]0;x␇l.txt" in shown[1]


async def test_detail_shows_every_counterpart_of_the_selected_sentences(app_factory) -> None:
    from test_models import _with_second_counterpart

    app = app_factory(_with_second_counterpart())
    async with app.run_test(size=SIZE):
        app.review.select("L3~R3")
        detail = app.review.query_one(DetailPanel).render_item().plain
        assert "Also linked" in detail and "L3 ~ R2: related match 0.66" in detail
        app.review.select("L3~R2")
        detail = app.review.query_one(DetailPanel).render_item().plain
        assert "another counterpart" in detail and "same claim 0.10" in detail
        assert "L3 ~ R3" in detail


async def test_articles_can_be_read_while_the_analysis_is_still_running(tmp_path,
                                                                         monkeypatch) -> None:
    import threading

    import crosscheck.engine.analyze as analyze_module
    from crosscheck.app import make_app
    from crosscheck.engine.ingest import document_from_text

    release = threading.Event()
    real_analyze = analyze_module.analyze

    def slow_analyze(*args, **kwargs):
        release.wait(10)  # the model is still loading
        return real_analyze(*args, **kwargs)

    monkeypatch.setattr(analyze_module, "analyze", slow_analyze)
    left = document_from_text("Ferry vote passes.\n\nThe council met on Monday.\n",
                              source="left.txt", side="L")
    right = document_from_text("Ferry vote passes.\n\nThe council met on Tuesday.\n",
                               source="right.txt", side="R")
    app = make_app("left.txt", "right.txt", reviewer="tester", nli=None,
                   store_path=tmp_path / "p.db", documents=(left, right), in_process=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = " ".join(pane_lines(app.review.query_one("#left-pane", ArticlePane)))
        assert "The council met on Monday." in shown
        assert app.review.model is None
        await pilot.press("a", "j")  # triage keys wait for the analysis: nothing happens
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.review.model is not None and app.review.selected is not None
        assert not app.store.verdicts(app.comparison_id, "tester")


@pytest.mark.parametrize(("size", "labels", "flagged", "plain"), [
    ((160, 48), ("conflict", "match", "kind"), "! 0.91  0.61  related", "0.82  paraphrase"),
    ((80, 24), ("conf", "mtch", "k"), "!.91  .61 ~ L2 Mayor Lina", ".82 ≈ L1 The vote")])
async def test_queue_labels_both_scores(app_factory, size, labels, flagged, plain) -> None:
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        queue = app.review.query_one(TriageQueue)
        header = queue.render_line(0).text
        assert all(label in header for label in labels)
        assert header.index(labels[0]) < header.index(labels[1])
        rows = [queue.render_line(y).text for y in range(1, 4)]
        assert flagged in rows[0]
        # each number sits under its label
        conflict_end = header.index(labels[0]) + len(labels[0])
        assert rows[0][conflict_end - 3:conflict_end] == ".91"
        await pilot.press("f", "f", "f", "f")  # reviewed filter is empty; back to all
        await pilot.press("f")
        keys = queue.keys
        row = 1 + keys.index("L1~R1") - round(queue.scroll_y)
        assert plain in queue.render_line(row).text


def styled_words(pane: ArticlePane, predicate) -> list[str]:
    """Words of the visible lines whose segment style satisfies ``predicate``."""
    words = []
    for y in range(pane.scrollable_content_region.height):
        for segment in pane.render_line(y):
            if segment.style is not None and predicate(segment.style) and segment.text.strip():
                words.append(segment.text.strip())
    return words


async def test_changed_words_of_the_selected_pair_are_emphasised_in_both_panes(
        app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        left = app.review.query_one("#left-pane", ArticlePane)
        right = app.review.query_one("#right-pane", ArticlePane)
        underlined = lambda style: bool(style.underline)  # noqa: E731
        assert styled_words(left, underlined) == ["Mayor Lina Ortiz said", "would", "March."]
        assert styled_words(right, underlined) == ["will", "June, according to the mayor."]
        await pilot.press("j")  # L3~R3: 40 vs 45 million; the old emphasis goes away
        assert "March." not in styled_words(left, underlined)
        assert "40" in " ".join(styled_words(left, underlined))


async def test_search_matches_are_highlighted_in_place(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        left = app.review.query_one("#left-pane", ArticlePane)
        match_style = left.get_component_rich_style("article-pane--match")
        is_match = lambda style: style.bgcolor == match_style.bgcolor  # noqa: E731
        await pilot.press("slash", *"TERMINAL", "enter")
        assert styled_words(left, is_match) == ["terminal", "terminal"]
        await pilot.press("escape")
        assert styled_words(left, is_match) == []


async def test_detail_panel_rewraps_when_the_terminal_is_resized(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        detail = app.review.query_one(DetailPanel)
        words = set(detail.render_item().plain.split())
        for size in ((80, 24), (120, 40), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            lines = [detail.render_line(y).text for y in range(detail.size.height - 1)]
            assert all(len(line) == detail.size.width for line in lines)
            shown = [word for line in lines for word in line.split()]
            assert shown and set(shown) <= words | {"↓", "more", "lines", "(pgdn,", "wheel)"}


async def test_queue_rows_give_the_sentence_room_at_80_columns(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)):
        queue = app.review.query_one(TriageQueue)
        row = queue.render_line(1).text
        assert "L2 Mayor Lina Ortiz" in row
        assert len(row.split("L2 ", 1)[1].rstrip()) >= 15


async def test_bundled_demo_files_are_shown_by_a_short_name(tmp_path) -> None:
    import dataclasses

    from app_fixtures import small_analysis

    from crosscheck.demo import demo_pair

    left_path, right_path = demo_pair()
    analysis = small_analysis()
    analysis = dataclasses.replace(
        analysis, left=dataclasses.replace(analysis.left, source=str(left_path), title=None),
        right=dataclasses.replace(analysis.right, source=str(right_path)))
    app = build_app(analysis, tmp_path / "demo.db")
    async with app.run_test(size=SIZE):
        left = app.review.query_one("#left-pane", ArticlePane)
        story = left_path.parent.name
        assert str(left.border_subtitle) == f"demo: {story}/{left_path.name}"
        assert str(left.border_title) == f"demo: {story}/{left_path.name}"
        assert app.review.sub_title == (f"demo: {story}/{left_path.name} | "
                                        f"demo: {story}/{right_path.name}")
        assert str(left_path.parent) not in app.review.title + app.review.sub_title


async def test_pane_titles_name_the_outlet_and_its_time_to_the_minute(tmp_path) -> None:
    import dataclasses

    from app_fixtures import small_analysis

    analysis = small_analysis()
    analysis = dataclasses.replace(
        analysis, left=dataclasses.replace(analysis.left, name="Harbour Gazette",
                                           published="2025-02-28T18:05:41+01:00"),
        right=dataclasses.replace(analysis.right, name="The Harbour Post"))
    app = build_app(analysis, tmp_path / "db.sqlite")
    async with app.run_test(size=(160, 48)):
        left, right = app.review.pane("L"), app.review.pane("R")
        assert str(left.border_title) == "Harbour Gazette · 2025-02-28 18:05 +01:00"
        assert str(right.border_title) == "The Harbour Post"
        assert "Council backs ferry terminal" in str(left.border_subtitle)
