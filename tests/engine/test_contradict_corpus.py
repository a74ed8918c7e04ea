"""Contradiction quality on sample_corpus must not slip below the targets of issue 5."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from eval_contradictions import CORPUS, evaluate  # noqa: E402

pytestmark = pytest.mark.skipif(not any(CORPUS.glob("*/gold.json")), reason="no corpus gold")


@pytest.fixture(scope="module")
def report():
    return evaluate()


def test_overall_recall_and_precision_meet_the_target(report) -> None:
    assert report.overall.recall >= 0.85
    assert report.overall.precision >= 0.8


def test_no_reason_type_falls_below_60_percent_recall(report) -> None:
    weak = {kind: t.recall for kind, t in report.by_type.items() if t.gold and t.recall < 0.6}
    assert weak == {}


def test_look_alikes_rarely_raise_an_alarm(report) -> None:
    assert report.false_alarms <= 0.2 * report.look_alikes
