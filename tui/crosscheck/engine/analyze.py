"""The pipeline: two documents in, one ``Analysis`` out, through five stages.

represent (each sentence's words, figures, names, embedding; once) → relate (candidate pairs
and their probabilities) → match (the relatedness graph and the best correspondence) → verify
(the rules and, when asked, the learned verifier on the pairs that can conflict) → explain
(kinds, diffs, reading order). Each stage takes the previous one's output and nothing else.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator, MutableMapping
from concurrent.futures import Future, ThreadPoolExecutor

from crosscheck.engine.conflicts import verify as verify_stage
from crosscheck.engine.explain import explain
from crosscheck.engine.match import Alignment, match
from crosscheck.engine.model import Analysis, Document
from crosscheck.engine.relate import relate
from crosscheck.engine.represent import represent
from crosscheck.engine.semantic import TierChoice

Progress = Callable[[str, float], None]
STAGES = ("represent", "relate", "match", "verify", "explain")
# What the progress line says while each stage runs, and how far along it starts.
_PROGRESS = {"represent": ("reading the sentences", 0.05), "relate": ("relating", 0.35),
             "match": ("matching", 0.5), "verify": ("checking contradictions", 0.6),
             "explain": ("diffing", 0.9)}


def analyze(left: Document, right: Document, *, nli: object | None = None,
            progress: Progress | None = None, semantic: TierChoice = "auto",
            verify: bool = False, timings: MutableMapping[str, float] | None = None,
            ) -> Analysis:
    """Relate the sentences of ``left`` and ``right``, diff every link, flag contradictions.

    ``semantic`` picks the sentence-embedding tier (``auto`` chooses by size; ``off`` uses
    words alone); ``verify`` also reads the pairs that can conflict with the learned verifier
    (opt-in: on held-out real article pairs it did not beat the rules alone, BENCHMARKS.md).
    ``timings``, when given, receives each stage's wall time in seconds.
    """
    report = progress or (lambda stage, fraction: None)
    clock = _StageClock(report, timings)
    with _no_cycle_collection(), ThreadPoolExecutor(max_workers=1) as pool:
        # The verifier's session loads (onnxruntime, GIL released) while the first three
        # stages run.
        verifier = _load_verifier(pool) if verify else None
        with clock("represent"):
            represented = represent(left, right, semantic)
        with clock("relate"):
            related = relate(represented)
        with clock("match"):
            matched = match(related)
        with clock("verify"):
            verified = verify_stage(matched, verifier.result() if verifier else None, nli=nli)
        with clock("explain"):
            analysis = explain(verified)
    report("done", 1.0)
    return analysis


def align(left: Document, right: Document, semantic: TierChoice = "auto") -> Alignment:
    """The first three stages only: the relatedness graph and its best correspondence."""
    return match(relate(represent(left, right, semantic)))


def _load_verifier(pool: ThreadPoolExecutor) -> Future:
    from crosscheck.engine.verify import load_verifier

    return pool.submit(load_verifier)


class _StageClock:
    """Reports each stage's start to ``progress`` and its wall time to ``timings``."""

    def __init__(self, progress: Progress, timings: MutableMapping[str, float] | None) -> None:
        self._progress, self._timings = progress, timings

    @contextlib.contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        self._progress(*_PROGRESS[stage])
        start = time.perf_counter()
        yield
        if self._timings is not None:
            self._timings[stage] = time.perf_counter() - start


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector while the analysis allocates its many small, acyclic values.

    Each generation-0 pass would otherwise rescan the growing heap of features, links and
    diffs (about a tenth of the time at 5,000 sentences a side); reference counting still
    frees everything, and the collector resumes as it was.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
