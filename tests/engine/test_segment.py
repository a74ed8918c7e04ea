"""Sentence segmentation: gold news cases, offset invariants, paragraphs and robustness."""

from __future__ import annotations

import random
import re

import pytest
from segment_gold import GOLD, GoldCase

from crosscheck.engine.segment import MAX_SENTENCE_CHARS, segment, split_paragraphs


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in segment(text)]


def _gold_param(case: GoldCase):
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_gold_param(case) for case in GOLD])
def test_gold_case_splits_where_a_reader_would(case: GoldCase):
    assert sentences(case.text) == list(case.sentences)


@pytest.mark.parametrize("case", GOLD, ids=[case.id for case in GOLD])
def test_gold_case_sentences_cover_their_text_in_order(case: GoldCase):
    cursor = 0
    for sentence in case.sentences:
        found = case.text.index(sentence, cursor)
        assert not case.text[cursor:found].strip(), f"text skipped before {sentence!r}"
        cursor = found + len(sentence)
    assert not case.text[cursor:].strip()


def test_abbreviation_us_does_not_end_sentence():
    text = "The U.S. Senate voted. It passed."
    assert sentences(text) == ["The U.S. Senate voted.", "It passed."]


def test_abbreviation_us_ends_sentence_before_a_pronoun():
    assert sentences("He moved to the U.S. She stayed.") == ["He moved to the U.S.", "She stayed."]


def test_title_before_name_never_ends_sentence():
    assert sentences("Dr. Rao and Gen. Bell met Mr. Ode.") == ["Dr. Rao and Gen. Bell met Mr. Ode."]


def test_pm_before_weekday_continues_but_before_article_ends():
    text = "It opens at 4 p.m. Friday. Doors close at 9 p.m. The hall is small."
    assert sentences(text) == [
        "It opens at 4 p.m. Friday.", "Doors close at 9 p.m.", "The hall is small."]


def test_quoted_question_keeps_its_attribution():
    assert sentences('"Why now?" she asked. "Why not?" Ruiz said.') == [
        '"Why now?" she asked.', '"Why not?" Ruiz said.']


def test_blank_line_starts_a_new_paragraph():
    text = "First point. Second point.\n\nNew paragraph here."
    assert [index for _, _, index in segment(text)] == [0, 0, 1]


def test_headline_and_byline_lines_are_their_own_paragraphs():
    text = "Ferry Service Cut\nBy Ana Ruiz\nThe ferry company cut crossings to two a day."
    assert len(split_paragraphs(text)) == 3


def test_hard_wrapped_prose_stays_one_paragraph():
    text = ("The ferry company said on Friday that it\nwould reduce crossings to two a day\n"
            "because fuel prices have doubled.")
    assert split_paragraphs(text) == [(0, len(text))]


def test_list_items_are_separate_paragraphs():
    text = "Changes:\n- new lanes\n- wider paths\n1. Phase one.\n2. Phase two."
    assert [text[s:e] for s, e in split_paragraphs(text)] == [
        "Changes:", "- new lanes", "- wider paths", "1. Phase one.", "2. Phase two."]


def _invariant_texts() -> list[str]:
    rng = random.Random(3)
    texts = [case.text for case in GOLD]
    shuffled = texts[:]
    rng.shuffle(shuffled)
    texts.append("\n".join(shuffled))
    texts.append("\n\n".join(shuffled).replace("\n", "\r\n"))
    return texts


@pytest.mark.parametrize("text", _invariant_texts())
def test_offsets_round_trip_cover_everything_and_stay_inside_paragraphs(text: str):
    spans = segment(text)
    paragraphs = split_paragraphs(text)
    covered = []
    previous_end = 0
    for start, end, index in spans:
        piece = text[start:end]
        assert piece and piece == piece.strip()
        assert start >= previous_end
        paragraph_start, paragraph_end = paragraphs[index]
        assert paragraph_start <= start and end <= paragraph_end
        covered.append(piece)
        previous_end = end
    assert re.sub(r"\s", "", "".join(covered)) == re.sub(r"\s", "", text)


def test_crlf_text_splits_like_lf_text():
    lf = "Bus Strike Ends\n\nDrivers returned.\nRiders cheered at 8 a.m. Monday."
    crlf = lf.replace("\n", "\r\n")
    assert sentences(crlf) == sentences(lf)
    assert [index for *_, index in segment(crlf)] == [index for *_, index in segment(lf)]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n\t"])
def test_empty_or_blank_text_has_no_sentences(text: str):
    assert segment(text) == []
    assert split_paragraphs(text) == []


def test_long_unpunctuated_line_is_cut_into_bounded_chunks():
    rng = random.Random(5)
    text = " ".join(rng.choice(["river", "council", "vote", "bridge", "on", "the"])
                    for _ in range(60_000))[:300_000]
    spans = segment(text)
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end, _ in spans)
    assert len(spans) >= 300
    assert "".join(text[s:e] for s, e, _ in spans).replace(" ", "") == text.replace(" ", "")


def test_long_run_without_whitespace_is_cut_hard_at_the_cap():
    text = "x" * 2500
    assert [(s, e) for s, e, _ in segment(text)] == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_five_thousand_sentences_segment_into_as_many_spans():
    rng = random.Random(11)
    parts = [case.text for case in GOLD]
    # 2,400 gold texts: about 5,100 sentences (quotations are no longer cut into several).
    text = "\n\n".join(rng.choice(parts) for _ in range(2_400))
    spans = segment(text)
    assert len(spans) >= 5_000
