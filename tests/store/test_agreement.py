"""Cohen's kappa between reviewers."""

from __future__ import annotations

import pytest
from store_fixtures import make_analysis

from crosscheck.store import VerdictStore
from crosscheck.store.agreement import cohen_kappa


def test_kappa_matches_the_textbook_example() -> None:
    # Two readers, 50 proposals: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> kappa 0.4.
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)


def test_kappa_is_one_for_full_agreement_and_negative_for_systematic_disagreement() -> None:
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == 1.0
    assert cohen_kappa(["a", "b"], ["b", "a"]) < 0
    assert cohen_kappa([], []) is None


def test_store_agreement_lists_items_where_reviewers_disagree(store: VerdictStore) -> None:
    cmp = store.open_comparison(make_analysis())
    for key, ann, bob in [("L0~R0", "consistent", "consistent"),
                          ("L1~R1", "contradiction", "consistent"),
                          ("L2~R3", "consistent", "consistent")]:
        store.set_verdict(cmp.id, key, ann, "ann")
        store.set_verdict(cmp.id, key, bob, "bob")
    store.set_verdict(cmp.id, "L4", "unsure", "ann")  # only one reviewer: not compared
    [pair] = store.agreement(cmp.id)
    assert (pair.first, pair.second, pair.shared) == ("ann", "bob", 3)
    assert pair.disagreements == (("L1~R1", "contradiction", "consistent"),)
    assert pair.kappa == pytest.approx(cohen_kappa(
        ["consistent", "contradiction", "consistent"], ["consistent"] * 3))
