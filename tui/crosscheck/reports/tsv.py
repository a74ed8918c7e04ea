"""The ``--format tsv`` report: a header row, then one line per item, for ``cut``, ``awk``, pandas.

Every record is exactly one line of tab-separated fields: inside a field, any run of
whitespace (tabs and newlines included) becomes one space, and every other control character
is shown as a visible symbol (:func:`crosscheck.textsafe.visible_controls`), so neither a
field nor a terminal can be broken by what an article contains. Fields are not quoted.
"""

from __future__ import annotations

from crosscheck.engine.model import Analysis
from crosscheck.reports.rows import ReportRow, reason_words, report_rows
from crosscheck.reports.select import select_rows
from crosscheck.reports.wrap import words

# The columns, in order, and what each holds (the README's table says the same).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("item", "the link id (L5~R6) or the sentence id (L3)"),
    ("kind", "identical, paraphrase, related, manual, left_only or right_only"),
    ("best", "1 in the best correspondence, 0 a further counterpart, empty if one-sided"),
    ("flag", "1 for a likely contradiction, else 0"),
    ("left_ids", "the left sentence ids, comma-separated"),
    ("right_ids", "the right sentence ids, comma-separated"),
    ("match_score", "probability that both sides concern one event or claim (4 decimals)"),
    ("contradiction_score", "the contradiction score (4 decimals), empty if no signal"),
    ("reason_types", "the reasons' types, comma-separated (number, date, entity, ...)"),
    ("reasons", "each reason in plain words, '; '-separated"),
    ("left_text", "the left sentence(s)"),
    ("right_text", "the right sentence(s)"),
)


def analysis_tsv(analysis: Analysis, *, only: frozenset[str] | None = None) -> str:
    """The header row and one line per selected item, in report order."""
    lines = ["\t".join(name for name, _ in COLUMNS)]
    lines += ["\t".join(_field(value) for value in _record(row))
              for row in select_rows(report_rows(analysis), only)]
    return "\n".join(lines) + "\n"


def _record(row: ReportRow) -> list[str]:
    best = "" if row.best is None else str(int(row.best))
    return [row.ids, row.link_kind, best, str(int(row.flag)), ",".join(row.left_ids),
            ",".join(row.right_ids), _score(row.score), _score(row.conflict),
            ",".join(row.reason_types), "; ".join(reason_words(r) for r in row.reasons),
            row.left, row.right]


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _field(text: str) -> str:
    return " ".join(words(text))
