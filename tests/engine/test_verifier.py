"""The conflict verifier: loading, batching, pair selection, the combined score and the reason
it gives when no rule explains a conflict it found."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from crosscheck.engine.ingest import document_from_text
from crosscheck.engine.model import Link, link_id
from crosscheck.engine.verify import Verdict, load_verifier
from crosscheck.engine.verify.check import Checked, verify_links
from crosscheck.engine.verify.combine import contradiction_score
from crosscheck.engine.verify.model import model_file
from crosscheck.engine.verify.reason import model_reason
from crosscheck.engine.verify.select import Candidate, choose, slots

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import ARTICLE, OTHER, assert_one_error_line, run  # noqa: E402

# Written for these tests (not from any corpus): a claim, a reworded conflict, a paraphrase.
CLAIM = "Five people were hurt when the roof of the market hall collapsed on Sunday."
CONFLICT = "Two shoppers suffered minor injuries as the market hall's roof gave way."
PARAPHRASE = "The collapse of the market hall roof on Sunday left five people injured."


def test_probabilities_are_a_distribution_and_the_type_is_named():
    verdicts = load_verifier().verify([(CLAIM, CONFLICT), (CLAIM, PARAPHRASE)])
    for v in verdicts:
        assert v.consistent + v.conflict + v.different == pytest.approx(1.0, abs=2e-3)
        assert v.type in {"number", "date", "entity", "negation", "antonym", "modality",
                          "denial", "quote"}


def test_batching_gives_the_same_verdicts_in_the_same_order():
    verifier = load_verifier()
    pairs = [(CLAIM, CONFLICT), (CLAIM, PARAPHRASE), (PARAPHRASE, CONFLICT)] * 15
    pairs += [(CLAIM + " " + CLAIM, "Short.")]
    together = verifier.verify(pairs)
    # A pair's verdict depends on that pair alone, however many are read in one call.
    for pair, verdict in zip(pairs[:4] + pairs[-1:], together[:4] + together[-1:], strict=True):
        alone = verifier.verify([pair])[0]
        assert alone == verdict
        assert alone.type == verdict.type
    assert verifier.verify([]) == []


def test_the_verifier_tells_a_reworded_conflict_from_a_paraphrase():
    conflict, paraphrase = load_verifier().verify([(CLAIM, CONFLICT), (CLAIM, PARAPHRASE)])
    assert conflict.conflict > paraphrase.conflict
    assert paraphrase.consistent > paraphrase.conflict
    assert conflict.type == "number"


def test_a_damaged_model_file_is_one_error_line(tmp_path):
    damaged = tmp_path / "verifier.onnx"
    shutil.copyfile(model_file(), damaged)
    with damaged.open("r+b") as handle:
        handle.seek(1000)
        handle.write(b"\x00" * 16)
    left, right = tmp_path / "l.txt", tmp_path / "r.txt"
    left.write_text(ARTICLE)
    right.write_text(OTHER)
    result = run(["analyze", str(left), str(right), "--verifier", "on"], data_dir=tmp_path,
                 env={"CROSSCHECK_VERIFIER_FILE": str(damaged)})
    assert "damaged" in assert_one_error_line(result)
    missing = run(["analyze", str(left), str(right), "--verifier", "on"], data_dir=tmp_path,
                  env={"CROSSCHECK_VERIFIER_FILE": str(tmp_path / "none.onnx")})
    assert "missing" in assert_one_error_line(missing)
    # Without the verifier (the default) the same damaged file is never read.
    rules_only = run(["analyze", str(left), str(right)], data_dir=tmp_path,
                     env={"CROSSCHECK_VERIFIER_FILE": str(damaged)})
    assert rules_only.returncode == 0, rules_only.stderr


def test_the_combined_score():
    # The verifier alone, the rules alone, and both.
    assert contradiction_score(0.9, 0.0, 1.0, 0.0) == pytest.approx(0.9)
    assert contradiction_score(0.0, 0.8, 1.0, 0.0, 0.5) == pytest.approx(0.4, abs=1e-3)  # half
    assert contradiction_score(0.9, 0.8, 1.0) > contradiction_score(0.9, 0.0, 1.0)
    # A weakly related pair cannot be likely, whatever the evidence.
    assert contradiction_score(0.99, 0.9, 0.3) < 0.5
    # More conflict probability never lowers the score.
    scores = [contradiction_score(p / 10, 0.6, 0.9) for p in range(11)]
    assert scores == sorted(scores)


def _documents():
    left = document_from_text(f"Market roof falls\n\n{CLAIM}\n\nThe mayor visited the site."
                              "\n\nThe hall opened in 1990.", source="l", side="L")
    right = document_from_text(f"Roof gives way\n\n{CONFLICT}\n\nTraffic was slow downtown."
                               "\n\nThe hall was built in 1990.", source="r", side="R")
    return left, right


def test_a_model_reason_names_the_words_that_differ_as_document_spans():
    left, right = _documents()
    reason = model_reason("number", 0.91, [left.sentences[1]], [right.sentences[1]])
    assert reason.type == "number"
    assert "verifier model" in reason.explanation
    assert left.text[slice(*reason.left_span)] == reason.left
    assert right.text[slice(*reason.right_span)] == reason.right
    assert "Five" in reason.left and "Two" in reason.right


def test_model_reason_spans_stay_on_whole_words_when_punctuation_differs():
    # Written for this test: the right side has commas the left lacks, before the change.
    left = document_from_text("Her lawyer Ruth Engel said she held no accounts abroad.",
                              source="l", side="L")
    right = document_from_text("Her lawyer, Ruth Engel, said she had hidden money abroad.",
                               source="r", side="R")
    reason = model_reason("quote", 0.8, [left.sentences[0]], [right.sentences[0]])
    assert reason.left == "held no accounts"
    assert reason.right == "had hidden money"
    assert right.text[slice(*reason.right_span)] == reason.right


class FakeVerifier:
    """Reads a conflict in every pair whose left side mentions 'Five'."""

    def __init__(self):
        self.read: list[tuple[str, str]] = []

    def verify(self, pairs):
        self.read.extend(pairs)
        return [Verdict(0.005, 0.99, 0.005, "number", 0.8) if "Five" in a
                else Verdict(0.7, 0.05, 0.25, "number", 0.5) for a, _ in pairs]


def test_verify_links_scores_graph_links_and_adds_likely_conflicts_outside_it():
    left, right = _documents()
    quiet = Link(link_id(("L3",), ("R3",)), ("L3",), ("R3",), "related", 0.9, best=True)
    unread = Link(link_id(("L2",), ("R2",)), ("L2",), ("R2",), "related", 0.9, best=True)
    checked: list[Checked] = []
    fake = FakeVerifier()
    links = verify_links(left, right, [quiet, unread], [("L1", "R1", 0.85)], fake,
                         checked=checked)
    by_id = {link.id: link for link in links}
    new = by_id["L1~R1"]
    assert new.kind == "related" and not new.best
    assert new.contradiction.score >= 0.5
    (reason,) = new.contradiction.reasons
    assert reason.type == "number" and "verifier model" in reason.explanation
    # The graph link read stays, scored low and with no reason, so the queue can order by it.
    kept = by_id["L3~R3"]
    assert kept.contradiction is not None
    assert kept.contradiction.score < 0.2 and not kept.contradiction.reasons
    # Two sentences with no slot in common are not read: the rules alone, which find nothing.
    assert by_id["L2~R2"].contradiction is None
    assert {(c.candidate.left, c.candidate.right) for c in checked} == {
        (("L1",), ("R1",)), (("L3",), ("R3",))}


def test_selection_reads_only_pairs_that_can_conflict_within_the_budget():
    left, right = _documents()
    from crosscheck.engine.contradict import FeatureCache

    lf, rf = FeatureCache(left), FeatureCache(right)
    lslots = {s.id: slots(lf.one(s.id)) for s in left.sentences}
    rslots = {s.id: slots(rf.one(s.id)) for s in right.sentences}
    assert "figure" in lslots["L1"]
    offered = [Candidate(("L1",), ("R1",), 0.8, 2), Candidate(("L2",), ("R2",), 0.9, 0),
               Candidate(("L2",), ("R2",), 0.9, 0, forced=True)]
    chosen = choose(offered, lslots, rslots, budget=5)
    # "The mayor visited the site" vs "Traffic was slow": no shared slot, read only when forced.
    assert [c.forced for c in chosen if c.left == ("L2",)] == [True]
    assert choose(offered, lslots, rslots, budget=1) == chosen[:1]
    assert chosen[0].forced  # a reviewer's link is read first



def test_the_json_says_whether_the_verifier_read_the_pairs():
    from crosscheck.engine.analyze import analyze
    from crosscheck.engine.jsonio import analysis_from_dict, analysis_to_dict

    left, right = _documents()
    for verify in (False, True):
        data = analysis_to_dict(analyze(left, right, semantic="off", verify=verify))
        assert data["verifier"] is verify
        assert analysis_to_dict(analysis_from_dict(data)) == data


def _quoting(text: str):
    from crosscheck.engine.contradict.features import sentence_features

    return sentence_features(document_from_text(text, source="t.txt", side="left").sentences[0])


def test_a_quote_conflict_needs_one_speaker_on_both_sides():
    """Two people's quotations are two statements, not one quoted differently."""
    from crosscheck.engine.contradict.rules import one_speaker

    mara = _quoting('"We will win this fight easily," said Mara Velkov on Friday.')
    mara_again = _quoting('Velkov told reporters: "This fight will be hard for us."')
    jonas = _quoting('"I am ready for anything," Jonas Brandt said on Friday.')
    unnamed = _quoting('"The fight will be hard," a trainer said.')
    assert not one_speaker(mara, jonas)
    assert one_speaker(mara, mara_again)
    assert one_speaker(mara, unnamed)
