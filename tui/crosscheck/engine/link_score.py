"""Analyse a link the reviewer drew by hand exactly as the engine's own links are analysed.

The pair gets the match score and the same-claim probability from the same pair models, with
the same features in the same context (document-wide term weights, and the rival pairs of
its sentences for the margins), then its kind, its word diff and the contradiction check.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from crosscheck.engine.contradict import find_contradictions
from crosscheck.engine.diff import word_diff
from crosscheck.engine.explain import settle_kind
from crosscheck.engine.match import link_kind
from crosscheck.engine.model import Document, Link, Sentence, link_id
from crosscheck.engine.pair_features import (
    Coverage,
    claim_matrix,
    semantic_columns,
)
from crosscheck.engine.pair_model import probability, threshold
from crosscheck.engine.represent import represent_sentences
from crosscheck.engine.semantic import TierChoice


def score_link(left: Document, right: Document, left_ids: tuple[str, ...],
               right_ids: tuple[str, ...], semantic: TierChoice = "auto",
               verify: bool = False) -> Link:
    """The link ``left_ids`` ~ ``right_ids`` with scores, kind, diff and contradiction
    (``verify``: read by the conflict verifier too, as the analysis reads its links)."""
    lsents, lidx = _context(left, left_ids)
    rsents, ridx = _context(right, right_ids)
    represented = represent_sentences(left, right, lsents, rsents, semantic)
    extractor, name = represented.lexical, represented.tier
    rows, cols = _pairs(lidx, ridx, len(lsents), len(rsents))
    if represented.vectors is None:
        cosines = np.zeros(len(rows), dtype=np.float32)
    else:
        lvec, rvec = represented.vectors
        cosines = np.einsum("ij,ij->i", lvec[rows], rvec[cols])
    features = np.column_stack([
        extractor.matrix(rows, cols),
        semantic_columns(cosines, rows, cols, len(lsents), len(rsents)),
    ]).astype(np.float32)
    mine = np.isin(rows, lidx) & np.isin(cols, ridx)
    score = float(probability("link", name, features[mine]).max())
    claim = float(probability("claim", name, claim_matrix(
        extractor, rows[mine], cols[mine], features[mine])).max())
    ratio, numbers_differ = Coverage(extractor).identity(lidx, ridx)
    link = Link(link_id(left_ids, right_ids), left_ids, right_ids,
                link_kind(claim >= threshold("claim", name), ratio, numbers_differ),
                round(score, 4), best=True, same_claim=round(claim, 4))
    if verify:
        from crosscheck.engine.verify import load_verifier
        from crosscheck.engine.verify.check import verify_links

        checked = settle_kind(verify_links(left, right, [link], [], load_verifier(),
                                           force=True)[0])
    else:
        checked = settle_kind(find_contradictions(left, right, [link], [])[0])
    ltext = " ".join(left.sentence(sid).text for sid in left_ids)
    rtext = " ".join(right.sentence(sid).text for sid in right_ids)
    return dataclasses.replace(checked, diff=word_diff(ltext, rtext))


def _context(doc: Document, ids: tuple[str, ...]) -> tuple[list[Sentence], list[int]]:
    """The content sentences the engine would compare (plus the linked ones, even if they are
    page furniture), and the positions of the linked ones among them."""
    wanted = set(ids)
    sentences = [s for s in doc.sentences if not s.boilerplate or s.id in wanted]
    return sentences, [i for i, s in enumerate(sentences) if s.id in wanted]


def _pairs(lidx: list[int], ridx: list[int], n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The linked pairs, every rival of their sentences (for the margins) and the pairs just
    before and after them (for the context feature), without repeats."""
    keys = {(i, j) for i in lidx for j in range(m)} | {(i, j) for j in ridx for i in range(n)}
    keys |= {(i + d, j + d) for i in lidx for j in ridx for d in (-1, 1)
             if 0 <= i + d < n and 0 <= j + d < m}
    ordered = sorted(keys)
    return (np.array([i for i, _ in ordered], dtype=np.int64),
            np.array([j for _, j in ordered], dtype=np.int64))
