"""Renderings of an ``Analysis`` for ``crosscheck analyze`` (the JSON lives in engine.jsonio)."""

from __future__ import annotations

import json

from crosscheck.engine.model import Analysis

FORMATS = ("json", "text", "tsv", "markdown")


def render_analysis(analysis: Analysis, fmt: str, *, color: bool = False, width: int = 80,
                    only: frozenset[str] | None = None) -> str:
    """Render ``analysis`` as ``json``, ``text`` (blocks ``width`` cells wide), ``tsv`` or
    ``markdown``.

    ``only`` (item classes, see :mod:`crosscheck.reports.select`) filters every format but
    JSON, which is always the whole analysis: it is the contract scripts parse.
    """
    if fmt == "json":
        from crosscheck.engine.jsonio import analysis_to_dict
        from crosscheck.textsafe import json_safe

        # Article text keeps its characters, but C1 and bidi controls are escaped (issue 10).
        return json_safe(json.dumps(analysis_to_dict(analysis), ensure_ascii=False,
                                    indent=2)) + "\n"
    if fmt == "markdown":
        from crosscheck.reports.markdown import analysis_markdown

        return analysis_markdown(analysis, only=only)
    if fmt == "tsv":
        from crosscheck.reports.tsv import analysis_tsv

        return analysis_tsv(analysis, only=only)
    if fmt != "text":
        raise ValueError(f"unknown report format {fmt!r}")
    from crosscheck.reports.text import analysis_text

    return analysis_text(analysis, width=width, color=color, only=only)
