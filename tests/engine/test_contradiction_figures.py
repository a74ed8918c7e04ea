"""Contradiction flags on real data nobody here wrote stay at the level BENCHMARKS.md reports.

Report halves only (the splits are fixed in the benchmark scripts): Breaking NLI's number,
antonym and nationality categories run as documents, and the hand-annotated ECB+ article
pairs. Thresholds sit a little under the measured figures. Skipped where ../shared/data is
not beside the project.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from real_data import data_available  # noqa: E402

pytestmark = pytest.mark.skipif(not data_available(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def breaking_nli():
    import eval_contradictions_nli

    return eval_contradictions_nli.evaluate(["bnli"], "report", limit=360)


@pytest.mark.parametrize(("group", "least_f1"), [("numbers", 0.9), ("nationalities", 0.9),
                                                 ("antonyms", 0.75)])
def test_breaking_nli_categories_keep_their_f1(breaking_nli, group: str, least_f1: float) -> None:
    tally = breaking_nli[group]
    assert tally.gold >= 50
    assert tally.f1 >= least_f1, (group, tally.precision, tally.recall)


@pytest.fixture(scope="module")
def article_pairs():
    import eval_article_pairs

    return eval_article_pairs.evaluate("all")


def test_real_article_pairs_get_few_flags(article_pairs) -> None:
    """14 annotated pairs: the old rules raised 38 flags (6 right); now a handful."""
    flags = sum(r.flags for r in article_pairs)
    right = sum(r.right for r in article_pairs)
    assert flags <= 10
    assert right >= 2


def test_a_pair_without_conflicts_shows_at_most_two_flags(article_pairs) -> None:
    assert max(r.flags for r in article_pairs if r.gold == 0) <= 2


@pytest.fixture(scope="module")
def verified_set_b():
    import eval_article_pairs

    return eval_article_pairs.evaluate("all", verify=True, gold_set="b")


def test_with_the_verifier_a_pair_without_conflicts_shows_at_most_one_flag(verified_set_b):
    """Set B (30 pairs from topics the verifier never saw): measured 7 flags, at most 1 on a
    pair without conflicts (the rules alone: 13 flags, 3 on one such pair). It was 9 and at
    most 2 until the verifier's quote reading required one speaker on both sides: pair_26's
    flag read one boxer's quotation against the other's. That fix came from reading a set B
    error, so this figure is partly in-sample."""
    assert max(r.flags for r in verified_set_b if r.gold == 0) <= 1
    assert sum(r.flags for r in verified_set_b) <= 10


@pytest.fixture(scope="module")
def verified_breaking_nli():
    import eval_contradictions_nli

    return eval_contradictions_nli.evaluate(["bnli"], "report", limit=360, verify=True)


@pytest.mark.parametrize(("group", "least_f1"), [("numbers", 0.9), ("nationalities", 0.9),
                                                 ("antonyms", 0.75)])
def test_the_verifier_keeps_what_the_rules_find(verified_breaking_nli, group: str,
                                                least_f1: float) -> None:
    tally = verified_breaking_nli[group]
    assert tally.f1 >= least_f1, (group, tally.precision, tally.recall)
