"""The verdicts, their labels, and which item kinds each one fits.

The stored values are an API: exports, imports and outside checks read them, so a value is
never renamed; new ones are appended. Most verdicts fit every item. A few only make sense on
one kind: "not a conflict" and "timeline update" judge how two linked sentences relate, so a
sentence the other article lacks cannot have them; "checked" and "omitted" judge a sentence
on its own, so a link cannot. "Needs verification" fits both: a claim only one source makes is
the commonest thing a fact-checker has to verify.
"""

from __future__ import annotations

VERDICTS = ("consistent", "contradiction", "unrelated", "unsure", "not_claim",
            "not_conflict", "timeline_update", "needs_verification", "checked", "omitted")
LINK_ONLY = ("not_conflict", "timeline_update")
ONE_SIDED_ONLY = ("checked", "omitted")
ONE_SIDED_KINDS = ("left_only", "right_only")

# How a person reads each verdict (the detail panel, notices, the CLI).
VERDICT_LABELS = {
    "consistent": "consistent",
    "contradiction": "contradiction",
    "unrelated": "unrelated",
    "unsure": "unsure",
    "not_claim": "not a claim",
    "not_conflict": "not a conflict (false flag)",
    "timeline_update": "timeline update",
    "needs_verification": "needs verification",
    "checked": "checked",
    "omitted": "omitted by the other source",
}


def is_one_sided(kind: str) -> bool:
    """True for an item that is one sentence the other article lacks."""
    return kind in ONE_SIDED_KINDS


def fits(verdict: str, kind: str) -> bool:
    """Whether ``verdict`` may be given to an item of ``kind``."""
    if verdict in LINK_ONLY:
        return not is_one_sided(kind)
    if verdict in ONE_SIDED_ONLY:
        return is_one_sided(kind)
    return verdict in VERDICTS


def fitting(kind: str) -> tuple[str, ...]:
    """Every verdict an item of ``kind`` may have, in :data:`VERDICTS` order."""
    return tuple(verdict for verdict in VERDICTS if fits(verdict, kind))


def misfit(verdict: str, kind: str) -> str | None:
    """Why ``verdict`` does not fit an item of ``kind`` (one line), or None when it fits."""
    if fits(verdict, kind) or verdict not in VERDICTS:
        return None
    wanted, other = (("a link", "a one-sided sentence") if verdict in LINK_ONLY
                     else ("a one-sided sentence", "a link"))
    return f"the verdict {verdict!r} is for {wanted}, and this item is {other}"
