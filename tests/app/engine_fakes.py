"""Stand-ins for ``crosscheck.engine.analyze.analyze``, named as "engine_fakes:<function>" and
run in the engine process (a spawned child gets this test process's sys.path)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from crosscheck.engine.model import Analysis, Document

SLOW_SECONDS = 30.0
STAGE = "slow fake"


def slow_analysis(left: Document, right: Document, *, nli: object | None = None,
                  progress: Callable[[str, float], None] | None = None,
                  semantic: str = "auto", verify: bool = False) -> Analysis:
    """Busy for SLOW_SECONDS in steps of 50 ms, each step pure-Python work (as the aligner's
    loops are: in the app's own interpreter they would compete with the UI for its lock),
    reporting progress after each. The tests quit long before the end."""
    report = progress or (lambda stage, fraction: None)
    steps = int(SLOW_SECONDS / 0.05)
    for step in range(steps):
        report(STAGE, step / steps)
        until = time.perf_counter() + 0.05
        while time.perf_counter() < until:
            sum(range(1000))
    raise RuntimeError("the slow fake analysis ran to its end")


def crashing_analysis(left: Document, right: Document, *, nli: object | None = None,
                      progress: Callable[[str, float], None] | None = None,
                      semantic: str = "auto", verify: bool = False) -> Analysis:
    """The engine process dies mid-analysis (as a segfault or the OOM killer would end it)."""
    if progress is not None:
        progress("about to crash", 0.1)
    os._exit(1)


def failing_analysis(left: Document, right: Document, *, nli: object | None = None,
                     progress: Callable[[str, float], None] | None = None,
                     semantic: str = "auto", verify: bool = False) -> Analysis:
    """An error the engine raises: reported, and the process lives on."""
    raise ValueError("the pair could not be aligned\nsecond line, not shown")


def _rebuild() -> None:
    raise ValueError("this answer cannot be rebuilt")


class _Unreadable:
    """Pickles in the child, fails to unpickle in the app (as a changed package would)."""

    def __reduce__(self) -> tuple:
        return (_rebuild, ())


def unreadable_analysis(left: Document, right: Document, *, nli: object | None = None,
                        progress: Callable[[str, float], None] | None = None,
                        semantic: str = "auto", verify: bool = False) -> Analysis:
    """An answer the app cannot read."""
    return _Unreadable()  # type: ignore[return-value]
