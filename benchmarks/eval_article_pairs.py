"""Contradiction flags on real article pairs annotated by hand (benchmarks/gold_articles).

Run: python benchmarks/eval_article_pairs.py [--set a|b] [--split tune|report|all]
     [--verifier] [-v]

Each gold file names two articles of one ECB+ group (real outlets on one event; CC BY 3.0,
Cybulska & Vossen, LREC 2014; text read from ../shared/data/ecbplus/groups.jsonl, never
copied here) and lists, by sentence index, the pairs a careful reader calls contradictions
and look-alikes that are not. The gold was written before the tool's output was looked at
(see gold_articles/README.md). Both articles go through ``analyze`` as the CLI would run
them. A flag (contradiction score >= 0.5) is right when it covers a gold contradiction;
precision is right flags / flags, recall is gold contradictions covered / gold.

The split is fixed here: set A's first six pairs are for tuning, the rest are reported.
Set B (``gold_articles_b``, 30 pairs from topics the verifier never saw, two annotators and an
adjudicator) is reported whole: nothing is tuned on it.

Besides flags, the queue is measured: each pair's links ranked by contradiction score (as the
triage queue orders them within their group), and how many gold conflicts are among the first
``QUEUE_DEPTH``; and recall per conflict type.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck.engine.analyze import analyze  # noqa: E402
from crosscheck.engine.contradict import THRESHOLD  # noqa: E402
from crosscheck.engine.ingest import document_from_text  # noqa: E402
from crosscheck.engine.model import Document  # noqa: E402
from real_data import DATA  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold_articles"
GOLD_SETS = {"a": GOLD, "b": Path(__file__).resolve().parent / "gold_articles_b",
             "c": Path(__file__).resolve().parent / "tune_articles_c"}
TUNE = {f"pair_{n:02d}" for n in range(1, 7)}
QUEUE_DEPTH = 10


@dataclass
class PairResult:
    name: str
    flags: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0
    look_alikes_flagged: int = 0
    in_queue_top: int = 0
    best_links: int = 0  # best links between sentences the gold annotates (set A has links)
    best_right: int = 0  # ... that the gold links too
    types: dict[str, list[int]] = field(default_factory=dict)  # type -> [gold, found]
    lines: list[str] = field(default_factory=list)


def split_of(name: str) -> str:
    return "tune" if name in TUNE else "report"


def _articles() -> dict[tuple[str, str], dict]:
    out = {}
    with open(DATA / "ecbplus" / "groups.jsonl", encoding="utf-8") as handle:
        for line in handle:
            group = json.loads(line)
            for article in group["articles"]:
                out[group["id"], article["doc"]] = article
    return out


def _document(article: dict, side: str) -> tuple[Document, list[int]]:
    """The article's text as a document, and the gold sentence index of each sentence."""
    text = article["text"]
    if not _in_order(text, article["sentences"]):
        text = "\n\n".join(article["sentences"])
    doc = document_from_text(text, source=article["doc"], side=side)
    starts, at = [], 0
    for sentence in article["sentences"]:
        at = text.index(sentence, at)
        starts.append(at)
        at += len(sentence)
    owner = [max(i for i, s in enumerate(starts) if s <= sentence.start)
             for sentence in doc.sentences]
    return doc, owner


def _in_order(text: str, sentences: list[str]) -> bool:
    at = 0
    for sentence in sentences:
        at = text.find(sentence, at)
        if at < 0:
            return False
        at += len(sentence)
    return True


def evaluate_pair(path: Path, articles: dict, semantic: str = "auto",
                  verify: bool = False) -> PairResult:
    gold = json.loads(path.read_text(encoding="utf-8"))
    left, lowner = _document(articles[gold["group"], gold["left_doc"]], "L")
    right, rowner = _document(articles[gold["group"], gold["right_doc"]], "R")
    analysis = analyze(left, right, semantic=semantic, verify=verify)
    conflicts = {(c["left"], c["right"]): c for c in gold["contradictions"]}
    look_alikes = {(x["left"], x["right"]) for x in gold.get("lookalikes", [])}
    result = PairResult(path.stem, gold=len(conflicts))
    ranked = sorted(analysis.links, key=lambda link: (
        -(link.contradiction.score if link.contradiction else 0.0), -link.score, link.id))
    top = {(lowner[int(a[1:])], rowner[int(b[1:])]) for link in ranked[:QUEUE_DEPTH]
           for a in link.left for b in link.right}
    result.in_queue_top = len(top & conflicts.keys())
    gold_links = {(x["left"], x["right"]) for x in gold.get("links", [])}
    content_l = {i for i, _ in gold_links} | set(gold.get("one_sided_left", []))
    content_r = {j for _, j in gold_links} | set(gold.get("one_sided_right", []))
    for link in analysis.links:
        if not link.best or not gold_links:
            continue
        covered = {(lowner[int(a[1:])], rowner[int(b[1:])]) for a in link.left
                   for b in link.right}
        if any(i in content_l and j in content_r for i, j in covered):
            result.best_links += 1
            result.best_right += bool(covered & gold_links)
    found = set()
    for link in analysis.links:
        if not link.contradiction or link.contradiction.score < THRESHOLD:
            continue
        covered = {(lowner[int(a[1:])], rowner[int(b[1:])]) for a in link.left
                   for b in link.right}
        hits = covered & conflicts.keys()
        result.flags += 1
        result.right += bool(hits)
        found |= hits
        result.look_alikes_flagged += bool(covered & look_alikes)
        why = "; ".join(r.explanation for r in link.contradiction.reasons)
        mark = "RIGHT" if hits else "FALSE"
        texts = (" ".join(left.sentence(s).text for s in link.left)[:100],
                 " ".join(right.sentence(s).text for s in link.right)[:100])
        result.lines.append(f"  {mark} {link.contradiction.score:.2f} {sorted(covered)} {why}"
                            f"\n      L: {texts[0]!r}\n      R: {texts[1]!r}")
    result.found = len(found)
    for key, item in conflicts.items():
        tally = result.types.setdefault(item["type"], [0, 0])
        tally[0] += 1
        tally[1] += key in found
        if key not in found:
            result.lines.append(f"  MISS {item['type']} {key}: {item['left_span']!r} vs "
                                f"{item['right_span']!r} ({item['why']})")
    return result


