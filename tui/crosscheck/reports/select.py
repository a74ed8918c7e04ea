"""``--only``: which classes of item a report shows (the summary counts always cover all)."""

from __future__ import annotations

from collections.abc import Iterable

from crosscheck.reports.rows import ReportRow

# Class name on the command line -> what it means, as the help and a report's header say it.
ITEM_CLASSES: dict[str, str] = {
    "flags": "likely contradictions",
    "one-sided": "sentences only one article has",
    "links": "every linked pair, likely contradictions included",
}


def parse_item_classes(value: str) -> frozenset[str]:
    """``"flags,one-sided"`` -> its classes; ValueError naming an unknown one."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in ITEM_CLASSES]
    if unknown or not names:
        shown = repr(unknown[0]) if unknown else "nothing"
        raise ValueError(f"unknown item class {shown} (choose from {', '.join(ITEM_CLASSES)})")
    return frozenset(names)


def row_selected(row: ReportRow, only: frozenset[str] | None) -> bool:
    """Whether ``row`` belongs to one of the classes ``only`` asks for (None: every row)."""
    if only is None:
        return True
    if row.one_sided:
        return "one-sided" in only
    return "links" in only or ("flags" in only and row.flag)


def select_rows(rows: Iterable[ReportRow], only: frozenset[str] | None) -> list[ReportRow]:
    """The rows of the classes ``only`` asks for, in report order."""
    return [row for row in rows if row_selected(row, only)]


def shown_classes(only: frozenset[str] | None) -> str:
    """What a filtered report shows, in words ("" when it shows everything)."""
    if only is None:
        return ""
    return ", ".join(meaning for name, meaning in ITEM_CLASSES.items() if name in only)
