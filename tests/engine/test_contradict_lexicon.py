"""One test per lexicon family: each table entry does what its family promises."""

from __future__ import annotations

import pytest

from crosscheck.engine.contradict import lexicon as lx
from crosscheck.engine.contradict.dates import extract_dates
from crosscheck.engine.contradict.features import modal_level, sentence_features
from crosscheck.engine.contradict.numbers import extract_quantities
from crosscheck.engine.model import Sentence


def features(text: str):
    return sentence_features(Sentence("L0", 0, len(text), text, 0))


@pytest.mark.parametrize("negator", sorted(lx.NEGATORS) + ["didn't", "won’t"])
def test_every_negator_marks_a_sentence_negated(negator: str) -> None:
    assert features(f"The council {negator} approve the plan.").negations


@pytest.mark.parametrize("cue", lx.DENIAL_STRONG)
def test_every_denial_cue_is_found(cue: str) -> None:
    assert features(f"The ministry said it was {cue} about the plan.").denials


@pytest.mark.parametrize("cue", lx.DENIAL_REFRAME)
def test_every_reframing_cue_is_found(cue: str) -> None:
    assert features(f"The document was {cue} letter to the firms.").reframes


@pytest.mark.parametrize(("cues", "level"), [(lx.UNKNOWN_CUES, "unknown"),
                                            (lx.POSSIBLE_CUES, "possible")])
def test_every_hedge_sets_the_sentence_stance(cues: tuple[str, ...], level: str) -> None:
    for cue in cues:
        assert modal_level(features(f"The firm {cue} cut jobs."))[0] == level, cue


@pytest.mark.parametrize("cue", [c for c in lx.CERTAIN_CUES])
def test_every_certainty_word_reads_as_certain(cue: str) -> None:
    assert modal_level(features(f"The firm {cue} cut jobs."))[0] == "certain"


def test_not_confirmed_is_unknown_not_certain() -> None:
    assert modal_level(features("The deal has not been confirmed."))[0] == "unknown"


@pytest.mark.parametrize(("label", "first", "second"), lx.ANTONYMS,
                         ids=[a[0] for a in lx.ANTONYMS])
def test_every_antonym_word_takes_its_side(label: str, first: str, second: str) -> None:
    for side, words in enumerate((first, second)):
        for word in words.split():
            found = features(f"The board {word} the plan.").antonyms
            assert found[label][0] == side, word


@pytest.mark.parametrize(("phrase", "value"), sorted(lx.NUMBER_WORDS.items()))
def test_every_number_word_is_read_as_its_value(phrase: str, value: float) -> None:
    (quantity,) = extract_quantities(f"They found {phrase} boxes")
    assert quantity.low == pytest.approx(value)


@pytest.mark.parametrize(("phrase", "bounds"), sorted(lx.VAGUE_COUNTS.items()))
def test_vague_counts_are_ranges_not_exact_values(phrase: str, bounds) -> None:
    (quantity,) = extract_quantities(f"They found {phrase} boxes")
    assert quantity.approx and (quantity.low, quantity.high) == bounds


@pytest.mark.parametrize("word", lx.APPROX_AROUND)
def test_approximation_words_make_a_figure_approximate(word: str) -> None:
    (quantity,) = extract_quantities(f"They found {word} 40 boxes")
    assert quantity.approx


@pytest.mark.parametrize(("unit", "family_factor"), sorted(lx.UNITS.items()))
def test_every_unit_converts_to_its_base(unit: str, family_factor) -> None:
    (quantity,) = extract_quantities(f"It measured 3 {unit} in all")
    assert (quantity.unit, quantity.low) == (family_factor[0], pytest.approx(3 * family_factor[1]))


@pytest.mark.parametrize(("symbol", "currency"), sorted(lx.CURRENCY_SYMBOLS.items()))
def test_currency_symbols_name_their_currency(symbol: str, currency: str) -> None:
    (quantity,) = extract_quantities(f"It cost {symbol}5 million")
    assert quantity.unit == f"money:{currency}" and quantity.low == 5e6


@pytest.mark.parametrize(("month", "number"), sorted(lx.MONTHS.items()))
def test_every_month_name_dates_a_day(month: str, number: int) -> None:
    (found,) = extract_dates(f"It happened on {month.capitalize()} 3.")
    assert found.value == (number, 3, 3)


@pytest.mark.parametrize(("weekday", "number"), sorted(lx.WEEKDAYS.items()))
def test_every_weekday_is_recognised(weekday: str, number: int) -> None:
    (found,) = extract_dates(f"It happened on {weekday.capitalize()}.")
    assert (found.field, found.value) == ("weekday", number)


@pytest.mark.parametrize(("phrase", "offset"), sorted(lx.RELATIVE_DAYS.items()))
def test_relative_days_are_recognised(phrase: str, offset: int) -> None:
    (found,) = extract_dates(f"It happened {phrase}.")
    assert (found.field, found.value) == ("relative", offset)


def test_may_the_verb_is_not_a_month() -> None:
    assert extract_dates("The company may cut 30 jobs.") == ()


@pytest.mark.parametrize("word", sorted(lx.UNIT_SYNONYMS))
def test_unit_synonyms_count_the_same_thing(word: str) -> None:
    (a,) = extract_quantities(f"They counted 5 {word} there")
    (b,) = extract_quantities(f"They counted 5 {lx.UNIT_SYNONYMS[word]} there")
    assert a.nouns == b.nouns
