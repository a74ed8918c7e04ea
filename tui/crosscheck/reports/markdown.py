"""The ``--format markdown`` report: something a person can paste into a document."""

from __future__ import annotations

from crosscheck.engine.contradict import THRESHOLD as LIKELY
from crosscheck.engine.model import Analysis
from crosscheck.reports.rows import report_rows, summary_counts
from crosscheck.textsafe import md_code, md_escape


def analysis_markdown(analysis: Analysis) -> str:
    """Render the analysis as a Markdown report."""
    left, right = analysis.left, analysis.right
    out = ["# Crosscheck report", ""]
    for label, doc in (("Left", left), ("Right", right)):
        title = md_escape(doc.title or "(untitled)")
        out.append(f"- **{label}:** {title} — `{md_code(doc.source)}`")
    out.append("")
    out += ["| what | count |", "| --- | ---: |"]
    out += [f"| {name} | {count} |" for name, count in summary_counts(analysis).items()]
    rows = report_rows(analysis)
    sections = (
        ("Likely contradictions", [r for r in rows if (r.conflict or 0) >= LIKELY]),
        ("Corresponding sentences", [r for r in rows if r.score is not None
                                     and (r.conflict or 0) < LIKELY]),
        ("Only in the left article", [r for r in rows if r.kind == "left only"]),
        ("Only in the right article", [r for r in rows if r.kind == "right only"]),
    )
    for heading, section in sections:
        out += ["", f"## {heading} ({len(section)})", ""]
        for row in section:
            out += _row_lines(row)
    return "\n".join(out).rstrip() + "\n"


def _row_lines(row) -> list[str]:
    head = f"### `{row.ids}` {row.kind}"
    if row.score is not None:
        head += f" (similarity {row.score:.2f}"
        head += f", conflict {row.conflict:.2f})" if row.conflict is not None else ")"
    lines = [head, ""]
    if row.left:
        lines.append(f"> **Left:** {md_escape(row.left)}")
    if row.left and row.right:
        lines.append(">")
    if row.right:
        lines.append(f"> **Right:** {md_escape(row.right)}")
    lines.append("")
    lines += [f"- {md_escape(reason)}" for reason in row.reasons]
    if row.reasons:
        lines.append("")
    return lines

