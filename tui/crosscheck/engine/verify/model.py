"""Load and run the verifier model (int8 ONNX on onnxruntime's CPU provider)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from crosscheck.engine.semantic.tokenizer import (
    TOKENIZER_FILE,
    TOKENIZER_SHA256,
    SemanticModelError,
    verified_bytes,
)

ASSETS = Path(__file__).resolve().parent / "assets"
META_FILE = ASSETS / "verifier.json"
RELATIONS = ("consistent", "conflict", "different")
TYPES = ("none", "number", "date", "entity", "negation", "antonym", "modality", "denial",
         "quote")
# One pair per onnxruntime call: the int8 model quantises its activations per call, so a pair
# batched with others gets other scales (its logits moved by up to 0.97, measured); one pair a
# call makes every verdict depend on its own pair only. Pairs are short, so one session thread
# per call and one call per core (THREADS at once) reads 2.5 times as many pairs a second on
# two cores as one call at a time on two session threads (315 against 126, measured).
THREADS = max(1, min(4, os.cpu_count() or 1))


class VerifierError(SemanticModelError):
    """The verifier's model data file is missing or damaged (a missing or damaged model file
    raises the parent class, as the sentence model's does)."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verifier's reading of one pair: probabilities summing to 1, and the conflict type."""

    consistent: float
    conflict: float
    different: float
    type: str
    type_probability: float


def model_file() -> Path:
    """The ONNX file: ``$CROSSCHECK_VERIFIER_FILE`` if set, else the one in our wheel."""
    override = os.environ.get("CROSSCHECK_VERIFIER_FILE")
    return Path(override) if override else ASSETS / "verifier.onnx"


@lru_cache(maxsize=1)
def _meta() -> dict:
    try:
        meta = json.loads(META_FILE.read_text(encoding="utf-8"))
        if not (isinstance(meta, dict) and isinstance(meta.get("sha256"), str)
                and float(meta["temperature"]) > 0 and int(meta["max_tokens"]) > 0):
            raise ValueError("fields missing")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise VerifierError(f"the verifier's model data (verifier.json) is missing or damaged "
                            f"({exc}); reinstall crosscheck-tui") from None
    return meta


class Verifier:
    """Pair classification, one pair a call, ``threads`` calls at once. One instance holds one
    onnxruntime session (its ``run`` may be called from several threads)."""

    def __init__(self, session, tokenizer, temperature: float, threads: int = 1) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._temperature = temperature
        self._threads = max(1, threads)

    def verify(self, pairs: Sequence[tuple[str, str]]) -> list[Verdict]:
        """One verdict per (left, right) pair, in order."""
        if not pairs:
            return []
        encodings = self._tokenizer.encode_batch(list(pairs))
        relation = np.zeros((len(pairs), len(RELATIONS)), dtype=np.float32)
        kinds = np.zeros((len(pairs), len(TYPES)), dtype=np.float32)

        def run(indices: Sequence[int]) -> None:
            for i in indices:
                e = encodings[i]
                ids = np.array([e.ids], dtype=np.int64)
                out_relation, out_type = self._session.run(None, {
                    "input_ids": ids, "attention_mask": np.ones_like(ids),
                    "token_type_ids": np.array([e.type_ids], dtype=np.int64)})
                relation[i], kinds[i] = out_relation[0], out_type[0]

        # Interleaved shares keep the threads' loads even; each pair is its own call, so the
        # split changes no verdict.
        shares = [range(k, len(pairs), self._threads) for k in range(self._threads)]
        if self._threads == 1 or len(pairs) == 1:
            run(range(len(pairs)))
        else:
            with ThreadPoolExecutor(max_workers=self._threads) as pool:
                list(pool.map(run, shares))
        probabilities = _softmax(relation / self._temperature)
        type_probabilities = _softmax(kinds[:, 1:])  # a conflict's type is never "none"
        best = type_probabilities.argmax(axis=1)
        return [Verdict(round(float(p[0]), 4), round(float(p[1]), 4), round(float(p[2]), 4),
                        TYPES[1 + int(k)], round(float(t[k]), 4))
                for p, k, t in zip(probabilities, best, type_probabilities, strict=True)]


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def check_verifier_file() -> None:
    """Raise ``VerifierError``'s parent (one line) if the model file is missing or damaged,
    without loading onnxruntime, so the CLI can refuse before any work."""
    path = model_file()
    what = "the conflict verifier model" if path == ASSETS / "verifier.onnx" else (
        f"the conflict verifier model {str(path)!r} ($CROSSCHECK_VERIFIER_FILE)")
    verified_bytes(path, _meta()["sha256"], what)


@lru_cache(maxsize=1)
def load_verifier() -> Verifier:
    """The shipped verifier, checked against its sha256; a one-line error when it is not."""
    import onnxruntime
    from tokenizers import Tokenizer

    meta = _meta()
    path = model_file()
    what = "the conflict verifier model" if path == ASSETS / "verifier.onnx" else (
        f"the conflict verifier model {str(path)!r} ($CROSSCHECK_VERIFIER_FILE)")
    data = verified_bytes(path, meta["sha256"], what)
    tokenizer = Tokenizer.from_str(
        verified_bytes(TOKENIZER_FILE, TOKENIZER_SHA256, "the sentence tokenizer").decode())
    tokenizer.no_padding()
    tokenizer.enable_truncation(int(meta["max_tokens"]))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        session = onnxruntime.InferenceSession(data, options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own untyped errors
        raise VerifierError(f"the conflict verifier could not be loaded: {exc}") from None
    return Verifier(session, tokenizer, float(meta["temperature"]), THREADS)
