"""Write one comparison's verdicts to a file in a directory (the palette's export command)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crosscheck.store.exports import to_jsonl, to_markdown

FORMATS = {"jsonl": (to_jsonl, "jsonl"), "markdown": (to_markdown, "md")}


def write_export(records: list[dict[str, Any]], fmt: str, directory: Path, cmp_id: int) -> Path:
    """Format ``records`` as ``fmt`` and write them to a new file in ``directory``."""
    render, suffix = FORMATS[fmt]
    path = directory / f"crosscheck-{cmp_id}.{suffix}"
    number = 1
    while path.exists():
        number += 1
        path = directory / f"crosscheck-{cmp_id}-{number}.{suffix}"
    path.write_text(render(records), encoding="utf-8")
    return path
