"""Write one comparison's verdicts to a file in a directory (the palette's export commands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crosscheck.store.exports import FORMATS as RENDERERS

# Format -> (what the palette calls it, file suffix), in the order the palette lists them.
FORMATS = {"markdown": ("Markdown report", "md"), "csv": ("CSV spreadsheet", "csv"),
           "jsonl": ("JSON Lines", "jsonl"), "w3c": ("W3C Web Annotations", "jsonld")}


def export_path(directory: Path, fmt: str, cmp_id: int) -> Path:
    """The file an export of ``fmt`` would write now: ``crosscheck-<id>[-n].<suffix>``."""
    suffix = FORMATS[fmt][1]
    path = directory / f"crosscheck-{cmp_id}.{suffix}"
    number = 1
    while path.exists():
        number += 1
        path = directory / f"crosscheck-{cmp_id}-{number}.{suffix}"
    return path


def write_export(records: list[dict[str, Any]], fmt: str, directory: Path, cmp_id: int) -> Path:
    """Format ``records`` as ``fmt`` and write them to a new file in ``directory``."""
    text = RENDERERS[fmt](records)
    path = export_path(directory, fmt, cmp_id)
    handle = path.open("x", encoding="utf-8", newline="")  # never replaces a file
    try:
        with handle:
            handle.write(text)
    except OSError:
        path.unlink(missing_ok=True)  # ours, half written (disk full): worse than none
        raise
    return path
