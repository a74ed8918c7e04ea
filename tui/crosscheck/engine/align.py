"""Sentence alignment: candidate retrieval, a learned link model, greedy matching, merge/split.

Sources order facts differently, so matching is not monotone: every content sentence may match
any sentence of the other side, one-to-one, then grown to one-to-two where a sentence was split.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from crosscheck.engine.model import Document, Link, LinkKind, Sentence, link_id
from crosscheck.engine.pair_features import Coverage, PairFeatures
from crosscheck.engine.pair_model import link_probability, link_threshold

TOP_K = 8
ALL_PAIRS_UP_TO = 250_000  # below this many pairs, score every pair: cheap and exact
CANDIDATE_THRESHOLD = 0.08
IDENTICAL_RATIO = 0.90
# Above this link probability a pair is the same claim reworded, unless the contradiction
# rules later find the versions conflict (analyze then calls it related). Chosen on the corpus.
PARAPHRASE_PROBABILITY = 0.40
MERGE_GAIN = 0.12
MERGE_PART_COVERAGE = 0.5


@dataclass(frozen=True)
class Alignment:
    links: tuple[Link, ...]
    left_only: tuple[str, ...]
    right_only: tuple[str, ...]
    candidates: tuple[tuple[str, str, float], ...]


@dataclass(frozen=True)
class CandidatePairs:
    """Every candidate pair of content sentences with its features (also used for training)."""

    lsents: list[Sentence]
    rsents: list[Sentence]
    rows: np.ndarray
    cols: np.ndarray
    features: np.ndarray
    extractor: PairFeatures


def candidate_pairs(left: Document, right: Document) -> CandidatePairs:
    """Retrieve candidate pairs of content sentences and compute their features."""
    lsents = [s for s in left.sentences if not s.boilerplate]
    rsents = [s for s in right.sentences if not s.boilerplate]
    extractor = PairFeatures(lsents, rsents)
    if len(lsents) * len(rsents) <= ALL_PAIRS_UP_TO:
        grid = np.indices((len(lsents), len(rsents))).reshape(2, -1)
        rows, cols = grid[0], grid[1]
    else:
        rows, cols = _candidate_pairs(*extractor.vectors.retrieval)
    return CandidatePairs(lsents, rsents, rows, cols, extractor.matrix(rows, cols), extractor)


def align(left: Document, right: Document) -> Alignment:
    """Align the content sentences of ``left`` and ``right``."""
    if not any(not s.boilerplate for s in left.sentences) or not any(
            not s.boilerplate for s in right.sentences):
        return Alignment((), _content_ids(left), _content_ids(right), ())
    scored = candidate_pairs(left, right)
    scores = link_probability(scored.features)
    pairs = _greedy_match(scored.rows, scored.cols, scores, link_threshold())
    coverage = Coverage(scored.extractor)
    probability = dict(zip(zip(scored.rows.tolist(), scored.cols.tolist(), strict=True),
                           scores.tolist(), strict=True))
    groups = _grow_merges(pairs, len(scored.lsents), len(scored.rsents), coverage)
    links = tuple(sorted(
        (_make_link(g, scored, coverage, probability) for g in groups), key=_link_order))
    used_l = {sid for link in links for sid in link.left}
    used_r = {sid for link in links for sid in link.right}
    linked = {(lid, rid) for link in links for lid in link.left for rid in link.right}
    candidates = tuple(
        (scored.lsents[i].id, scored.rsents[j].id, round(p, 4))
        for (i, j), p in sorted(probability.items())
        if p >= CANDIDATE_THRESHOLD and (scored.lsents[i].id, scored.rsents[j].id) not in linked
    )
    return Alignment(
        links,
        tuple(s.id for s in scored.lsents if s.id not in used_l),
        tuple(s.id for s in scored.rsents if s.id not in used_r),
        candidates,
    )


def _content_ids(doc: Document) -> tuple[str, ...]:
    return tuple(s.id for s in doc.sentences if not s.boilerplate)


def _candidate_pairs(
    left: sparse.csr_matrix, right: sparse.csr_matrix
) -> tuple[np.ndarray, np.ndarray]:
    """The TOP_K most similar right rows of every left row, and vice versa."""
    product = (left @ right.T).tocsr()
    pairs = _top_k(product) | {(i, j) for j, i in _top_k(product.T.tocsr())}
    if not pairs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    ordered = np.array(sorted(pairs), dtype=np.int64)
    return ordered[:, 0], ordered[:, 1]


def _top_k(matrix: sparse.csr_matrix) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for row in range(matrix.shape[0]):
        lo, hi = indptr[row], indptr[row + 1]
        if hi - lo > TOP_K:
            best = lo + np.argpartition(-data[lo:hi], TOP_K)[:TOP_K]
        else:
            best = range(lo, hi)
        found.update((row, int(indices[k])) for k in best)
    return found


def _greedy_match(rows: np.ndarray, cols: np.ndarray, scores: np.ndarray,
                  threshold: float) -> list[tuple[int, int]]:
    """One-to-one matching, best score first; ties broken by position for determinism."""
    order = np.lexsort((cols, rows, -scores))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for k in order:
        if scores[k] < threshold:
            break
        i, j = int(rows[k]), int(cols[k])
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((i, j))
    return pairs


Group = tuple[tuple[int, ...], tuple[int, ...]]


def _grow_merges(pairs: list[tuple[int, int]], n_left: int, n_right: int,
                 coverage: Coverage) -> list[Group]:
    """Turn a 1:1 pair into 1:2 when an unmatched neighbour carries the rest of the sentence."""
    used = ({i for i, _ in pairs}, {j for _, j in pairs})
    groups: list[Group] = []
    for i, j in pairs:
        right_part = _merge_partner(i, j, n_right, used[1], coverage, parts_side=1)
        left_part = None if right_part is not None else _merge_partner(
            j, i, n_left, used[0], coverage, parts_side=0)
        if right_part is not None:
            used[1].add(right_part)
            groups.append(((i,), tuple(sorted((j, right_part)))))
        elif left_part is not None:
            used[0].add(left_part)
            groups.append((tuple(sorted((i, left_part))), (j,)))
        else:
            groups.append(((i,), (j,)))
    return groups


def _merge_partner(whole: int, part: int, size: int, used: set[int], coverage: Coverage, *,
                   parts_side: int) -> int | None:
    """An unmatched neighbour of ``part`` that, with it, covers ``whole`` much better."""
    alone = coverage.of_whole(whole, (part,), parts_side)
    for neighbour in (part + 1, part - 1):
        if neighbour < 0 or neighbour >= size or neighbour in used:
            continue
        gain = coverage.of_whole(whole, (part, neighbour), parts_side) - alone
        if gain >= MERGE_GAIN and coverage.of_part(whole, neighbour, parts_side) >= (
                MERGE_PART_COVERAGE):
            return neighbour
    return None


def _make_link(group: Group, scored: CandidatePairs, coverage: Coverage,
               probability: dict[tuple[int, int], float]) -> Link:
    lidx, ridx = group
    left_ids = tuple(scored.lsents[i].id for i in lidx)
    right_ids = tuple(scored.rsents[j].id for j in ridx)
    score = max(probability.get((i, j), 0.0) for i in lidx for j in ridx)
    ratio, numbers_differ = coverage.identity(lidx, ridx)
    return Link(link_id(left_ids, right_ids), left_ids, right_ids,
                _kind(score, ratio, numbers_differ), round(score, 4))


def _kind(score: float, ratio: float, numbers_differ: bool) -> LinkKind:
    if ratio >= IDENTICAL_RATIO and not numbers_differ:
        return "identical"
    if score >= PARAPHRASE_PROBABILITY:
        return "paraphrase"
    return "related"


def _link_order(link: Link) -> tuple[int, int]:
    return int(link.left[0][1:]), int(link.right[0][1:])
