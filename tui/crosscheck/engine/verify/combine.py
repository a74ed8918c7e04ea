"""The contradiction score: the verifier's conflict probability, the rules' evidence and the
relatedness gate in one calibrated number (fitted on the tune split, ``tools/verifier``).

    score = gate(related) * (1 - (1 - rules') * (1 - VERIFIER_WEIGHT * conflict))
    rules' = rules * (conflict + (1 - conflict) * RULES_ALONE)

A rule's finding counts in full when the verifier also reads a conflict and only
``RULES_ALONE`` of it when the verifier reads none (the false flags of the rules alone: an
abbreviation read as another name, two figures of different things); the verifier's own
probability counts at ``VERIFIER_WEIGHT``.
"""

from __future__ import annotations

from crosscheck.engine.contradict.score import gate

VERIFIER_WEIGHT = 1.0
RULES_ALONE = 0.5


def contradiction_score(conflict: float, rules: float, related: float,
                        verifier_weight: float = VERIFIER_WEIGHT,
                        rules_alone: float = RULES_ALONE) -> float:
    """The combined score in 0..1 (``rules``: the rules' noisy-OR evidence before the gate)."""
    rules_counted = rules * (conflict + (1.0 - conflict) * rules_alone)
    either = 1.0 - (1.0 - rules_counted) * (1.0 - verifier_weight * conflict)
    return round(gate(related) * either, 3)