def evaluate(split: str, semantic: str = "auto", verify: bool = False,
             gold_set: str = "a") -> list[PairResult]:
    """Results per pair of one gold set (sets B and C are one split each: ``split`` is
    ignored; C is the tune set of the verifier's combination)."""
    articles = _articles()
    paths = sorted(GOLD_SETS[gold_set].glob("pair_*.json"))
    return [evaluate_pair(p, articles, semantic, verify) for p in paths
            if gold_set != "a" or split == "all" or split_of(p.stem) == split]


def queue_share(results: list[PairResult]) -> float:
    """Share of gold conflicts among their pair's first QUEUE_DEPTH links by score."""
    gold = sum(r.gold for r in results)
    return sum(r.in_queue_top for r in results) / gold if gold else 1.0


def type_recall(results: list[PairResult]) -> dict[str, tuple[int, int]]:
    """(gold, found) per conflict type."""
    out: dict[str, list[int]] = {}
    for r in results:
        for kind, (gold, found) in r.types.items():
            tally = out.setdefault(kind, [0, 0])
            tally[0] += gold
            tally[1] += found
    return {k: (g, f) for k, (g, f) in sorted(out.items())}


def totals(results: list[PairResult]) -> tuple[float, float, int, int]:
    flags = sum(r.flags for r in results)
    right = sum(r.right for r in results)
    gold = sum(r.gold for r in results)
    found = sum(r.found for r in results)
    precision = right / flags if flags else 1.0
    recall = found / gold if gold else 1.0
    return precision, recall, flags, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("tune", "report", "all"), default="report")
    parser.add_argument("--semantic", default="auto")
    parser.add_argument("--set", dest="gold_set", choices=("a", "b", "c"), default="a")
    parser.add_argument("--verifier", dest="verify", action="store_true",
                        help="with the learned conflict verifier (default: the rules alone)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    results = evaluate(args.split, args.semantic, args.verify, args.gold_set)
    split = {"b": "all (nothing tuned on it)", "c": "all (the tune set: in-sample)"}.get(
        args.gold_set, args.split)
    print(f"set: {args.gold_set}, split: {split}, verifier: {'on' if args.verify else 'off'}")
    print(f"| Pair | Flags | Right | Gold | Found | In first {QUEUE_DEPTH} | Look-alikes flagged |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print(f"| {r.name} | {r.flags} | {r.right} | {r.gold} | {r.found} | {r.in_queue_top} | "
              f"{r.look_alikes_flagged} |")
    precision, recall, flags, gold = totals(results)
    print(f"\nflag precision {precision:.2f} ({flags} flags), contradiction recall "
          f"{recall:.2f} ({gold} gold)")
    if sum(r.best_links for r in results):
        print(f"best links between content sentences that the gold links too: "
              f"{sum(r.best_right for r in results)}/{sum(r.best_links for r in results)}")
    print(f"conflicts among their pair's first {QUEUE_DEPTH} queue items: "
          f"{queue_share(results):.2f}")
    print("recall by type: " + ", ".join(f"{k} {f}/{g}" for k, (g, f)
                                         in type_recall(results).items()))
    no_conflict = [r for r in results if r.gold == 0]
    if no_conflict:
        print(f"pairs without conflicts: {len(no_conflict)}, most flags on one: "
              f"{max(r.flags for r in no_conflict)}")
    if args.verbose:
        for r in results:
            print(r.name)
            print("\n".join(r.lines))


if __name__ == "__main__":
    main()
