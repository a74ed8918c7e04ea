"""The judge's findings joined to the analysis: beside the engine's, never in place of them.

A finding about sentences a link already covers goes on that link (``Link.judge``); the
engine's score, kind and contradiction stay as they were. A conflict the judge quoted between
sentences the graph does not link becomes a new link of kind ``related`` (``judge.added``),
so it reaches the queue; its sentences are then no longer one-sided.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from crosscheck.engine.model import Analysis, JudgeFinding, Link, link_id
from crosscheck.judge.findings import Judgement

# Builds the link for a pair the graph lacks: the CLI scores it as a hand-drawn link is scored
# (engine.link_score); without one it gets no engine scores.
NewLink = Callable[[Analysis, tuple[str, ...], tuple[str, ...]], Link]


def find_link(analysis: Analysis, left: tuple[str, ...], right: tuple[str, ...],
              ) -> Link | None:
    """The link a finding about ``left`` ~ ``right`` belongs to: the very link, else one
    covering both sides (the best correspondence first, then the most related)."""
    covering = [link for link in analysis.links
                if set(left) <= set(link.left) and set(right) <= set(link.right)]
    exact = [link for link in covering if (link.left, link.right) == (left, right)]
    ranked = exact or sorted(covering, key=lambda link: (not link.best, -link.score, link.id))
    return ranked[0] if ranked else None


def merge_findings(old: JudgeFinding | None, new: JudgeFinding) -> JudgeFinding:
    """One finding of two readings of a link: a conflict when either reading found one."""
    if old is None:
        return new
    seen = {(r.left_span, r.right_span) for r in old.reasons}
    reasons = old.reasons + tuple(r for r in new.reasons if (r.left_span, r.right_span)
                                  not in seen)
    relation = "conflict" if "conflict" in (old.relation, new.relation) else old.relation
    modes = tuple(dict.fromkeys(old.modes + new.modes))
    return dataclasses.replace(old, relation=relation, reasons=reasons, modes=modes,
                               explanation=old.explanation or new.explanation)


def apply_judgements(analysis: Analysis, judgements: Iterable[Judgement],
                     record: dict[str, object], *, new_link: NewLink | None = None,
                     ) -> Analysis:
    """``analysis`` with the judge's findings on its links, the new links it found, and
    ``record`` (its ``new_links`` count filled in) as ``meta["judge"]``."""
    findings: dict[str, JudgeFinding] = {}
    added: dict[str, Link] = {}
    make = new_link or plain_link
    for judgement in judgements:
        link = find_link(analysis, judgement.left, judgement.right)
        if link is None:
            key = link_id(judgement.left, judgement.right)
            made = make(analysis, judgement.left, judgement.right)
            link = added.setdefault(key, dataclasses.replace(made, id=key, kind="related",
                                                             best=False))
        finding = dataclasses.replace(judgement.finding, added=link.id in added)
        findings[link.id] = merge_findings(findings.get(link.id), finding)
    links = [dataclasses.replace(link, judge=findings.get(link.id, link.judge))
             for link in (*analysis.links, *added.values())]
    links.sort(key=lambda link: (int(link.left[0][1:]), int(link.right[0][1:]), link.id))
    linked_l = {sid for link in added.values() for sid in link.left}
    linked_r = {sid for link in added.values() for sid in link.right}
    return dataclasses.replace(
        analysis, links=tuple(links),
        left_only=tuple(s for s in analysis.left_only if s not in linked_l),
        right_only=tuple(s for s in analysis.right_only if s not in linked_r),
        meta={**analysis.meta, "judge": {**record, "new_links": len(added)}})


def plain_link(analysis: Analysis, left: tuple[str, ...], right: tuple[str, ...]) -> Link:
    """A new link with its word diff and no engine scores (score 0: the engine did not relate
    the pair)."""
    from crosscheck.engine.diff import word_diff

    ltext = " ".join(analysis.left.sentence(sid).text for sid in left)
    rtext = " ".join(analysis.right.sentence(sid).text for sid in right)
    return Link(link_id(left, right), left, right, "related", 0.0, best=False,
                diff=word_diff(ltext, rtext))
