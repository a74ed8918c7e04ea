"""The fast tier: a static token embedding distilled from all-MiniLM-L6-v2 (model2vec's method).

A sentence vector is the SIF-weighted mean of its WordPiece tokens' vectors: one sparse
product for all sentences, so cost is linear in the text and needs no ONNX session.
The table is made by ``tools/distill_static.py`` and ships in ``assets/``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np

from crosscheck.engine.semantic.tokenizer import (
    ASSETS,
    SemanticModelError,
    load_tokenizer,
    verified_bytes,
)

TABLE_FILE = ASSETS / "static_minilm.npz"
TABLE_SHA256 = "bf19868a789adbe9a1db6eed187c780e87ab39c34d89651bba3c7698b6eb86ba"


class StaticEncoder:
    """Sentence vectors as weighted means of static token vectors."""

    def __init__(self, vectors: np.ndarray, weights: np.ndarray, tokenizer) -> None:
        self._vectors = vectors
        self._weights = weights
        self._tokenizer = tokenizer
        self.dimension = vectors.shape[1]

    @classmethod
    def load(cls) -> StaticEncoder:
        data = verified_bytes(TABLE_FILE, TABLE_SHA256, "the fast sentence model")
        try:
            with np.load(io.BytesIO(data)) as table:
                vectors = table["vectors"].astype(np.float32) * table["scale"][:, None]
                weights = table["weights"].astype(np.float32)
        except (OSError, KeyError, ValueError) as exc:
            raise SemanticModelError(f"the fast sentence model is unreadable: {exc}") from None
        return cls(vectors, weights, load_tokenizer())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised sentence vectors, one row per text."""
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        indptr = np.cumsum([0, *(len(e.ids) for e in encodings)])
        ids = np.fromiter((i for e in encodings for i in e.ids), dtype=np.int64,
                          count=int(indptr[-1]))
        from scipy import sparse  # here: checking the table's files must stay light

        counts = sparse.csr_matrix((self._weights[ids], ids, indptr),
                                   shape=(len(texts), len(self._weights)))
        pooled = np.asarray(counts @ self._vectors, dtype=np.float32)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)
