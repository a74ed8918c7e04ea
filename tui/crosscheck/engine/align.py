"""Sentence alignment: candidate retrieval, pair scoring, greedy matching, merge/split.

Sources order facts differently, so matching is not monotone: every content sentence may match
any sentence of the other side, one-to-one, then grown to one-to-two where a sentence was split.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from crosscheck.engine.model import Document, Link, LinkKind, Sentence, link_id
from crosscheck.engine.pair_scores import PairScorer, Side

TOP_K = 6
LINK_THRESHOLD = 0.30
CANDIDATE_THRESHOLD = 0.22
IDENTICAL_RATIO = 0.90
PARAPHRASE_THRESHOLD = 0.55
MERGE_GAIN = 0.12
MERGE_PART_COVERAGE = 0.5


@dataclass(frozen=True)
class Alignment:
    links: tuple[Link, ...]
    left_only: tuple[str, ...]
    right_only: tuple[str, ...]
    candidates: tuple[tuple[str, str, float], ...]


def align(left: Document, right: Document) -> Alignment:
    """Align the content sentences of ``left`` and ``right``."""
    lsents = [s for s in left.sentences if not s.boilerplate]
    rsents = [s for s in right.sentences if not s.boilerplate]
    if not lsents or not rsents:
        return Alignment((), tuple(s.id for s in lsents), tuple(s.id for s in rsents), ())
    scorer = PairScorer(lsents, rsents)
    rows, cols = _candidate_pairs(*scorer.vectors.retrieval)
    scores = scorer.score(rows, cols)
    pairs = _greedy_match(rows, cols, scores)
    groups = _grow_merges(pairs, lsents, rsents, scorer)
    links = tuple(sorted((_make_link(g, lsents, rsents, scorer) for g in groups),
                         key=_link_order))
    used_l = {sid for link in links for sid in link.left}
    used_r = {sid for link in links for sid in link.right}
    linked = {(link.left[0], link.right[0]) for link in links}
    candidates = tuple(
        (lsents[i].id, rsents[j].id, round(float(s), 4))
        for i, j, s in sorted(zip(rows.tolist(), cols.tolist(), scores.tolist(), strict=True))
        if s >= CANDIDATE_THRESHOLD and (lsents[i].id, rsents[j].id) not in linked
    )
    return Alignment(
        links,
        tuple(s.id for s in lsents if s.id not in used_l),
        tuple(s.id for s in rsents if s.id not in used_r),
        candidates,
    )


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


def _greedy_match(rows: np.ndarray, cols: np.ndarray, scores: np.ndarray) -> list[tuple[int, int]]:
    """One-to-one matching, best score first; ties broken by position for determinism."""
    order = np.lexsort((cols, rows, -scores))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for k in order:
        if scores[k] < LINK_THRESHOLD:
            break
        i, j = int(rows[k]), int(cols[k])
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((i, j))
    return pairs


def _grow_merges(pairs: list[tuple[int, int]], lsents: list[Sentence], rsents: list[Sentence],
                 scorer: PairScorer) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Turn a 1:1 pair into 1:2 when an unmatched neighbour carries the rest of the sentence."""
    used_l = {i for i, _ in pairs}
    used_r = {j for _, j in pairs}
    groups = []
    for i, j in pairs:
        right_part = _merge_partner(i, j, len(rsents), used_r, scorer, side="right")
        if right_part is not None:
            used_r.add(right_part)
            groups.append(((i,), tuple(sorted((j, right_part)))))
            continue
        left_part = _merge_partner(j, i, len(lsents), used_l, scorer, side="left")
        if left_part is not None:
            used_l.add(left_part)
            groups.append((tuple(sorted((i, left_part))), (j,)))
            continue
        groups.append(((i,), (j,)))
    return groups


def _merge_partner(whole: int, part: int, size: int, used: set[int], scorer: PairScorer, *,
                   side: Side) -> int | None:
    """An unmatched neighbour of ``part`` that, with it, covers ``whole`` much better."""
    alone = scorer.coverage(whole, (part,), side)
    for neighbour in (part + 1, part - 1):
        if neighbour < 0 or neighbour >= size or neighbour in used:
            continue
        joined = scorer.coverage(whole, (part, neighbour), side)
        gain_ok = joined - alone >= MERGE_GAIN
        if gain_ok and scorer.part_coverage(whole, neighbour, side) >= MERGE_PART_COVERAGE:
            return neighbour
    return None


def _make_link(group: tuple[tuple[int, ...], tuple[int, ...]], lsents: list[Sentence],
               rsents: list[Sentence], scorer: PairScorer) -> Link:
    lidx, ridx = group
    left_ids = tuple(lsents[i].id for i in lidx)
    right_ids = tuple(rsents[j].id for j in ridx)
    score, ratio, conflict = scorer.group_evidence(lidx, ridx)
    return Link(link_id(left_ids, right_ids), left_ids, right_ids,
                _kind(score, ratio, conflict), round(score, 4))


def _kind(score: float, ratio: float, conflicting_markers: bool) -> LinkKind:
    if ratio >= IDENTICAL_RATIO and not conflicting_markers:
        return "identical"
    if score >= PARAPHRASE_THRESHOLD and not conflicting_markers:
        return "paraphrase"
    return "related"


def _link_order(link: Link) -> tuple[int, int]:
    return int(link.left[0][1:]), int(link.right[0][1:])
