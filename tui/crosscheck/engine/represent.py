"""Stage 1, represent: what every later stage reads about each sentence, computed once.

Each content sentence's words, character n-grams and rare markers (``PairFeatures``), its
embedding in the chosen tier, and (lazily, on first use) its contradiction features: figures,
dates, names, quotes, cues. The relate, match, verify and explain stages read these and never
recompute them.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from crosscheck.engine.contradict import FeatureCache
from crosscheck.engine.model import Document, Sentence
from crosscheck.engine.pair_features import PairFeatures
from crosscheck.engine.pair_model import TierName
from crosscheck.engine.semantic import TierChoice, choose_tier, embed


@dataclass(frozen=True)
class Represented:
    """Both documents' content sentences and everything measured about them."""

    left: Document
    right: Document
    lsents: list[Sentence]
    rsents: list[Sentence]
    tier: TierName
    lexical: PairFeatures
    # L2-normalised embeddings of lsents and rsents (None for the ``off`` tier).
    vectors: tuple[np.ndarray, np.ndarray] | None
    # Contradiction features by sentence id, extracted on first use and kept.
    facts: tuple[FeatureCache, FeatureCache]

    @property
    def empty(self) -> bool:
        """Whether either side has no content sentence (nothing can correspond)."""
        return not self.lsents or not self.rsents


def represent(left: Document, right: Document, semantic: TierChoice = "auto") -> Represented:
    """The representation of ``left`` and ``right``'s content sentences."""
    return represent_sentences(left, right, [s for s in left.sentences if not s.boilerplate],
                               [s for s in right.sentences if not s.boilerplate], semantic)


def represent_sentences(left: Document, right: Document, lsents: list[Sentence],
                        rsents: list[Sentence], semantic: TierChoice = "auto") -> Represented:
    """The representation of chosen sentences of ``left`` and ``right`` (a hand-drawn link
    may use page furniture the analysis leaves out)."""
    tier = choose_tier(semantic, len(lsents) + len(rsents))
    vectors = None
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The encoders release the GIL: embedding runs while the word features are built.
        pending = None if tier is None or not lsents or not rsents else pool.submit(
            lambda: (embed([s.text for s in lsents], tier), embed([s.text for s in rsents], tier)))
        lexical = PairFeatures(lsents, rsents)
        if pending is not None:
            vectors = pending.result()
    return Represented(left, right, lsents, rsents, tier or "off", lexical, vectors,
                       (FeatureCache(left), FeatureCache(right)))
