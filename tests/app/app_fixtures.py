"""Hand-built analyses for app tests and the benchmark (no engine needed)."""

from __future__ import annotations

import hashlib
import random

from crosscheck.engine.diff import word_diff
from crosscheck.engine.model import (
    Analysis,
    Contradiction,
    Document,
    Link,
    Reason,
    Sentence,
    link_id,
)

MARKUP_SENTENCE = "Critics call the plan [bold]reckless[/bold] spending."
ESCAPE_SENTENCE = "One reader pasted \x1b[31m into the comment form."

LEFT_PARAGRAPHS = [
    ["Harbor council approves new ferry terminal.", "The vote passed 7 to 2 on Tuesday night."],
    ["Mayor Lina Ortiz said construction would begin in March.",
     "The terminal will cost 40 million dollars."],
    ["Residents near the pier raised concerns about noise.", MARKUP_SENTENCE],
    [ESCAPE_SENTENCE, "Subscribe to our newsletter for more harbor news."],
]
RIGHT_PARAGRAPHS = [
    ["Harbor council approves new ferry terminal.",
     "Council members voted 7-2 on Tuesday evening."],
    ["Construction will begin in June, according to the mayor.",
     "The project is expected to cost 45 million dollars."],
    ["The port authority will operate the terminal.", "Critics call the plan wasteful."],
    ["Advertisement"],
]


def make_document(side: str, title: str, source: str, paragraphs: list[list[str]],
                  boilerplate: frozenset[int] = frozenset()) -> Document:
    """A document whose sentences are the given strings, paragraphs split by blank lines."""
    text = ""
    spans: list[tuple[int, int]] = []
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        if number:
            text += "\n\n"
        start = len(text)
        for index, sentence in enumerate(paragraph):
            if index:
                text += " "
            sid = len(sentences)
            sentences.append(Sentence(f"{side}{sid}", len(text), len(text) + len(sentence),
                                      sentence, number, sid in boilerplate))
            text += sentence
        spans.append((start, len(text)))
    return Document(source, title, text, hashlib.sha256(text.encode()).hexdigest(),
                    tuple(spans), tuple(sentences))


def _link(left: Document, right: Document, lids: tuple[str, ...], rids: tuple[str, ...],
          kind: str, score: float, contradiction: Contradiction | None = None) -> Link:
    ltext = " ".join(left.sentence(s).text for s in lids)
    rtext = " ".join(right.sentence(s).text for s in rids)
    return Link(link_id(lids, rids), lids, rids, kind, score,  # type: ignore[arg-type]
                word_diff(ltext, rtext), contradiction)


def _reason(left: Document, right: Document, kind: str, lid: str, rid: str, lword: str,
            rword: str, explanation: str) -> Reason:
    ls, rs = left.sentence(lid), right.sentence(rid)
    lstart = ls.start + ls.text.index(lword)
    rstart = rs.start + rs.text.index(rword)
    return Reason(kind, lword, rword, explanation, (lstart, lstart + len(lword)),
                  (rstart, rstart + len(rword)))


def small_analysis() -> Analysis:
    """Links of every kind, one-sided sentences, boilerplate, two contradictions, markup text."""
    left = make_document("L", "Council backs ferry terminal", "left.txt", LEFT_PARAGRAPHS,
                         frozenset({7}))
    right = make_document("R", "Ferry terminal approved", "right.html", RIGHT_PARAGRAPHS,
                          frozenset({6}))
    date = _reason(left, right, "date", "L2", "R2", "March", "June",
                   "different start months")
    number = _reason(left, right, "number", "L3", "R3", "40 million", "45 million",
                     "different costs")
    links = (
        _link(left, right, ("L0",), ("R0",), "identical", 1.0),
        _link(left, right, ("L1",), ("R1",), "paraphrase", 0.82),
        _link(left, right, ("L2",), ("R2",), "related", 0.61, Contradiction(0.91, (date,))),
        _link(left, right, ("L3",), ("R3",), "related", 0.58, Contradiction(0.74, (number,))),
        _link(left, right, ("L5",), ("R5",), "related", 0.52),
    )
    return Analysis(left, right, links, ("L4", "L6"), ("R4",))


_WORDS = ("council harbor ferry vote mayor budget terminal residents critics port authority "
          "plan cost million week night spokesperson report statement officials project "
          "construction noise pier schedule delay contract bid engineers safety").split()


def _sentence(rng: random.Random, index: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 22))]
    return f"Item {index}: " + " ".join(words).capitalize() + "."


def big_analysis(count: int = 5000, seed: int = 7) -> Analysis:
    """A synthetic pair of ``count`` sentences a side, most linked, some contradictions."""
    rng = random.Random(seed)
    lefts = [_sentence(rng, i) for i in range(count)]
    rights = [text if i % 3 == 0 else text.replace("council", "board")
              for i, text in enumerate(lefts)]
    left = make_document("L", "Synthetic left", "big-left.txt",
                         [lefts[i:i + 5] for i in range(0, count, 5)])
    right = make_document("R", "Synthetic right", "big-right.txt",
                          [rights[i:i + 5] for i in range(0, count, 5)])
    links, left_only, right_only = [], [], []
    kinds = ("identical", "paraphrase", "related")
    for i in range(count):
        if i % 10 == 9:
            left_only.append(f"L{i}")
            right_only.append(f"R{i}")
            continue
        contradiction = None
        if i % 20 == 4:
            reason = Reason("number", "4", "5", "synthetic", None, None)
            contradiction = Contradiction(round(rng.random(), 3), (reason,))
        links.append(Link(link_id((f"L{i}",), (f"R{i}",)), (f"L{i}",), (f"R{i}",),
                          kinds[i % 3], 0.9, (), contradiction))  # type: ignore[arg-type]
    return Analysis(left, right, tuple(links), tuple(left_only), tuple(right_only))
