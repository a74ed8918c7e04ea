"""Combine weighted reasons into one contradiction score in 0..1."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.engine.contradict.rules import Evidence
from crosscheck.engine.model import Contradiction, Reason

# A link is shown as a likely contradiction from this score up.
THRESHOLD = 0.5
# The model's probability counts, but a little less than a rule a reviewer can check.
MODEL_WEIGHT = 0.9


def combine(evidence: Sequence[Evidence]) -> Contradiction | None:
    """Noisy-OR of the weights: independent reasons add up, none can pass 1."""
    if not evidence:
        return None
    doubt = 1.0
    for item in evidence:
        doubt *= 1.0 - item.weight
    ordered = sorted(evidence, key=lambda e: (-e.weight, e.reason.type))
    return Contradiction(round(1.0 - doubt, 3), tuple(e.reason for e in ordered))


def model_evidence(probability: float, left: tuple[int, int], right: tuple[int, int],
                   left_text: str, right_text: str) -> Evidence:
    """The NLI model's contradiction probability as one more reason."""
    return Evidence(Reason("model", left_text, right_text,
                           f"NLI model: contradiction probability {probability:.2f}", left, right),
                    round(MODEL_WEIGHT * probability, 3))


def reason_types(contradiction: Contradiction | None) -> set[str]:
    """The reason types of a contradiction (empty for none)."""
    return {r.type for r in contradiction.reasons} if contradiction else set()
