"""Sentence embeddings: offline, verified at load, cached, and meaningful in both tiers."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from crosscheck.engine import semantic
from crosscheck.engine.semantic import (
    SemanticModelError,
    check_model_files,
    choose_tier,
    embed,
)

# Written for these tests: a claim, the same claim reworded, and a sentence on another matter.
CLAIM = "The mayor said the new library will open in the spring of next year."
REWORDED = "According to the mayor, next spring is when the new library is due to open."
OTHER = "Heavy snow closed three mountain passes on the border overnight."


@pytest.mark.parametrize("tier", ["full", "fast"])
def test_reworded_claim_is_closer_than_another_matter(tier):
    vectors = embed([CLAIM, REWORDED, OTHER], tier)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    same, different = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > 0.6
    assert same - different > 0.4


def test_both_tiers_find_the_reworded_claim_closest():
    pairs = [(CLAIM, REWORDED), (CLAIM, OTHER), (REWORDED, OTHER)]
    for tier in ("full", "fast"):
        cosines = [float(a @ b) for a, b in (embed(list(p), tier) for p in pairs)]
        assert int(np.argmax(cosines)) == 0, (tier, cosines)


def test_each_sentence_is_encoded_once_per_session(monkeypatch):
    class CountingEncoder:
        dimension = 3
        seen: list[str] = []

        def encode(self, texts):
            self.seen.extend(texts)
            return np.tile(np.array([1.0, 0.0, 0.0], dtype=np.float32), (len(texts), 1))

    counting = CountingEncoder()
    monkeypatch.setattr(semantic, "encoder", lambda tier: counting)
    monkeypatch.setattr(semantic, "_cache", {})
    embed(["one sentence.", "two sentence.", "one sentence."], "full")
    embed(["two sentence.", "three sentence."], "full")
    assert counting.seen == ["one sentence.", "two sentence.", "three sentence."]


def test_a_full_cache_is_cleared_without_losing_the_rows_a_call_already_found(monkeypatch):
    class IndexEncoder:
        dimension = 1

        def encode(self, texts):
            return np.array([[float(t.split()[-1])] for t in texts], dtype=np.float32)

    monkeypatch.setattr(semantic, "encoder", lambda tier: IndexEncoder())
    monkeypatch.setattr(semantic, "_cache", {})
    monkeypatch.setattr(semantic, "_CACHE_LIMIT", 3)
    embed(["s 1", "s 2"], "full")
    # Two seen and two new sentences overflow the cache: it is cleared mid-call.
    rows = embed(["s 1", "s 3", "s 2", "s 4"], "full")
    assert rows.ravel().tolist() == [1.0, 3.0, 2.0, 4.0]


@pytest.mark.parametrize(("choice", "count", "expected"), [
    ("full", 100_000, "full"),
    ("fast", 3, "fast"),
    ("off", 3, None),
])
def test_a_named_tier_is_used_at_any_size(choice, count, expected):
    assert choose_tier(choice, count) == expected


def _measured(monkeypatch, probe: float) -> None:
    from crosscheck.engine.semantic import cost

    monkeypatch.delenv("CROSSCHECK_SEMANTIC_RATE", raising=False)
    monkeypatch.setattr(cost, "probe_seconds", lambda: probe)
    monkeypatch.setattr(cost, "_runs", {"sentences": 0, "seconds": 0.0, "load": None})
    monkeypatch.setattr(semantic, "_loaded", set())


def test_auto_takes_the_transformer_while_this_machine_does_it_quickly(monkeypatch):
    from crosscheck.engine.semantic import cost

    _measured(monkeypatch, cost.REFERENCE_PROBE_SECONDS)
    assert choose_tier("auto", 2) == "full"
    assert choose_tier("auto", 5_000) == "fast"


def test_auto_gives_a_slower_machine_the_static_tier_sooner(monkeypatch):
    from crosscheck.engine.semantic import cost

    _measured(monkeypatch, cost.REFERENCE_PROBE_SECONDS)
    fast_machine = max(n for n in range(1, 500) if choose_tier("auto", n) == "full")
    _measured(monkeypatch, cost.REFERENCE_PROBE_SECONDS * 3)
    slow_machine = max((n for n in range(1, 500) if choose_tier("auto", n) == "full"), default=0)
    assert slow_machine < fast_machine


def test_auto_learns_the_transformers_own_throughput_and_load(monkeypatch):
    from crosscheck.engine.semantic import cost

    _measured(monkeypatch, cost.REFERENCE_PROBE_SECONDS)
    before = max(n for n in range(1, 2_000) if choose_tier("auto", n) == "full")
    cost.record_load(0.01)
    cost.record_run(1_000, 1.0)  # ran four times as fast as the probe expected
    semantic._loaded.add("full")  # and it is loaded now: no load cost left
    after = max(n for n in range(1, 2_000) if choose_tier("auto", n) == "full")
    assert after > 3 * before


def test_a_pinned_rate_replaces_the_measurement(monkeypatch):
    monkeypatch.setenv("CROSSCHECK_SEMANTIC_RATE", "10")
    monkeypatch.setattr(semantic, "_loaded", set())
    assert choose_tier("auto", 5) == "fast"  # 0.24 s to load + 0.5 s to embed
    monkeypatch.setenv("CROSSCHECK_SEMANTIC_RATE", "100000")
    assert choose_tier("auto", 1_000) == "full"


def test_damaged_model_file_is_refused(tmp_path, monkeypatch):
    damaged = tmp_path / "model.onnx"
    damaged.write_bytes(b"not a model at all")
    monkeypatch.setenv("CROSSCHECK_MODEL_FILE", str(damaged))
    with pytest.raises(SemanticModelError, match="damaged"):
        check_model_files("full", 10)
    check_model_files("fast", 10)  # the fast tier does not need the ONNX file
    check_model_files("off", 10)


@pytest.mark.parametrize(("content", "message"), [
    (None, "is missing"),
    (b"\x00" * 64, "is damaged"),
])
def test_cli_reports_a_bad_model_file_in_one_line(tmp_path, content, message):
    model = tmp_path / "model.onnx"
    if content is not None:
        model.write_bytes(content)
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text(CLAIM + " " + OTHER + "\n", encoding="utf-8")
    right.write_text(REWORDED + "\n", encoding="utf-8")
    # Its own data dir (a cached analysis needs no model), and the tier that needs the file
    # (`auto` may pick the static tier by measured cost on this machine).
    env = {"CROSSCHECK_MODEL_FILE": str(model), "PATH": "/usr/bin:/bin",
           "CROSSCHECK_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "crosscheck", "analyze", "--semantic", "full", str(left),
         str(right)],
        capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error: ")
    assert message in lines[0] and "Traceback" not in result.stderr


def test_analyze_with_semantics_imports_no_torch_or_network_hub():
    code = (
        "import sys\n"
        "from crosscheck.engine.semantic import embed\n"
        "embed(['A sentence.'], 'full'); embed(['A sentence.'], 'fast')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'torch', 'transformers', 'huggingface_hub', 'requests', 'textual'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
