"""A fact-checker's verdicts in every export format and through ``crosscheck import``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from store_fixtures import FixedClock, make_analysis

from crosscheck.cli import main
from crosscheck.store import VERDICTS, StoreError, VerdictStore
from crosscheck.store.exports import CSV_COLUMNS, to_csv, to_jsonl, to_w3c
from crosscheck.store.markdown_export import GROUPS, to_markdown

NEW = {"L1~R1": "not_conflict", "L3~R4": "timeline_update", "L2~R3": "needs_verification",
       "L4": "checked", "R2": "omitted"}


def new_verdicts_store() -> VerdictStore:
    """One reviewer's new verdicts on every kind of item, and one old verdict beside them."""
    store = VerdictStore.memory(clock=FixedClock())
    cmp = store.open_comparison(make_analysis())
    for key, verdict in NEW.items():
        store.set_verdict(cmp.id, key, verdict, "ann")
    store.set_verdict(cmp.id, "L0~R0", "consistent", "ann")
    store.set_note(cmp.id, "R2", "the council's own statement leaves out the vote", "ann")
    return store


@pytest.fixture
def records() -> list[dict]:
    store = new_verdicts_store()
    yield store.export_records()
    store.close()


def test_jsonl_csv_and_w3c_carry_each_new_value_as_stored(records: list[dict]) -> None:
    jsonl = {json.loads(line)["item"]["key"]: json.loads(line)["verdict"]
             for line in to_jsonl(records).splitlines()}
    rows = {row["item"]: row["verdict"] for row in csv.DictReader(io.StringIO(to_csv(records)))}
    annotations = json.loads(to_w3c(records))["first"]["items"]
    w3c = {a["id"].split(":")[-2]: a["body"][0]["value"] for a in annotations}
    wanted = {**NEW, "L0~R0": "consistent"}
    assert jsonl == rows == w3c == wanted


def test_the_field_names_of_every_format_are_unchanged(records: list[dict]) -> None:
    assert CSV_COLUMNS == (
        "left_source", "right_source", "item", "kind", "machine_kind", "match_score",
        "contradiction_score", "reason_types", "reasons", "reason_spans", "verdict", "note",
        "reviewer", "created", "updated", "left_text", "right_text", "left_name", "right_name")
    assert next(csv.reader(io.StringIO(to_csv(records)))) == list(CSV_COLUMNS)
    first = json.loads(to_jsonl(records).splitlines()[0])
    assert list(first) == ["schema", "comparison", "item", "left", "right", "verdict", "note",
                           "reviewer", "created", "updated"]
    annotation = json.loads(to_w3c(records))["first"]["items"][0]
    assert list(annotation) == ["id", "type", "motivation", "creator", "created", "modified",
                                "body", "target"]
    assert annotation["body"][0]["purpose"] == "assessing"


def test_markdown_gives_each_new_verdict_its_own_heading_not_consistent(
        records: list[dict]) -> None:
    report = to_markdown(records)
    headings = [line for line in report.splitlines() if line.startswith("### ")]
    assert headings == ["### Needs verification (1)", "### Timeline updates (1)",
                        "### Omitted by the other source (1)",
                        "### Not a conflict (false flags) (1)", "### Checked (1)",
                        "### Consistent (1)"]
    sections = dict(_sections(report))
    assert _keys(sections["Not a conflict (false flags) (1)"]) == ["L1~R1"]
    assert _keys(sections["Checked (1)"]) == ["L4"]
    assert _keys(sections["Omitted by the other source (1)"]) == ["R2"]
    assert "Note: the council's own statement leaves out the vote" in sections[
        "Omitted by the other source (1)"]
    assert _keys(sections["Consistent (1)"]) == ["L0~R0"]
    assert ("- Verdicts: 1 needs verification, 1 timeline updates, 1 omitted by the other "
            "source, 1 not a conflict (false flags), 1 checked, 1 consistent") in report


def test_every_verdict_has_a_markdown_heading() -> None:
    # A verdict without a group would silently drop out of the report.
    assert {verdict for verdict, _ in GROUPS} == {*VERDICTS, None}


