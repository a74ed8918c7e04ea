"""Quotations, possessives and embedded posts in the segmenter: hand-written rules, real copy.

Hand-written strings (written for this file) test each rule and each look-alike that must not
be joined. The real-copy tests read the ECB+ articles of ``../shared/data`` (real outlets;
CC BY 3.0, Cybulska & Vossen, LREC 2014) and skip when it is absent. The split is fixed by
topic number: ECB+ topics with an EVEN number were used to develop and tune the quotation
rules; topics with an ODD number are the held-out check, and the tests below read only those
(``eval_quote_segments.in_split``).

Measured on the held-out topics (273 articles; ``python benchmarks/eval_quote_segments.py``,
quotations found by that script's own reference matcher): a sentence boundary fell inside a
quotation 185 times in 3,497 boundaries (5.3 %, 122 of 520 quotations cut) before the rules,
6 times in 3,121 (0.2 %, 2 quotations cut) after. Of the 2,505 boundaries between gold
sentences with no quotation mark on either side and outside every quotation, 2,149 were kept
before and 2,135 after; all 30 boundaries between two quotations each with its own speaker are
kept (25 before).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from crosscheck.engine.ingest import document_from_text
from crosscheck.engine.model import Document
from crosscheck.engine.posts import POST_CAP
from crosscheck.engine.quotes import QUOTE_CAP, quotation_spans
from crosscheck.engine.segment import ATTRIBUTED_QUOTE_CAP, segment, split_paragraphs

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from eval_quote_segments import evaluate, in_split, reference_quotations  # noqa: E402
from real_data import DATA, data_available  # noqa: E402


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in segment(text)]


# Rule 1: no boundary inside an open quotation, whatever its marks.
@pytest.mark.parametrize("text", [
    '"The dam held. The valley is safe," the engineer said.',
    "“The dam held. The valley is safe,” the engineer said.",
    "‘The dam held. The valley is safe,’ the engineer said.",
    "``The dam held. The valley is safe,'' the engineer said.",
    "«The dam held. The valley is safe», the engineer said.",
    '"Is the dam safe? Who checked it?" the mayor asked.',
], ids=["straight", "curly", "curly-single", "latex", "guillemets", "questions"])
def test_quotation_of_several_sentences_is_one_unit_with_its_attribution(text: str):
    assert sentences(text) == [text]


def test_attribution_before_a_quotation_stays_with_it():
    text = 'The engineer said: "The dam held. The valley is safe." Crews left at dusk.'
    assert sentences(text) == [
        'The engineer said: "The dam held. The valley is safe."', "Crews left at dusk."]


def test_according_to_attribution_stays_with_the_quotation():
    text = 'According to the engineer, "the dam held. The valley is safe." Crews left.'
    assert sentences(text) == [
        'According to the engineer, "the dam held. The valley is safe."', "Crews left."]


def test_period_inside_closing_mark_keeps_a_short_attribution():
    text = '"The dam held. The valley is safe." Engineer Ruiz said. Crews left at dusk.'
    assert sentences(text) == [
        '"The dam held. The valley is safe." Engineer Ruiz said.', "Crews left at dusk."]


def test_quotation_before_a_sentence_that_reports_other_speech_splits():
    text = '"The dam held." Officials said the road would reopen on Monday next week.'
    assert sentences(text) == [
        '"The dam held."', "Officials said the road would reopen on Monday next week."]


# Rule 2: a quotation alone right after an attributed one is the same speaker's.
def test_quotation_continuing_after_its_attribution_joins_it():
    text = '"We start at dawn," the coach said. "Bring water. Bring boots." The team nodded.'
    assert sentences(text) == [
        '"We start at dawn," the coach said. "Bring water. Bring boots."', "The team nodded."]


def test_quotations_by_two_speakers_in_a_row_stay_apart():
    text = '"We start at dawn," the coach said. "That is too early," a player replied.'
    assert sentences(text) == ['"We start at dawn," the coach said.',
                               '"That is too early," a player replied.']


def test_quotation_after_a_scare_quote_is_not_given_to_anyone():
    text = 'The coach said the plan was "simple." "Bring water."'
    assert sentences(text) == ['The coach said the plan was "simple."', '"Bring water."']


def test_quotation_after_reported_speech_without_quotation_stays_apart():
    text = 'The coach said they would start early. "Bring water."'
    assert sentences(text) == ["The coach said they would start early.", '"Bring water."']


def test_continued_quotation_stops_joining_at_the_cap():
    first = '"We start at dawn," the coach said.'
    more = " ".join(f'"Point {n} is long enough to count as a sentence here."'
                    for n in range(30))
    spans = segment(first + " " + more)
    assert len(spans) > 1
    assert all(end - start <= ATTRIBUTED_QUOTE_CAP for start, end, _ in spans)


# The fallbacks: a stray mark never swallows the text after it.
def test_unclosed_quotation_falls_back_to_normal_splitting():
    text = 'He said "the dam held. The valley is safe. Crews left at dusk.'
    assert sentences(text) == ['He said "the dam held.', "The valley is safe.",
                               "Crews left at dusk."]


def test_quotation_longer_than_the_cap_falls_back_to_normal_splitting():
    body = " ".join(f"Sentence {n} of a long address goes on." for n in range(25))
    text = f'"{body}" she said.'
    assert len(text) > QUOTE_CAP
    assert len(sentences(text)) == 25


def test_quotation_does_not_run_across_a_paragraph_break():
    text = '"The dam held. The valley\n\nis safe," the engineer said.'
    assert sentences(text) == ['"The dam held.', "The valley", 'is safe," the engineer said.']


def test_spaced_closing_mark_ends_the_sentence_after_the_mark():
    text = 'The banner read "Stand together. " Police watched.'
    assert sentences(text) == ['The banner read "Stand together. "', "Police watched."]


def test_opening_mark_after_a_finished_sentence_ends_the_open_quotation():
    # The first quotation never closed (copy that ran two paragraphs of one quotation into
    # one): the new opening mark starts a quotation of its own, so the first ends where its
    # sentence did instead of pairing with the wrong mark.
    text = '"The dam held. "The road is open," she said. Crews left.'
    assert quotation_spans(text, 0, len(text)) == [(0, 14), (15, 34)]
    assert sentences(text) == ['"The dam held.', '"The road is open," she said.', "Crews left."]


# Look-alikes: marks that are not quotation marks.
@pytest.mark.parametrize(("text", "expected"), [
    ("They don't sell it. It's gone.", ["They don't sell it.", "It's gone."]),
    ("The firms' profits fell. Their shares' value too.",
     ["The firms' profits fell.", "Their shares' value too."]),
    ('The crew laid a 6" pipe. It leaked. A 12"-long seam split.',
     ['The crew laid a 6" pipe.', "It leaked.", 'A 12"-long seam split.']),
    ("The storm of '98 was worse. Roads flooded.", ["The storm of '98 was worse.",
                                                    "Roads flooded."]),
    ('He is 6\'2" tall. He plays guard.', ['He is 6\'2" tall.', "He plays guard."]),
    ('The "fix" failed. Water returned.', ['The "fix" failed.', "Water returned."]),
    ("Locals call it 'the pit.' It floods.", ["Locals call it 'the pit.'", "It floods."]),
], ids=["contractions", "plural-possessive", "inch-marks", "year-apostrophe", "feet-inches",
        "scare-quote", "single-scare-quote"])
def test_apostrophes_and_measures_are_not_quotations(text: str, expected: list[str]):
    assert sentences(text) == expected


# Rule 3: possessives and abbreviations.
@pytest.mark.parametrize(("text", "expected"), [
    ("The treaty limits the U.S.' Pacific fleet. Talks resume.",
     ["The treaty limits the U.S.' Pacific fleet.", "Talks resume."]),
    ("The U.S.’ Navy agreed. Talks resume.", ["The U.S.’ Navy agreed.", "Talks resume."]),
    ("The U.K.'s Treasury objected. Talks resume.",
     ["The U.K.'s Treasury objected.", "Talks resume."]),
    ("A tag read 'made in the U.S.' The box was empty.",
     ["A tag read 'made in the U.S.'", "The box was empty."]),
    ("Gov. Ann Ode met Dist. Atty. Lee Park on Jan. 5 in Room No. 3. They spoke.",
     ["Gov. Ann Ode met Dist. Atty. Lee Park on Jan. 5 in Room No. 3.", "They spoke."]),
    ("The file in case No. B-4471 was sealed. It stays sealed.",
     ["The file in case No. B-4471 was sealed.", "It stays sealed."]),
    ("Deputies in L. A. County searched. They found nothing.",
     ["Deputies in L. A. County searched.", "They found nothing."]),
], ids=["us-possessive", "us-curly-possessive", "uk-possessive", "quote-closing-after-us",
        "titles-dates-numbers", "number-code", "spaced-initials"])
def test_possessives_and_abbreviations_do_not_end_a_sentence(text: str, expected: list[str]):
    assert sentences(text) == expected


# Rule 4: an embedded post is one unit with its author line.
_POST = ("The singer broke the news online.\n\n"
         "Big day. I am hosting again! Thank you all. #Awards pic.twitter.com/Qx81Zt\n\n"
         "— Dana Vale (@danavale) January 5, 2013\n\n"
         "Producers were pleased.")


def test_embedded_post_and_its_author_line_are_one_unit():
    assert sentences(_POST) == [
        "The singer broke the news online.",
        "Big day. I am hosting again! Thank you all. #Awards pic.twitter.com/Qx81Zt\n\n"
        "— Dana Vale (@danavale) January 5, 2013",
        "Producers were pleased."]


def test_post_with_a_hashtag_line_on_single_lines_is_one_unit():
    text = ("Fans cheered.\n\nWhat a night. Proud of you all.\n#GoCity #Final\n"
            "— City FC (@cityfc) May 3, 2019\nThe club said more later.")
    assert sentences(text) == [
        "Fans cheered.",
        "What a night. Proud of you all.\n#GoCity #Final\n— City FC (@cityfc) May 3, 2019",
        "The club said more later."]


def test_post_paragraphs_join_into_one_paragraph():
    assert len(split_paragraphs(_POST)) == 3


def test_long_paragraph_before_an_author_line_is_not_taken_for_a_post():
    prose = "The council met for hours and argued about the budget. " * 10
    text = prose.strip() + "\n\n— Dana Vale (@danavale) January 5, 2013"
    assert len(prose) > POST_CAP
    assert sentences(text)[-1] == "— Dana Vale (@danavale) January 5, 2013"
    assert len(split_paragraphs(text)) == 2


def test_instagram_author_line_joins_its_post():
    text = ("Sunset at the pier. Best seats in town.\n\n"
            "A post shared by Dana Vale (@danavale) on Jun 2, 2019 at 8:10pm PDT")
    assert len(sentences(text)) == 1


# Real copy, held-out topics only.
needs_data = pytest.mark.skipif(not data_available(), reason="../shared/data is not present")


def _held_out_articles() -> list[dict]:
    with (DATA / "ecbplus" / "groups.jsonl").open(encoding="utf-8") as handle:
        groups = [json.loads(line) for line in handle if line.strip()]
    return [article for group in groups if in_split(int(group["topic"]), "held-out")
            for article in group["articles"]]


@pytest.fixture(scope="module")
def held_out() -> list[tuple[dict, Document]]:
    """Each held-out article with the document ``document_from_text`` makes of it."""
    out = []
    for article in _held_out_articles():
        doc = document_from_text(article["text"], source=article["doc"], side="L")
        out.append((article, doc))
    return out


def _gold_starts(article: dict) -> list[int] | None:
    starts, at = [], 0
    for sentence in article["sentences"]:
        found = article["text"].find(sentence, at)
        if found < 0:
            return None
        starts.append(found)
        at = found + len(sentence)
    return starts


@needs_data
def test_held_out_boundaries_rarely_fall_inside_a_quotation():
    tally = evaluate("held-out")
    assert tally.articles > 200
    assert tally.inside <= 0.01 * tally.boundaries  # measured 0.2 % (was 5.3 %)
    assert tally.cut <= 0.02 * tally.quotations
    assert tally.long_units <= 0.005 * tally.units  # measured 9 of 3,394 (3 before)


@needs_data
def test_held_out_units_keep_their_offsets(held_out):
    for _, doc in held_out:
        assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)
        assert [s.id for s in doc.sentences] == [f"L{n}" for n in range(len(doc.sentences))]


_MARKS = re.compile(r"``|''|[\"“”«»]")
_QUOTED = re.compile(r"(?:``|“|\")(.+?)(?:''|”|\")")


@needs_data
def test_held_out_sentences_outside_quotations_still_split(held_out):
    kept = total = 0
    for article, doc in held_out:
        gold = _gold_starts(article)
        if gold is None:
            continue
        quotations = reference_quotations(doc.text, 0, len(doc.text))
        starts = {s.start for s in doc.sentences}
        pairs = zip(article["sentences"], article["sentences"][1:], gold[1:], strict=False)
        for before, after, boundary in pairs:
            if _MARKS.search(before) or _MARKS.search(after):
                continue
            if any(opening < boundary <= closing for opening, closing in quotations):
                continue
            total += 1
            kept += boundary in starts
    assert total > 2000
    assert kept >= 0.84 * total  # measured 2,135 of 2,505 (2,149 before the rules)


def _names_own_speaker(sentence: str) -> bool:
    from crosscheck.engine.abbreviations import SPEECH_VERBS

    outside = _QUOTED.sub(" ", sentence).split()
    quoted = _QUOTED.search(sentence) is not None
    return quoted and any(word.strip(".,;:").lower() in SPEECH_VERBS for word in outside)


@needs_data
def test_held_out_quotations_of_two_speakers_in_a_row_stay_apart(held_out):
    kept = total = 0
    for article, doc in held_out:
        gold = _gold_starts(article)
        if gold is None:
            continue
        starts = {s.start for s in doc.sentences}
        pairs = zip(article["sentences"], article["sentences"][1:], gold[1:], strict=False)
        for before, after, boundary in pairs:
            if _names_own_speaker(before) and _names_own_speaker(after):
                total += 1
                kept += boundary in starts
    assert total >= 20
    assert kept == total  # measured 30 of 30


@needs_data
def test_held_out_scare_quoted_sentences_stay_apart(held_out):
    kept = total = 0
    for article, doc in held_out:
        gold = _gold_starts(article)
        if gold is None:
            continue
        starts = {s.start for s in doc.sentences}
        pairs = zip(article["sentences"], article["sentences"][1:], gold[1:], strict=False)
        for before, after, boundary in pairs:
            quoted = [m.group(1) for m in _QUOTED.finditer(before)]
            if quoted and all(len(q.split()) <= 2 for q in quoted) and not _MARKS.search(after):
                total += 1
                kept += boundary in starts
    assert total >= 30
    assert kept >= total - 3  # measured 53 of 55
