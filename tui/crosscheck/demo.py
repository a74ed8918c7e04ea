"""The bundled sample pair that ``crosscheck demo`` opens."""

from __future__ import annotations

from pathlib import Path

from crosscheck.errors import CrosscheckError
from crosscheck.resources import resource_dir

DEMO_STORY = "01-compliance-pledge"


def demo_pair() -> tuple[Path, Path]:
    """Paths of the demo story's left and right articles, wherever the package is installed."""
    try:
        story = resource_dir("sample_corpus") / DEMO_STORY
    except FileNotFoundError:
        raise CrosscheckError("the bundled sample corpus is missing from this install") from None
    files = {p.stem: p for p in story.iterdir() if p.stem in {"left", "right"}}
    if set(files) != {"left", "right"}:
        raise CrosscheckError(f"the demo story {DEMO_STORY} is incomplete")
    return files["left"], files["right"]


def shown_source(source: str) -> str:
    """How to show a source: a bundled sample file as ``demo: <story>/<file>``, not its path
    inside site-packages; anything else as given."""
    try:
        corpus = resource_dir("sample_corpus").resolve()
        path = Path(source).resolve()
    except (FileNotFoundError, OSError, ValueError):
        return source
    if path.is_relative_to(corpus):
        return f"demo: {path.relative_to(corpus).as_posix()}"
    return source
