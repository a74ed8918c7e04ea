"""Sparse TF-IDF vectors over words, word bigrams and character n-grams of sentences.

Both sides are vectorised together so IDF reflects the pair of articles; rows are L2-normalised
so a sparse product is a cosine similarity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

CHAR_N = 4


@dataclass(frozen=True)
class SentenceVectors:
    """TF-IDF matrices of each side (rows = that side's sentences, in order)."""

    words: tuple[sparse.csr_matrix, sparse.csr_matrix]
    chars: tuple[sparse.csr_matrix, sparse.csr_matrix]
    retrieval: tuple[sparse.csr_matrix, sparse.csr_matrix]
    # Which single terms each sentence has (0/1), and each term's IDF over both articles.
    terms: tuple[sparse.csr_matrix, sparse.csr_matrix]
    term_idf: np.ndarray


def vectorise(left: Sequence[Sequence[str]], right: Sequence[Sequence[str]]) -> SentenceVectors:
    """Vectorise the two sides' sentences (as content-term lists) into one feature space."""
    terms = [*left, *right]
    word_rows = [[*t, *(f"{a} {b}" for a, b in zip(t, t[1:], strict=False))] for t in terms]
    words, vocab = _count_matrix(word_rows)
    df = _document_frequency(words)
    word_tfidf, idf = _tfidf(words, df)
    retrieval = _without_common_terms(word_tfidf, df)
    char_tfidf, _ = _tfidf(_char_matrix(terms))
    single = np.flatnonzero([" " not in term for term in vocab] or [True])
    present = words[:, single].tocsr()
    present.data[:] = 1.0
    n = len(left)
    return SentenceVectors(_split(word_tfidf, n), _split(char_tfidf, n), _split(retrieval, n),
                           _split(present, n), idf[single].astype(np.float32))


def _split(matrix: sparse.csr_matrix, n: int) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    return matrix[:n], matrix[n:]


def _count_matrix(rows: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for row in rows:
        for term in row:
            indices.append(vocab.setdefault(term, len(vocab)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sparse.csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(rows), max(len(vocab), 1)),
    )
    matrix.sum_duplicates()
    return matrix, vocab


def _char_matrix(terms: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Sentence × n-gram counts as (sentence × term) @ (term × n-gram), n-grams once per term."""
    term_counts, vocab = _count_matrix(terms)
    # No terms at all ("!" against "!"): _count_matrix keeps one empty column, so give it
    # one empty row of n-grams for the product's shapes to agree.
    grams = [_char_grams(term) for term in vocab] or [[]]
    term_grams, _ = _count_matrix(grams)
    return (term_counts @ term_grams).tocsr()


def _char_grams(term: str) -> list[str]:
    padded = f" {term} "
    if len(padded) <= CHAR_N:
        return [padded]
    return [padded[i : i + CHAR_N] for i in range(len(padded) - CHAR_N + 1)]


def _document_frequency(counts: sparse.csr_matrix) -> np.ndarray:
    """How many sentences have each column (counts are summed, so one entry per sentence)."""
    return np.bincount(counts.indices, minlength=counts.shape[1])


def _tfidf(counts: sparse.csr_matrix,
           df: np.ndarray | None = None) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Sublinear TF-IDF rows, L2-normalised; also returns the IDF of each column."""
    n_docs = counts.shape[0]
    df = _document_frequency(counts) if df is None else df
    idf = np.log((1 + n_docs) / (1 + df)) + 1.0
    weighted = counts.copy().astype(np.float32)
    weighted.data = (1.0 + np.log(weighted.data)) * idf[weighted.indices].astype(np.float32)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted, dtype=np.float32), idf


def _without_common_terms(tfidf: sparse.csr_matrix, df: np.ndarray) -> sparse.csr_matrix:
    """Retrieval matrix without very frequent terms, which would make the product near-dense."""
    limit = max(20, int(0.02 * tfidf.shape[0]))
    keep = (df <= limit).astype(np.float32)
    return sparse.csr_matrix(tfidf @ sparse.diags(keep), dtype=np.float32)


def pair_cosine(
    left: sparse.csr_matrix, right: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Cosine of left[rows[k]] and right[cols[k]] for every k, without a dense product."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(left[rows].multiply(right[cols]).sum(axis=1)).ravel()
