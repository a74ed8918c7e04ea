"""What the full tier would cost on this machine, measured here, for ``auto``'s choice.

``auto`` takes the transformer when loading it (if it is not loaded yet) and embedding the
pair's sentences is expected to take at most ``AUTO_FULL_SECONDS``; otherwise the static tier.
The expected throughput is measured, not assumed: once the transformer has embedded enough
sentences in this process, from its own runs; before that, from a 1-ms matrix-product probe
of this CPU scaled by the ratio measured on the reference machine (BENCHMARKS.md). The probe
runs the same kind of products as the transformer's feed-forward layers, so a slower CPU, or
one busy with other work, gets the static tier sooner. ``$CROSSCHECK_SEMANTIC_RATE``
(sentences a second) replaces the measurement, for scripts and tests that need a fixed choice.
"""

from __future__ import annotations

import os
import threading
import time
from functools import lru_cache

import numpy as np

AUTO_FULL_SECONDS = 0.3
# Measured together on the reference machine, quiet (2-core x86_64 VM, AVX-512 VNNI,
# onnxruntime 1.32): the probe's best time, the transformer's throughput on real news
# sentences (MRPC, ECB+) with two threads, and its session's load time with the model's hash.
REFERENCE_PROBE_SECONDS = 0.00065
REFERENCE_RATE = 130.0
REFERENCE_LOAD_SECONDS = 0.24
# The transformer's own runs replace the probe once they have seen this many sentences.
MEASURED_FROM = 64

_lock = threading.Lock()
_runs = {"sentences": 0, "seconds": 0.0, "load": None}


def full_tier_seconds(n_sentences: int, loaded: bool) -> float:
    """Expected seconds for the full tier to embed ``n_sentences`` (plus its load if not
    ``loaded``)."""
    rate, load = _rate_and_load()
    return (0.0 if loaded else load) + n_sentences / rate


def record_run(sentences: int, seconds: float) -> None:
    """The transformer embedded ``sentences`` in ``seconds`` (its measured throughput)."""
    with _lock:
        _runs["sentences"] += sentences
        _runs["seconds"] += seconds


def record_load(seconds: float) -> None:
    """The transformer's session took ``seconds`` to load here."""
    with _lock:
        _runs["load"] = seconds


def _rate_and_load() -> tuple[float, float]:
    pinned = os.environ.get("CROSSCHECK_SEMANTIC_RATE")
    if pinned:
        try:
            rate = float(pinned)
        except ValueError:
            rate = 0.0
        if rate > 0:
            return rate, REFERENCE_LOAD_SECONDS
    with _lock:
        runs = dict(_runs)
    speed = REFERENCE_PROBE_SECONDS / probe_seconds()
    load = runs["load"] if runs["load"] is not None else REFERENCE_LOAD_SECONDS / speed
    if runs["sentences"] >= MEASURED_FROM and runs["seconds"] > 0:
        return runs["sentences"] / runs["seconds"], load
    return REFERENCE_RATE * speed, load


@lru_cache(maxsize=1)
def probe_seconds() -> float:
    """The best of a few timings of two (64 x 384) @ (384 x 1536) float32 products here."""
    rng = np.random.default_rng(0)
    a = rng.random((64, 384), dtype=np.float32)
    b = rng.random((384, 1536), dtype=np.float32)
    a @ b  # the first product pays for allocation and thread start-up
    best = float("inf")
    for _ in range(7):
        start = time.perf_counter()
        a @ b
        a @ b
        best = min(best, time.perf_counter() - start)
    return max(best, 1e-6)
