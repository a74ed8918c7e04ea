"""Export formats: golden files (the bytes are the contract), safety and round trips."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_fixtures import FixedClock, make_analysis
from syrupy.extensions.single_file import SingleFileSnapshotExtension

from crosscheck.store import VerdictStore
from crosscheck.store.exports import FORMATS, safe_cell, to_csv, to_jsonl, to_w3c

EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "markdown": "md", "w3c": "jsonld"}


def _extension(suffix: str) -> type[SingleFileSnapshotExtension]:
    return type(f"{suffix}Snapshot", (SingleFileSnapshotExtension,), {"_file_extension": suffix})


def reviewed_store() -> VerdictStore:
    """Two reviewers on one pair, with a note a spreadsheet would try to run."""
    store = VerdictStore.memory(clock=FixedClock())
    cmp = store.open_comparison(make_analysis())
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    store.set_note(cmp.id, "L1~R1", "=HYPERLINK(\"x\") seven vs eight, «vote»", "ann")
    store.set_verdict(cmp.id, "L0~R0", "consistent", "ann")
    store.set_verdict(cmp.id, "L4", "unsure", "ann")
    store.set_note(cmp.id, "R2", "-colour only", "ann")
    store.set_verdict(cmp.id, "L1~R1", "consistent", "bob")
    store.set_verdict(cmp.id, "L0~R0", "consistent", "bob")
    return store


@pytest.fixture
def records() -> list[dict]:
    store = reviewed_store()
    yield store.export_records()
    store.close()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_matches_golden_file(records: list[dict], snapshot, fmt: str) -> None:
    output = FORMATS[fmt](records).encode("utf-8")
    assert output == snapshot(extension_class=_extension(EXTENSIONS[fmt]))


def test_jsonl_has_the_documented_fields(records: list[dict]) -> None:
    first = json.loads(to_jsonl(records).splitlines()[0])
    assert first["schema"] == "crosscheck.verdict/1"
    assert set(first) >= {"comparison", "item", "left", "right", "verdict", "note", "reviewer",
                          "created", "updated"}
    assert set(first["left"]) == {"exact", "prefix", "suffix", "start", "end"}
    assert set(first["comparison"]["left"]) == {"source", "title", "sha256"}
    assert first["item"]["machine"]["kind"] == "paraphrase"
    one_sided = next(json.loads(line) for line in to_jsonl(records).splitlines()
                     if json.loads(line)["item"]["kind"] == "left_only")
    assert one_sided["right"] is None


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_start_a_formula_are_neutralised(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell
    assert safe_cell("a " + cell) == "a " + cell


def test_csv_rows_carry_both_sentences_and_no_live_formula(records: list[dict]) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(records))))
    assert len(rows) == len(records)
    contradiction = next(r for r in rows if r["verdict"] == "contradiction")
    assert contradiction["left_text"].startswith("Seven members")
    assert contradiction["right_text"] == "The vote was eight to one."
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows
               for value in row.values())


def test_w3c_collection_targets_both_documents(records: list[dict]) -> None:
    collection = json.loads(to_w3c(records))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    annotations = collection["first"]["items"]
    assert collection["total"] == len(annotations) == len(records)
    link = next(a for a in annotations if a["body"][0]["value"] == "contradiction")
    assert [b["purpose"] for b in link["body"]] == ["assessing", "commenting"]
    assert len(link["target"]) == 2
    for target in link["target"]:
        types = [s["type"] for s in target["selector"]]
        assert types == ["TextQuoteSelector", "TextPositionSelector"]
    assert len({a["id"] for a in annotations}) == len(annotations)


def test_jsonl_round_trips_through_a_fresh_database(records: list[dict]) -> None:
    exported = to_jsonl(records)
    fresh = VerdictStore.memory()
    report = fresh.import_jsonl(exported)
    assert report.merged == len(records)
    assert to_jsonl(fresh.export_records()) == exported
    fresh.close()


def test_export_of_one_comparison_leaves_the_others_out() -> None:
    store = reviewed_store()
    other = store.open_comparison(make_analysis(left_source="/news/third.txt",
                                                left=["A different story entirely."], links=[]))
    store.set_verdict(other.id, other.items[0].key, "unrelated", "ann")
    assert {r["comparison"]["left"]["source"] for r in store.export_records(other.id)} == {
        "/news/third.txt"}
    assert len(store.export_records()) == len(store.export_records(1)) + 1
    store.close()


def test_markdown_export_keeps_article_text_and_notes_literal() -> None:
    store = VerdictStore.memory(clock=FixedClock())
    left = ["# Not a heading, [a link](http://x.test) and \x1b[31mred\x1b[0m."]
    cmp = store.open_comparison(make_analysis(left=left, links=[]))
    store.set_verdict(cmp.id, "L0", "unsure", "ann")
    store.set_note(cmp.id, "L0", "*not bold*", "ann")
    report = FORMATS["markdown"](store.export_records())
    assert r"> Left: \# Not a heading, \[a link\]\(http://x.test\) and ␛\[31mred␛\[0m." in report
    assert r"Note: \*not bold\*" in report
    assert "\x1b" not in report
