"""Stage 2, relate: candidate pairs of sentences and the probability that each is related.

Small pairs of articles are scored on every pair; longer ones retrieve each sentence's TOP_K
most similar counterparts by words (and, for the full tier, by meaning) first. Each candidate
gets its pair features and the link head's probability.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from crosscheck.engine.model import Document, Sentence
from crosscheck.engine.pair_features import PairFeatures, semantic_columns
from crosscheck.engine.pair_model import TierName, probability, threshold
from crosscheck.engine.represent import Represented, represent
from crosscheck.engine.semantic import TierChoice

TOP_K = 8
# Up to this many pairs (200 x 200 sentences; every real article pair measured is far below),
# every pair is scored: exact. Above, each sentence's TOP_K retrieved counterparts only: at
# 400 x 400 scoring all 160,000 pairs took 1.45 s and 550 MB, retrieval about a tenth.
ALL_PAIRS_UP_TO = 40_000
_SEMANTIC_CHUNK = 1024


@dataclass(frozen=True)
class Related:
    """Every candidate pair (rows[k], cols[k]) of content sentences, with its FEATURES row,
    its link probability and its rank among each of its sentences' candidates."""

    represented: Represented
    rows: np.ndarray
    cols: np.ndarray
    features: np.ndarray
    scores: np.ndarray
    rank: np.ndarray  # the better of the pair's two ranks (0 = a sentence's most probable)
    link_cut: float

    @property
    def lsents(self) -> list[Sentence]:
        return self.represented.lsents

    @property
    def rsents(self) -> list[Sentence]:
        return self.represented.rsents

    @property
    def extractor(self) -> PairFeatures:
        return self.represented.lexical

    @property
    def tier(self) -> TierName:
        return self.represented.tier


# The fitting scripts read candidates under this name.
CandidatePairs = Related


def relate(represented: Represented) -> Related:
    """The candidate pairs of ``represented`` with their features and link probabilities."""
    lsents, rsents, tier = represented.lsents, represented.rsents, represented.tier
    vectors = represented.vectors
    if represented.empty:  # nothing can correspond: no pairs, no features to compute
        none = np.zeros(0, dtype=np.int64)
        return Related(represented, none, none, np.zeros((0, 0), dtype=np.float32),
                       np.zeros(0, dtype=np.float32), none, threshold("link", tier))
    if len(lsents) * len(rsents) <= ALL_PAIRS_UP_TO:
        grid = np.indices((len(lsents), len(rsents))).reshape(2, -1)
        rows, cols = grid[0], grid[1]
    else:
        # The fast tier's cosines rerank word-retrieved pairs; only the full tier is good enough
        # at finding pairs that share no words to pay for a semantic retrieval pass.
        rows, cols = _candidate_pairs(*represented.lexical.vectors.retrieval,
                                      vectors if tier == "full" else None)
    if vectors is None:
        cosines = np.zeros(len(rows), dtype=np.float32)
    else:
        cosines = np.einsum("ij,ij->i", vectors[0][rows], vectors[1][cols])
    features = np.column_stack([
        represented.lexical.matrix(rows, cols),
        semantic_columns(cosines, rows, cols, len(lsents), len(rsents)),
    ]).astype(np.float32)
    scores = probability("link", tier, features)
    rank = np.minimum(rank_within(rows, scores), rank_within(cols, scores))
    return Related(represented, rows, cols, features, scores, rank, threshold("link", tier))


def candidate_pairs(left: Document, right: Document,
                    semantic: TierChoice = "auto") -> Related:
    """Represent and relate ``left`` and ``right`` (for fitting and evaluation scripts)."""
    return relate(represent(left, right, semantic))


def rank_within(groups: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Each pair's rank by score among the pairs of its group (0 = best; ties by position)."""
    if len(scores) == 0:
        return np.zeros(0, dtype=np.int64)
    # One stable sort on a single float key (group first, then score descending) is several
    # times faster than lexsort on millions of retrieved pairs.
    span = float(scores.max() - scores.min()) + 1.0
    key = groups.astype(np.float64) * span + (scores.max() - scores.astype(np.float64))
    order = np.argsort(key, kind="stable")
    sorted_groups = groups[order]
    starts = np.r_[True, sorted_groups[1:] != sorted_groups[:-1]]
    first = np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - first
    return rank


def _candidate_pairs(
    left: sparse.csr_matrix, right: sparse.csr_matrix,
    vectors: tuple[np.ndarray, np.ndarray] | None,
) -> tuple[np.ndarray, np.ndarray]:
    """The TOP_K most similar right rows of every left row, and vice versa, by words and
    (where there are embeddings) by meaning; sorted (row, col) arrays without repeats."""
    width = right.shape[0]
    product = (left @ right.T).tocoo()
    keep = ((rank_within(product.row, product.data) < TOP_K)
            | (rank_within(product.col, product.data) < TOP_K))
    keys = [product.row[keep].astype(np.int64) * width + product.col[keep]]
    if vectors is not None:
        keys.extend(_semantic_top_k(*vectors))
    unique = np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    return unique // width, unique % width


def _semantic_top_k(left: np.ndarray, right: np.ndarray) -> list[np.ndarray]:
    """Pair keys (row * len(right) + col) of the TOP_K nearest right rows of every left row by
    embedding cosine, and of the TOP_K nearest left rows of every right row.

    The product is taken in row chunks, once each way, so it never sits whole in memory.
    """
    width = right.shape[0]
    keys = []
    for rows, cols, flip in ((left, right, False), (right, left, True)):
        k = min(TOP_K, cols.shape[0])
        for start in range(0, rows.shape[0], _SEMANTIC_CHUNK):
            block = rows[start:start + _SEMANTIC_CHUNK] @ cols.T
            best = np.argpartition(block, block.shape[1] - k, axis=1)[:, -k:]
            own = np.repeat(np.arange(start, start + len(block), dtype=np.int64), k)
            other = best.ravel().astype(np.int64)
            keys.append(other * width + own if flip else own * width + other)
    return keys
