"""Contradiction detection: typed, checkable reasons why two linked sentences may disagree.

``find_contradictions`` fills ``Link.contradiction`` for the aligner's links and adds ``related``
links for other candidate pairs that share an event, people or numbers and clearly conflict
(a denial rarely has a good alignment of its own).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from operator import itemgetter

from crosscheck.engine.contradict.entities import same_entity
from crosscheck.engine.contradict.features import Features, merge, sentence_features
from crosscheck.engine.contradict.numbers import comparable
from crosscheck.engine.contradict.rules import RULES, Evidence, make_pair
from crosscheck.engine.contradict.score import THRESHOLD, combine, model_evidence
from crosscheck.engine.model import Document, Link, link_id
from crosscheck.engine.nli import NliScorer

__all__ = ["THRESHOLD", "FeatureCache", "NliScorer", "find_contradictions", "pair_evidence",
           "related_probability"]

# A candidate pair outside the alignment needs this much in common to be checked at all.
ANCHOR_OVERLAP = 0.4
ANCHOR_SHARED = 3


class FeatureCache:
    """Features per sentence id, extracted once however many pairs use the sentence."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._seen: dict[str, Features] = {}

    def __call__(self, ids: Sequence[str]) -> Features:
        parts = []
        for sid in ids:
            found = self._seen.get(sid)
            if found is None:
                found = self._seen[sid] = sentence_features(self.doc.sentence(sid))
            parts.append(found)
        return merge(parts)

    def one(self, sid: str) -> Features:
        """The features of a single sentence."""
        found = self._seen.get(sid)
        if found is None:
            found = self._seen[sid] = sentence_features(self.doc.sentence(sid))
        return found


def pair_evidence(left: Features, right: Features, claim: float = 0.0,
                  linked: bool = True) -> list[Evidence]:
    """Every rule's findings for one pair, in rule order (``claim``: same-claim probability;
    ``linked``: in the best correspondence)."""
    pair = make_pair(left, right, linked=linked, claim=claim)
    return [item for rule in RULES for item in rule(pair)]


def find_contradictions(left: Document, right: Document, links: Sequence[Link],
                        candidates: Sequence[tuple[str, str, float]],
                        nli: NliScorer | None = None,
                        facts: tuple[FeatureCache, FeatureCache] | None = None) -> list[Link]:
    """The links with ``contradiction`` filled where there is evidence, plus new related links.

    The best correspondence is checked in full. Other links of the relatedness graph, and
    candidate pairs below it, are checked like unaligned pairs: they must share an event,
    people or numbers, the evidence must be likely, and a sentence already in a likely
    contradiction keeps that one. ``facts``: the sentences' features, where the represent
    stage keeps them.
    """
    lfeat, rfeat = facts or (FeatureCache(left), FeatureCache(right))
    found: list[tuple[Link, Features, Features, list[Evidence]]] = []
    for link in links:
        if link.best:
            lf, rf = lfeat(link.left), rfeat(link.right)
            claim = 1.0 if link.kind == "manual" else (link.same_claim or 0.0)
            found.append((link, lf, rf, pair_evidence(lf, rf, claim)))
    best = {(a, b) for link in links if link.best for a in link.left for b in link.right}
    # A sentence already in a likely contradiction keeps that one: it explains the conflict,
    # and more pairs for the same sentence would mostly repeat it.
    flagged = {sid for link, _, _, evidence in found if _likely(evidence, related_probability(link))
               for sid in link.left + link.right}
    others = {(link.left[0], link.right[0]): link for link in links if not link.best}
    quiet: list[Link] = []  # graph links with no likely conflict: kept, with no evidence
    # Best first, ties by id: sorting by ids and then (stably) by similarity orders the same
    # as one sort on (-similarity, left, right), with no Python key function per pair.
    pairs = [*((lid, rid, link.score) for (lid, rid), link in others.items()), *candidates]
    for lid, rid, similarity in sorted(sorted(pairs), key=itemgetter(2), reverse=True):
        graph_link = others.get((lid, rid))
        evidence: list[Evidence] = []
        if (lid, rid) not in best and lid not in flagged and rid not in flagged:
            lf, rf = lfeat.one(lid), rfeat.one(rid)
            if _anchored(lf, rf):
                evidence = pair_evidence(lf, rf, linked=False)
        if _likely(evidence, similarity):
            link = graph_link or Link(link_id((lid,), (rid,)), (lid,), (rid,), "related",
                                      similarity, best=False)
            found.append((link, lf, rf, evidence))
            flagged.update((lid, rid))
        elif graph_link is not None:
            quiet.append(graph_link)
    if nli is not None:
        _add_model_evidence(found, nli)
    return [_filled(link, evidence) for link, _, _, evidence in found] + quiet


def _likely(evidence: list[Evidence], related: float) -> bool:
    verdict = combine(evidence, related)
    return verdict is not None and verdict.score >= THRESHOLD


def related_probability(link: Link) -> float:
    """The link probability; a link made by hand is related by the reviewer's word."""
    return 1.0 if link.kind == "manual" else link.score


def _anchored(left: Features, right: Features) -> bool:
    """Whether a non-aligned pair shares an event, people or numbers."""
    shared = len(left.terms & right.terms)
    if not shared:
        return False
    overlap = shared / (min(len(left.terms), len(right.terms)) or 1)
    if overlap >= ANCHOR_OVERLAP and shared >= ANCHOR_SHARED:
        return True
    if any(comparable(a, b) >= 2 for a in left.quantities for b in right.quantities):
        return True
    return shared >= 2 and any(same_entity(a, b) for a in left.names for b in right.names)


def _filled(link: Link, evidence: list[Evidence]) -> Link:
    verdict = combine(evidence, related_probability(link))
    return dataclasses.replace(link, contradiction=verdict) if verdict else link


def _add_model_evidence(found: list[tuple[Link, Features, Features, list[Evidence]]],
                        nli: NliScorer) -> None:
    """Score every pair with the model in one batched call; add a reason where it is likely."""
    probabilities = nli.score([(lf.text, rf.text) for _, lf, rf, _ in found])
    for (_, lf, rf, evidence), probability in zip(found, probabilities, strict=True):
        if probability >= THRESHOLD:
            evidence.append(model_evidence(probability, lf.span, rf.span, lf.text, rf.text))
