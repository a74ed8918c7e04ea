"""The ``--format text`` report: a Rich table; article text is always literal, never markup."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from crosscheck.engine.model import Analysis
from crosscheck.reports.rows import report_rows, summary_counts
from crosscheck.textsafe import visible_controls


def analysis_text(analysis: Analysis, *, color: bool = False, width: int = 140) -> str:
    """Render the analysis as a table for people reading a terminal."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False)
    for side, doc in (("LEFT ", analysis.left), ("RIGHT", analysis.right)):
        console.print(Text.assemble((f"{side} ", "bold"),
                                    visible_controls(doc.title or "(untitled)"), "  ",
                                    (visible_controls(doc.source), "dim")))
    counts = summary_counts(analysis)
    console.print(Text(", ".join(f"{n} {k}" for k, n in counts.items() if n)))
    table = Table(show_lines=True, expand=True)
    for name, ratio in (("item", 1), ("kind", 1), ("left", 4), ("right", 4), ("conflict", 3)):
        table.add_column(name, ratio=ratio, overflow="fold")
    for row in report_rows(analysis):
        kind = row.kind if row.score is None else f"{row.kind}\n{row.score:.2f}"
        conflict = Text()
        if row.conflict is not None:
            conflict.append(f"{row.conflict:.2f}\n", style="bold red")
            conflict.append(_literal("\n".join(row.reasons)))
        table.add_row(Text(row.ids), Text(kind), _literal(row.left), _literal(row.right),
                      conflict)
    console.print(table)
    return buffer.getvalue()


def _literal(text: str) -> Text:
    return Text(visible_controls(text))