def _sections(report: str) -> list[tuple[str, str]]:
    parts = report.split("\n### ")[1:]
    return [(part.split("\n", 1)[0], part.split("\n", 1)[1]) for part in parts]


def _keys(section: str) -> list[str]:
    return [line.split("`")[1] for line in section.splitlines() if line.startswith("- `")]


def test_jsonl_with_the_new_verdicts_round_trips_through_a_fresh_store(
        records: list[dict]) -> None:
    exported = to_jsonl(records)
    fresh = VerdictStore.memory()
    assert fresh.import_jsonl(exported).merged == len(records)
    assert to_jsonl(fresh.export_records()) == exported
    cmp = fresh.open_comparison(make_analysis())
    assert {k: r.verdict for k, r in fresh.verdicts(cmp.id, "ann").items()} == {
        **NEW, "L0~R0": "consistent"}
    fresh.close()


def _line(records: list[dict], key: str, **change: object) -> str:
    record = next(r for r in records if r["item"]["key"] == key)
    return json.dumps({**record, **change})


@pytest.mark.parametrize(("key", "verdict"), [("L1~R1", "checked"), ("L4", "not_conflict"),
                                              ("R2", "timeline_update"), ("L3~R4", "omitted")])
def test_import_refuses_a_verdict_that_does_not_fit_the_record_s_item(
        records: list[dict], key: str, verdict: str) -> None:
    good = _line(records, "L0~R0", reviewer="bob")
    bad = _line(records, key, reviewer="bob", verdict=verdict)
    fresh = VerdictStore.memory()
    with pytest.raises(StoreError, match=f"bob.jsonl:2: the verdict '{verdict}' is for") as \
            caught:
        fresh.import_jsonl(good + "\n" + bad + "\n", "bob.jsonl")
    assert "\n" not in str(caught.value) and "nothing was imported" in str(caught.value)
    assert fresh.export_records() == []


def test_import_refuses_a_verdict_that_does_not_fit_the_item_as_stored_here(
        records: list[dict]) -> None:
    # The record says L4 is a link, but in this store L4 is a one-sided sentence.
    record = json.loads(_line(records, "L1~R1", reviewer="bob"))
    record["item"]["key"] = "L4"
    store = new_verdicts_store()
    before = to_jsonl(store.export_records())
    with pytest.raises(StoreError, match=r"'not_conflict' is for a link.*\(L4\); nothing was "
                                         "imported"):
        store.import_jsonl(_line(records, "L0~R0", reviewer="bob") + "\n" +
                           json.dumps(record) + "\n", "bob.jsonl")
    assert to_jsonl(store.export_records()) == before
    store.close()


def test_crosscheck_import_of_a_misfit_verdict_exits_2_in_one_line_importing_nothing(
        records: list[dict], db_path: Path, tmp_path: Path, capsys) -> None:
    team = tmp_path / "team.jsonl"
    team.write_text(_line(records, "L0~R0", reviewer="bob") + "\n" +
                    _line(records, "L4", reviewer="bob", verdict="timeline_update") + "\n",
                    encoding="utf-8")
    assert main(["import", str(team)]) == 2
    err = capsys.readouterr().err
    assert err == (f"crosscheck: error: {team}:2: the verdict 'timeline_update' is for a link, "
                   "and this item is a one-sided sentence; nothing was imported\n")
    assert main(["export"]) == 0
    assert capsys.readouterr().out == ""


def test_crosscheck_import_accepts_every_new_value(records: list[dict], db_path: Path,
                                                   tmp_path: Path, capsys) -> None:
    team = tmp_path / "team.jsonl"
    team.write_text(to_jsonl(records), encoding="utf-8")
    assert main(["import", str(team)]) == 0
    assert f"merged {len(records)} new" in capsys.readouterr().out
    assert main(["export", "--format", "csv"]) == 0
    verdicts = {row["verdict"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert verdicts == {*NEW.values(), "consistent"}
