"""find_contradictions as the pipeline calls it: spans, new links, ordering, cost."""

from __future__ import annotations

from contradict_helpers import document

from crosscheck.engine.contradict import find_contradictions
from crosscheck.engine.model import Link, link_id

LEFT = [
    "The service has 650 million users, the company said.",
    "Regulators from Norland reported that the firm hid data from users.",
    "The weather was mild.",
]
RIGHT = [
    "The service has 600 million users, the company said.",
    "An official said the Norland report on hidden data was inaccurate.",
    "A new park opened downtown.",
]


def _link(left: str, right: str) -> Link:
    return Link(link_id((left,), (right,)), (left,), (right,), "paraphrase", 0.8)


def run(candidates=()):
    ldoc, rdoc = document(LEFT, "L"), document(RIGHT, "R")
    return ldoc, rdoc, find_contradictions(ldoc, rdoc, [_link("L0", "R0")], list(candidates))


def test_reason_spans_point_into_each_document() -> None:
    ldoc, rdoc, (link,) = run()
    (reason,) = link.contradiction.reasons
    assert ldoc.text[slice(*reason.left_span)] == reason.left == "650 million users"
    assert rdoc.text[slice(*reason.right_span)] == reason.right == "600 million users"
    assert reason.explanation == "650 million users vs 600 million users"


def test_a_denial_without_alignment_becomes_a_new_related_link() -> None:
    _, _, links = run([("L1", "R1", 0.8), ("L2", "R2", 0.6)])
    extra = [k for k in links if k.id == "L1~R1"]
    assert extra and extra[0].kind == "related" and extra[0].score == 0.8
    assert extra[0].diff == () and "denial" in {r.type for r in extra[0].contradiction.reasons}
    assert not any(k.id == "L2~R2" for k in links)


def test_a_weakly_related_pair_cannot_be_a_likely_contradiction() -> None:
    """The same denial, on a pair the aligner thinks only weakly related, is not flagged."""
    _, _, links = run([("L1", "R1", 0.3)])
    assert not any(k.id == "L1~R1" and k.contradiction and k.contradiction.score >= 0.5
                   for k in links)


def test_links_without_evidence_are_returned_unchanged() -> None:
    ldoc, rdoc = document(["The weather was mild."], "L"), document(["A park opened."], "R")
    link = _link("L0", "R0")
    assert find_contradictions(ldoc, rdoc, [link], []) == [link]


def test_output_is_deterministic_whatever_the_candidate_order() -> None:
    candidates = [("L1", "R1", 0.27), ("L2", "R2", 0.25), ("L1", "R2", 0.22)]
    first = run(candidates)[2]
    assert run(list(reversed(candidates)))[2] == first


def test_thousands_of_links_are_each_checked() -> None:
    sentences = [f"Team {i} scored {i % 7 + 1} goals on Friday in Lorvik, coach Ana Ruiz said."
                 for i in range(2000)]
    others = [f"Team {i} scored {i % 5 + 1} goals on Sunday in Lorvik, coach Ana Ruiz said."
              for i in range(2000)]
    ldoc, rdoc = document(sentences, "L"), document(others, "R")
    links = [_link(f"L{i}", f"R{i}") for i in range(2000)]
    candidates = [(f"L{i}", f"R{(i + 1) % 2000}", 0.3) for i in range(2000)]
    found = find_contradictions(ldoc, rdoc, links, candidates)
    assert sum(1 for k in found if k.contradiction and k.contradiction.score >= 0.5) >= 2000
