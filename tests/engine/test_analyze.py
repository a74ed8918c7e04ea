"""The pipeline end to end on small pairs: links, one-sided sentences, determinism, JSON."""

from __future__ import annotations

import json

from crosscheck.engine.analyze import analyze
from crosscheck.engine.ingest import document_from_text
from crosscheck.engine.jsonio import analysis_from_dict, analysis_to_dict

LEFT = (
    "Valdoria asks tech firms to sign pledge\n\n"
    "The government of Valdoria asked twelve foreign technology companies to sign a compliance "
    "pledge on Monday. "
    "The pledge would require the companies to store all user data on servers inside Valdoria. "
    "Firms that refuse could face penalties, the document says.\n\n"
    "The harbour festival drew record crowds over the weekend.\n"
)
RIGHT = (
    "Officials dispute report on tech pledge\n\n"
    "Firms that refuse could face penalties, according to the document. "
    "Officials said the government asked nine foreign technology companies to sign a compliance "
    "pledge on Friday. "
    "The companies would have to keep all user data on servers located inside Valdoria, the "
    "pledge says.\n\n"
    "A new cycling lane opened in the capital.\n"
)


def run():
    return analyze(document_from_text(LEFT, source="left.txt", side="L"),
                   document_from_text(RIGHT, source="right.txt", side="R"))


def texts(analysis, link):
    return (" ".join(analysis.left.sentence(s).text for s in link.left),
            " ".join(analysis.right.sentence(s).text for s in link.right))


def test_reordered_counterparts_are_linked():
    analysis = run()
    pairs = {(link.left, link.right) for link in analysis.links}
    assert (("L1",), ("R2",)) in pairs
    assert (("L2",), ("R3",)) in pairs
    assert (("L3",), ("R1",)) in pairs


def test_unrelated_sentences_are_one_sided():
    analysis = run()
    assert "L4" in analysis.left_only
    assert "R4" in analysis.right_only


def test_near_copy_is_identical_and_reworded_claim_is_not():
    analysis = run()
    kinds = {link.id: link.kind for link in analysis.links}
    assert kinds["L3~R1"] == "identical"
    assert kinds["L2~R3"] in {"paraphrase", "related"}


def test_every_link_has_a_diff_that_rebuilds_the_left_side():
    analysis = run()
    for link in analysis.links:
        left, _ = texts(analysis, link)
        rebuilt = "".join(p.text for p in link.diff if p.op != "right")
        assert rebuilt.split() == left.split()


def test_same_input_gives_byte_identical_json():
    first = json.dumps(analysis_to_dict(run()), sort_keys=False)
    second = json.dumps(analysis_to_dict(run()), sort_keys=False)
    assert first == second


def test_json_round_trip_preserves_the_analysis():
    analysis = run()
    again = analysis_from_dict(json.loads(json.dumps(analysis_to_dict(analysis))))
    assert again.links == analysis.links
    assert again.left.sentences == analysis.left.sentences
    assert again.right_only == analysis.right_only


def test_json_has_the_documented_fields():
    data = analysis_to_dict(run())
    assert data["schema"] == "crosscheck.analysis/1"
    for side, prefix in (("left", "L"), ("right", "R")):
        doc = data[side]
        assert {"source", "title", "sha256", "text", "sentences"} <= set(doc)
        for index, sentence in enumerate(doc["sentences"]):
            assert sentence["id"] == f"{prefix}{index}"
            assert doc["text"][sentence["start"] : sentence["end"]] == sentence["text"]
            assert isinstance(sentence["boilerplate"], bool)
    for link in data["links"]:
        assert {"id", "left", "right", "kind", "score", "diff", "contradiction"} <= set(link)
        assert link["kind"] in {"identical", "paraphrase", "related"}
        assert 0.0 <= link["score"] <= 1.0


def test_analyze_leaves_the_cycle_collector_as_it_found_it() -> None:
    import gc

    from crosscheck.engine.analyze import analyze
    from crosscheck.engine.ingest import document_from_text

    left = document_from_text("The ferry sank on Monday. Nine people were rescued.",
                              source="l.txt", side="L")
    right = document_from_text("The ferry sank on Tuesday. Seven were rescued.",
                               source="r.txt", side="R")
    assert gc.isenabled()
    analyze(left, right, semantic="off")
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(left, right, semantic="off")
        assert not gc.isenabled()
    finally:
        gc.enable()
