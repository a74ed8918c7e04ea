"""The verify stage: the verifier and the rules read the pairs that can conflict.

Every link of the relatedness graph and each sentence's nearest candidates are offered;
``select.choose`` keeps those that can hold a conflict, within the budget. Each kept pair gets
the rules' evidence and the verifier's probabilities, combined into the contradiction score
(``combine``). Graph links keep that score even when it is low, so the queue orders them by
it; a candidate outside the graph becomes a ``related`` link only when its score is likely.
Rules explain what they find; a conflict only the verifier reads gets a model reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from crosscheck.engine.contradict import (
    THRESHOLD,
    FeatureCache,
    find_contradictions,
    pair_evidence,
    related_probability,
)
from crosscheck.engine.contradict.rules import Evidence, one_speaker
from crosscheck.engine.contradict.score import combine, model_evidence
from crosscheck.engine.model import Contradiction, Document, Link, link_id
from crosscheck.engine.nli import NliScorer
from crosscheck.engine.verify.combine import contradiction_score
from crosscheck.engine.verify.model import Verdict, Verifier
from crosscheck.engine.verify.reason import model_reason
from crosscheck.engine.verify.select import (
    BUDGET,
    Candidate,
    SlotTable,
    choose,
    holds_slot,
    slots_of,
)

# Below this a verifier-only score is noise and the link stays without a reason.
REASON_FLOOR = 0.2
# The rules check candidates outside the graph from this relatedness (align's
# CANDIDATE_THRESHOLD), as they do without the verifier.
RULES_CANDIDATE = 0.5


@dataclasses.dataclass(frozen=True, slots=True)
class Checked:
    """One pair as the verify stage read it (kept for evaluation and fitting)."""

    candidate: Candidate
    verdict: Verdict
    rules: float
    score: float
    baseline: float = 0.0
    typed: bool = True  # the pair holds the slot of the verifier's conflict type


def verify_links(left: Document, right: Document, links: Sequence[Link],
                 nearby: Sequence[tuple[str, str, float]], verifier: Verifier,
                 nli: NliScorer | None = None, budget: int = BUDGET,
                 checked: list[Checked] | None = None, force: bool = False,
                 facts: tuple[FeatureCache, FeatureCache] | None = None) -> list[Link]:
    """The graph's links with ``contradiction`` filled, plus likely conflicts outside it.

    Pairs the verifier does not read (no shared slot, or over the budget) get the rules
    alone, exactly as without the verifier. ``checked``, when given, receives every pair
    read, with its parts of the score; ``force`` reads every link given (a link the reviewer
    drew); ``facts``: the sentences' features, where the represent stage keeps them.
    """
    lfeat, rfeat = facts or (FeatureCache(left), FeatureCache(right))
    graph = {(link.left, link.right): link for link in links}
    offered = [Candidate(link.left, link.right, related_probability(link),
                         0 if link.best else 1,
                         forced=force or link.kind == "manual") for link in links]
    offered += [Candidate((lid,), (rid,), p, 2) for lid, rid, p in nearby
                if ((lid,), (rid,)) not in graph]
    # Slots are computed as the choice reaches each sentence: the features of the others are
    # extracted below by the rules, while the verifier reads.
    lslots, rslots = SlotTable(lfeat.one), SlotTable(rfeat.one)
    chosen = choose(offered, lslots, rslots, budget)
    pairs = [(" ".join(left.sentence(s).text for s in c.left),
              " ".join(right.sentence(s).text for s in c.right)) for c in chosen]
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The verifier releases the GIL: it reads while the rules below run in this thread.
        reading = pool.submit(verifier.verify, pairs)
        evidences = [_rule_evidence(c, graph, lfeat, rfeat) for c in chosen]
        read = {(c.left, c.right) for c in chosen}
        unread = [link for link in links if (link.left, link.right) not in read]
        unread_near = [(a, b, p) for a, b, p in nearby
                       if ((a,), (b,)) not in read and p >= RULES_CANDIDATE]
        by_rules = {(link.left, link.right): link for link in find_contradictions(
            left, right, unread, unread_near, nli=nli, facts=(lfeat, rfeat))}
        verdicts = reading.result()
    baselines = _baselines(chosen, verdicts)
    nli_probabilities = nli.score(pairs) if nli is not None and pairs else [0.0] * len(pairs)
    found: dict[tuple[tuple[str, ...], tuple[str, ...]], Link] = {}
    for c, verdict, nli_p, baseline, evidence in zip(chosen, verdicts, nli_probabilities,
                                                     baselines, evidences, strict=True):
        link = graph.get((c.left, c.right))
        if nli_p >= THRESHOLD:
            lf, rf = lfeat(c.left), rfeat(c.right)
            evidence.append(model_evidence(nli_p, lf.span, rf.span, lf.text, rf.text))
        rules = combine(evidence, 1.0)
        rule_score = rules.score if rules else 0.0
        # The verifier's reading counts only where the pair holds the slot its type is about
        # ("a quote worded differently" needs a quote on each side, by one speaker).
        typed = holds_slot(verdict.type, slots_of(c.left, lslots), slots_of(c.right, rslots))
        if typed and verdict.type == "quote":
            typed = one_speaker(lfeat(c.left), rfeat(c.right))
        conflict = verdict.conflict if typed else 0.0
        score = contradiction_score(conflict, rule_score, c.related,
                                    outside=c.tier == 2, baseline=baseline)
        if checked is not None:
            checked.append(Checked(c, verdict, rule_score, score, baseline, typed))
        reasons = rules.reasons if rules else ()
        # A score the verifier gave with no rule behind it always says so, weak or likely,
        # so a reviewer is never shown a conflict score without a reason.
        if not reasons and score >= REASON_FLOOR:
            reasons = (model_reason(verdict.type, verdict.conflict,
                                    [left.sentence(s) for s in c.left],
                                    [right.sentence(s) for s in c.right]),)
        if link is None:
            if score < THRESHOLD:
                continue
            link = Link(link_id(c.left, c.right), c.left, c.right, "related", c.related,
                        best=False)

        found[c.left, c.right] = dataclasses.replace(
            link, contradiction=Contradiction(score, tuple(reasons)))
    found.update({key: link for key, link in by_rules.items() if key not in found})
    return [found.get((link.left, link.right), link) for link in links] + [
        link for key, link in found.items() if key not in graph]


def _rule_evidence(c: Candidate, graph: dict[tuple[tuple[str, ...], tuple[str, ...]], Link],
                   lfeat: FeatureCache, rfeat: FeatureCache) -> list[Evidence]:
    """The rules' findings on a pair the verifier reads (a drawn link states the same claim by
    the reviewer's word)."""
    link = graph.get((c.left, c.right))
    claim = 1.0 if link is not None and link.kind == "manual" else (
        link.same_claim or 0.0 if link is not None else 0.0)
    return pair_evidence(lfeat(c.left), rfeat(c.right), claim, linked=c.tier == 0)


def _baselines(chosen: Sequence[Candidate], verdicts: Sequence[Verdict]) -> list[float]:
    """For each pair, the larger of its two sentences' median conflict probability against
    their other counterparts read (0 when a sentence has no other)."""
    by_left: dict[tuple[str, ...], list[float]] = {}
    by_right: dict[tuple[str, ...], list[float]] = {}
    for c, v in zip(chosen, verdicts, strict=True):
        by_left.setdefault(c.left, []).append(v.conflict)
        by_right.setdefault(c.right, []).append(v.conflict)

    def others(values: list[float], own: float) -> float:
        rest = sorted(values)
        rest.remove(own)
        if not rest:
            return 0.0
        mid = len(rest) // 2
        return rest[mid] if len(rest) % 2 else (rest[mid - 1] + rest[mid]) / 2

    return [max(others(by_left[c.left], v.conflict), others(by_right[c.right], v.conflict))
            for c, v in zip(chosen, verdicts, strict=True)]
