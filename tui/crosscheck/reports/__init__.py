"""Human-readable renderings of an ``Analysis`` (JSON lives in engine.jsonio)."""

from __future__ import annotations

import json

from crosscheck.engine.model import Analysis


def render_analysis(analysis: Analysis, fmt: str, *, color: bool = False) -> str:
    """Render ``analysis`` as ``json``, ``text`` (a Rich table) or ``markdown``."""
    if fmt == "json":
        from crosscheck.engine.jsonio import analysis_to_dict
        from crosscheck.textsafe import json_safe

        # Article text keeps its characters, but C1 and bidi controls are escaped (issue 10).
        return json_safe(json.dumps(analysis_to_dict(analysis), ensure_ascii=False,
                                    indent=2)) + "\n"
    if fmt == "markdown":
        from crosscheck.reports.markdown import analysis_markdown

        return analysis_markdown(analysis)
    from crosscheck.reports.text import analysis_text

    return analysis_text(analysis, color=color)
