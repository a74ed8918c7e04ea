"""A link drawn by hand is analysed as the engine analyses its own links."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.engine.analyze import analyze
from crosscheck.engine.ingest import load_document
from crosscheck.engine.link_score import score_link

STORY = Path(__file__).resolve().parents[2] / "sample_corpus" / "03-transit-budget-vote"


@pytest.fixture(scope="module")
def pair():
    files = {p.stem: p for p in STORY.iterdir() if p.stem in ("left", "right")}
    left = load_document(str(files["left"]), side="L")
    right = load_document(str(files["right"]), side="R")
    return left, right, analyze(left, right, semantic="off")


def test_a_hand_drawn_copy_of_an_engine_link_gets_the_engine_s_scores(pair) -> None:
    left, right, analysis = pair
    best = [link for link in analysis.links if link.best and len(link.left) == 1
            and len(link.right) == 1]
    assert best
    for link in best:
        scored = score_link(left, right, link.left, link.right, semantic="off")
        assert scored.score == pytest.approx(link.score, abs=1e-3), link.id
        assert scored.same_claim == pytest.approx(link.same_claim, abs=1e-3), link.id
        assert scored.kind == link.kind, link.id
        assert scored.diff == link.diff
        assert (scored.contradiction is None) == (link.contradiction is None), link.id


def test_a_hand_drawn_link_of_two_one_sided_sentences_is_scored_and_checked(pair) -> None:
    left, right, analysis = pair
    lid, rid = analysis.left_only[0], analysis.right_only[0]
    scored = score_link(left, right, (lid,), (rid,), semantic="off")
    assert 0.0 <= scored.score <= 1.0 and scored.same_claim is not None
    assert scored.kind in ("identical", "paraphrase", "related")
    assert {piece.op for piece in scored.diff} <= {"common", "left", "right"}
    assert scored.left == (lid,) and scored.right == (rid,)
