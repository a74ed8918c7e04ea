"""The Markdown verdict report: readable rendered, and readable raw in a chat or a document.

Per comparison: both articles (title, then the source: a URL as a link, a path as given), the
counts, then the verdicts grouped by :data:`GROUPS` (contradictions first, then what still
needs checking, the rest after), each group in article order. Every entry quotes both
sentences and puts the tool's finding (kind, both scores, every reason) beside the reviewer's
note. Only Markdown that would take effect is escaped (:mod:`crosscheck.markdown_inline`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crosscheck.markdown_inline import md_code, md_heading, md_inline, md_link
from crosscheck.store.findings import reason_text, reasons, tool_summary

Record = dict[str, Any]
# Report order: what needs action first (a conflict, then what is still to be checked, then
# what a reader may want to know: a later report's update, what one source left out), the
# settled rest after. Each verdict has its own heading: a false flag or a checked one-sided
# sentence is not "Consistent". ``None`` is a note without a verdict.
GROUPS: tuple[tuple[str | None, str], ...] = (
    ("contradiction", "Contradiction"), ("needs_verification", "Needs verification"),
    ("unsure", "Unsure"), ("timeline_update", "Timeline updates"),
    ("omitted", "Omitted by the other source"), ("not_conflict", "Not a conflict (false flags)"),
    ("checked", "Checked"), ("consistent", "Consistent"), ("unrelated", "Unrelated"),
    ("not_claim", "Not a claim"), (None, "Note only"))


def to_markdown(records: Iterable[Record]) -> str:
    """A report per comparison, grouped by verdict (contradictions first), findings beside notes."""
    lines = ["# Crosscheck verdicts", ""]
    for comparison, group in _by_comparison(records):
        lines += _comparison_head(comparison, group)
        ordered = _article_order(group)
        for verdict, heading in GROUPS:
            entries = [r for r in ordered if r["verdict"] == verdict]
            if entries:
                lines += [f"### {heading} ({len(entries)})", ""]
                for r in entries:
                    lines += _entry(r)
    return "\n".join(lines).rstrip("\n") + "\n"


def _comparison_head(comparison: Record, group: list[Record]) -> list[str]:
    left, right = comparison["left"], comparison["right"]
    titles = f"{_title(left)} / {_title(right)}"
    counts = ", ".join(f"{sum(r['verdict'] == verdict for r in group)} {heading.lower()}"
                       for verdict, heading in GROUPS
                       if any(r["verdict"] == verdict for r in group))
    return [f"## {md_heading(titles)}", "",
            f"- Left: {_document(left)}",
            f"- Right: {_document(right)}",
            f"- Verdicts: {counts}", ""]


def _document(doc: Record) -> str:
    source = doc["source"]
    shown = md_link(source) if source.startswith(("http://", "https://")) else md_inline(source)
    title = doc.get("title")
    head = f"{md_inline(title)}, {shown}" if title else shown
    return f"{head} (sha256 {md_inline(str(doc['sha256'])[:12])})"


def _entry(r: Record) -> list[str]:
    item = r["item"]
    byline = md_inline(f"by {r['reviewer']}, {r['updated']}")
    lines = [f"- {md_code(item['key'])} {byline}"]
    for side in ("left", "right"):
        if r[side] is not None:
            lines.append(f"  - {side.capitalize()}: {md_inline(r[side]['exact'])}")
    machine = item["machine"] if isinstance(item.get("machine"), dict) else {}
    lines.append(f"  - Tool: {md_inline(tool_summary(machine, item['kind']))}")
    lines += [f"    - Reason: {md_inline(reason_text(reason))}" for reason in reasons(machine)]
    if r["note"]:
        lines.append(f"  - Note: {md_inline(r['note'])}")
    return [*lines, ""]


def _article_order(group: list[Record]) -> list[Record]:
    """Records by position in the left article; a right-only sentence keeps its place after
    the record above it in review order (the store's reading order)."""
    keyed = []
    last_left = -1
    for index, r in enumerate(group):
        if r["left"] is not None:
            last_left = int(r["left"]["start"])
        right = int(r["right"]["start"]) if r["right"] is not None else -1
        keyed.append(((last_left, r["left"] is None, right, index), r))
    return [r for _, r in sorted(keyed, key=lambda pair: pair[0])]


def _by_comparison(records: Iterable[Record]) -> list[tuple[Record, list[Record]]]:
    groups: dict[str, tuple[Record, list[Record]]] = {}
    for r in records:
        key = r["comparison"]["left"]["sha256"] + r["comparison"]["right"]["sha256"]
        groups.setdefault(key, (r["comparison"], []))[1].append(r)
    return list(groups.values())


def _title(doc: Record) -> str:
    return doc.get("title") or doc["source"]
