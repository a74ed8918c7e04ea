"""The ``--format markdown`` report: something a person can paste into a document or a chat.

Each item is one list entry (its id, kind and labelled scores) with both sentences and every
reason as sub-items, so a long report is not a wall of headings. Only the Markdown that would
take effect is escaped (:mod:`crosscheck.markdown_inline`): ``7-2 (narrowly).`` stays as it is.
"""

from __future__ import annotations

from crosscheck.demo import shown_source
from crosscheck.engine.model import Analysis, Document
from crosscheck.markdown_inline import md_code, md_inline, md_link
from crosscheck.reports.rows import (
    ReportRow,
    reason_words,
    report_rows,
    scores_label,
    summary_counts,
)
from crosscheck.reports.select import shown_classes


def analysis_markdown(analysis: Analysis, *, only: frozenset[str] | None = None) -> str:
    """Render the analysis as a Markdown report (``only``: the item classes to list)."""
    out = ["# Crosscheck report", ""]
    out += [_document_line(label, doc) for label, doc in (("Left", analysis.left),
                                                          ("Right", analysis.right))]
    out += ["", "| what | count |", "| --- | ---: |"]
    out += [f"| {name} | {count} |" for name, count in summary_counts(analysis).items()]
    if only is not None:
        out += ["", f"Showing {md_inline(shown_classes(only))} only."]
    rows = report_rows(analysis)
    # Each section is one class of item (flags are links too); --only keeps whole sections.
    sections = (
        ("Likely contradictions", {"flags", "links"}, [r for r in rows if r.flag]),
        ("Corresponding sentences", {"links"},
         [r for r in rows if not r.one_sided and not r.flag]),
        ("Only in the left article", {"one-sided"}, [r for r in rows if r.kind == "left only"]),
        ("Only in the right article", {"one-sided"},
         [r for r in rows if r.kind == "right only"]),
    )
    for heading, classes, section in sections:
        if only is None or classes & only:
            out += ["", f"## {heading} ({len(section)})", *([""] if section else [])]
            for row in section:
                out += _entry(row)
    return "\n".join(out).rstrip() + "\n"


def _document_line(label: str, doc: Document) -> str:
    source = shown_source(doc.source)
    shown = md_link(source) if source.startswith(("http://", "https://")) else md_code(source)
    name = f" ({md_inline(doc.name)})" if doc.name else ""
    return f"- **{label}:** {md_inline(doc.title or '(untitled)')}{name}, {shown}"


def _entry(row: ReportRow) -> list[str]:
    if row.one_sided:
        return [f"- {md_code(row.ids)} {md_inline(row.left or row.right)}"]
    lines = [f"- {md_code(row.ids)} {md_inline(' · '.join(scores_label(row)))}",
             f"  - Left: {md_inline(row.left)}", f"  - Right: {md_inline(row.right)}"]
    return lines + [f"  - Reason: {md_inline(reason_words(r))}" for r in row.reasons]
