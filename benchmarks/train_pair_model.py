"""Fit the pair models (the link and claim heads, for every semantic tier) on real data.

Run: python benchmarks/train_pair_model.py [--write]

- link head (same event or claim): ECB+ topics 1-19 (Cybulska & Vossen 2014, CC BY 3.0) and the
  sample corpus. ECB+ gives the annotated sentence pairs of articles on one event, and hard
  negatives: every sentence pair of two articles on different events of the same kind (its
  two subtopics). The hard negatives sharpen the weights but are not what Crosscheck is shown
  (two accounts of one story), so the output is then recalibrated (Platt scaling) on ECB+
  topics 20-22's same-event article pairs: the score is the probability that two
  event-bearing sentences of two articles on one story concern the same event. The threshold
  is the lowest whose precision on those pairs reaches TARGET_PRECISION.
- claim head (same claim, given the same story): MRPC train, "fit" split (Microsoft Research
  Paraphrase Corpus, research-use terms; recorded in the model card in pair_model.json); its
  threshold maximises paraphrase F1 on the "tune" split.
Nothing here reads a "report" split: benchmarks/eval_relatedness.py reports on those.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.engine.model import Sentence  # noqa: E402
from crosscheck.engine.pair_features import (  # noqa: E402
    CLAIM_FEATURES,
    FEATURES,
    PairFeatures,
    claim_matrix,
    semantic_columns,
)
from crosscheck.engine.relate import candidate_pairs  # noqa: E402
from crosscheck.engine.semantic import embed  # noqa: E402
from crosscheck.evaluation import (  # noqa: E402
    corpus_stories,
    document_from_sentences,
    pairs_of,
)
from real_data import (  # noqa: E402
    ArticlePair,
    SentencePair,
    ecb_cross_pairs,
    ecb_pairs,
    mrpc,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "sample_corpus"
MODEL_FILE = ROOT / "tui" / "crosscheck" / "engine" / "pair_model.json"
TIERS = ("full", "fast", "off")
L2 = 1e-3
TARGET_PRECISION = 0.90  # a margin over the 0.85 judged: other topics run at lower base rates


@dataclass
class Labelled:
    features: np.ndarray
    labels: np.ndarray


def ecb_labelled(pairs: list[ArticlePair], tier: str) -> Labelled:
    """Features and gold labels of the annotated sentence pairs of ECB+ article pairs."""
    blocks, labels = [], []
    for pair in pairs:
        left = document_from_sentences(pair.left, side="L")
        right = document_from_sentences(pair.right, side="R")
        scored = candidate_pairs(left, right, tier)
        li = np.array([int(s.id[1:]) for s in scored.lsents])[scored.rows]
        rj = np.array([int(s.id[1:]) for s in scored.rsents])[scored.cols]
        keep = np.array([(a in pair.left_gold and b in pair.right_gold)
                         for a, b in zip(li.tolist(), rj.tolist(), strict=True)], dtype=bool)
        if not keep.any():
            continue
        blocks.append(scored.features[keep])
        labels.append([(a, b) in pair.links for a, b in zip(li[keep].tolist(), rj[keep].tolist(),
                                                             strict=True)])
    return Labelled(np.vstack(blocks), np.concatenate(labels).astype(np.float64))


def corpus_labelled(tier: str) -> Labelled:
    """Features and gold labels of every content pair of the sample corpus (in-sample)."""
    blocks, labels = [], []
    for left, right, story in corpus_stories(CORPUS):
        positive = pairs_of(story.links)
        scored = candidate_pairs(left, right, tier)
        blocks.append(scored.features)
        labels.append([(scored.lsents[i].id, scored.rsents[j].id) in positive
                       for i, j in zip(scored.rows.tolist(), scored.cols.tolist(), strict=True)])
    return Labelled(np.vstack(blocks), np.concatenate(labels).astype(np.float64))


def claim_labelled(pairs: list[SentencePair], tier: str) -> Labelled:
    """CLAIM_FEATURES of MRPC pairs, computed as the engine computes them for a link."""
    lsents = [Sentence(f"L{k}", 0, len(p.a), p.a, 0) for k, p in enumerate(pairs)]
    rsents = [Sentence(f"R{k}", 0, len(p.b), p.b, 0) for k, p in enumerate(pairs)]
    extractor = PairFeatures(lsents, rsents)
    rows = cols = np.arange(len(pairs))
    cosines = np.zeros(len(pairs), dtype=np.float32)
    if tier != "off":
        cosines = np.einsum("ij,ij->i", embed([p.a for p in pairs], tier),
                            embed([p.b for p in pairs], tier))
    features = np.column_stack([extractor.matrix(rows, cols),
                                semantic_columns(cosines, rows, cols, len(pairs), len(pairs))])
    return Labelled(claim_matrix(extractor, rows, cols, features),
                    np.array([p.label for p in pairs], dtype=np.float64))


def fit(data: Labelled) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by L-BFGS (unweighted: probabilities stay calibrated)."""
    design = np.hstack([data.features.astype(np.float64), np.ones((len(data.labels), 1))])
    labels = data.labels

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1.0 / (1.0 + np.exp(-(design @ w)))
        eps = 1e-9
        value = -np.mean(labels * np.log(p + eps) + (1 - labels) * np.log(1 - p + eps))
        value += L2 * float(np.sum(w[:-1] ** 2))
        grad = design.T @ (p - labels) / len(labels)
        grad[:-1] += 2 * L2 * w[:-1]
        return value, grad

    result = minimize(loss, np.zeros(design.shape[1]), jac=True, method="L-BFGS-B")
    return result.x[:-1], float(result.x[-1])


