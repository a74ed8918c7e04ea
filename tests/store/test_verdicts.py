"""The verdict API the app calls: verdicts, notes, undo, manual links, position, reopening."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_fixtures import LEFT, LINKS, RIGHT, FixedClock, make_analysis

from crosscheck.store import VERDICTS, StoreError, VerdictStore
from crosscheck.store.verdict_kinds import fits, fitting


def test_items_cover_every_link_and_one_sided_sentence(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    keys = {item.key for item in cmp.items}
    assert keys == {"L0~R0", "L1~R1", "L2~R3", "L3~R4", "L4", "R2"}
    link = next(i for i in cmp.items if i.key == "L1~R1")
    assert link.left.exact == LEFT[1] and link.right.exact == RIGHT[1]
    assert analysis.left.text[link.left.start:link.left.end] == LEFT[1]
    assert link.left.prefix.endswith("Tuesday. ") and len(link.left.prefix) == 32
    assert link.machine["reasons"][0]["type"] == "number"


@pytest.mark.parametrize("verdict", VERDICTS)
def test_verdict_is_visible_to_a_fresh_store_at_once(db_path: Path, store: VerdictStore,
                                                     analysis, verdict: str) -> None:
    cmp = store.open_comparison(analysis)
    key = "L1~R1" if fits(verdict, "link") else "L4"  # checked, omitted: one-sided only
    record = store.set_verdict(cmp.id, key, verdict, "ann")
    with VerdictStore.open(db_path) as other:
        assert other.verdicts(cmp.id, "ann")[key] == record
    assert record.machine == ({"kind": "left_only"} if key == "L4" else
                              store.verdicts(cmp.id, "ann")[key].machine)
    assert key == "L4" or record.machine["contradiction"] == 0.74


def test_unknown_verdict_and_unknown_item_are_refused(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    with pytest.raises(StoreError, match="unknown verdict"):
        store.set_verdict(cmp.id, "L1~R1", "maybe", "ann")
    with pytest.raises(StoreError, match="no item"):
        store.set_verdict(cmp.id, "L9~R9", "unsure", "ann")


def test_note_survives_a_verdict_change_and_created_stays(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    first = store.set_verdict(cmp.id, "L0~R0", "consistent", "ann")
    store.set_note(cmp.id, "L0~R0", "same day, same vote", "ann")
    last = store.set_verdict(cmp.id, "L0~R0", "unsure", "ann")
    assert (last.verdict, last.note, last.created) == ("unsure", "same day, same vote",
                                                       first.created)
    assert last.updated > first.updated


def test_clear_removes_the_verdict_but_keeps_the_note(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L4", "unsure", "ann")
    store.set_verdict(cmp.id, "R2", "unsure", "ann")
    store.set_note(cmp.id, "R2", "ask the desk", "ann")
    store.clear_verdict(cmp.id, "L4", "ann")
    store.clear_verdict(cmp.id, "R2", "ann")
    current = store.verdicts(cmp.id, "ann")
    assert "L4" not in current
    assert (current["R2"].verdict, current["R2"].note) == (None, "ask the desk")


def test_undo_replays_history_backwards(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L0~R0", "consistent", "ann")
    store.set_verdict(cmp.id, "L1~R1", "consistent", "ann")
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    store.set_verdict(cmp.id, "L0~R0", "unsure", "bob")
    assert store.undo(cmp.id, "ann") == "L1~R1"
    assert store.verdicts(cmp.id, "ann")["L1~R1"].verdict == "consistent"
    assert store.undo(cmp.id, "ann") == "L1~R1"
    assert "L1~R1" not in store.verdicts(cmp.id, "ann")
    assert store.undo(cmp.id, "ann") == "L0~R0"
    assert store.undo(cmp.id, "ann") is None
    assert store.verdicts(cmp.id, "ann") == {}
    assert store.verdicts(cmp.id, "bob")["L0~R0"].verdict == "unsure"


def test_history_is_append_only(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L0~R0", "consistent", "ann")
    store.undo(cmp.id, "ann")
    actions = [r[0] for r in store.conn.execute("SELECT action FROM events ORDER BY id")]
    assert actions == ["set", "undo"]


def test_reviewers_are_kept_apart(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    store.set_verdict(cmp.id, "L1~R1", "consistent", "bob")
    assert store.verdicts(cmp.id, "ann")["L1~R1"].verdict == "contradiction"
    assert store.verdicts(cmp.id, "bob")["L1~R1"].verdict == "consistent"


def test_position_is_remembered_per_reviewer(db_path: Path, store: VerdictStore,
                                             analysis) -> None:
    cmp = store.open_comparison(analysis)
    assert store.position(cmp.id, "ann") is None
    store.save_position(cmp.id, "ann", "L2~R3")
    store.save_position(cmp.id, "ann", "L3~R4")
    store.save_position(cmp.id, "bob", "L4")
    with VerdictStore.open(db_path) as other:
        assert other.position(cmp.id, "ann") == "L3~R4"
        assert other.position(cmp.id, "bob") == "L4"


def test_manual_link_is_an_item_that_takes_verdicts_and_returns(store: VerdictStore,
                                                                analysis) -> None:
    cmp = store.open_comparison(analysis)
    item = store.add_manual_link(cmp.id, ("L4",), ("R2",), "ann")
    assert (item.key, item.kind) == ("M:L4~R2", "manual")
    store.set_verdict(cmp.id, item.key, "unrelated", "ann")
    again = store.open_comparison(analysis)
    assert item.key in {i.key for i in again.items}
    assert store.verdicts(cmp.id, "ann")[item.key].verdict == "unrelated"
    with pytest.raises(StoreError, match="no sentence 'R99'"):
        store.add_manual_link(cmp.id, ("L0",), ("R99",), "ann")


def test_reopening_the_same_pair_reattaches_every_verdict(db_path: Path, analysis) -> None:
    with VerdictStore.open(db_path) as first:
        cmp = first.open_comparison(analysis)
        for index, item in enumerate(cmp.items):
            kinds = fitting(item.kind)
            first.set_verdict(cmp.id, item.key, kinds[(index * 3) % len(kinds)], "ann")
        saved = first.verdicts(cmp.id, "ann")
    with VerdictStore.open(db_path) as second:
        again = second.open_comparison(make_analysis())
        assert again.id == cmp.id and again.unplaced == []
        assert second.verdicts(again.id, "ann") == saved


def _edited_store(db_path: Path) -> tuple[VerdictStore, int]:
    store = VerdictStore.open(db_path, clock=FixedClock())
    cmp = store.open_comparison(make_analysis())
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    store.set_note(cmp.id, "L1~R1", "seven or eight?", "ann")
    store.set_verdict(cmp.id, "L3~R4", "consistent", "ann")
    store.set_verdict(cmp.id, "L4", "unsure", "bob")
    return store, cmp.id


def test_edited_version_reanchors_verdicts_by_quote(db_path: Path) -> None:
    store, old_id = _edited_store(db_path)
    # A paragraph inserted at the top shifts every id and offset; one sentence got a typo fix.
    left = ["An editor's note was added here.", *LEFT]
    left[4] = "Repairs would have cost about 4 million crowns, officials said."
    links = [(tuple(f"L{int(i[1:]) + 1}" for i in lids), rids, kind, score, contra)
             for lids, rids, kind, score, contra in LINKS]
    cmp = store.open_comparison(make_analysis(left=left, links=links))
    assert cmp.id != old_id and cmp.previous_id == old_id
    ann, bob = store.verdicts(cmp.id, "ann"), store.verdicts(cmp.id, "bob")
    assert ann["L2~R1"].verdict == "contradiction" and ann["L2~R1"].note == "seven or eight?"
    assert ann["L4~R4"].verdict == "consistent"  # found by fuzzy match
    assert bob["L5"].verdict == "unsure"
    assert cmp.unplaced == [] and cmp.carried == 3
    store.close()


def test_verdicts_whose_quote_is_gone_are_reported_not_dropped(db_path: Path) -> None:
    store, _ = _edited_store(db_path)
    left = list(LEFT)
    left[1] = "Nobody on the council wanted to comment on the result at all."
    cmp = store.open_comparison(make_analysis(left=left))
    assert [(r.item_key, r.verdict, r.note) for r in cmp.unplaced] == [
        ("?L1~R1", "contradiction", "seven or eight?")]
    assert cmp.unplaced[0].left_text == LEFT[1]
    assert store.verdicts(cmp.id, "ann")["L3~R4"].verdict == "consistent"
    reopened = store.open_comparison(make_analysis(left=left))
    assert [r.item_key for r in reopened.unplaced] == ["?L1~R1"]
    store.close()


def test_unrelated_sources_do_not_inherit_verdicts(db_path: Path) -> None:
    store, _ = _edited_store(db_path)
    cmp = store.open_comparison(make_analysis(left=LEFT[:4], left_source="/news/other.txt"))
    assert cmp.previous_id is None and store.verdicts(cmp.id, "ann") == {}
    store.close()


def test_record_reads_one_item_as_verdicts_does(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    store.set_note(cmp.id, "L1~R1", "numbers differ", "ann")
    assert store.record(cmp.id, "L1~R1", "ann") == store.verdicts(cmp.id, "ann")["L1~R1"]
    assert store.record(cmp.id, "L1~R1", "bob") is None
    store.undo(cmp.id, "ann")
    store.undo(cmp.id, "ann")
    assert store.record(cmp.id, "L1~R1", "ann") is None
    assert store.record(cmp.id, "no-such-item", "ann") is None


def test_page_furniture_never_becomes_an_item(store: VerdictStore) -> None:
    import dataclasses

    from store_fixtures import make_analysis

    analysis = make_analysis()
    byline = dataclasses.replace(analysis.right.sentences[2], boilerplate=True)
    sentences = (*analysis.right.sentences[:2], byline, *analysis.right.sentences[3:])
    right = dataclasses.replace(analysis.right, sentences=sentences)
    # An analysis that (wrongly) lists the furniture as one-sided: the store leaves it out.
    cmp = store.open_comparison(dataclasses.replace(analysis, right=right))
    keys = {item.key for item in cmp.items}
    assert "R2" not in keys and "L4" in keys


def test_not_a_claim_is_a_verdict(store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L4", "not_claim", "ann")
    assert store.verdicts(cmp.id, "ann")["L4"].verdict == "not_claim"


def test_a_scored_manual_link_carries_the_engine_s_evidence_into_exports(
        store: VerdictStore, analysis) -> None:
    from crosscheck.engine.model import Contradiction, Link, Reason

    cmp = store.open_comparison(analysis)
    item = store.add_manual_link(cmp.id, ("L4",), ("R2",), "ann")
    reason = Reason("negation", "planned", "not planned", "one side denies it", (10, 17), None)
    link = Link("L4~R2", ("L4",), ("R2",), "related", 0.4321, (),
                Contradiction(0.8, (reason,)), same_claim=0.12)
    store.set_manual_evidence(cmp.id, item.key, link)
    store.set_verdict(cmp.id, item.key, "contradiction", "ann")
    machine = store.export_records(cmp.id)[0]["item"]["machine"]
    assert machine == {"kind": "manual", "by": "ann", "link_kind": "related", "score": 0.4321,
                       "same_claim": 0.12, "contradiction": 0.8,
                       "reasons": [{"type": "negation", "left": "planned",
                                    "right": "not planned", "explanation": "one side denies it",
                                    "left_span": [10, 17]}]}


def test_a_sentence_returned_to_one_sided_is_an_item_again_after_reopening(
        store: VerdictStore, analysis) -> None:
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L1~R1", "unrelated", "ann")
    returned = store.return_to_one_sided(cmp.id, "R1", "L1~R1")
    assert (returned.key, returned.kind, returned.right_ids) == ("R1", "right_only", ("R1",))
    store.set_verdict(cmp.id, "R1", "unsure", "ann")
    again = store.open_comparison(analysis)
    assert "R1" in {i.key for i in again.items} and not again.unplaced
    assert store.verdicts(cmp.id, "ann")["R1"].verdict == "unsure"
