"""The analyze reports as golden files: the bytes a reader or a script gets are the contract.

The pair in ``golden/`` (a library reopening, written for this test) was analysed once into
``golden/analysis.json``; the reports are rendered from that frozen analysis, so a change to
the engine's scores does not move them, and a change to a renderer shows as a diff here.
Regenerate everything (the analysis too) after an intended change with

    CROSSCHECK_REGENERATE_GOLDEN=1 python -m pytest tests/cli/test_analyze_golden.py

and read the diff of ``tests/cli/golden/`` before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from crosscheck.cli import main
from crosscheck.engine.jsonio import analysis_from_dict
from crosscheck.engine.model import Analysis
from crosscheck.reports import render_analysis

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("CROSSCHECK_REGENERATE_GOLDEN") == "1"
CASES = [  # golden file, format, width
    ("text-80.txt", "text", 80),
    ("text-120.txt", "text", 120),
    ("analysis.tsv", "tsv", 80),
    ("report.md", "markdown", 80),
]


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    frozen = GOLDEN / "analysis.json"
    if REGENERATE:
        _analyse_the_pair_again(frozen)
    return analysis_from_dict(json.loads(frozen.read_text(encoding="utf-8")))


def _analyse_the_pair_again(target: Path) -> None:
    here = Path.cwd()
    os.chdir(GOLDEN)  # relative paths, so the sources read "left.txt", not a checkout's path
    try:
        code = main(["analyze", "left.txt", "right.txt", "--format", "json", "--semantic",
                     "fast", "--no-cache", "--name", "Harbour Post", "River Times",
                     "-o", target.name])
    finally:
        os.chdir(here)
    assert code == 0


@pytest.mark.parametrize(("name", "fmt", "width"), CASES, ids=[c[0] for c in CASES])
def test_report_matches_its_golden_file_byte_for_byte(analysis: Analysis, name: str,
                                                      fmt: str, width: int) -> None:
    rendered = render_analysis(analysis, fmt, width=width).encode("utf-8")
    golden = GOLDEN / name
    if REGENERATE:
        golden.write_bytes(rendered)
    assert rendered == golden.read_bytes(), (
        f"{name} differs; if the change is intended, regenerate (see this module's docstring)")


def test_golden_text_reports_fit_their_width(analysis: Analysis) -> None:
    for name, fmt, width in CASES:
        if fmt == "text":
            lines = (GOLDEN / name).read_text(encoding="utf-8").splitlines()
            assert max(len(line) for line in lines) <= width, name
            assert max(len(line) for line in lines) > width - 15, f"{name} wastes its width"


def test_the_golden_pair_has_every_kind_of_item(analysis: Analysis) -> None:
    """The golden files show a flag, a paraphrase and a one-sided sentence on each side."""
    tsv = (GOLDEN / "analysis.tsv").read_text(encoding="utf-8").splitlines()
    kinds = {line.split("\t")[1] for line in tsv[1:]}
    flags = [line for line in tsv[1:] if line.split("\t")[3] == "1"]
    assert {"paraphrase", "left_only", "right_only"} <= kinds
    assert flags