def recalibrated(weights: np.ndarray, bias: float, data: Labelled) -> tuple[np.ndarray, float]:
    """Platt scaling: refit slope and intercept of the logit on ``data``; same ranking."""
    logits = data.features @ weights + bias
    scale, shift = fit(Labelled(logits[:, None], data.labels))
    return weights * scale[0], bias * scale[0] + shift


def predict(weights: np.ndarray, bias: float, features: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(features @ weights + bias)))


def precision_threshold(scores: np.ndarray, labels: np.ndarray, target: float) -> float:
    """The lowest threshold whose precision reaches ``target`` (most recall at that precision)."""
    for t in np.round(np.arange(0.05, 0.96, 0.01), 2):
        chosen = scores >= t
        if chosen.any() and labels[chosen].mean() >= target:
            return float(t)
    return 0.95


def f1_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold that maximises the positive class's F1."""
    def f1(t: float) -> float:
        chosen = scores >= t
        tp = float((chosen & (labels > 0)).sum())
        return 2 * tp / max(chosen.sum() + (labels > 0).sum(), 1)
    return float(max(np.round(np.arange(0.2, 0.81, 0.01), 2), key=f1))


def head(weights: np.ndarray, bias: float, threshold: float) -> dict:
    return {"weights": [round(float(w), 5) for w in weights], "bias": round(bias, 5),
            "threshold": threshold}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write pair_model.json")
    args = parser.parse_args()
    ecb_fit = ecb_pairs("fit") + ecb_cross_pairs("fit")
    ecb_tune = ecb_pairs("tune")
    mrpc_fit, mrpc_tune = mrpc("fit"), mrpc("tune")
    model: dict = {"features": list(FEATURES), "claim_features": list(CLAIM_FEATURES),
                   "link": {}, "claim": {}}
    for tier in TIERS:
        ecb, corpus = ecb_labelled(ecb_fit, tier), corpus_labelled(tier)
        link_data = Labelled(np.vstack([ecb.features, corpus.features]),
                             np.concatenate([ecb.labels, corpus.labels]))
        if tier == "off":  # no embeddings: the semantic columns carry nothing
            link_data.features[:, len(FEATURES) - 4:] = 0.0
        weights, bias = fit(link_data)
        tune = ecb_labelled(ecb_tune, tier)
        weights, bias = recalibrated(weights, bias, tune)
        cut = precision_threshold(predict(weights, bias, tune.features), tune.labels,
                                  TARGET_PRECISION)
        model["link"][tier] = head(weights, bias, cut)
        claim_fit = claim_labelled(mrpc_fit, tier)
        cw, cb = fit(claim_fit)
        claim_tune = claim_labelled(mrpc_tune, tier)
        claim_cut = f1_threshold(predict(cw, cb, claim_tune.features), claim_tune.labels)
        model["claim"][tier] = head(cw, cb, claim_cut)
        print(f"{tier:>4}: link on {len(link_data.labels)} pairs "
              f"({int(link_data.labels.sum())} linked), threshold {cut} (ECB+ tune precision "
              f">= {TARGET_PRECISION}); claim on {len(claim_fit.labels)} MRPC pairs, "
              f"threshold {claim_cut} (tune F1)")
        for name, w in zip(FEATURES, weights, strict=True):
            print(f"      link  {name:<16} {w:+.3f}")
    model["model_card"] = {
        "link": "ECB+ topics 1-19 (CC BY 3.0, Cybulska & Vossen, LREC 2014), same-event "
                "article pairs and cross-subtopic hard negatives, + sample_corpus",
        "link_calibration": "Platt scaling on ECB+ topics 20-22, same-event article pairs",
        "link_threshold": "ECB+ topics 20-22, lowest threshold with precision >= 0.90",
        "claim": "MRPC train, fit split (crc32(id) % 10 >= 3); Microsoft Research Paraphrase "
                 "Corpus (Dolan & Brockett 2005), Microsoft's research-use terms",
        "claim_threshold": "MRPC train, tune split (crc32(id) % 10 == 2), best paraphrase F1",
        "held_out": "MRPC crc32(id) % 10 < 2 and ECB+ topics 23-25 are never fitted or tuned on",
    }
    if args.write:
        MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
