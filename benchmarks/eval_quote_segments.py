"""How often the segmenter cuts inside a quotation, on real news copy (not a test).

Run: python benchmarks/eval_quote_segments.py [--split held-out|dev|all] [-v]

Text: the ECB+ articles of ``../shared/data/ecbplus/groups.jsonl`` (real outlets; CC BY 3.0,
Cybulska & Vossen, LREC 2014), each segmented as ``document_from_text`` would. The split is
fixed by topic number: even topics were used to develop and tune the quotation rules of
``crosscheck.engine.quotes``; odd topics are the held-out check, used for no choice of rule.

The quotations counted here are found by a reference matcher in this file, kept apart from the
segmenter's own and simpler (so the figure does not grade the rules by themselves): double
marks only (``"``, ``“ ”``, ````` ''``; single marks are too often apostrophes to pair
blindly), an opening mark paired with the next double mark when that one is shaped as a
closing (``reference_quotations``), no length cap. A boundary is *inside* a quotation when
the opening mark comes before it and the closing mark after it (in the unit that follows or a
later one). Printed: units, boundaries, boundaries inside a quotation (and their share of all
boundaries), quotations cut at least once, and the units longer than 600 characters (what a
rule that joins too much would show first).

Measured on the held-out (odd) topics, 273 articles, before the quotation rules (commit
3b888f1) and after:
- boundaries inside a quotation: 185 of 3,497 (5.3 %) before, 6 of 3,121 (0.2 %) after;
- quotations cut at least once: 122 of 520 before, 2 after;
- units: 3,770 before, 3,394 after; units over 600 characters: 3 before, 9 after.
On the development (even) topics: 109 of 3,426 (3.2 %) before, 3 of 3,122 (0.1 %) after.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.engine.ingest import document_from_text  # noqa: E402
from crosscheck.engine.model import Document  # noqa: E402
from real_data import DATA  # noqa: E402

_DOUBLE_MARK = re.compile(r"``|''|[\"“”]")
_OPENINGS = ("``", "“")
_CLOSINGS = ("''", "”")
LONG_UNIT = 600


@dataclass
class Tally:
    articles: int = 0
    units: int = 0
    boundaries: int = 0
    inside: int = 0
    quotations: int = 0
    cut: int = 0
    long_units: int = 0
    examples: list[str] = field(default_factory=list)


def in_split(topic: int, split: str) -> bool:
    """Even topics develop the rules, odd topics check them."""
    if split == "all":
        return True
    return (topic % 2 == 0) == (split == "dev")


def reference_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(opening, closing)`` mark positions of the plain double quotations in a paragraph.

    A quotation is an opening mark whose next double mark is a closing one. ````` and ``“``
    open and ``''`` and ``”`` close by their shape; a straight mark opens after a space (or at
    the start) and before a non-space, and closes after a non-space and before a space, a
    punctuation mark or the end. Any other sequence (a straight mark with spaces on both sides,
    two openings in a row) pairs nothing, so one stray mark cannot shift every pair after it.
    """
    found, opening = [], None
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        shape = _shape(text, mark.start(), mark.end(), start, end)
        if opening is not None and shape == "close":
            found.append((opening, mark.start()))
        opening = mark.start() if shape == "open" else None
    return found


def _shape(text: str, at: int, after: int, start: int, end: int) -> str:
    symbol = text[at:after]
    if symbol in _OPENINGS:
        return "open"
    if symbol in _CLOSINGS:
        return "close"
    before = text[at - 1] if at > start else " "
    following = text[after] if after < end else " "
    if before.isspace() and not following.isspace():
        return "open"
    if not before.isspace() and (following.isspace() or not following.isalnum()):
        return "close"
    return "unknown"


def measure(doc: Document, tally: Tally, verbose: bool) -> None:
    """Add one document's units, boundaries and quotations to ``tally``."""
    tally.articles += 1
    sentences = doc.sentences
    tally.units += len(sentences)
    tally.boundaries += max(0, len(sentences) - 1)
    tally.long_units += sum(s.end - s.start > LONG_UNIT for s in sentences)
    quotations = [q for start, end in doc.paragraphs
                  for q in reference_quotations(doc.text, start, end)]
    tally.quotations += len(quotations)
    cut = set()
    for before, after in zip(sentences, sentences[1:], strict=False):
        for index, (opening, closing) in enumerate(quotations):
            if opening < before.end and closing >= after.start:
                tally.inside += 1
                cut.add(index)
                if verbose and len(tally.examples) < 40:
                    tally.examples.append(f"{before.text[-90:]!r} | {after.text[:60]!r}")
    tally.cut += len(cut)


def evaluate(split: str, verbose: bool = False) -> Tally:
    """Segment every article of ``split`` and count boundaries inside quotations."""
    tally = Tally()
    with open(DATA / "ecbplus" / "groups.jsonl", encoding="utf-8") as handle:
        for line in handle:
            group = json.loads(line)
            if not in_split(int(group["topic"]), split):
                continue
            for article in group["articles"]:
                doc = document_from_text(article["text"], source=article["doc"], side="L")
                measure(doc, tally, verbose)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("held-out", "dev", "all"), default="held-out")
    parser.add_argument("-v", "--verbose", action="store_true", help="print cut quotations")
    args = parser.parse_args()
    tally = evaluate(args.split, args.verbose)
    share = tally.inside / tally.boundaries if tally.boundaries else 0.0
    print(f"split {args.split}: {tally.articles} articles, {tally.units} units, "
          f"{tally.boundaries} boundaries")
    print(f"boundaries inside a quotation: {tally.inside} ({share:.1%}); quotations cut: "
          f"{tally.cut} of {tally.quotations}; units over {LONG_UNIT} chars: {tally.long_units}")
    for example in tally.examples:
        print("  " + example)


if __name__ == "__main__":
    main()
