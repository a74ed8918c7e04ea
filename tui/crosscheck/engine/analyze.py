"""The pipeline: two documents in, one ``Analysis`` out."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterator

from crosscheck.engine.align import align
from crosscheck.engine.contradict import THRESHOLD as LIKELY
from crosscheck.engine.contradict import find_contradictions
from crosscheck.engine.diff import word_diff
from crosscheck.engine.model import Analysis, Document, Link
from crosscheck.engine.semantic import TierChoice

Progress = Callable[[str, float], None]


def analyze(left: Document, right: Document, *, nli: object | None = None,
            progress: Progress | None = None, semantic: TierChoice = "auto",
            verify: bool = False) -> Analysis:
    """Relate the sentences of ``left`` and ``right``, diff every link, flag contradictions.

    ``semantic`` picks the sentence-embedding tier (``auto`` chooses by size; ``off`` uses
    words alone); ``verify`` also reads the pairs that can conflict with the learned verifier
    (opt-in: on held-out real article pairs it did not beat the rules alone, BENCHMARKS.md).
    """
    report = progress or (lambda stage, fraction: None)
    with _no_cycle_collection():
        report("aligning", 0.1)
        alignment = align(left, right, semantic)
        report("checking contradictions", 0.6)
        if verify:
            from crosscheck.engine.verify import load_verifier
            from crosscheck.engine.verify.check import verify_links

            links = verify_links(left, right, alignment.links, alignment.nearby,
                                 load_verifier(), nli=nli)
        else:
            links = find_contradictions(left, right, alignment.links, alignment.candidates,
                                        nli=nli)
        report("diffing", 0.85)
        links = [_with_diff(settle_kind(link), left, right) for link in links]
    links.sort(key=lambda link: (int(link.left[0][1:]), int(link.right[0][1:]), link.id))
    used_l = {sid for link in links for sid in link.left}
    used_r = {sid for link in links for sid in link.right}
    report("done", 1.0)
    return Analysis(
        left=left,
        right=right,
        links=tuple(links),
        left_only=tuple(s for s in alignment.left_only if s not in used_l),
        right_only=tuple(s for s in alignment.right_only if s not in used_r),
        meta={"verifier": verify},
    )


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


def settle_kind(link: Link) -> Link:
    """Two conflicting versions of a claim are not the same claim: call them related."""
    conflict = link.contradiction is not None and link.contradiction.score >= LIKELY
    if conflict and link.kind in {"paraphrase", "identical"}:
        return dataclasses.replace(link, kind="related")
    return link


def _with_diff(link: Link, left: Document, right: Document) -> Link:
    if link.diff:
        return link
    ltext = " ".join(left.sentence(sid).text for sid in link.left)
    rtext = " ".join(right.sentence(sid).text for sid in link.right)
    return dataclasses.replace(link, diff=word_diff(ltext, rtext))
