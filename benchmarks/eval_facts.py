"""The facts table on real data nobody here wrote: rows on article pairs, extraction on sentences.

Run: python benchmarks/eval_facts.py [--set a|b|c|all] [--semantic full|fast|off] [-v]

Rows: on the annotated real article pairs (benchmarks/gold_articles*, ECB+ CC BY 3.0), the
share of gold number, date, entity and quote conflicts that appear as one facts row with
status ``conflict`` whose two cells lie in the gold conflict's two sentences (target >= 0.7),
and the share of gold look-alikes (pairs a reader calls not a conflict) that a conflict row
covers (target <= 0.10). Set A's first six pairs and set C were used for tuning the rules and
the verifier, so only set B (and A's report pairs) are held out.

Extraction: on benchmarks/gold_facts (real sentences from ECB+ report topics, RTE-3 and the
MRPC report split, annotated before any extraction output existed; see its README), precision
and recall per fact type (a found fact is right when its span overlaps a gold fact of the same
type; person, organisation and place count as ``name``), and how often the normalised number
of a matched figure equals the gold value. The extraction is hand-written (the contradiction
features of the represent stage); no library was measured against it here: see BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from crosscheck.engine.analyze import analyze  # noqa: E402
from crosscheck.engine.contradict.features import sentence_features  # noqa: E402
from crosscheck.engine.facts import _facts  # noqa: E402
from crosscheck.engine.model import Sentence  # noqa: E402
from eval_article_pairs import GOLD_SETS, TUNE, _articles, _document  # noqa: E402

ROW_TYPES = {"number", "date", "entity", "quote"}
GOLD_FACTS = HERE / "gold_facts"
NAME_TYPES = {"person": "name", "organisation": "name", "place": "name"}


def rows_on_pairs(sets: list[str], semantic: str, verbose: bool) -> None:
    articles = _articles()
    for gold_set in sets:
        hit = total = look = look_hit = 0
        for path in sorted(GOLD_SETS[gold_set].glob("pair_*.json")):
            if gold_set == "a" and path.stem in TUNE:
                continue
            gold = json.loads(path.read_text(encoding="utf-8"))
            left, lowner = _document(articles[gold["group"], gold["left_doc"]], "L")
            right, rowner = _document(articles[gold["group"], gold["right_doc"]], "R")
            analysis = analyze(left, right, semantic=semantic)
            conflict_cells = {(lowner[int(r.left.sentence[1:])], rowner[int(r.right.sentence[1:])])
                              for r in analysis.facts
                              if r.status == "conflict" and r.left and r.right}
            for c in gold["contradictions"]:
                if c["type"] not in ROW_TYPES:
                    continue
                total += 1
                found = (c["left"], c["right"]) in conflict_cells
                hit += found
                if verbose and not found:
                    print(f"  MISS {path.stem} {c['type']}: {c['left_span']!r} vs "
                          f"{c['right_span']!r}")
            for x in gold.get("lookalikes", []):
                look += 1
                look_hit += (x["left"], x["right"]) in conflict_cells
        print(f"set {gold_set.upper()}: gold number/date/entity/quote conflicts as one conflict "
              f"row: {hit}/{total} = {hit / max(total, 1):.2f}; look-alikes covered by a "
              f"conflict row: {look_hit}/{look} = {look_hit / max(look, 1):.2f}")


def extraction(verbose: bool) -> None:
    sentences = GOLD_FACTS / "sentences.jsonl"
    facts = GOLD_FACTS / "facts.jsonl"
    if not sentences.exists() or not facts.exists():
        print("extraction: benchmarks/gold_facts is not there yet")
        return
    texts = {row["id"]: row["text"] for row in map(json.loads, sentences.open(encoding="utf-8"))}
    gold_found, gold_total, ours_right, ours_total = Counter(), Counter(), Counter(), Counter()
    values_same = values_total = 0
    for row in map(json.loads, facts.open(encoding="utf-8")):
        text = texts[row["id"]]
        found = _facts(sentence_features(Sentence("L0", 0, len(text), text, 0)))
        gold = []
        for g in row["facts"]:
            kind = NAME_TYPES.get(g["type"], g["type"])
            if kind == "attribution":
                continue
            at = g["start"] if isinstance(g.get("start"), int) else text.find(g["span"])
            gold.append((kind, at, at + len(g["span"]), g))
        used = set()
        for f in found:
            kind = f.type
            ours_total[kind] += 1
            match = next((k for k, (gk, a, b, _) in enumerate(gold)
                          if gk == kind and a < f.end and f.start < b), None)
            if match is not None:
                ours_right[kind] += 1
                used.add(match)
                g = gold[match][3]
                if kind in {"quantity", "percent"} and isinstance(g.get("value"), (int, float)):
                    values_total += 1
                    values_same += f.value.lstrip("~") == f"{float(g['value']):g}"
            elif verbose:
                print(f"  EXTRA {kind} {f.text!r} in {text[:80]!r}")
        for k, (kind, *_rest) in enumerate(gold):
            gold_total[kind] += 1
            gold_found[kind] += k in used
            if verbose and k not in used:
                print(f"  MISSED {kind} {gold[k][3]['span']!r} in {text[:80]!r}")
    print("extraction (held out: gold_facts):")
    for kind in sorted(set(gold_total) | set(ours_total)):
        p = ours_right[kind] / max(ours_total[kind], 1)
        r = gold_found[kind] / max(gold_total[kind], 1)
        print(f"  {kind:<12} precision {p:.2f} ({ours_right[kind]}/{ours_total[kind]})  "
              f"recall {r:.2f} ({gold_found[kind]}/{gold_total[kind]})")
    print(f"  figures whose normalised value equals the gold: {values_same}/{values_total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default="all", choices=("a", "b", "c", "all"))
    parser.add_argument("--semantic", default="full")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    rows_on_pairs(["a", "b", "c"] if args.set == "all" else [args.set], args.semantic,
                  args.verbose)
    extraction(args.verbose)


if __name__ == "__main__":
    main()
