"""The facts table out of the app: text (fits the width), Markdown, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import textwrap

from crosscheck.engine.model import Analysis, FactCell, FactRow
from crosscheck.textsafe import json_safe, md_escape, terminal_text, visible_controls

FORMATS = ("text", "markdown", "csv", "json")
STATUS_LABELS = {"conflict": "conflict", "one_source": "one source only",
                 "compatible": "compatible", "agree": "agree"}
CSV_COLUMNS = ("status", "type", "slot", "left_sentence", "left_text", "left_value",
               "right_sentence", "right_text", "right_value")


def render_facts(analysis: Analysis, fmt: str, width: int = 80) -> str:
    """The facts table of ``analysis`` in ``fmt`` (one of FORMATS)."""
    names = _names(analysis)
    if fmt == "json":
        from crosscheck.engine.jsonio import analysis_to_dict

        rows = analysis_to_dict(analysis)["facts"]
        payload = {"schema": "crosscheck.facts/1", "left": names[0], "right": names[1],
                   "facts": rows}
        return json_safe(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"
    if fmt == "csv":
        return _csv(analysis.facts)
    if fmt == "markdown":
        return _markdown(analysis.facts, names)
    return _text(analysis.facts, names, width)


def _names(analysis: Analysis) -> tuple[str, str]:
    return (analysis.left.name or "Left", analysis.right.name or "Right")


def _cell(cell: FactCell | None) -> str:
    return "—" if cell is None else cell.text


def _text(rows: tuple[FactRow, ...], names: tuple[str, str], width: int) -> str:
    """One block per row: status, type and slot, then each source's words, wrapped."""
    width = max(40, width)
    out = [terminal_text(f"Facts: {len(rows)} rows ({_counts(rows)})", one_line=True), ""]
    for row in rows:
        out.append(terminal_text(f"[{STATUS_LABELS[row.status]}] {row.type}: {row.slot}",
                                 one_line=True)[:width])
        for name, cell in zip(names, (row.left, row.right), strict=True):
            label = f"  {name}: "
            body = textwrap.wrap(terminal_text(_cell(cell), one_line=True),
                                 width=width - len(label), break_long_words=False,
                                 break_on_hyphens=False) or [""]
            out.append(terminal_text(label, one_line=True) + body[0])
            out.extend(" " * len(label) + line for line in body[1:])
        out.append("")
    return "\n".join(out)


def _counts(rows: tuple[FactRow, ...]) -> str:
    parts = []
    for status, label in STATUS_LABELS.items():
        n = sum(1 for row in rows if row.status == status)
        if n:
            parts.append(f"{n} {label}")
    return ", ".join(parts) or "none"


def _markdown(rows: tuple[FactRow, ...], names: tuple[str, str]) -> str:
    lines = ["# Facts", "", f"{len(rows)} rows: {_counts(rows)}.", "",
             f"| Status | Fact | {md_escape(names[0])} | {md_escape(names[1])} |",
             "| --- | --- | --- | --- |"]
    for row in rows:
        lines.append(f"| {STATUS_LABELS[row.status]} | {md_escape(row.type)}: "
                     f"{md_escape(row.slot)} | {md_escape(_cell(row.left))} | "
                     f"{md_escape(_cell(row.right))} |")
    return "\n".join(lines) + "\n"


def _csv(rows: tuple[FactRow, ...]) -> str:
    from crosscheck.store.exports import safe_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        cells = [row.status, row.type, row.slot]
        for cell in (row.left, row.right):
            cells += ["", "", ""] if cell is None else [cell.sentence, cell.text, cell.value]
        # Defused for spreadsheets, and no control character reaches a terminal that cats it.
        writer.writerow([safe_cell(visible_controls(c)) for c in cells])
    return out.getvalue()
