"""Small documents and links for the contradiction tests (no segmenter needed)."""

from __future__ import annotations

from crosscheck.engine.contradict import find_contradictions
from crosscheck.engine.model import Contradiction, Document, Link, Sentence, link_id


def document(sentences: list[str], side: str) -> Document:
    """A document whose sentences are the given texts, one per paragraph."""
    parts, start = [], 0
    for index, text in enumerate(sentences):
        parts.append(Sentence(f"{side}{index}", start, start + len(text), text, index))
        start += len(text) + 2
    return Document(f"{side}.txt", None, "\n\n".join(sentences), "",
                    tuple((s.start, s.end) for s in parts), tuple(parts))


def check_pair(left: str, right: str, related: float = 0.95) -> Contradiction | None:
    """The contradiction found when ``left`` and ``right`` are aligned to each other.

    ``related`` is the link probability (same event or claim) the aligner would give them.
    """
    ldoc, rdoc = document(["Intro line one.", left], "L"), document(["Intro line two.", right], "R")
    link = Link(link_id(("L1",), ("R1",)), ("L1",), ("R1",), "related", related)
    (result,) = find_contradictions(ldoc, rdoc, [link], [])
    return result.contradiction


def score(left: str, right: str, related: float = 0.95) -> float:
    found = check_pair(left, right, related)
    return found.score if found else 0.0


def types(left: str, right: str, threshold: float = 0.5, related: float = 0.95) -> set[str]:
    """Reason types of a likely contradiction (score at least ``threshold``), else empty."""
    found = check_pair(left, right, related)
    if found is None or found.score < threshold:
        return set()
    return {r.type for r in found.reasons}
