"""Features of candidate sentence pairs, vectorised over all pairs at once.

A feature row says how much two sentences share (cosines, fuzzy overlap, the rarest shared
word, coverage), where they sit in their articles, and how far each beats its rivals.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz
from scipy import sparse

from crosscheck.engine.model import Sentence
from crosscheck.engine.tokens import content_terms, normalise, rare_markers
from crosscheck.engine.vectors import SentenceVectors, pair_cosine, vectorise

LEXICAL_FEATURES = (
    "word_cosine", "char_cosine", "fuzzy", "markers", "rarest_shared", "shared_weight",
    "coverage_min", "coverage_max", "position_gap", "row_margin", "col_margin", "headlines",
    "neighbours",
)
# Sentence-embedding evidence: the cosine, how far it beats its rivals, and context support.
SEMANTIC_FEATURES = ("sem_cosine", "sem_row_margin", "sem_col_margin", "sem_neighbours")
FEATURES = LEXICAL_FEATURES + SEMANTIC_FEATURES
# Same claim or another claim of the story: only what the two sentences themselves say counts.
CLAIM_FEATURES = (
    "word_cosine", "char_cosine", "fuzzy", "markers", "coverage_min", "coverage_max",
    "sem_cosine", "numbers_differ", "length_ratio",
)
_CLAIM_COLUMNS = [FEATURES.index(name) for name in CLAIM_FEATURES[:7]]
# Weights of the base similarity used for the rival margins (before the model sees them).
BASE_WEIGHTS = np.array([0.40, 0.30, 0.20, 0.10], dtype=np.float32)


class PairFeatures:
    """Per-side term data shared by feature extraction, merging and kind decisions."""

    def __init__(self, lsents: Sequence[Sentence], rsents: Sequence[Sentence]) -> None:
        self.lsents, self.rsents = lsents, rsents
        sides = (lsents, rsents)
        self.terms = tuple([content_terms(s.text) for s in side] for side in sides)
        self.joined = tuple([" ".join(t) for t in side] for side in self.terms)
        self.plain = tuple([normalise(s.text) for s in side] for side in sides)
        self.markers = tuple([rare_markers(s.text) for s in side] for side in sides)
        self.vectors: SentenceVectors = vectorise(*self.terms)

    def matrix(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Lexical feature matrix (pairs × LEXICAL_FEATURES) for the pairs (rows[k], cols[k])."""
        lj, rj = self.joined
        lm, rm = self.markers
        pairs = list(zip(rows.tolist(), cols.tolist(), strict=True))
        base = np.column_stack([
            pair_cosine(*self.vectors.words, rows, cols),
            pair_cosine(*self.vectors.chars, rows, cols),
            np.fromiter((fuzz.token_set_ratio(lj[i], rj[j]) / 100.0 for i, j in pairs),
                        dtype=np.float32, count=len(pairs)),
            np.fromiter((_jaccard(lm[i], rm[j]) for i, j in pairs), dtype=np.float32,
                        count=len(pairs)),
        ]).astype(np.float32)
        similarity = base @ BASE_WEIGHTS
        present, idf = self.vectors.terms, self.vectors.term_idf
        shared = present[0][rows].multiply(present[1][cols]).tocsr()
        # IDF grows with the log of the article length: scaled by its maximum, the evidence
        # means the same for a 10-sentence wire story and a 5,000-sentence book.
        weighted = shared @ sparse.diags(idf / max(float(idf.max(initial=1.0)), 1e-9))
        rarest = _row_max(weighted)
        shared_weight = np.log1p(np.asarray(weighted.sum(axis=1)).ravel())
        count = np.asarray(shared.sum(axis=1)).ravel()
        lengths_l = np.asarray(present[0].sum(axis=1)).ravel()[rows]
        lengths_r = np.asarray(present[1].sum(axis=1)).ravel()[cols]
        cover_l = count / np.maximum(lengths_l, 1)
        cover_r = count / np.maximum(lengths_r, 1)
        n, m = len(self.lsents), len(self.rsents)
        gap = np.abs(rows / max(n - 1, 1) - cols / max(m - 1, 1))
        headlines = ((rows == 0) & (cols == 0)).astype(np.float32)
        return np.column_stack([
            base, rarest, shared_weight, np.minimum(cover_l, cover_r),
            np.maximum(cover_l, cover_r), gap, _margin(rows, similarity),
            _margin(cols, similarity), headlines, _neighbours(rows, cols, similarity, n, m),
        ]).astype(np.float32)


