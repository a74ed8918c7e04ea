"""Stage 5, explain: each link's final kind and word diff, and the analysis in reading order."""

from __future__ import annotations

import dataclasses

from crosscheck.engine.conflicts import Verified
from crosscheck.engine.contradict import THRESHOLD as LIKELY
from crosscheck.engine.diff import word_diff
from crosscheck.engine.model import Analysis, Document, Link


def explain(verified: Verified) -> Analysis:
    """The ``Analysis`` of the verified links: kinds settled, diffs added, one-sided sentences
    that a new link took in removed."""
    left, right = verified.represented.left, verified.represented.right
    links = [with_diff(settle_kind(link), left, right) for link in verified.links]
    links.sort(key=lambda link: (int(link.left[0][1:]), int(link.right[0][1:]), link.id))
    used_l = {sid for link in links for sid in link.left}
    used_r = {sid for link in links for sid in link.right}
    return Analysis(
        left=left,
        right=right,
        links=tuple(links),
        left_only=tuple(s for s in verified.left_only if s not in used_l),
        right_only=tuple(s for s in verified.right_only if s not in used_r),
        meta={"verifier": verified.verifier},
    )


def settle_kind(link: Link) -> Link:
    """Two conflicting versions of a claim are not the same claim: call them related."""
    conflict = link.contradiction is not None and link.contradiction.score >= LIKELY
    if conflict and link.kind in {"paraphrase", "identical"}:
        return dataclasses.replace(link, kind="related")
    return link


def with_diff(link: Link, left: Document, right: Document) -> Link:
    """``link`` with the word diff of its two sides (kept when it already has one)."""
    if link.diff:
        return link
    ltext = " ".join(left.sentence(sid).text for sid in link.left)
    rtext = " ".join(right.sentence(sid).text for sid in link.right)
    return dataclasses.replace(link, diff=word_diff(ltext, rtext))
