"""Contradiction flags on real sentence pairs with contradiction labels, run as documents.

Run: python benchmarks/eval_contradictions_nli.py [--split tune|report] [--sets rte3 bnli sick]
     [--limit N] [--verifier] [-v]

Each set is cut into chunks of CHUNK pairs. For a chunk, the premises form the left article
and the hypotheses the right one, each its own paragraph, both sides shuffled (fixed seed),
and the pair goes through ``analyze`` like any two articles. A flag is a link whose
contradiction score is at least 0.5; it is right when its left sentences come from premise i
and its right sentences from hypothesis i of a pair labelled ``contradiction``. A gold
contradiction is found when some flag covers it.

Data (``../shared/data``, see its README for licences): RTE-3 dev (news-derived; PASCAL RTE
research data), Breaking NLI (Glockner et al. 2018, CC BY-SA 4.0; the number, antonym and
nationality categories), SICK trial (Marelli et al. 2014, CC BY-NC-SA 3.0, evaluation only).
Splits are fixed in code (``nli_split``): tune on one half, report the other.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.engine.analyze import analyze  # noqa: E402
from crosscheck.engine.contradict import THRESHOLD  # noqa: E402
from crosscheck.engine.ingest import document_from_text  # noqa: E402
from crosscheck.engine.model import Document, Link  # noqa: E402
from crosscheck.engine.tokens import content_terms  # noqa: E402
from eval_contradictions import Tally as CorpusTally  # noqa: E402
from real_data import DATA  # noqa: E402

CHUNK = 20
# Breaking NLI categories the issue targets, grouped as its report names them.
BNLI_GROUPS = {"cardinals": "numbers", "ordinals": "numbers", "antonyms": "antonyms",
               "antonyms_wordnet": "antonyms", "nationalities": "nationalities",
               "countries": "nationalities"}


@dataclass(frozen=True)
class NliPair:
    id: str
    premise: str
    hypothesis: str
    contradiction: bool
    group: str


@dataclass
class Tally(CorpusTally):
    """The corpus evaluation's counts, with a few examples of what went wrong."""

    examples: list[str] = field(default_factory=list)


def nli_split(pair_id: str) -> str:
    """Fixed half split by a hash of the id: "tune" or "report"."""
    return "tune" if zlib.crc32(pair_id.encode()) % 2 == 0 else "report"


