"""The pair models: logistic regressions over pair features, weights fitted on real data.

Two heads, each with weights for every semantic tier (``full``, ``fast``, ``off``), because
the evidence and so the calibration differ by tier:
- ``link``: probability that two sentences concern the same event or claim (relatedness),
  fitted on ECB+ same-event links and the sample corpus;
- ``claim``: probability that a related pair states the same claim (paraphrase), fitted on MRPC.

The weights live in ``pair_model.json`` (written by ``benchmarks/train_pair_model.py``), so
refitting never edits code.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np

from crosscheck.engine.pair_features import CLAIM_FEATURES, FEATURES

_WEIGHTS_FILE = Path(__file__).with_name("pair_model.json")
Head = Literal["link", "claim"]
TierName = Literal["full", "fast", "off"]


@lru_cache(maxsize=1)
def _model() -> dict:
    data = json.loads(_WEIGHTS_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES or tuple(data["claim_features"]) != CLAIM_FEATURES:
        raise RuntimeError("pair_model.json was fitted on other features; refit it")
    return data


def _head(head: Head, tier: TierName) -> tuple[np.ndarray, float, float]:
    entry = _model()[head][tier]
    return (np.asarray(entry["weights"], dtype=np.float32), float(entry["bias"]),
            float(entry["threshold"]))


def probability(head: Head, tier: TierName, features: np.ndarray) -> np.ndarray:
    """Calibrated probability of each feature row under ``head`` for ``tier``."""
    weights, bias, _ = _head(head, tier)
    return 1.0 / (1.0 + np.exp(-(features.astype(np.float32) @ weights + bias)))


def threshold(head: Head, tier: TierName) -> float:
    """The probability above which the head says yes (chosen on a tuning split)."""
    return _head(head, tier)[2]
