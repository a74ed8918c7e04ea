"""A fact-checker's verdicts (issue 17): stable values, each on the kind of item it fits."""

from __future__ import annotations

import pytest

from crosscheck.store import VERDICTS, StoreError, VerdictStore
from crosscheck.store.verdict_kinds import (
    LINK_ONLY,
    ONE_SIDED_ONLY,
    VERDICT_LABELS,
    fits,
    fitting,
    misfit,
)

LINK, ONE_SIDED = "L1~R1", "L4"  # of store_fixtures.make_analysis: a flagged link, left-only


def _events(store: VerdictStore) -> int:
    return store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def test_the_stored_values_are_the_old_ones_then_the_new_ones() -> None:
    # Outside checks read these strings: the old ones keep their place and spelling.
    assert VERDICTS == ("consistent", "contradiction", "unrelated", "unsure", "not_claim",
                        "not_conflict", "timeline_update", "needs_verification", "checked",
                        "omitted")
    assert set(VERDICT_LABELS) == set(VERDICTS)


@pytest.mark.parametrize(("kind", "wanted"), [
    ("link", ("consistent", "contradiction", "unrelated", "unsure", "not_claim",
              "not_conflict", "timeline_update", "needs_verification")),
    ("manual", ("consistent", "contradiction", "unrelated", "unsure", "not_claim",
                "not_conflict", "timeline_update", "needs_verification")),
    ("left_only", ("consistent", "contradiction", "unrelated", "unsure", "not_claim",
                   "needs_verification", "checked", "omitted")),
    ("right_only", ("consistent", "contradiction", "unrelated", "unsure", "not_claim",
                    "needs_verification", "checked", "omitted")),
])
def test_each_item_kind_takes_the_old_verdicts_and_its_own_new_ones(kind: str,
                                                                     wanted: tuple) -> None:
    assert fitting(kind) == wanted


@pytest.mark.parametrize("verdict", ["not_conflict", "timeline_update", "needs_verification"])
def test_a_link_verdict_is_stored_and_the_pair_stays_linked(store: VerdictStore, analysis,
                                                             verdict: str) -> None:
    cmp = store.open_comparison(analysis)
    record = store.set_verdict(cmp.id, LINK, verdict, "ann")
    assert (record.verdict, record.left_text, record.right_text) == (
        verdict, analysis.left.sentences[1].text, analysis.right.sentences[1].text)
    reopened = store.open_comparison(analysis)
    assert LINK in {item.key for item in reopened.items}
    assert store.verdicts(cmp.id, "ann")[LINK].verdict == verdict


@pytest.mark.parametrize("verdict", ["checked", "omitted", "needs_verification"])
def test_a_one_sided_verdict_is_stored(store: VerdictStore, analysis, verdict: str) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, ONE_SIDED, verdict, "ann")
    store.set_verdict(cmp.id, "R2", verdict, "ann")  # right-only too
    current = store.verdicts(cmp.id, "ann")
    assert (current[ONE_SIDED].verdict, current["R2"].verdict) == (verdict, verdict)


@pytest.mark.parametrize(("verdict", "key", "wanted"), [
    *[(v, ONE_SIDED, "is for a link, and this item is a one-sided sentence") for v in LINK_ONLY],
    *[(v, "R2", "is for a link, and this item is a one-sided sentence") for v in LINK_ONLY],
    *[(v, LINK, "is for a one-sided sentence, and this item is a link") for v in ONE_SIDED_ONLY],
])
def test_a_verdict_of_the_other_kind_is_one_error_and_writes_nothing(
        store: VerdictStore, analysis, verdict: str, key: str, wanted: str) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, key, "unsure", "ann")
    store.set_note(cmp.id, key, "keep me", "ann")
    before, count = store.verdicts(cmp.id, "ann"), _events(store)
    with pytest.raises(StoreError, match=wanted) as caught:
        store.set_verdict(cmp.id, key, verdict, "ann")
    message = str(caught.value)
    assert "\n" not in message and repr(verdict) in message and key in message
    assert "nothing was saved" in message
    assert store.verdicts(cmp.id, "ann") == before and _events(store) == count
    assert misfit(verdict, "link" if key == LINK else "left_only") in message


def test_a_manual_link_takes_link_verdicts_only(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    item = store.add_manual_link(cmp.id, ("L4",), ("R2",), "ann")
    store.set_verdict(cmp.id, item.key, "timeline_update", "ann")
    with pytest.raises(StoreError, match="is for a one-sided sentence"):
        store.set_verdict(cmp.id, item.key, "checked", "ann")
    assert store.verdicts(cmp.id, "ann")[item.key].verdict == "timeline_update"


def test_undo_takes_back_the_new_verdicts_like_the_old_ones(store: VerdictStore,
                                                            analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, LINK, "contradiction", "ann")
    store.set_verdict(cmp.id, LINK, "not_conflict", "ann")
    store.set_verdict(cmp.id, ONE_SIDED, "omitted", "ann")
    store.set_verdict(cmp.id, ONE_SIDED, "checked", "ann")
    wanted = [(ONE_SIDED, "omitted"), (ONE_SIDED, None), (LINK, "contradiction"), (LINK, None)]
    for key, verdict in wanted:
        assert store.undo(cmp.id, "ann") == key
        record = store.verdicts(cmp.id, "ann").get(key)
        assert (record.verdict if record else None) == verdict


def test_the_returned_one_sided_sentence_of_an_unrelated_link_takes_one_sided_verdicts(
        store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L0~R0", "unrelated", "ann")
    item = store.return_to_one_sided(cmp.id, "R0", "L0~R0")
    store.set_verdict(cmp.id, item.key, "omitted", "ann")
    assert store.verdicts(cmp.id, "ann")["R0"].verdict == "omitted"


def test_every_verdict_fits_some_kind_and_no_unknown_value_fits() -> None:
    assert all(fits(v, "link") or fits(v, "left_only") for v in VERDICTS)
    assert not fits("maybe", "link") and misfit("maybe", "link") is None
