"""The newsroom report (``export --format markdown``): what a desk pastes into a document.

Per comparison: the outlets by name with their publication times, one line of coverage
(reviewed of total, flags nobody has judged), then the conflicts with both sentences, the
reason in plain words and the note; then what only one source says; then what needs
verification and the other fact-checking verdicts. Left out on purpose: internal item ids,
tool scores, the "unrelated" alignment housekeeping and page furniture (``--full`` keeps
everything: :mod:`crosscheck.store.markdown_export`). Times are to the minute.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from crosscheck.markdown_inline import md_heading, md_inline, md_link
from crosscheck.store.findings import reasons
from crosscheck.store.sources import publication_text, source_label, utc_minute
from crosscheck.store.verdict_kinds import is_one_sided

Record = dict[str, Any]
# Sections after conflicts and one-sided claims: (verdict, heading), in the order a desk acts.
LATER_GROUPS: tuple[tuple[str, str], ...] = (
    ("needs_verification", "Needs verification"), ("unsure", "Unsure"),
    ("timeline_update", "Timeline updates"), ("not_conflict", "Not a conflict (false flags)"),
    ("consistent", "Consistent"))
# One-sided verdicts reported under "Only in …", labelled per entry.
ONE_SIDED_SHOWN = {"omitted": "omitted by the other source", "checked": "checked",
                   "consistent": "consistent", "unsure": "unsure"}
# Housekeeping a newsroom does not need: the alignment was wrong, or it was page furniture.
LEFT_OUT = ("unrelated", "not_claim")


@dataclass(frozen=True, slots=True)
class Coverage:
    """How far review of one comparison got: every item, the judged ones, open flags."""

    items: int
    reviewed: int
    flags_unreviewed: int


def comparison_key(comparison: Record) -> str:
    """The key :func:`to_report` looks coverage up by: both texts' sha256."""
    return f"{comparison['left']['sha256']}:{comparison['right']['sha256']}"


def to_report(records: Iterable[Record], coverage: Mapping[str, Coverage] | None = None) -> str:
    """The newsroom report of every comparison in ``records`` (coverage by comparison key)."""
    grouped: dict[str, tuple[Record, list[Record]]] = {}
    for r in records:
        grouped.setdefault(comparison_key(r["comparison"]), (r["comparison"], []))[1].append(r)
    lines = ["# Crosscheck report", ""]
    for key, (comparison, group) in grouped.items():
        lines += _comparison(comparison, group, (coverage or {}).get(key))
    return "\n".join(lines).rstrip("\n") + "\n"


def _comparison(comparison: Record, group: list[Record], coverage: Coverage | None) -> list[str]:
    names = {side: source_label(comparison[side]) for side in ("left", "right")}
    several = len({r["reviewer"] for r in group}) > 1
    lines = [f"## {md_heading(names['left'] + ' / ' + names['right'])}", ""]
    lines += [f"- {md_inline(names[side])}: {_document(comparison[side])}"
              for side in ("left", "right")]
    lines += [f"- Coverage: {_coverage(group, coverage)}", ""]
    conflicts = [r for r in group if r["verdict"] == "contradiction"]
    if conflicts:
        lines += [f"### Conflicts ({len(conflicts)})", ""]
        for r in conflicts:
            lines += _entry(r, names, several)
    for side in ("left", "right"):
        alone = [r for r in group if _side_only(r) == side and r["verdict"] in ONE_SIDED_SHOWN]
        if alone:
            lines += [f"### Only in {md_heading(names[side])} ({len(alone)})", ""]
            for r in alone:
                lines += _entry(r, names, several, ONE_SIDED_SHOWN[r["verdict"]])
    for verdict, heading in LATER_GROUPS:
        entries = [r for r in group if r["verdict"] == verdict
                   and not (verdict in ONE_SIDED_SHOWN and _side_only(r))]
        if entries:
            lines += [f"### {heading} ({len(entries)})", ""]
            for r in entries:
                lines += _entry(r, names, several)
    notes = [r for r in group if r["verdict"] is None and r["note"]]
    if notes:
        lines += [f"### Notes without a verdict ({len(notes)})", ""]
        for r in notes:
            lines += _entry(r, names, several)
    return lines


def _coverage(group: list[Record], coverage: Coverage | None) -> str:
    if coverage is None:  # records alone: only what they show
        judged = len({r["item"]["key"] for r in group if r["verdict"] is not None})
        return f"{judged} items reviewed"
    flags = coverage.flags_unreviewed
    return (f"{coverage.reviewed} of {coverage.items} items reviewed; "
            f"{flags} likely contradiction{'' if flags == 1 else 's'} left unreviewed")


def _document(doc: Record) -> str:
    source = str(doc["source"])
    shown = md_link(source) if source.startswith(("http://", "https://")) else md_inline(source)
    parts = [md_inline(doc["title"])] if doc.get("title") else []
    parts.append(shown)
    when = publication_text(doc)
    return ", ".join(parts) + (f" ({md_inline(when)})" if when else "")


def _side_only(r: Record) -> str | None:
    kind = r["item"]["kind"]
    if not is_one_sided(kind):
        return None
    return "left" if kind == "left_only" else "right"


def _entry(r: Record, names: dict[str, str], several: bool, label: str = "") -> list[str]:
    lines = []
    for side in ("left", "right"):
        if r[side] is not None:
            lines.append(f"**{md_inline(names[side])}:** {md_inline(r[side]['exact'])}")
    head = "- " + "  \n  ".join(lines)  # a hard line break keeps both sentences in one entry
    out = [head]
    if label:
        out.append(f"  - Verdict: {md_inline(label)}")
    machine = r["item"]["machine"] if isinstance(r["item"].get("machine"), dict) else {}
    if r["verdict"] not in ("not_conflict", "consistent"):
        out += [f"  - Why flagged: {md_inline(why)}" for why in _reasons(r, machine, names)]
    if r["note"]:
        out.append(f"  - Note: {md_inline(r['note'])}")
    byline = f"by {r['reviewer']}, " if several else ""
    out.append(f"  - Reviewed {md_inline(byline + utc_minute(r['updated']))}")
    return [*out, ""]


def _reasons(r: Record, machine: Record, names: dict[str, str]) -> list[str]:
    """Each reason in plain words: its explanation, and the words as the articles print them
    (the spans' real text; the stored ``left``/``right`` may be stripped of stop words)."""
    said = []
    for reason in reasons(machine):
        quoted = [f"{names[side]} says “{text}”" for side in ("left", "right")
                  if (text := _span_text(r[side], reason.get(f"{side}_span")))]
        explanation = " ".join(str(reason.get("explanation") or "").split())
        parts = [explanation] if explanation else []
        if quoted:
            parts.append("; ".join(quoted))
        if parts:
            said.append(": ".join(parts) if len(parts) == 2 else parts[0])
    return said


def _span_text(selector: Record | None, span: Any) -> str:
    """The words at a document span, cut from the quoted sentence that holds them."""
    if selector is None or not isinstance(span, list | tuple) or len(span) != 2:
        return ""
    start, end = int(span[0]) - int(selector["start"]), int(span[1]) - int(selector["start"])
    exact = str(selector["exact"])
    if not 0 <= start < end <= len(exact):
        return ""
    return " ".join(exact[start:end].split())
