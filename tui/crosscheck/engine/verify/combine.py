"""The contradiction score: the verifier's conflict probability, the rules' evidence and the
relatedness gate in one calibrated number (fitted on the tune split, ``tools/verifier``).

    conflict' = sigmoid(logit(conflict - CONTRAST * baseline) + PRIOR_SHIFT
                        [+ OUTSIDE_SHIFT outside the graph])
    score = gate(related) * (1 - (1 - rules') * (1 - conflict'))
    rules' = rules * (conflict' + (1 - conflict') * RULES_ALONE)

The verifier was trained on pairs where conflicts are common; in real article pairs they are
rare (2 in 755 real candidate pairs), so its probability is shifted by ``PRIOR_SHIFT`` on the
logit scale. A rule's finding counts in full when the verifier also reads a conflict and only
``RULES_ALONE`` of it when the verifier reads none (the false flags of the rules alone: an
abbreviation read as another name, two figures of different things). ``baseline`` (tried,
and fitted to ``CONTRAST = 0`` with the shipped model: it no longer helped) is how readily
the verifier
calls either sentence's other counterparts a conflict (the larger of
the two medians): a sentence with a negation or a denial draws a high conflict probability
against every sentence of its story, and only what stands out from that is evidence about
this pair (the model reads cues as well as pairs). A candidate outside
the relatedness graph (a sentence's nearby counterpart) is shifted by ``OUTSIDE_SHIFT`` more:
most such pairs are other claims of the story.
"""

from __future__ import annotations

import math

from crosscheck.engine.contradict.score import gate

PRIOR_SHIFT = -1.0
OUTSIDE_SHIFT = -2.0
RULES_ALONE = 0.5
CONTRAST = 0.0


def contradiction_score(conflict: float, rules: float, related: float,
                        prior_shift: float = PRIOR_SHIFT,
                        rules_alone: float = RULES_ALONE, outside: bool = False,
                        outside_shift: float = OUTSIDE_SHIFT, baseline: float = 0.0,
                        contrast: float = CONTRAST) -> float:
    """The combined score in 0..1 (``rules``: the rules' noisy-OR evidence before the gate;
    ``outside``: the pair is a candidate outside the relatedness graph; ``baseline``: the
    verifier's usual conflict probability for these sentences)."""
    standing_out = max(0.0, conflict - contrast * baseline)
    shifted = shift(standing_out, prior_shift + (outside_shift if outside else 0.0))
    rules_counted = rules * (shifted + (1.0 - shifted) * rules_alone)
    either = 1.0 - (1.0 - rules_counted) * (1.0 - shifted)
    return round(gate(related) * either, 3)


def shift(probability: float, logit_shift: float) -> float:
    """``probability`` moved by ``logit_shift`` on the logit scale."""
    p = min(max(probability, 1e-6), 1.0 - 1e-6)
    return 1.0 / (1.0 + math.exp(-(math.log(p / (1.0 - p)) + logit_shift)))
