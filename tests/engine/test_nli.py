"""The optional NLI backend: local loading, label mapping, batching, errors, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.engine.nli import label_indices, load_nli
from crosscheck.errors import CrosscheckError

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "fire", "was", "not", "started",
         "at", "night", "by", "a", "worker", "users", "million"]


def _tiny_model(directory: Path, id2label: dict[int, str]) -> Path:
    """A randomly initialised two-layer BERT classifier with a handmade vocabulary."""
    transformers = pytest.importorskip("transformers", reason="the [nli] extra is not installed")
    pytest.importorskip("torch", reason="the [nli] extra is not installed")
    (directory / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizer(str(directory / "vocab.txt"))
    config = transformers.BertConfig(
        vocab_size=len(VOCAB), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64, num_labels=len(id2label),
        id2label=id2label, label2id={v: k for k, v in id2label.items()})
    model = transformers.BertForSequenceClassification(config)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


@pytest.mark.parametrize(("id2label", "expected"), [
    ({0: "contradiction", 1: "entailment", 2: "neutral"}, 0),
    ({0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"}, 2),
    ({"0": "entail", "1": "Contra", "2": "neutral"}, 1),
])
def test_labels_are_mapped_case_insensitively_with_prefixes(id2label, expected) -> None:
    assert label_indices(id2label)["contradiction"] == expected


def test_a_model_without_a_contradiction_label_is_refused() -> None:
    with pytest.raises(CrosscheckError, match="no contradiction label"):
        label_indices({0: "LABEL_0", 1: "LABEL_1"})


def test_tiny_local_model_scores_pairs_in_batches(tmp_path: Path) -> None:
    path = _tiny_model(tmp_path, {0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"})
    scorer = load_nli(str(path), batch_size=2)
    assert scorer.contradiction == 2
    pairs = [("the fire was started at night", "the fire was not started at night")] * 3 + \
        [("a worker", "million users")]
    scores = scorer.score(pairs)
    assert len(scores) == 4 and all(0.0 <= s <= 1.0 for s in scores)
    assert scores[0] == scores[1] == scores[2]  # batching does not change a pair's score
    assert load_nli(str(path), batch_size=4).score(pairs) == pytest.approx(scores, abs=1e-3)


def test_model_evidence_is_added_as_a_reason(tmp_path: Path) -> None:
    from contradict_helpers import document

    from crosscheck.engine.contradict import find_contradictions
    from crosscheck.engine.model import Link

    class Always:
        def score(self, pairs):
            return [0.9 for _ in pairs]

    ldoc, rdoc = document(["The fire was started at night."], "L"), document(["It rained."], "R")
    (link,) = find_contradictions(ldoc, rdoc, [Link("L0~R0", ("L0",), ("R0",), "related", 0.9)],
                                  [], nli=Always())
    (reason,) = link.contradiction.reasons
    assert reason.type == "model" and link.contradiction.score >= 0.5
    # The model's probability is conflict evidence; a weakly related pair still cannot pass.
    (weak,) = find_contradictions(ldoc, rdoc, [Link("L0~R0", ("L0",), ("R0",), "related", 0.3)],
                                  [], nli=Always())
    assert weak.contradiction.score < 0.5


def test_a_wrong_path_is_a_one_line_error(tmp_path: Path) -> None:
    pytest.importorskip("transformers", reason="the [nli] extra is not installed")
    with pytest.raises(CrosscheckError) as caught:
        load_nli(str(tmp_path / "no-such-model"))
    assert "cannot load NLI model" in str(caught.value) and "\n" not in str(caught.value)


def test_analysis_without_nli_imports_neither_transformers_nor_torch() -> None:
    code = (
        "import sys\n"
        "import crosscheck.engine.contradict, crosscheck.engine.nli, crosscheck.engine.analyze\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'torch', 'transformers'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_missing_extra_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)
    monkeypatch.setitem(sys.modules, "transformers", None)
    with pytest.raises(CrosscheckError, match=r"crosscheck-tui\[nli\]"):
        load_nli("any-model")
