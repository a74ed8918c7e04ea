"""Locate files shipped beside the package (styles, sample corpus).

A wheel carries them inside the package (see pyproject force-include); an editable
install reads them from the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the directory `name` (``styles`` or ``sample_corpus``) wherever it was installed."""
    for candidate in (_PACKAGE / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"crosscheck resource directory {name!r} is missing")
