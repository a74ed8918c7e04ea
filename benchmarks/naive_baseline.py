"""The naive baseline: all-pairs difflib ratio with greedy one-to-one matching."""

from __future__ import annotations

import difflib
import re

_SPLIT = re.compile(r"(?<=[.!?])\s+")


def naive_align(left_text: str, right_text: str, threshold: float = 0.5) -> tuple[int, tuple]:
    """Return (number of links, (left sentences, right sentences))."""
    left = [s for s in _SPLIT.split(left_text) if s.strip()]
    right = [s for s in _SPLIT.split(right_text) if s.strip()]
    scored = []
    for i, a in enumerate(left):
        matcher = difflib.SequenceMatcher(None)
        matcher.set_seq2(a)  # difflib caches the second sequence
        for j, b in enumerate(right):
            matcher.set_seq1(b)
            scored.append((matcher.ratio(), i, j))
    scored.sort(reverse=True)
    used_l: set[int] = set()
    used_r: set[int] = set()
    links = 0
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            links += 1
    return links, (len(left), len(right))
