"""The link model: logistic regression over pair features, weights learned from the corpus.

The weights live in ``pair_model.json`` (written by ``benchmarks/train_pair_model.py``), so
retraining never edits code.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from crosscheck.engine.pair_features import FEATURES

_WEIGHTS_FILE = Path(__file__).with_name("pair_model.json")


@lru_cache(maxsize=1)
def _weights() -> tuple[np.ndarray, float, float]:
    data = json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError("pair_model.json was trained on other features; retrain it")
    return (np.asarray(data["weights"], dtype=np.float32), float(data["bias"]),
            float(data["threshold"]))


def link_probability(features: np.ndarray) -> np.ndarray:
    """Probability that each feature row is a real correspondence."""
    weights, bias, _ = _weights()
    return 1.0 / (1.0 + np.exp(-(features @ weights + bias)))


def link_threshold() -> float:
    """The probability above which a pair is linked (chosen on the corpus)."""
    return _weights()[2]
