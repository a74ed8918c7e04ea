"""Combine weighted reasons into one contradiction score in 0..1."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.engine.contradict.rules import Evidence
from crosscheck.engine.model import Contradiction, Reason

# A link is shown as a likely contradiction from this score up.
THRESHOLD = 0.5
# The model's probability counts, but a little less than a rule a reviewer can check.
MODEL_WEIGHT = 0.9
# Relatedness (the link probability that two sentences concern the same event or claim) at
# which a conflict counts in full; below it the score shrinks in proportion, so a pair that
# is only weakly related cannot reach THRESHOLD however strong its cues.
RELATED_FULL = 0.8


def combine(evidence: Sequence[Evidence], related: float = 1.0) -> Contradiction | None:
    """Noisy-OR over reason types (the strongest of each type), times the relatedness gate.

    Two reasons of one type (two numbers that differ) are one finding, not independent ones.
    """
    if not evidence:
        return None
    strongest: dict[str, float] = {}
    for item in evidence:
        kind = item.reason.type
        strongest[kind] = max(strongest.get(kind, 0.0), item.weight)
    doubt = 1.0
    for weight in strongest.values():
        doubt *= 1.0 - weight
    ordered = sorted(evidence, key=lambda e: (-e.weight, e.reason.type))
    # Two rules can find the same thing ("French vs German" as a name and as a country).
    first: dict[tuple, Reason] = {}
    for e in ordered:
        first.setdefault((e.reason.type, e.reason.left_span, e.reason.right_span), e.reason)
    return Contradiction(round((1.0 - doubt) * gate(related), 3), tuple(first.values()))


def gate(related: float) -> float:
    """How much of the conflict evidence counts at this relatedness."""
    return max(0.0, min(1.0, related / RELATED_FULL))


def model_evidence(probability: float, left: tuple[int, int], right: tuple[int, int],
                   left_text: str, right_text: str) -> Evidence:
    """The NLI model's contradiction probability as one more reason."""
    return Evidence(Reason("model", left_text, right_text,
                           f"NLI model: contradiction probability {probability:.2f}", left, right),
                    round(MODEL_WEIGHT * probability, 3))


def reason_types(contradiction: Contradiction | None) -> set[str]:
    """The reason types of a contradiction (empty for none)."""
    return {r.type for r in contradiction.reasons} if contradiction else set()
