"""Where a command's text goes: stdout, or a file the user named."""

from __future__ import annotations

import sys
from pathlib import Path

from crosscheck.errors import CrosscheckError


def write_output(text: str, path: str | None) -> None:
    """Write ``text`` to ``path`` (bytes as given, no newline translation) or to stdout."""
    if path is None:
        sys.stdout.write(text)
        return
    try:
        Path(path).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise CrosscheckError(f"{path}: cannot write ({exc.strerror})") from None
