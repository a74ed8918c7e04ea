"""Similarity evidence for sentence pairs: cosines, fuzzy token overlap, shared rare markers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from rapidfuzz import fuzz

from crosscheck.engine.model import Sentence
from crosscheck.engine.tokens import content_terms, normalise, rare_markers
from crosscheck.engine.vectors import pair_cosine, vectorise

Side = Literal["left", "right"]
# Weights of the combined score; tuned on sample_corpus (see BENCHMARKS.md).
W_WORDS, W_CHARS, W_FUZZY, W_MARKERS = 0.40, 0.30, 0.20, 0.10


class PairScorer:
    """Scores pairs of content sentences (indices into the two content lists)."""

    def __init__(self, lsents: Sequence[Sentence], rsents: Sequence[Sentence]) -> None:
        self._known: dict[tuple[int, int], float] = {}
        self._terms = {"left": [content_terms(s.text) for s in lsents],
                       "right": [content_terms(s.text) for s in rsents]}
        self.vectors = vectorise(self._terms["left"], self._terms["right"])
        self._joined = {side: [" ".join(t) for t in terms] for side, terms in self._terms.items()}
        self._plain = {"left": [normalise(s.text) for s in lsents],
                       "right": [normalise(s.text) for s in rsents]}
        self._markers = {"left": [rare_markers(s.text) for s in lsents],
                         "right": [rare_markers(s.text) for s in rsents]}

    def score(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Combined similarity in 0..1 for each (rows[k], cols[k])."""
        words = pair_cosine(*self.vectors.words, rows, cols)
        chars = pair_cosine(*self.vectors.chars, rows, cols)
        lj, rj = self._joined["left"], self._joined["right"]
        lm, rm = self._markers["left"], self._markers["right"]
        fuzzy = np.fromiter(
            (fuzz.token_set_ratio(lj[i], rj[j]) / 100.0 for i, j in zip(rows, cols, strict=True)),
            dtype=np.float32, count=len(rows))
        markers = np.fromiter(
            (_jaccard(lm[i], rm[j]) for i, j in zip(rows, cols, strict=True)),
            dtype=np.float32, count=len(rows))
        combined = W_WORDS * words + W_CHARS * chars + W_FUZZY * fuzzy + W_MARKERS * markers
        self._known.update(zip(zip(rows.tolist(), cols.tolist(), strict=True),
                               combined.tolist(), strict=True))
        return combined

    def coverage(self, whole: int, parts: Sequence[int], side: Side) -> float:
        """Share of the ``whole`` sentence's terms found in the ``parts`` on ``side``."""
        other: Side = "left" if side == "right" else "right"
        terms = set(self._terms[other][whole])
        if not terms:
            return 0.0
        found = set().union(*(self._terms[side][p] for p in parts))
        return len(terms & found) / len(terms)

    def part_coverage(self, whole: int, part: int, side: Side) -> float:
        """Share of the ``part`` sentence's terms that the ``whole`` sentence also has."""
        other: Side = "left" if side == "right" else "right"
        terms = set(self._terms[side][part])
        if not terms:
            return 0.0
        return len(terms & set(self._terms[other][whole])) / len(terms)

    def group_evidence(self, lidx: Sequence[int], ridx: Sequence[int]) -> tuple[float, float, bool]:
        """(combined score, near-identity ratio, whether numbers conflict) for a link's sentences."""
        if len(lidx) == 1 and len(ridx) == 1:
            key = (lidx[0], ridx[0])
            if key not in self._known:
                self.score(np.array(lidx), np.array(ridx))
            score = self._known[key]
        else:
            score = max(self.coverage(lidx[0], ridx, "right") if len(lidx) == 1 else 0.0,
                        self.coverage(ridx[0], lidx, "left") if len(ridx) == 1 else 0.0)
        plain = fuzz.ratio(" ".join(self._plain["left"][i] for i in lidx),
                           " ".join(self._plain["right"][j] for j in ridx)) / 100.0
        terms = fuzz.ratio(" ".join(self._joined["left"][i] for i in lidx),
                           " ".join(self._joined["right"][j] for j in ridx)) / 100.0
        # Near-identical means the same content words in the same order, whatever the glue.
        ratio = min(terms, plain + 0.15)
        lnum = {m for i in lidx for m in self._markers["left"][i] if m.startswith("#")}
        rnum = {m for j in ridx for m in self._markers["right"][j] if m.startswith("#")}
        return min(score, 1.0), ratio, bool(lnum and rnum and lnum != rnum)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
