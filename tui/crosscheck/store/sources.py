"""How a person reads a stored source: its outlet name and its times, to the minute.

Shared by the exports, ``crosscheck list`` and the app's pane titles, so a source is called
the same everywhere: the outlet's name when known (schema 6), else the path or URL as given.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def source_label(ref: dict[str, Any]) -> str:
    """The outlet's name, else the source path or URL as given (``standard input`` for ``-``)."""
    name = ref.get("name")
    if name:
        return str(name)
    source = str(ref.get("source") or "")
    return source if source and source != "-" else "standard input"


def minute_time(stamp: str | None) -> str:
    """An ISO 8601 time to the minute: ``2025-03-01 09:30 UTC`` (its own offset kept when not
    UTC, a date alone as a date); text that is not ISO 8601 is returned as it is."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if len(stamp) <= 10:  # a date without a time: inventing 00:00 would claim a precision
        return moment.strftime("%Y-%m-%d")
    shown = moment.strftime("%Y-%m-%d %H:%M")
    offset = moment.utcoffset()
    if offset is None:
        return shown
    if not offset:
        return f"{shown} UTC"
    return f"{shown} {moment.strftime('%z')[:3]}:{moment.strftime('%z')[3:]}"


def publication_text(ref: dict[str, Any]) -> str:
    """``published 2025-03-01 09:30 UTC, updated …`` for what the page states ("" if nothing)."""
    parts = [f"{word} {minute_time(ref.get(word))}" for word in ("published", "updated")
             if ref.get(word)]
    return ", ".join(parts)


def utc_minute(stamp: str) -> str:
    """A stored UTC time stamp (``…T09:30:00.123Z``) as ``2025-03-01 09:30 UTC``."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return stamp
    return moment.strftime("%Y-%m-%d %H:%M UTC")
