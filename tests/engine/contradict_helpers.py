"""Small documents and links for the contradiction tests (no segmenter needed)."""

from __future__ import annotations

from crosscheck.engine.contradict import find_contradictions
from crosscheck.engine.model import Contradiction, Document, Link, Sentence, link_id
from crosscheck.engine.pair_features import claim_matrix
from crosscheck.engine.pair_model import probability
from crosscheck.engine.relate import candidate_pairs


def document(sentences: list[str], side: str) -> Document:
    """A document whose sentences are the given texts, one per paragraph."""
    parts, start = [], 0
    for index, text in enumerate(sentences):
        parts.append(Sentence(f"{side}{index}", start, start + len(text), text, index))
        start += len(text) + 2
    return Document(f"{side}.txt", None, "\n\n".join(sentences), "",
                    tuple((s.start, s.end) for s in parts), tuple(parts))


def relatedness(left: str, right: str) -> tuple[float, float]:
    """The relatedness heads' (same event, same claim) probabilities for two sentences."""
    scored = candidate_pairs(document([left], "L"), document([right], "R"), "full")
    link = probability("link", scored.tier, scored.features)
    claim = probability("claim", scored.tier, claim_matrix(
        scored.extractor, scored.rows, scored.cols, scored.features))
    return float(link[0]), float(claim[0])


def check_pair(left: str, right: str, related: float | None = None) -> Contradiction | None:
    """The contradiction found when ``left`` and ``right`` are linked to each other.

    The link carries what the aligner's heads say of the two sentences (same event, same
    claim); ``related`` overrides the first.
    """
    ldoc, rdoc = document(["Intro line one.", left], "L"), document(["Intro line two.", right], "R")
    link_probability, claim = relatedness(left, right)
    related = link_probability if related is None else related
    link = Link(link_id(("L1",), ("R1",)), ("L1",), ("R1",), "related", related,
                same_claim=claim)
    (result,) = find_contradictions(ldoc, rdoc, [link], [])
    return result.contradiction


def score(left: str, right: str, related: float | None = None) -> float:
    found = check_pair(left, right, related)
    return found.score if found else 0.0


def types(left: str, right: str, threshold: float = 0.5,
          related: float | None = None) -> set[str]:
    """Reason types of a likely contradiction (score at least ``threshold``), else empty."""
    found = check_pair(left, right, related)
    if found is None or found.score < threshold:
        return set()
    return {r.type for r in found.reasons}
