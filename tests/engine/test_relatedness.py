"""The relatedness graph: every counterpart, calibrated scores, one-sided means related to nothing.

The articles are written for these tests (not from the sample corpus).
"""

from __future__ import annotations

import json

import pytest

from crosscheck.engine.analyze import analyze
from crosscheck.engine.ingest import document_from_text
from crosscheck.engine.jsonio import analysis_from_dict, analysis_to_dict

BRIDGE_LEFT = """Harwick council approves bridge repair

The Harwick city council voted on Tuesday to close the Mill Lane bridge for repairs starting \
next month.

Engineers found corrosion in two of the steel beams during an inspection in January, the \
council said.

The repairs will cost $4.2 million and should take about five months, according to the city's \
public works director.

Drivers will be sent along Station Road while the bridge is closed.

"This bridge carries eleven thousand cars a day, and we cannot let it get worse," said council \
member Dana Ruiz.
"""

BRIDGE_RIGHT = """Mill Lane bridge to shut for months of repairs

Harwick will close the Mill Lane bridge next month so that crews can replace corroded steel \
beams, the city council decided on Tuesday.

The public works director told the council the work would cost $6.5 million.

He said the work should be finished in about five months.

An inspection in January found the corrosion, officials said.

The town has about 48,000 residents, according to the most recent census.
"""

PLEDGE_LEFT = """Veland asks overseas app makers to sign content pledge

The government of Veland has asked overseas app makers to sign a pledge to take down posts \
that officials consider dangerous, according to a letter reviewed by a news agency.

Seven companies received it, two people familiar with the matter said.

"This is a way to make foreign firms police speech for the state," said Priya Nandakumar, a \
researcher at a university in Singapore.

Veland has about 30 million internet users.
"""

PLEDGE_RIGHT = """Official rejects foreign media account of app 'pledge'

A senior official on Friday dismissed as untrue a foreign news agency's story about a pledge \
for app makers.

Five companies received the letter, he said.

The bureau will publish its draft guidance in June.
"""


def _analysis(left: str, right: str, semantic: str = "auto"):
    return analyze(document_from_text(left, source="left.txt", side="L"),
                   document_from_text(right, source="right.txt", side="R"), semantic=semantic)


def _sentence_id(doc, fragment: str) -> str:
    return next(s.id for s in doc.sentences if fragment in s.text)


def _pairs(analysis) -> dict[tuple[str, str], object]:
    return {(a, b): link for link in analysis.links for a in link.left for b in link.right}


@pytest.fixture(scope="module")
def bridge():
    return _analysis(BRIDGE_LEFT, BRIDGE_RIGHT)


def test_a_sentence_keeps_both_counterparts_and_the_cost_conflict_is_found(bridge):
    cost = _sentence_id(bridge.left, "$4.2 million")
    other_cost = _sentence_id(bridge.right, "$6.5 million")
    duration = _sentence_id(bridge.right, "five months")
    pairs = _pairs(bridge)
    assert (cost, other_cost) in pairs and (cost, duration) in pairs
    link = pairs[(cost, other_cost)]
    assert link.contradiction is not None and link.contradiction.score >= 0.5
    assert any(r.type == "number" for r in link.contradiction.reasons)


def test_statements_only_one_source_carries_stay_one_sided(bridge):
    assert _sentence_id(bridge.left, "Station Road") in bridge.left_only
    assert _sentence_id(bridge.left, "eleven thousand cars") in bridge.left_only
    assert _sentence_id(bridge.right, "48,000 residents") in bridge.right_only


def test_one_sided_means_in_no_link(bridge):
    linked = {sid for link in bridge.links for sid in link.left + link.right}
    assert not linked & set(bridge.left_only + bridge.right_only)


def test_scores_are_probabilities_and_best_links_are_one_to_one_or_one_to_two(bridge):
    assert all(0.0 <= link.score <= 1.0 for link in bridge.links)
    assert all(0.0 <= link.same_claim <= 1.0 for link in bridge.links)
    best = [link for link in bridge.links if link.best]
    assert best and all(len(link.left) + len(link.right) <= 3 for link in best)
    in_best = [sid for link in best for sid in link.left + link.right]
    assert len(in_best) == len(set(in_best))


def test_json_keeps_every_link_of_a_sentence_and_which_are_best(bridge):
    data = json.loads(json.dumps(analysis_to_dict(bridge)))
    counts: dict[str, int] = {}
    for link in data["links"]:
        assert isinstance(link["best"], bool) and isinstance(link["same_claim"], float)
        for sid in link["left"]:
            counts[sid] = counts.get(sid, 0) + 1
    assert max(counts.values()) >= 2
    assert analysis_from_dict(data).links == bridge.links


def test_a_denial_sharing_few_words_is_linked_to_the_claim_it_disputes():
    analysis = _analysis(PLEDGE_LEFT, PLEDGE_RIGHT)
    claim = _sentence_id(analysis.left, "has asked overseas app makers")
    denial = _sentence_id(analysis.right, "dismissed as untrue")
    assert (claim, denial) in _pairs(analysis)
    assert _sentence_id(analysis.left, "Priya Nandakumar") in analysis.left_only
    assert _sentence_id(analysis.left, "internet users") in analysis.left_only


def test_semantic_off_loads_no_model(monkeypatch):
    from crosscheck.engine import semantic

    def refuse(tier):
        raise AssertionError(f"the {tier} model was loaded")

    monkeypatch.setattr(semantic, "encoder", refuse)
    analysis = _analysis(BRIDGE_LEFT, BRIDGE_RIGHT, semantic="off")
    cost = _sentence_id(analysis.left, "$4.2 million")
    assert (cost, _sentence_id(analysis.right, "$6.5 million")) in _pairs(analysis)


def test_every_link_of_the_graph_survives_the_contradiction_step(bridge):
    from crosscheck.engine.analyze import align

    graph = {link.id for link in align(bridge.left, bridge.right).links}
    assert graph <= {link.id for link in bridge.links}


def test_long_articles_use_retrieval_and_still_find_the_counterparts(monkeypatch):
    from crosscheck.engine import relate

    monkeypatch.setattr(relate, "ALL_PAIRS_UP_TO", 4)  # force the top-k retrieval path
    analysis = _analysis(BRIDGE_LEFT, BRIDGE_RIGHT)
    cost = _sentence_id(analysis.left, "$4.2 million")
    assert (cost, _sentence_id(analysis.right, "$6.5 million")) in _pairs(analysis)
    inspection = _sentence_id(analysis.left, "inspection in January")
    assert (inspection, _sentence_id(analysis.right, "inspection in January")) in _pairs(analysis)


def test_reports_count_further_counterparts_apart_from_the_best_links(bridge):
    from crosscheck.reports import render_analysis
    from crosscheck.reports.rows import report_rows, summary_counts

    counts = summary_counts(bridge)
    others = sum(1 for link in bridge.links if not link.best)
    assert counts["further counterparts"] == others
    assert sum(counts[k] for k in ("identical", "paraphrase", "related")) == sum(
        1 for link in bridge.links if link.best)
    kinds = {row.ids: row.kind for row in report_rows(bridge)}
    assert all(kinds[link.id].startswith("also ") != link.best for link in bridge.links)
    assert f"{others} further counterparts" in render_analysis(bridge, "text", color=False)
