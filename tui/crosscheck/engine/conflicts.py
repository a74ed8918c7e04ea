"""Stage 4, verify: the pairs that can conflict are read by the rules (and the verifier).

Takes the match stage's alignment and returns the links with their contradiction scores, plus
any likely conflict found between sentences the graph does not link. The sentences' features
come from the represent stage: each is extracted once, whichever reader needs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from crosscheck.engine.contradict import find_contradictions
from crosscheck.engine.match import Alignment
from crosscheck.engine.model import Link
from crosscheck.engine.nli import NliScorer
from crosscheck.engine.represent import Represented
from crosscheck.engine.verify.model import Verifier


@dataclass(frozen=True)
class Verified:
    """The alignment's links with ``contradiction`` filled, and new related links."""

    represented: Represented
    links: tuple[Link, ...]
    left_only: tuple[str, ...]
    right_only: tuple[str, ...]
    verifier: bool  # whether the learned verifier read the pairs


def verify(matched: Alignment, verifier: Verifier | None = None,
           nli: NliScorer | None = None) -> Verified:
    """Check ``matched``'s links and nearby pairs for conflicts (``verifier``: also read them
    with the learned verifier; None: the rules alone)."""
    represented = matched.represented
    assert represented is not None, "the match stage keeps the representation"
    left, right = represented.left, represented.right
    if verifier is None:
        links = find_contradictions(left, right, matched.links, matched.candidates, nli=nli,
                                    facts=represented.facts)
    else:
        from crosscheck.engine.verify.check import verify_links

        links = verify_links(left, right, matched.links, matched.nearby, verifier, nli=nli,
                             facts=represented.facts)
    return Verified(represented, tuple(links), matched.left_only, matched.right_only,
                    verifier is not None)
