"""What the tool found on an item, read from its stored evidence (``item.machine``).

The evidence is what :func:`crosscheck.store.items.link_evidence` stored: ``kind``, ``score``
(the match score), ``contradiction`` (the contradiction score) and typed ``reasons``. Every
export format labels these the same way through the functions here.
"""

from __future__ import annotations

from typing import Any

from crosscheck.engine.model import says_more_than_spans

Record = dict[str, Any]


def match_score(machine: Record) -> float | None:
    """The probability that both sides concern the same event or claim, if the tool scored it."""
    return _number(machine.get("score"))


def contradiction_score(machine: Record) -> float | None:
    """How strongly the tool thinks the two sides conflict, if it found any signal."""
    return _number(machine.get("contradiction"))


def reasons(machine: Record) -> list[Record]:
    """The typed reasons (``type``, ``left``, ``right``, ``explanation``, optional spans)."""
    found = machine.get("reasons")
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


def reason_text(reason: Record) -> str:
    """One reason for a person: ``number: "Seven" vs "eight" (7 vs 8 members in favour)``."""
    text = f"{reason.get('type', 'reason')}: \"{reason.get('left', '')}\" vs " \
           f"\"{reason.get('right', '')}\""
    explanation = str(reason.get("explanation") or "").strip()
    if not says_more_than_spans(explanation, str(reason.get("left", "")),
                                str(reason.get("right", ""))):
        return text
    return f"{text} ({explanation})"


def span_text(span: Any) -> str:
    """A stored ``[start, end]`` document span as ``start-end`` ("" when there is none)."""
    if isinstance(span, list | tuple) and len(span) == 2:
        return f"{span[0]}-{span[1]}"
    return ""


def scores_text(machine: Record) -> str:
    """Both scores, labelled: ``match score 0.52, contradiction score 0.74``."""
    parts = []
    match, conflict = match_score(machine), contradiction_score(machine)
    if match is not None:
        parts.append(f"match score {match:.2f}")
    if conflict is not None:
        parts.append(f"contradiction score {conflict:.2f}")
    return ", ".join(parts)


def tool_summary(machine: Record, item_kind: str) -> str:
    """The tool's view in one line: what kind of item, and both scores labelled."""
    kind = machine.get("kind", item_kind)
    if kind == "left_only":
        head = "only in the left article"
    elif kind == "right_only":
        head = "only in the right article"
    elif kind == "manual" or item_kind == "manual":
        head = f"linked by hand by {machine['by']}" if machine.get("by") else "linked by hand"
        if machine.get("link_kind"):
            head += f", scored as {machine['link_kind']}"
    else:
        head = f"{kind} link"
    scores = scores_text(machine)
    return f"{head}; {scores}" if scores else head


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
