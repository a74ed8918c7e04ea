"""Fit the combination's four parameters (``verify/combine.py``) on the tune split.

The tune split is the first gold set's tune half (pairs 01-06) and tune set C (15 more
train-topic article pairs, ``benchmarks/tune_articles_c``): 16 conflicts in all. Each pair
is aligned and verified once, keeping every pair read with its verifier probability, rules
evidence, relatedness and baseline; then each (PRIOR_SHIFT, RULES_ALONE, OUTSIDE_SHIFT,
CONTRAST) on a grid is scored by the F1 of its flags against the gold,
ties broken towards fewer flags, among the settings that give no pair without conflicts more
than one flag (the issue's bar) when any does. Figures on the tune split are in-sample.

Run: python tools/verifier/fit_combination.py [--set ac|a|b|c] [--split tune|report|all]
     (default: set A's tune half and set C; report or set B only to print held-out figures
     for fixed weights, never to choose them)
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from crosscheck.engine.analyze import align  # noqa: E402
from crosscheck.engine.verify import load_verifier  # noqa: E402
from crosscheck.engine.verify.check import Checked, verify_links  # noqa: E402
from crosscheck.engine.verify.combine import contradiction_score  # noqa: E402
from eval_article_pairs import GOLD_SETS, _articles, _document, split_of  # noqa: E402

THRESHOLD = 0.5


def collect(gold_set: str, split: str) -> list[tuple[dict, list, list, list[Checked]]]:
    """Every pair read in each article pair of the set ("ac": set A's tune half and set C)."""
    if gold_set == "ac":
        return collect("a", "tune") + collect("c", "all")
    articles = _articles()
    verifier = load_verifier()
    out = []
    for path in sorted(GOLD_SETS[gold_set].glob("pair_*.json")):
        if gold_set == "a" and split != "all" and split_of(path.stem) != split:
            continue
        gold = json.loads(path.read_text())
        left, lowner = _document(articles[gold["group"], gold["left_doc"]], "L")
        right, rowner = _document(articles[gold["group"], gold["right_doc"]], "R")
        alignment = align(left, right, "auto")
        checked: list[Checked] = []
        verify_links(left, right, alignment.links, alignment.nearby, verifier, checked=checked)
        out.append((gold, lowner, rowner, checked))
    return out


def score(data, weight: float, alone: float, outside: float = 0.0, contrast: float = 0.0
          ) -> tuple[float, float, int, int, int, int]:
    """(precision, recall, flags, right, gold, most flags on a pair without conflicts)."""
    flags = right = gold_n = found_n = worst = 0
    for gold, lowner, rowner, checked in data:
        conflicts = {(c["left"], c["right"]) for c in gold["contradictions"]}
        gold_n += len(conflicts)
        found = set()
        before = flags
        for c in checked:
            conflict = c.verdict.conflict if c.typed else 0.0
            if contradiction_score(conflict, c.rules, c.candidate.related, weight,
                                   alone, c.candidate.tier == 2, outside, c.baseline,
                                   contrast) < THRESHOLD:
                continue
            covered = {(lowner[int(a[1:])], rowner[int(b[1:])]) for a in c.candidate.left
                       for b in c.candidate.right}
            flags += 1
            right += bool(covered & conflicts)
            found |= covered & conflicts
        found_n += len(found)
        if not conflicts:
            worst = max(worst, flags - before)
    precision = right / flags if flags else 1.0
    recall = found_n / gold_n if gold_n else 1.0
    return precision, recall, flags, right, gold_n, worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="tune")
    parser.add_argument("--set", dest="gold_set", default="ac")
    args = parser.parse_args()
    data = collect(args.gold_set, args.split)
    results = []
    for weight, alone, outside, contrast in itertools.product(
            (-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0), (0.0, 0.25, 0.5, 0.75, 1.0),
            (-3.0, -2.0, -1.0, 0.0), (0.0, 0.5, 1.0)):
        p, r, flags, right, gold, worst = score(data, weight, alone, outside, contrast)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        # The issue's own bar: a pair without conflicts shows at most one flag.
        results.append((worst <= 1, round(f1, 4), -flags, weight, alone, outside, contrast, p,
                        r, flags, gold))
        print(f"prior shift {weight:.2f} rules alone {alone:.2f} outside {outside:.2f} "
              f"contrast {contrast:.1f}: precision {p:.2f} recall {r:.2f} F1 {f1:.2f} "
              f"({flags} flags, {gold} gold, at most {worst} on a pair without conflicts)")
    best = max(results)[1:]
    print(f"best on {args.gold_set}/{args.split}: PRIOR_SHIFT {best[2]} RULES_ALONE "
          f"{best[3]} OUTSIDE_SHIFT {best[4]} CONTRAST {best[5]} (F1 {best[0]:.2f}, "
          f"precision {best[6]:.2f}, recall {best[7]:.2f}, {best[8]} flags)")


if __name__ == "__main__":
    main()
