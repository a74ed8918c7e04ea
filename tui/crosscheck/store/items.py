"""Turn an engine ``Analysis`` into reviewable items with their machine evidence and anchors."""

from __future__ import annotations

from typing import Any

from crosscheck.engine.model import Analysis, Document, Link, Reason, link_id
from crosscheck.store.anchors import selector_for
from crosscheck.store.records import Item

MANUAL_PREFIX = "M:"


def items_from_analysis(analysis: Analysis) -> list[Item]:
    """Every link and one-sided sentence, in reading order of the left article."""
    left, right = analysis.left, analysis.right
    items = [Item(link.id, "link", link.left, link.right, link_evidence(link),
                  selector_for(left, link.left), selector_for(right, link.right))
             for link in analysis.links]
    # Page furniture (bylines, captions, share widgets) is never something to review, whatever
    # list an analysis put it in.
    items += [Item(sid, "left_only", (sid,), (), {"kind": "left_only"},
                   selector_for(left, (sid,)), None) for sid in analysis.left_only
              if not left.sentence(sid).boilerplate]
    items += [Item(sid, "right_only", (), (sid,), {"kind": "right_only"},
                   None, selector_for(right, (sid,))) for sid in analysis.right_only
              if not right.sentence(sid).boilerplate]
    return sorted(items, key=_reading_order(items))


def manual_item(analysis: Analysis, left_ids: tuple[str, ...], right_ids: tuple[str, ...],
                reviewer: str, link: Link | None = None) -> Item:
    """A link the reviewer drew by hand (ids are checked against both documents), with the
    engine's analysis of the pair as its evidence once ``link`` has been scored."""
    _check_ids(analysis.left, left_ids, "L")
    _check_ids(analysis.right, right_ids, "R")
    return Item(MANUAL_PREFIX + link_id(left_ids, right_ids), "manual", left_ids, right_ids,
                manual_evidence(reviewer, link),
                selector_for(analysis.left, left_ids), selector_for(analysis.right, right_ids))


def manual_evidence(reviewer: str, link: Link | None) -> dict[str, Any]:
    """A manual link's evidence: who drew it and, once scored, what the engine found."""
    evidence: dict[str, Any] = {"kind": "manual", "by": reviewer}
    if link is not None:
        scored = link_evidence(link)
        evidence.update(scored, kind="manual", link_kind=scored["kind"])
        if link.same_claim is not None:
            evidence["same_claim"] = round(link.same_claim, 4)
    return evidence


def returned_item(analysis: Analysis, sid: str, from_key: str) -> Item:
    """A sentence back in the one-sided list: its link was judged unrelated (``from_key``)."""
    left = sid.startswith("L")
    doc = analysis.left if left else analysis.right
    _check_ids(doc, (sid,), sid[:1])
    kind = "left_only" if left else "right_only"
    selector = selector_for(doc, (sid,))
    return Item(sid, kind, (sid,) if left else (), () if left else (sid,),
                {"kind": kind, "returned_from": from_key},
                selector if left else None, None if left else selector)


def link_evidence(link: Link) -> dict[str, Any]:
    """What the machine said about a link: kind, scores and typed reasons."""
    evidence: dict[str, Any] = {"kind": link.kind, "score": round(link.score, 4)}
    if link.contradiction is not None:
        evidence["contradiction"] = round(link.contradiction.score, 4)
        evidence["reasons"] = [_reason(r) for r in link.contradiction.reasons]
    return evidence


def _reason(reason: Reason) -> dict[str, Any]:
    """A reason with both spans: the words, and their offsets in each document when known."""
    stored: dict[str, Any] = {"type": reason.type, "left": reason.left, "right": reason.right,
                              "explanation": reason.explanation}
    if reason.left_span is not None:
        stored["left_span"] = list(reason.left_span)
    if reason.right_span is not None:
        stored["right_span"] = list(reason.right_span)
    return stored


def _check_ids(doc: Document, ids: tuple[str, ...], side: str) -> None:
    from crosscheck.store.db import StoreError

    if not ids:
        raise StoreError("a manual link needs at least one sentence on each side")
    for sid in ids:
        if not (sid.startswith(side) and sid[1:].isdigit() and int(sid[1:]) < len(doc.sentences)):
            raise StoreError(f"no sentence {sid!r} in the {'left' if side == 'L' else 'right'} "
                             "article")


def _reading_order(items: list[Item]):
    """Sort by left position; a right-only sentence follows the link just above it on the right."""
    right_to_left: dict[int, int] = {}
    for item in items:
        if item.left_ids and item.right_ids:
            for rid in item.right_ids:
                right_to_left[int(rid[1:])] = int(item.left_ids[0][1:])

    def key(item: Item) -> tuple[int, int, int]:
        if item.left_ids:
            return (int(item.left_ids[0][1:]), 0, int(item.right_ids[0][1:]) if item.right_ids
                    else -1)
        r = int(item.right_ids[0][1:])
        above = [left for right, left in right_to_left.items() if right < r]
        return (max(above) if above else -1, 1, r)

    return key
