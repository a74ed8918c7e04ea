"""The judge as the last stage of ``crosscheck analyze``: progress on a terminal, one line on
stderr for whatever went wrong, and the analysis always returned.

Exit status stays 0 whatever the server did: the engine's analysis is complete without the
judge, and the JSON's ``judge.status`` (``ok``, ``failed``, ``cancelled``) and ``message`` tell
a script what happened. Only options that cannot work stop the command (exit 2, before any
work: ``options.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from crosscheck.engine.model import Analysis, Link
from crosscheck.judge.config import JudgeConfig
from crosscheck.judge.merge import apply_judgements
from crosscheck.judge.stage import JudgeRun
from crosscheck.output import emit
from crosscheck.textsafe import terminal_text

if TYPE_CHECKING:
    from crosscheck.store.judge_cache import JudgeCache


def judge_for_analyze(analysis: Analysis, config: JudgeConfig, *, use_cache: bool,
                      semantic: str, progress: Callable[[str], None]) -> Analysis:
    """``analysis`` with the judge's findings (or its failure recorded) in it."""
    run = JudgeRun(analysis, config, cache=_cache() if use_cache else None, notice=judge_line)
    try:
        for step in run.steps():
            progress(f"crosscheck: {step.progress} …")
    except KeyboardInterrupt:
        run.interrupt()  # ctrl+c stops the judge, not the analysis: it is printed as it is
    finally:
        progress("")  # the status line is gone before any message
    if run.message:
        judge_line(run.message)
    return apply_judgements(analysis, run.judgements, run.record(),
                            new_link=_scored_link(semantic))


def judge_line(message: str) -> None:
    """``crosscheck: judge: <message>`` on stderr: one line, nothing a terminal would act on
    (the message may quote the server)."""
    emit(f"crosscheck: judge: {terminal_text(message, one_line=True)}\n", stream=sys.stderr)


def _cache() -> JudgeCache:
    """The cache beside the verdict database (the data dir resolved only when the judge runs)."""
    from crosscheck.store.db import default_db_path
    from crosscheck.store.judge_cache import JudgeCache

    return JudgeCache.beside(default_db_path())


def _scored_link(semantic: str) -> Callable[[Analysis, tuple[str, ...], tuple[str, ...]], Link]:
    """New links scored as a hand-drawn link is: relatedness, kind, diff, the rules."""
    def score(analysis: Analysis, left: tuple[str, ...], right: tuple[str, ...]) -> Link:
        from crosscheck.engine.link_score import score_link

        return score_link(analysis.left, analysis.right, left, right, semantic=semantic)

    return score
