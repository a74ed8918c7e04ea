"""Stage 5, explain: each link's final kind and word diff, and the analysis in reading order."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from crosscheck.engine.conflicts import Verified
from crosscheck.engine.contradict import THRESHOLD as LIKELY
from crosscheck.engine.diff import word_diff
from crosscheck.engine.facts import tabulate
from crosscheck.engine.model import Analysis, Document, Link, Reason


def explain(verified: Verified) -> Analysis:
    """The ``Analysis`` of the verified links: kinds settled, diffs added, one-sided sentences
    that a new link took in removed."""
    left, right = verified.represented.left, verified.represented.right
    apart = _hours_apart(left, right)
    links = [with_diff(settle_kind(_with_timeline(link, left, right, apart)), left, right)
             for link in verified.links]
    links.sort(key=lambda link: (int(link.left[0][1:]), int(link.right[0][1:]), link.id))
    used_l = {sid for link in links for sid in link.left}
    used_r = {sid for link in links for sid in link.right}
    left_only = tuple(s for s in verified.left_only if s not in used_l)
    right_only = tuple(s for s in verified.right_only if s not in used_r)
    return Analysis(
        left=left,
        right=right,
        links=tuple(links),
        left_only=left_only,
        right_only=right_only,
        meta={"verifier": verified.verifier},
        facts=tabulate(left, right, links, left_only, right_only, verified.represented.facts),
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


# Conflicts a later report may simply update: counts grow, expectations are confirmed.
TIMELINE_TYPES = frozenset({"number", "modality"})
TIMELINE_HOURS = 1.0


def _with_timeline(link: Link, left: Document, right: Document, apart: float | None) -> Link:
    """A likely conflict of a kind that changes with time gets a ``timeline`` reason when the
    two pages were published (or last updated) at least TIMELINE_HOURS apart; the score is
    left as it is: the reviewer decides whether it is an update or an error."""
    conflict = link.contradiction
    if (apart is None or apart < TIMELINE_HOURS or conflict is None or conflict.score < LIKELY
            or not TIMELINE_TYPES & {r.type for r in conflict.reasons}):
        return link
    later = "right" if _when(right) > _when(left) else "left"
    when = f"{_shown(left)} and {_shown(right)}"
    span = f"{apart:.0f} hours" if apart < 48 else f"{apart / 24:.0f} days"
    reason = Reason("timeline", _shown(left), _shown(right),
                    f"published {span} apart ({when}): the {later} report may update the "
                    "other")
    return dataclasses.replace(link, contradiction=dataclasses.replace(
        conflict, reasons=(*conflict.reasons, reason)))


def _hours_apart(left: Document, right: Document) -> float | None:
    """Hours between the two pages' latest stated times (None when either is unknown)."""
    a, b = _when(left), _when(right)
    if a is None or b is None:
        return None
    return abs((a - b).total_seconds()) / 3600


def _when(doc: Document):  # -> datetime | None
    stamp = doc.updated or doc.published
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    # Compared as UTC where the page gave an offset, else as stated.
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _shown(doc: Document) -> str:
    return (doc.updated or doc.published or "").replace("T", " ")[:16]
