"""Stage 4, verify: the pairs that can conflict are read by the rules (and the verifier).

Takes the match stage's alignment and returns the links with their contradiction scores, plus
any likely conflict found between sentences the graph does not link. The sentences' features
come from the represent stage: each is extracted once, whichever reader needs it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
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
    return Verified(represented, tuple(_between_sources(links, matched.links, represented)),
                    matched.left_only, matched.right_only, verifier is not None)


def _between_sources(links: list[Link], graph: tuple[Link, ...],
                     represented: Represented) -> list[Link]:
    """The links without conflicts that each source has within itself.

    Two sides worded exactly alike cannot disagree (two lists in one sentence are not two
    versions of it). When each sentence of a flagged pair has an identical counterpart on the
    other side, both sources state both claims: whatever the two sentences disagree on, the
    sources do not disagree with each other (an article compared with itself flags nothing).
    Such a graph link stays, without its flag; a link made only for the flag goes.
    """
    echoed_l = {sid for link in links if link.kind == "identical" for sid in link.left}
    echoed_r = {sid for link in links if link.kind == "identical" for sid in link.right}
    in_graph = {link.id for link in graph}
    left, right = represented.left, represented.right
    kept = []
    for link in links:
        same_words = link.contradiction is not None and _words(
            left.sentence(s).text for s in link.left) == _words(
            right.sentence(s).text for s in link.right)
        echoed = same_words or (
            link.contradiction is not None and link.kind != "identical"
            and echoed_l.issuperset(link.left) and echoed_r.issuperset(link.right))
        if not echoed:
            kept.append(link)
        elif link.id in in_graph:
            kept.append(dataclasses.replace(link, contradiction=None))
    return kept


def _words(texts: Iterable[str]) -> list[str]:
    return " ".join(texts).split()
