"""The judge's findings joined to an analysis, and through the JSON and back."""

from __future__ import annotations

import dataclasses
import json

from crosscheck.engine.jsonio import analysis_from_dict, analysis_to_dict
from crosscheck.engine.model import JudgeFinding, Link, Reason
from crosscheck.judge.findings import Judgement
from crosscheck.judge.merge import apply_judgements, find_link, merge_findings

RECORD = {"status": "ok", "message": None}


def finding(relation: str = "conflict", *, modes: tuple[str, ...] = ("pair",),
            spans: tuple[int, int] = (0, 3)) -> JudgeFinding:
    reasons = (Reason("number", "two", "one", "two vs one", spans, spans),) \
        if relation == "conflict" else ()
    return JudgeFinding(relation, reasons, "m", "ollama", "p/1", modes=modes)


def test_a_finding_goes_on_the_link_covering_its_sentences(analysis) -> None:
    wide = dataclasses.replace(analysis.links[2], id="L2+L3~R2", left=("L2", "L3"))
    widened = dataclasses.replace(analysis, links=(*analysis.links[:2], wide))
    assert find_link(widened, ("L3",), ("R2",)).id == "L2+L3~R2"
    assert find_link(widened, ("L3",), ("R3",)) is None


def test_findings_never_change_the_engines_reading(analysis) -> None:
    judged = apply_judgements(analysis, [Judgement(("L1",), ("R1",), finding())], RECORD)
    before = {link.id: link for link in analysis.links}
    for link in judged.links:
        assert dataclasses.replace(link, judge=None) == before[link.id]
    assert judged.meta["judge"] == {**RECORD, "new_links": 0}
    assert judged.meta["verifier"] == analysis.meta["verifier"]


def test_merging_two_readings_keeps_a_conflict_and_each_span_once() -> None:
    said = merge_findings(finding("compatible"), finding(modes=("article",)))
    assert said.relation == "conflict" and said.modes == ("pair", "article")
    twice = merge_findings(finding(), finding(modes=("article",)))
    assert len(twice.reasons) == 1
    other = merge_findings(finding(), finding(modes=("article",), spans=(4, 9)))
    assert len(other.reasons) == 2


def test_a_new_link_without_a_scorer_has_no_engine_scores(analysis) -> None:
    judged = apply_judgements(analysis, [Judgement(("L3",), ("R3",), finding())], RECORD)
    added = next(link for link in judged.links if link.id == "L3~R3")
    assert (added.kind, added.score, added.best, added.contradiction) == \
        ("related", 0.0, False, None)
    assert added.judge.added and judged.left_only == () and judged.right_only == ()
    order = [(int(link.left[0][1:]), int(link.right[0][1:])) for link in judged.links]
    assert order == sorted(order)


def test_the_judges_fields_survive_the_json_round_trip(analysis) -> None:
    scorer_link = Link("L3~R3", ("L3",), ("R3",), "related", 0.4, best=False)
    judged = apply_judgements(
        analysis, [Judgement(("L2",), ("R2",), finding()),
                   Judgement(("L3",), ("R3",), finding(modes=("article",)))],
        {**RECORD, "pairs": {"questions": 1}}, new_link=lambda *_: scorer_link)
    data = json.loads(json.dumps(analysis_to_dict(judged)))
    assert data["schema"] == "crosscheck.analysis/1"
    again = analysis_from_dict(data)
    assert again.links == judged.links
    assert again.meta["judge"] == judged.meta["judge"]
    plain = analysis_from_dict(json.loads(json.dumps(analysis_to_dict(analysis))))
    assert "judge" not in plain.meta and all(link.judge is None for link in plain.links)
