"""The app's pure models: wrapping (line <-> sentence) and triage order/filters."""

from __future__ import annotations

import pytest
from app_fixtures import big_analysis, make_document, small_analysis
from rich.cells import cell_len

from crosscheck.app.review_model import FILTERS, ReviewModel
from crosscheck.app.widgets.wrap_model import WrapModel, wrap_spans
from crosscheck.store.records import Item


def items_of(analysis) -> list[Item]:
    items = [Item(link.id, "link", link.left, link.right) for link in analysis.links]
    items += [Item(s, "left_only", (s,), ()) for s in analysis.left_only]
    return items + [Item(s, "right_only", (), (s,)) for s in analysis.right_only]


@pytest.mark.parametrize("width", [10, 17, 40, 80])
def test_wrapped_lines_fit_the_width_and_keep_every_word(width: int) -> None:
    doc = small_analysis().left
    model = WrapModel(doc, width)
    shown = []
    for start, end in model.lines:
        if start < 0:
            continue
        assert cell_len(doc.text[start:end]) <= width
        shown.append(doc.text[start:end])
    assert "".join("".join(shown).split()) == "".join(doc.text.split())  # long words split


def test_wide_characters_count_as_two_cells() -> None:
    text = "東京都の新しいフェリーターミナル 開業"
    for start, end in wrap_spans(text, 0, 8):
        assert cell_len(text[start:end]) <= 8


@pytest.mark.parametrize("width", [12, 30, 77])
def test_no_screen_line_starts_more_than_two_sentences(width: int) -> None:
    doc = make_document("L", "t", "s", [["Yes.", "No.", "Maybe.", "A longer sentence here.",
                                         "Ok."] * 5])
    model = WrapModel(doc, width)
    starts = [model.line_of_offset(s.start) for s in doc.sentences]
    assert max(starts.count(y) for y in set(starts)) <= 2
    for y in range(len(model)):
        assert model.starts_on(y) == [i for i, line in enumerate(starts) if line == y]
    shown = [doc.text[start:end] for start, end in model.lines if start >= 0]
    assert " ".join(shown).split() == doc.text.split()


def test_every_sentence_maps_to_the_lines_that_show_it() -> None:
    doc = make_document("L", "t", "s", [["One two three four five six.", "Seven eight."]] * 3)
    model = WrapModel(doc, 12)
    for index, sentence in enumerate(doc.sentences):
        first, last = model.sentence_lines(index)
        shown = " ".join(doc.text[model.lines[y][0]:model.lines[y][1]]
                         for y in range(first, last + 1))
        assert sentence.text in shown
        parts = [doc.text[p.start:p.end] for y in range(first, last + 1)
                 for p in model.pieces(y) if p.sentence == index]
        assert " ".join(parts).split() == sentence.text.split()


def test_triage_order_contradictions_by_score_then_related_one_sided_paraphrase_identical() -> None:
    analysis = small_analysis()
    model = ReviewModel(analysis, items_of(analysis), {})
    assert model.order == ["L2~R2", "L3~R3", "L5~R5", "L4", "L6", "R4", "L1~R1", "L0~R0"]


def test_filters_partition_by_review_state() -> None:
    analysis = big_analysis(200)
    model = ReviewModel(analysis, items_of(analysis), {})
    assert set(FILTERS) == {"all", "contradictions", "unreviewed", "one-sided", "reviewed"}
    assert len(model.filtered("all")) == len(model.filtered("unreviewed")) == model.total
    assert model.filtered("reviewed") == []
    assert all(model.items[k].one_sided for k in model.filtered("one-sided"))
    scores = [model.items[k].contradiction_score for k in model.filtered("contradictions")]
    assert scores == sorted(scores, reverse=True) and None not in scores


def _with_second_counterpart():
    """small_analysis plus a non-best link: L3 (the 40 million cost) also relates to R2."""
    import dataclasses

    from crosscheck.engine.model import Link, link_id

    analysis = small_analysis()
    extra = Link(link_id(("L3",), ("R2",)), ("L3",), ("R2",), "related", 0.66, best=False,
                 same_claim=0.1)
    return dataclasses.replace(analysis, links=analysis.links + (extra,))


def test_a_sentence_in_two_links_lists_the_other_and_marks_its_best() -> None:
    analysis = _with_second_counterpart()
    model = ReviewModel(analysis, items_of(analysis), {})
    assert model.other_links("L3~R3") == ["L3~R2"]
    assert "L3~R3" in model.other_links("L3~R2") and "L2~R2" in model.other_links("L3~R2")
    # The pane follows the conflict of the best correspondence, not the extra link.
    assert model.item_for_sentence("L3") == "L3~R3"


def test_best_link_is_what_the_pane_follows_when_nothing_conflicts() -> None:
    import dataclasses

    analysis = _with_second_counterpart()
    plain = tuple(dataclasses.replace(link, contradiction=None) for link in analysis.links)
    analysis = dataclasses.replace(analysis, links=plain)
    model = ReviewModel(analysis, items_of(analysis), {})
    assert model.item_for_sentence("R2") == "L2~R2"
    assert model.item_for_sentence("L3") == "L3~R3"


def test_other_counterparts_come_after_the_best_correspondence_in_the_queue() -> None:
    analysis = _with_second_counterpart()
    model = ReviewModel(analysis, items_of(analysis), {})
    assert model.order[-1] == "L3~R2"
    assert model.order.index("L0~R0") < model.order.index("L3~R2")
