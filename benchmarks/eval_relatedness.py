"""Relatedness on real data nobody here wrote, per semantic tier, on splits never fitted or tuned.

Run: python benchmarks/eval_relatedness.py [--tiers off,fast,full] [--quick]

Prints, for each tier:
- MRPC paraphrase-class F1 on the held-out "report" split (same claim vs same story, other
  claim), at the threshold chosen on the "tune" split;
- ECB+ topics 23-25: precision and recall of the relatedness graph's links among annotated
  sentences of articles on one event, at the shipped threshold; how many links it makes
  between articles on two different events of the same kind (hard negatives, "x-links": all
  wrong); the precision over both kinds of pair ("P all"); and the best recall at precision
  >= 0.85 over thresholds (an oracle figure: it picks the threshold on these topics);
- mixed stories: two long "articles" made of MRPC report-split pairs (the i-th left and right
  sentences are one story, every other pair is two different stories, shuffled by blocks of
  ten): precision of the best links and of the other links, and recall of the best links;
- STS news: Spearman correlation of the embedding cosine with the graded similarity;
- sample corpus: precision / recall of the graph against the gold links, and kind accuracy
  (IN-SAMPLE: the link head is fitted partly on these stories, and they were written here).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.engine.analyze import align  # noqa: E402
from crosscheck.engine.pair_model import probability, threshold  # noqa: E402
from crosscheck.engine.semantic import embed  # noqa: E402
from crosscheck.evaluation import (  # noqa: E402
    document_from_sentences,
)
from eval_alignment import evaluate as evaluate_corpus  # noqa: E402
from real_data import ecb_cross_pairs, ecb_pairs, mrpc, sts_news  # noqa: E402
from train_pair_model import claim_labelled, ecb_labelled  # noqa: E402


def mrpc_f1(tier: str) -> tuple[float, float]:
    """(paraphrase F1, accuracy) of the claim head on MRPC's report split."""
    data = claim_labelled(mrpc("report"), tier)
    said = probability("claim", tier, data.features) >= threshold("claim", tier)
    gold = data.labels > 0
    tp = float((said & gold).sum())
    return 2 * tp / (said.sum() + gold.sum()), float((said == gold).mean())


def ecb_graph(tier: str, pairs) -> tuple[float, float, float, float]:
    """(precision, recall, best-link recall, links per article pair) of align() on ``pairs``."""
    tp = predicted = gold = best_tp = 0
    n_links = 0
    for pair in pairs:
        left = document_from_sentences(pair.left, side="L")
        right = document_from_sentences(pair.right, side="R")
        links = align(left, right, tier).links
        n_links += len(links)
        found = {(int(a[1:]), int(b[1:])): link.best for link in links
                 for a in link.left for b in link.right}
        found = {k: v for k, v in found.items()
                 if k[0] in pair.left_gold and k[1] in pair.right_gold}
        annotated = {(a, b) for a, b in pair.links
                     if a in pair.left_gold and b in pair.right_gold}
        tp += len(set(found) & annotated)
        best_tp += sum(1 for k, v in found.items() if v and k in annotated)
        predicted += len(found)
        gold += len(annotated)
    return tp / max(predicted, 1), tp / max(gold, 1), best_tp / max(gold, 1), n_links / len(pairs)


def ecb_oracle_recall(tier: str, target: float = 0.85) -> tuple[float, float]:
    """Best recall at precision >= target over thresholds on ECB+ 23-25, and that threshold."""
    data = ecb_labelled(ecb_pairs("report"), tier)
    scores = probability("link", tier, data.features)
    best = (0.0, 1.0)
    for t in np.round(np.arange(0.05, 0.96, 0.01), 2):
        chosen = scores >= t
        if chosen.any() and data.labels[chosen].mean() >= target:
            best = max(best, (float(data.labels[chosen].sum() / data.labels.sum()), float(t)))
    return best


def mixed_stories(tier: str, n: int = 300) -> tuple[float, float, float, float]:
    """(best P, best R, other-link P, other links per sentence) on MRPC report pairs."""
    import random

    pairs = mrpc("report")[:n]
    order = list(range(len(pairs)))
    rng = random.Random(11)
    for start in range(0, len(order), 10):
        block = order[start:start + 10]
        rng.shuffle(block)
        order[start:start + 10] = block
    left = document_from_sentences([p.a for p in pairs], side="L")
    right = document_from_sentences([pairs[k].b for k in order], side="R")
    story_of_right = {f"R{pos}": k for pos, k in enumerate(order)}
    counts = {True: [0, 0], False: [0, 0]}
    for link in align(left, right, tier).links:
        for a in link.left:
            for b in link.right:
                counts[link.best][0] += int(a[1:]) == story_of_right[b]
                counts[link.best][1] += 1
    best_tp, best_n = counts[True]
    other_tp, other_n = counts[False]
    return (best_tp / max(best_n, 1), best_tp / len(pairs), other_tp / max(other_n, 1),
            other_n / len(pairs))


def sts_spearman(tier: str) -> float:
    rows = sts_news()
    a, b = embed([r[0] for r in rows], tier), embed([r[1] for r in rows], tier)
    return float(spearmanr(np.einsum("ij,ij->i", a, b), [r[2] for r in rows]).correlation)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiers", default="off,fast,full")
    args = parser.parse_args()
    print(f"{'tier':<5} {'MRPC F1':>8} {'MRPC acc':>8} {'ECB P':>6} {'ECB R':>6} "
          f"{'best R':>6} {'links/pair':>10} {'x-links':>7} {'P all':>6} "
          f"{'R@P>=.85 (oracle t)':>20} {'STS rho':>8} "
          f"{'corpus P*':>9} {'corpus R*':>9} {'kind acc*':>9}")
    same, cross = ecb_pairs("report"), ecb_cross_pairs("report")
    for tier in args.tiers.split(","):
        f1, acc = mrpc_f1(tier)
        precision, recall, best_recall, per_pair = ecb_graph(tier, same)
        _, _, _, wrong_per_pair = ecb_graph(tier, cross)
        right = precision * per_pair * len(same)
        p_all = right / max(per_pair * len(same) + wrong_per_pair * len(cross), 1)
        oracle, cut = ecb_oracle_recall(tier)
        rho = sts_spearman(tier) if tier != "off" else float("nan")
        corpus = evaluate_corpus(best_only=False, semantic=tier)
        print(f"{tier:<5} {f1:>8.3f} {acc:>8.3f} {precision:>6.3f} {recall:>6.3f} "
              f"{best_recall:>6.3f} {per_pair:>10.1f} {wrong_per_pair:>7.2f} {p_all:>6.3f} "
              f"{oracle:>14.3f} ({cut:.2f}) {rho:>8.3f} "
              f"{corpus.precision:>9.3f} {corpus.recall:>9.3f} "
              f"{corpus.kind_accuracy(('identical', 'paraphrase', 'related')):>9.3f}")
    print("* in-sample: the sample corpus was written here and the link head is fitted on it.")
    print(f"\n{'tier':<5} mixed stories: {'best P':>7} {'best R':>7} {'other P':>8} "
          f"{'others/sentence':>16}")
    for tier in args.tiers.split(","):
        best_p, best_r, other_p, others = mixed_stories(tier)
        print(f"{tier:<5} {'':>15}{best_p:>7.3f} {best_r:>7.3f} {other_p:>8.3f} {others:>16.2f}")


if __name__ == "__main__":
    main()
