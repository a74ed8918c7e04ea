"""The ``--format text`` report: one block per item, wrapped to a width, for people at a terminal.

Every line fits ``width`` cells, however narrow the terminal or the pipe, because a table of
fixed columns wrapped by the terminal is unreadable. Article text is made visible
(:func:`crosscheck.textsafe.visible_controls`) before it is wrapped, so no control sequence
reaches the output and widths are those of what is shown. Colour, when asked for, is ours alone.
"""

from __future__ import annotations

from crosscheck.demo import shown_source
from crosscheck.engine.model import Analysis, Document
from crosscheck.reports.rows import (
    ReportRow,
    reason_words,
    report_rows,
    scores_label,
    summary_counts,
)
from crosscheck.reports.select import select_rows, shown_classes
from crosscheck.reports.wrap import words, wrap_chunks

MIN_WIDTH = 20  # narrower, the labels would leave no room for the text
LABEL = 10  # "  reason  ": where a block's text starts
HANG = "    "  # where a wrapped header line continues
_BOLD, _RED, _RESET = "\x1b[1m", "\x1b[1;31m", "\x1b[0m"


def analysis_text(analysis: Analysis, *, width: int = 80, color: bool = False,
                  only: frozenset[str] | None = None) -> str:
    """Render the analysis as blocks of at most ``width`` cells a line."""
    width = max(MIN_WIDTH, width)
    out = _document_lines("left", analysis.left, width)
    out += _document_lines("right", analysis.right, width)
    counts = summary_counts(analysis)
    # Each count is one chunk: a line never separates a number from what it counts.
    out += wrap_chunks([f"{n} {kind}" for kind, n in counts.items() if n], width, sep=", ")
    if only is not None:
        out += wrap_chunks(words(f"showing: {shown_classes(only)}"), width, rest=HANG)
    for row in select_rows(report_rows(analysis), only):
        out.append("")
        out += _item_lines(row, width, color)
    return "\n".join(out) + "\n"


def _document_lines(side: str, doc: Document, width: int) -> list[str]:
    label = f"{side:<{LABEL}}"
    indent = " " * len(label)
    lines = wrap_chunks(words(doc.title or "(untitled)"), width, first=label, rest=indent)
    where = [" ".join(words(doc.name))] if doc.name else []
    where.append(" ".join(words(shown_source(doc.source))))
    return lines + wrap_chunks(where, width, first=indent, rest=indent, sep=", ")


def _item_lines(row: ReportRow, width: int, color: bool) -> list[str]:
    header = wrap_chunks([" ".join(words(row.ids)), *scores_label(row)], width, rest=HANG,
                         sep=" · ")
    if color:  # after wrapping: the escape codes take no cells
        style = _RED if row.flag else _BOLD
        header = [f"{style}{line}{_RESET}" for line in header]
    lines = header
    for label, text in (("left", row.left), ("right", row.right)):
        if text:
            lines += _labelled(label, text, width)
    for reason in row.reasons:
        lines += _labelled("reason", reason_words(reason), width)
    return lines


def _labelled(label: str, text: str, width: int) -> list[str]:
    first = f"  {label:<{LABEL - 2}}"
    return wrap_chunks(words(text), width, first=first, rest=" " * LABEL)
