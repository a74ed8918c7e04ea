"""Analyses built straight from model dataclasses, so store tests need no engine pipeline."""

from __future__ import annotations

import hashlib

from crosscheck.engine.model import (
    Analysis,
    Contradiction,
    Document,
    Link,
    Reason,
    Sentence,
    link_id,
)

LEFT = [
    "The river council voted to close the old ferry on Tuesday.",
    "Seven members backed the plan and two opposed it.",
    "The ferry has carried passengers since 1921.",
    "Repairs would have cost about 4 million crowns.",
    "A footbridge is planned for next spring.",
]
RIGHT = [
    "On Tuesday the council agreed to shut the ferry.",
    "The vote was eight to one.",
    "Commuters said they were disappointed.",
    "The ferry has carried passengers since 1921.",
    "Officials put the cost of repairs at 4 million crowns.",
]
# (left ids, right ids, kind, score, contradiction)
LINKS = [
    (("L0",), ("R0",), "paraphrase", 0.81, None),
    (("L1",), ("R1",), "related", 0.52, Contradiction(0.74, (
        Reason("number", "Seven", "eight", "7 vs 8 members in favour", (59, 64), (62, 67)),))),
    (("L2",), ("R3",), "identical", 1.0, None),
    (("L3",), ("R4",), "paraphrase", 0.77, None),
]


def make_doc(sentences: list[str], side: str, source: str, title: str | None = None) -> Document:
    """A document whose sentences are joined by single spaces, with exact offsets."""
    parts, start = [], 0
    for index, text in enumerate(sentences):
        parts.append(Sentence(f"{side}{index}", start, start + len(text), text, 0))
        start += len(text) + 1
    text = " ".join(sentences)
    return Document(source, title, text, hashlib.sha256(text.encode()).hexdigest(),
                    ((0, len(text)),), tuple(parts))


def make_analysis(left: list[str] = LEFT, right: list[str] = RIGHT, links=LINKS,
                  left_source: str = "/news/left.txt",
                  right_source: str = "/news/right.html") -> Analysis:
    """An analysis of two documents with the given links; the rest is one-sided."""
    ldoc = make_doc(left, "L", left_source, "Ferry to close")
    rdoc = make_doc(right, "R", right_source, "Council shuts ferry")
    built = tuple(Link(link_id(lids, rids), lids, rids, kind, score, (), contra)
                  for lids, rids, kind, score, contra in links)
    used_left = {sid for link in built for sid in link.left}
    used_right = {sid for link in built for sid in link.right}
    return Analysis(ldoc, rdoc, built,
                    tuple(s.id for s in ldoc.sentences if s.id not in used_left),
                    tuple(s.id for s in rdoc.sentences if s.id not in used_right))


class FixedClock:
    """A clock that ticks one second per call from a fixed start."""

    def __init__(self) -> None:
        self.ticks = 0

    def __call__(self) -> str:
        self.ticks += 1
        return f"2025-03-01T09:{self.ticks // 60:02d}:{self.ticks % 60:02d}.000Z"
