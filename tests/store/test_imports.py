"""Merging another reviewer's JSONL export."""

from __future__ import annotations

import json

import pytest
from store_fixtures import FixedClock, make_analysis

from crosscheck.store import StoreError, VerdictStore
from crosscheck.store.exports import to_jsonl


def _export_of(reviewer: str, verdicts: dict[str, str]) -> str:
    store = VerdictStore.memory(clock=FixedClock())
    cmp = store.open_comparison(make_analysis())
    for key, verdict in verdicts.items():
        store.set_verdict(cmp.id, key, verdict, reviewer)
    text = to_jsonl(store.export_records())
    store.close()
    return text


def test_import_keeps_reviewers_apart_and_reports_the_merge(store: VerdictStore) -> None:
    cmp = store.open_comparison(make_analysis())
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    report = store.import_jsonl(_export_of("bob", {"L1~R1": "consistent", "L4": "unsure"}))
    assert (report.merged, report.unchanged, report.comparisons_created) == (2, 0, 0)
    assert "merged 2 new" in report.summary() and "bob" in report.summary()
    assert store.verdicts(cmp.id, "ann")["L1~R1"].verdict == "contradiction"
    assert store.verdicts(cmp.id, "bob")["L1~R1"].verdict == "consistent"


def test_importing_twice_changes_nothing(store: VerdictStore) -> None:
    text = _export_of("bob", {"L1~R1": "consistent", "L0~R0": "unsure"})
    store.import_jsonl(text)
    events_before = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    report = store.import_jsonl(text)
    assert (report.merged, report.updated, report.unchanged) == (0, 0, 2)
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events_before


def test_import_into_an_empty_store_creates_the_comparison(store: VerdictStore) -> None:
    report = store.import_jsonl(_export_of("bob", {"L2~R3": "consistent"}))
    assert (report.comparisons_created, report.items_created) == (1, 1)
    cmp = store.open_comparison(make_analysis())
    assert store.verdicts(cmp.id, "bob")["L2~R3"].verdict == "consistent"
    assert cmp.unplaced == []


def test_newer_verdict_wins_over_an_older_import(store: VerdictStore) -> None:
    old = _export_of("bob", {"L1~R1": "consistent"})
    record = json.loads(old)
    newer = dict(record, verdict="contradiction", updated="2030-01-01T00:00:00.000Z")
    store.import_jsonl(json.dumps(newer))
    report = store.import_jsonl(old)
    assert report.kept_newer == 1
    cmp = store.open_comparison(make_analysis())
    assert store.verdicts(cmp.id, "bob")["L1~R1"].verdict == "contradiction"


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "bob.jsonl:1: not JSON"),
    ('{"schema": "other/1"}', "not a crosscheck.verdict/1 record"),
])
def test_bad_lines_are_refused_with_their_line_number(store: VerdictStore, line: str,
                                                      message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.import_jsonl(line, "bob.jsonl")


def test_a_bad_line_imports_nothing(store: VerdictStore) -> None:
    good = _export_of("bob", {"L1~R1": "consistent"}).strip()
    bad = json.dumps(dict(json.loads(good), verdict="probably"))
    with pytest.raises(StoreError, match="bob.jsonl:2: .*'probably'.*verdict"):
        store.import_jsonl(good + "\n" + bad + "\n", "bob.jsonl")
    assert store.export_records() == []
