"""The engine's five stages: each takes the previous one's output, and shared work is done once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from test_analyze import LEFT, RIGHT

from crosscheck.engine import contradict
from crosscheck.engine.analyze import STAGES, analyze
from crosscheck.engine.conflicts import Verified, verify
from crosscheck.engine.explain import explain
from crosscheck.engine.ingest import document_from_text
from crosscheck.engine.jsonio import analysis_to_dict
from crosscheck.engine.match import Alignment, match
from crosscheck.engine.relate import Related, relate
from crosscheck.engine.represent import Represented, represent

ENGINE = Path(contradict.__file__).resolve().parents[1]
STAGE_MODULES = ("represent", "relate", "match", "conflicts", "explain")


def _pair():
    return (document_from_text(LEFT, source="left.txt", side="L"),
            document_from_text(RIGHT, source="right.txt", side="R"))


def test_the_stages_chained_by_hand_give_the_analysis():
    left, right = _pair()
    represented = represent(left, right)
    related = relate(represented)
    matched = match(related)
    verified = verify(matched)
    assert isinstance(represented, Represented) and isinstance(related, Related)
    assert isinstance(matched, Alignment) and isinstance(verified, Verified)
    assert analysis_to_dict(explain(verified)) == analysis_to_dict(analyze(left, right))


def test_each_stage_hands_on_what_it_was_given():
    left, right = _pair()
    represented = represent(left, right)
    related = relate(represented)
    matched = match(related)
    assert related.represented is represented
    assert matched.represented is represented
    assert verify(matched).represented is represented
    # The relate stage scores pairs of exactly the sentences the represent stage kept.
    assert len(related.features) == len(related.rows) == len(related.scores)
    assert related.rows.max() < len(represented.lsents)
    assert related.cols.max() < len(represented.rsents)


def test_no_stage_imports_a_later_one():
    for k, name in enumerate(STAGE_MODULES):
        tree = ast.parse((ENGINE / f"{name}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module}
        later = {f"crosscheck.engine.{m}" for m in STAGE_MODULES[k + 1:]}
        assert not imported & later, (name, imported & later)


@pytest.mark.parametrize("verifier", [False, True])
def test_each_sentence_s_contradiction_features_are_extracted_once(monkeypatch, verifier):
    calls: list[str] = []
    extract = contradict.sentence_features

    def counting(sentence):
        calls.append(sentence.id)
        return extract(sentence)

    monkeypatch.setattr(contradict, "sentence_features", counting)
    left, right = _pair()
    analysis = analyze(left, right, verify=verifier)
    assert any(link.contradiction for link in analysis.links)  # the rules did read pairs
    assert calls and len(calls) == len(set(calls))


def test_stage_times_and_progress_come_in_pipeline_order():
    left, right = _pair()
    timings: dict[str, float] = {}
    stages: list[str] = []
    analyze(left, right, timings=timings, progress=lambda stage, _: stages.append(stage))
    assert tuple(timings) == STAGES
    assert all(seconds >= 0 for seconds in timings.values())
    assert stages[-1] == "done" and len(stages) == len(STAGES) + 1


def test_a_side_without_content_goes_through_every_stage():
    left = document_from_text("© 2026 Northwire News Agency.\n", source="l.txt", side="L")
    assert all(s.boilerplate for s in left.sentences)  # page furniture only
    _, right = _pair()
    analysis = explain(verify(match(relate(represent(left, right)))))
    assert analysis.links == ()
    assert len(analysis.right_only) == sum(1 for s in right.sentences if not s.boilerplate)


SELF = ("Harbour plant to cut jobs\n\n"
        "The Dunmore harbour plant employs 300 people, the company said on Monday. "
        "Last year the plant employed 250 people, according to its annual report. "
        "The company may close a second site in the spring, a spokeswoman said. "
        "The company will close the second site, the union said on Tuesday. "
        "Production fell by 12 percent in the third quarter. "
        "Production rose by 4 percent in the fourth quarter, the firm said.\n")


@pytest.mark.parametrize("verifier", [False, True])
def test_an_article_compared_with_itself_has_no_likely_contradiction(verifier):
    analysis = analyze(document_from_text(SELF, source="a.txt", side="L"),
                       document_from_text(SELF, source="a.txt", side="R"), verify=verifier)
    assert all(link.kind == "identical" for link in analysis.links if link.best)
    assert not [link.id for link in analysis.links
                if link.contradiction and link.contradiction.score >= 0.5]


def test_a_conflict_only_one_source_states_both_sides_of_is_still_flagged():
    # The right source repeats the first claim and adds the conflicting one: only the
    # first claim is echoed, so the two sources do disagree.
    left = document_from_text("Plant jobs\n\nThe plant employs 300 people, the company said.\n",
                              source="l.txt", side="L")
    right = document_from_text(
        "Plant jobs\n\nThe plant employs 300 people, the company said. "
        "The plant employs 250 people, the union said.\n", source="r.txt", side="R")
    flagged = [link for link in analyze(left, right).links
               if link.contradiction and link.contradiction.score >= 0.5]
    assert [(link.left, link.right) for link in flagged] == [(("L1",), ("R2",))]
