"""The verifier's training data keeps away from every evaluation set, and splits by seed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools" / "verifier"))
from real_data import data_available  # noqa: E402

pytestmark = pytest.mark.skipif(not data_available(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def rows():
    from dataset import all_rows

    return all_rows()


def test_the_data_files_hold_no_evaluation_sentence_but_mrpc_shares():
    """The written and collected files themselves, before any filter: seeds came from train
    topics only, so only MRPC (which reuses sentences across its splits) and the first gold
    set's tune half (train-topic articles, whose wire copy other articles repeat) overlap."""
    from check_leakage import leaks, raw_rows

    found = leaks(raw_rows())
    assert set(found) >= {"gold A report", "gold B", "RTE-3 report", "Breaking NLI report",
                          "SICK trial", "MRPC report"}
    assert {name for name, s in found.items() if s} <= {"MRPC report", "gold A tune"}
    assert found["MRPC report"], "MRPC shares sentences across splits: the filter has work"


def test_no_evaluation_sentence_is_in_the_training_rows():
    from check_leakage import leaks

    assert {name: len(s) for name, s in leaks().items() if s} == {}


def test_pairs_split_by_seed_and_topic(rows):
    from splits import GOLD_A_REPORT_TOPICS, GOLD_B_TOPICS

    split_of: dict[str, str] = {}
    for row in rows:
        assert split_of.setdefault(row.seed, row.split) == row.split, row.seed
        if row.seed.startswith("ecb:"):
            topic = int(row.seed.split(":")[1])
            assert topic not in GOLD_A_REPORT_TOPICS | GOLD_B_TOPICS, row.seed
    assert {r.split for r in rows} == {"fit", "dev", "test"}


def test_the_synthetic_set_is_large_and_covers_every_conflict_type(rows):
    from dataset import RELATIONS, TYPES

    synthetic = [r for r in rows if r.source == "synthetic"]
    assert len(synthetic) >= 15_000
    conflicts = [TYPES[r.type] for r in synthetic if r.relation == RELATIONS.index("conflict")]
    for kind in TYPES[1:]:
        # Balanced: every type holds at least half its even share.
        assert conflicts.count(kind) >= len(conflicts) / len(TYPES[1:]) / 2, kind