def semantic_columns(cosines: np.ndarray, rows: np.ndarray, cols: np.ndarray, n: int,
                     m: int) -> np.ndarray:
    """The SEMANTIC_FEATURES of pairs whose embedding cosines are ``cosines``."""
    return np.column_stack([
        cosines, _margin(rows, cosines), _margin(cols, cosines),
        _neighbours(rows, cols, cosines, n, m),
    ]).astype(np.float32)


def claim_matrix(extractor: PairFeatures, rows: np.ndarray, cols: np.ndarray,
                 features: np.ndarray) -> np.ndarray:
    """CLAIM_FEATURES of the pairs, from their FEATURES rows and the sentences themselves."""
    lm, rm = extractor.markers
    numbers_differ = np.fromiter(
        (_numbers_differ(lm[i], rm[j]) for i, j in zip(rows.tolist(), cols.tolist(),
                                                        strict=True)),
        dtype=np.float32, count=len(rows))
    lengths = tuple(np.array([len(s.text) for s in side], dtype=np.float32)
                    for side in (extractor.lsents, extractor.rsents))
    a, b = lengths[0][rows], lengths[1][cols]
    ratio = np.minimum(a, b) / np.maximum(np.maximum(a, b), 1.0)
    return np.column_stack([features[:, _CLAIM_COLUMNS], numbers_differ, ratio]).astype(
        np.float32)


def _numbers_differ(left: frozenset[str], right: frozenset[str]) -> float:
    lnum = {m for m in left if m.startswith("#")}
    rnum = {m for m in right if m.startswith("#")}
    return float(bool(lnum and rnum and lnum != rnum))


def _row_max(matrix: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(matrix.max(axis=1).todense()).ravel() if matrix.shape[0] else np.zeros(0)


def _margin(groups: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """How far each pair beats (or trails) the best rival pair in its row or column."""
    if len(scores) == 0:
        return scores
    order = np.lexsort((-scores, groups))
    sorted_groups, sorted_scores = groups[order], scores[order]
    first = np.r_[True, sorted_groups[1:] != sorted_groups[:-1]]
    best = np.maximum.reduceat(sorted_scores, np.flatnonzero(first))
    group_index = np.cumsum(first) - 1
    second = np.zeros_like(best)
    has_second = np.r_[~first[1:], False] & first
    second[group_index[has_second]] = sorted_scores[np.flatnonzero(has_second) + 1]
    rival = np.where(first, second[group_index], best[group_index])
    margin = np.empty_like(scores)
    margin[order] = sorted_scores - rival
    return margin


def _neighbours(rows: np.ndarray, cols: np.ndarray, similarity: np.ndarray, n: int,
                m: int) -> np.ndarray:
    """How well the sentences just before and just after also correspond (context support)."""
    grid = sparse.csr_matrix((similarity, (rows, cols)), shape=(n + 2, m + 2))
    before = np.asarray(grid[np.maximum(rows - 1, n + 1), np.maximum(cols - 1, m + 1)]).ravel()
    after = np.asarray(grid[rows + 1, cols + 1]).ravel()
    return np.maximum(before, after)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class Coverage:
    """Term coverage between sentences, for deciding merges and near-identity."""

    def __init__(self, features: PairFeatures) -> None:
        self._terms = tuple([set(t) for t in side] for side in features.terms)
        self._features = features

    def of_whole(self, whole: int, parts: Sequence[int], parts_side: int) -> float:
        """Share of the ``whole`` sentence's terms (other side) found in the ``parts``."""
        terms = self._terms[1 - parts_side][whole]
        if not terms:
            return 0.0
        found = set().union(*(self._terms[parts_side][p] for p in parts))
        return len(terms & found) / len(terms)

    def of_part(self, whole: int, part: int, parts_side: int) -> float:
        """Share of the ``part`` sentence's terms that the ``whole`` sentence also has."""
        terms = self._terms[parts_side][part]
        if not terms:
            return 0.0
        return len(terms & self._terms[1 - parts_side][whole]) / len(terms)

    def identity(self, lidx: Sequence[int], ridx: Sequence[int]) -> tuple[float, bool]:
        """(near-identity ratio, whether the numbers differ) of a link's two sides."""
        f = self._features
        plain = fuzz.ratio(" ".join(f.plain[0][i] for i in lidx),
                           " ".join(f.plain[1][j] for j in ridx)) / 100.0
        terms = fuzz.ratio(" ".join(f.joined[0][i] for i in lidx),
                           " ".join(f.joined[1][j] for j in ridx)) / 100.0
        lnum = {m for i in lidx for m in f.markers[0][i] if m.startswith("#")}
        rnum = {m for j in ridx for m in f.markers[1][j] if m.startswith("#")}
        # Near-identical: the same content words in the same order, whatever the glue.
        return min(terms, plain + 0.15), bool(lnum and rnum and lnum != rnum)
