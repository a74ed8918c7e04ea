"""Fit the link model (logistic regression over pair features) on sample_corpus.

Run: python benchmarks/train_pair_model.py [--write]
Prints leave-one-story-out precision/recall per threshold (the honest figure) and, with
--write, stores weights trained on every story in tui/crosscheck/engine/pair_model.json.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from crosscheck.engine import align as align_module
from crosscheck.engine.align import candidate_pairs
from crosscheck.engine.ingest import load_document
from crosscheck.engine.pair_features import FEATURES
from crosscheck.evaluation import pairs_of, resolve_gold, story_files

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "sample_corpus"
MODEL_FILE = ROOT / "tui" / "crosscheck" / "engine" / "pair_model.json"
L2 = 0.002
POSITIVE_WEIGHT = 3.0
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


@dataclass
class StoryPairs:
    name: str
    rows: np.ndarray
    cols: np.ndarray
    features: np.ndarray
    labels: np.ndarray
    gold: set[tuple[int, int]]


def load_stories() -> list[StoryPairs]:
    stories = []
    for story_dir in sorted(p for p in CORPUS.iterdir() if (p / "gold.json").is_file()):
        left_path, right_path, gold = story_files(story_dir)
        left = load_document(str(left_path), side="L")
        right = load_document(str(right_path), side="R")
        resolved = resolve_gold(story_dir.name, gold, left, right)
        scored = candidate_pairs(left, right)
        lpos = {s.id: k for k, s in enumerate(scored.lsents)}
        rpos = {s.id: k for k, s in enumerate(scored.rsents)}
        positive = {(lpos[a], rpos[b]) for a, b in pairs_of(resolved.links)
                    if a in lpos and b in rpos}
        labels = np.array([(i, j) in positive for i, j in
                           zip(scored.rows.tolist(), scored.cols.tolist(), strict=True)],
                          dtype=np.float64)
        stories.append(StoryPairs(story_dir.name, scored.rows, scored.cols,
                                  scored.features.astype(np.float64), labels, positive))
    return stories


def fit(features: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, float]:
    """Weighted, L2-regularised logistic regression by L-BFGS."""
    design = np.hstack([features, np.ones((len(features), 1))])
    sample_weight = np.where(labels > 0, POSITIVE_WEIGHT, 1.0)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1.0 / (1.0 + np.exp(-(design @ w)))
        eps = 1e-9
        value = -np.mean(sample_weight * (labels * np.log(p + eps)
                                          + (1 - labels) * np.log(1 - p + eps)))
        value += L2 * float(np.sum(w[:-1] ** 2))
        grad = design.T @ (sample_weight * (p - labels)) / len(labels)
        grad[:-1] += 2 * L2 * w[:-1]
        return value, grad

    result = minimize(loss, np.zeros(design.shape[1]), jac=True, method="L-BFGS-B")
    return result.x[:-1], float(result.x[-1])


def matched(story: StoryPairs, weights: np.ndarray, bias: float, threshold: float):
    prob = 1.0 / (1.0 + np.exp(-(story.features @ weights + bias)))
    return set(align_module._greedy_match(story.rows, story.cols, prob, threshold))


def leave_one_out(stories: list[StoryPairs]) -> dict[float, tuple[float, float]]:
    counts = {t: [0, 0, 0] for t in THRESHOLDS}
    for k, story in enumerate(stories):
        rest = [s for i, s in enumerate(stories) if i != k]
        weights, bias = fit(np.vstack([s.features for s in rest]),
                            np.concatenate([s.labels for s in rest]))
        for t in THRESHOLDS:
            found = matched(story, weights, bias, t)
            counts[t][0] += len(found & story.gold)
            counts[t][1] += len(found)
            counts[t][2] += len(story.gold)
    return {t: (tp / max(p, 1), tp / max(g, 1)) for t, (tp, p, g) in counts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="write pair_model.json")
    args = parser.parse_args()
    stories = load_stories()
    print(f"{len(stories)} stories, {sum(int(s.labels.sum()) for s in stories)} gold pairs, "
          f"{sum(len(s.labels) for s in stories)} candidate pairs (1:1 matching, before merges)")
    print("threshold  LOO precision  LOO recall")
    results = leave_one_out(stories)
    for t, (p, r) in results.items():
        print(f"{t:>9.2f}  {p:>13.3f}  {r:>10.3f}")
    best = max(results, key=lambda t: (min(results[t]), t))
    weights, bias = fit(np.vstack([s.features for s in stories]),
                        np.concatenate([s.labels for s in stories]))
    print(f"chosen threshold {best}; weights:")
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"  {name:<14} {w:+.3f}")
    print(f"  {'bias':<14} {bias:+.3f}")
    if args.write:
        MODEL_FILE.write_text(json.dumps({
            "features": list(FEATURES), "weights": [round(float(w), 5) for w in weights],
            "bias": round(bias, 5), "threshold": best,
            "trained_on": [s.name for s in stories],
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
