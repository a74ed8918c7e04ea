"""The facts table: rows by slot across the two sources, statuses, order, and its outputs.

The golden files hold the outputs of ``crosscheck facts`` on a pair written for this test;
regenerate them after an intended change with ``CROSSCHECK_UPDATE_GOLDEN=1 pytest
tests/engine/test_facts.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from crosscheck.cli import main
from crosscheck.engine.analyze import analyze
from crosscheck.engine.ingest import load_document
from crosscheck.engine.jsonio import analysis_from_dict, analysis_to_dict
from crosscheck.reports.facts_table import render_facts

GOLDEN = Path(__file__).parent / "golden"
LEFT, RIGHT = GOLDEN / "facts_left.txt", GOLDEN / "facts_right.txt"


@pytest.fixture(scope="module")
def ferry():
    return analyze(load_document(str(LEFT), side="L"), load_document(str(RIGHT), side="R"))


def _row(analysis, status: str, left_text: str):
    found = [r for r in analysis.facts if r.status == status and r.left
             and r.left.text == left_text]
    assert len(found) == 1, [(r.status, r.left and r.left.text) for r in analysis.facts]
    return found[0]


def test_a_conflicting_date_is_one_row_with_both_spans(ferry):
    row = _row(ferry, "conflict", "Tuesday")
    assert row.type == "date" and row.right is not None and row.right.text == "Wednesday"
    start, end = row.left.span
    assert ferry.left.text[start:end] == "Tuesday"
    assert ferry.right.text[row.right.span[0]:row.right.span[1]] == "Wednesday"
    assert ferry.left.sentence(row.left.sentence).start <= start


def test_a_rounded_figure_is_compatible_and_the_same_figure_agrees(ferry):
    rounded = _row(ferry, "compatible", "About 300 passengers")
    assert rounded.right.text == "312 passengers" and rounded.slot == "passengers"
    same = _row(ferry, "agree", "12 people")
    assert same.right.text == "12 people"


def test_a_fact_only_one_source_states_has_an_empty_cell(ferry):
    cars = _row(ferry, "one_source", "up to 450 cars")
    assert cars.right is None and cars.slot == "cars"


def test_conflicts_come_first_then_one_source_facts_then_agreements(ferry):
    order = ["conflict", "one_source", "compatible", "agree"]
    statuses = [row.status for row in ferry.facts]
    assert statuses == sorted(statuses, key=order.index)
    assert statuses[0] == "conflict"


def test_the_facts_survive_the_json_round_trip_and_keep_their_ids(ferry):
    data = analysis_to_dict(ferry)
    assert [row["status"] for row in data["facts"]][:1] == ["conflict"]
    assert analysis_to_dict(analysis_from_dict(json.loads(json.dumps(data)))) == data
    assert len({row["id"] for row in data["facts"]}) == len(data["facts"])


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
def test_facts_command_output_matches_its_golden_file(fmt, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CROSSCHECK_DATA_DIR", str(tmp_path))
    assert main(["facts", str(LEFT), str(RIGHT), "--format", fmt, "--name", "Coast Herald",
                 "Strait Times"]) == 0
    out = capsys.readouterr().out
    golden = GOLDEN / f"facts.{ 'md' if fmt == 'markdown' else fmt}"
    if os.environ.get("CROSSCHECK_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8", newline="")
    assert out == golden.read_bytes().decode("utf-8")  # bytes: CSV lines end in CRLF


def test_text_output_fits_80_columns_and_carries_no_control_sequence(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(RIGHT.read_text(encoding="utf-8").replace(
        "312 passengers", "312 \x1b[2Jpassengers"), encoding="utf-8")
    analysis = analyze(load_document(str(LEFT), side="L"),
                       load_document(str(hostile), side="R"))
    for fmt in ("text", "markdown", "csv", "json"):
        out = render_facts(analysis, fmt, width=80)
        assert "\x1b" not in out
    assert max(len(line) for line in render_facts(analysis, "text", 80).splitlines()) <= 80


def test_a_csv_cell_a_spreadsheet_would_run_is_defused(tmp_path):
    formula = tmp_path / "formula.txt"
    formula.write_text("Ferry news\n\nCaptain Mira Holt said: \"=HYPERLINK(1) now.\"\n",
                       encoding="utf-8")
    analysis = analyze(load_document(str(formula), side="L"),
                       load_document(str(RIGHT), side="R"))
    out = render_facts(analysis, "csv")
    assert ",=HYPERLINK" not in out and "\n=" not in out
