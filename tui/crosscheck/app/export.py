"""Write one comparison's verdicts to a file (the palette's export commands).

The file goes to the data dir's ``exports`` folder, never the current directory (the app may
have been started anywhere), and is named by the two outlets and the day, as a person would
look for it: ``harbour-gazette-vs-the-harbour-post-2025-03-01.md``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosscheck.store.exports import render
from crosscheck.store.newsroom_report import Coverage
from crosscheck.store.sources import source_label

# Format -> (what the palette calls it, file suffix), in the order the palette lists them.
FORMATS = {"markdown": ("Markdown report", "md"), "csv": ("CSV spreadsheet", "csv"),
           "jsonl": ("JSON Lines", "jsonl"), "w3c": ("W3C Web Annotations", "jsonld")}
SLUG_MAX = 40


def export_stem(left: dict[str, Any], right: dict[str, Any], day: str | None = None) -> str:
    """``<left outlet>-vs-<right outlet>-<YYYY-MM-DD>`` (today, UTC, unless ``day``)."""
    day = day or datetime.now(UTC).strftime("%Y-%m-%d")
    return f"{_slug(source_label(left))}-vs-{_slug(source_label(right))}-{day}"


def export_path(directory: Path, fmt: str, stem: str) -> Path:
    """The file an export of ``fmt`` would write now: ``<stem>[-n].<suffix>``, never taken."""
    suffix = FORMATS[fmt][1]
    path = directory / f"{stem}.{suffix}"
    number = 1
    while path.exists():
        number += 1
        path = directory / f"{stem}-{number}.{suffix}"
    return path


def write_export(records: list[dict[str, Any]], fmt: str, directory: Path, stem: str,
                 coverage: dict[str, Coverage] | None = None) -> Path:
    """Format ``records`` as ``fmt`` and write them to a new file in ``directory``."""
    text = render(fmt, records, coverage=coverage)
    directory.mkdir(parents=True, exist_ok=True)
    path = export_path(directory, fmt, stem)
    handle = path.open("x", encoding="utf-8", newline="")  # never replaces a file
    try:
        with handle:
            handle.write(text)
    except OSError:
        path.unlink(missing_ok=True)  # ours, half written (disk full): worse than none
        raise
    return path


def _slug(name: str) -> str:
    """A file-name-safe form of an outlet name or a path (its last part), ASCII, lower case."""
    name = name.rstrip("/").rsplit("/", 1)[-1] if "/" in name and " " not in name else name
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-") or "source"