def _rows(relative: str) -> Iterator[dict]:
    with open(DATA / relative, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def load_set(name: str, split: str) -> list[NliPair]:
    """The pairs of one set in one split."""
    if name == "rte3":
        rows = [(r, "rte3") for r in _rows("rte3/dev.jsonl")]
    elif name == "sick":
        rows = [(r, "sick") for r in _rows("sick/trial.jsonl")]
    elif name == "bnli":
        rows = [(r, BNLI_GROUPS[r["category"]]) for r in _rows("breaking_nli/all.jsonl")
                if r["category"] in BNLI_GROUPS]
    else:
        raise ValueError(name)
    return [NliPair(r["id"], r["premise"], r["hypothesis"], r["label"] == "contradiction",
                    group) for r, group in rows if nli_split(r["id"]) == split]


def chunks(pairs: Sequence[NliPair], size: int = CHUNK) -> Iterator[list[NliPair]]:
    """Chunks whose pairs are about different things.

    Breaking NLI reuses premises and SICK reuses scenes ("a man is playing a flute"): two
    such pairs in one chunk would make a premise of one and the hypothesis of the other a
    real, but unlabelled, contradiction. A pair joins a chunk only if its words overlap
    no other pair's by more than a third.
    """
    pending = list(pairs)
    while pending:
        chunk, seen, rest = [], [], []
        for pair in pending:
            terms = set(content_terms(pair.premise)) | set(content_terms(pair.hypothesis))
            if len(chunk) < size and all(_jaccard(terms, other) <= 1 / 3 for other in seen):
                chunk.append(pair)
                seen.append(terms)
            else:
                rest.append(pair)
        yield chunk
        pending = rest


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _document(texts: list[str], side: str) -> tuple[Document, list[int]]:
    """The texts as paragraphs of one document, and each sentence's text index."""
    body = "\n\n".join(" ".join(t.split()) for t in texts)
    doc = document_from_text(body, source=side, side=side)
    bounds, start = [], 0
    for text in texts:
        start = body.index(" ".join(text.split()), start)
        bounds.append(start)
        start += 1
    owner = []
    for sentence in doc.sentences:
        owner.append(max(i for i, b in enumerate(bounds) if b <= sentence.start))
    return doc, owner


def run_chunk(chunk: list[NliPair], seed: int, semantic: str = "auto", verify: bool = False
              ) -> tuple[list[tuple[int, int, Link]], list[NliPair], list[NliPair]]:
    """Flags as (left pair index, right pair index, link), in chunk order of each side."""
    rng = random.Random(seed)
    left_order, right_order = list(chunk), list(chunk)
    rng.shuffle(left_order)
    rng.shuffle(right_order)
    left, lowner = _document([p.premise for p in left_order], "L")
    right, rowner = _document([p.hypothesis for p in right_order], "R")
    analysis = analyze(left, right, semantic=semantic, verify=verify)
    flags = []
    for link in analysis.links:
        if link.contradiction and link.contradiction.score >= THRESHOLD:
            li = lowner[int(link.left[0][1:])]
            ri = rowner[int(link.right[0][1:])]
            flags.append((li, ri, link))
    return flags, left_order, right_order


def evaluate(names: Sequence[str], split: str, limit: int | None = None,
             semantic: str = "auto", verify: bool = False) -> dict[str, Tally]:
    """Tallies per set (and Breaking NLI group) for one split."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for name in names:
        pairs = load_set(name, split)
        if limit:
            pairs = random.Random(7).sample(pairs, min(limit, len(pairs)))
        for n, chunk in enumerate(chunks(pairs)):
            flags, lorder, rorder = run_chunk(chunk, seed=n, semantic=semantic, verify=verify)
            for pair in chunk:
                tallies[pair.group].gold += pair.contradiction
            found = set()
            for li, ri, link in flags:
                lp, rp = lorder[li], rorder[ri]
                tally = tallies[lp.group]
                tally.predicted += 1
                right = lp is rp and lp.contradiction
                tally.correct += right
                if right:
                    found.add(lp.id)
                elif len(tally.examples) < 40:
                    why = "; ".join(r.explanation for r in link.contradiction.reasons)
                    tally.examples.append(f"FALSE {link.contradiction.score:.2f} {why} || "
                                          f"{lp.premise[:90]!r} || {rp.hypothesis[:90]!r}")
            for pair in chunk:
                if pair.contradiction:
                    tallies[pair.group].found += pair.id in found
                    if pair.id not in found and len(tallies[pair.group].examples) < 80:
                        tallies[pair.group].examples.append(
                            f"MISS {pair.premise[:90]!r} || {pair.hypothesis[:90]!r}")
    return dict(tallies)


def format_table(tallies: dict[str, Tally]) -> str:
    rows = ["| Set | Gold | Found | Flags | Precision | Recall | F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, t in sorted(tallies.items()):
        rows.append(f"| {name} | {t.gold} | {t.found} | {t.predicted} | {t.precision:.2f} | "
                    f"{t.recall:.2f} | {t.f1:.2f} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "report"), default="report")
    parser.add_argument("--sets", nargs="+", default=["rte3", "bnli", "sick"])
    parser.add_argument("--limit", type=int, default=None, help="pairs per set (sampled)")
    parser.add_argument("--semantic", default="auto")
    parser.add_argument("--verifier", dest="verify", action="store_true",
                        help="with the learned conflict verifier (default: the rules alone)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    tallies = evaluate(args.sets, args.split, args.limit, args.semantic, args.verify)
    print(f"split: {args.split}")
    print(format_table(tallies))
    if args.verbose:
        for name, t in sorted(tallies.items()):
            for line in t.examples:
                print(name, line)


if __name__ == "__main__":
    main()
