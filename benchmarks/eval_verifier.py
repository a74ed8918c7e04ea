"""The conflict verifier on held-out sentence pairs, and its speed.

Run: python benchmarks/eval_verifier.py [--speed-only]

- The verifier's own test split (``tools/verifier/splits.py``: ECB+ topic 6 and a tenth of the
  MRPC seeds, by seed, so no test pair shares a seed or a topic with a fit pair): relation
  accuracy, and per conflict type precision, recall and F1 of "conflict" (the most probable
  of the three relations), by source (synthetic, real candidate pairs, MRPC, Breaking NLI).
- MRPC paraphrase F1 on the report split (``real_data.mrpc_split``) from the verifier's
  consistent probability and from its mean with the claim head, the threshold chosen on the
  tune split (these sentences are kept out of training: ``tools/verifier/check_leakage.py``).
  Measured below the claim head alone (0.839), so the link's kind stays the claim head's.
- Speed: pairs a second on real candidate pairs, two threads, with the CPU's vector features.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools" / "verifier"))

from crosscheck.engine.verify import load_verifier  # noqa: E402
from real_data import mrpc  # noqa: E402

CONFLICT_TYPES = ("number", "date", "entity", "negation", "antonym", "modality", "denial",
                  "quote")


def test_split() -> None:
    from dataset import RELATIONS, TYPES, all_rows

    rows = [r for r in all_rows() if r.split == "test"]
    verdicts = load_verifier().verify([(r.a, r.b) for r in rows])
    print(f"test split: {len(rows)} pairs ({dict(Counter(r.source for r in rows))})")
    for source in sorted({r.source for r in rows}):
        picked = [(r, v) for r, v in zip(rows, verdicts, strict=True) if r.source == source]
        said = [max(RELATIONS, key=lambda k, v=v: getattr(v, k)) for _, v in picked]
        accuracy = np.mean([RELATIONS[r.relation] == s for (r, _), s in zip(picked, said,
                                                                          strict=True)])
        print(f"  {source}: relation accuracy {accuracy:.3f} over {len(picked)}")
    said = [max(RELATIONS, key=lambda k, v=v: getattr(v, k)) for v in verdicts]
    print("| type | gold | said | right | precision | recall | F1 | type right |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind in ("all", *CONFLICT_TYPES):
        def is_gold(r, kind=kind):
            return RELATIONS[r.relation] == "conflict" and (kind == "all" or TYPES[r.type] == kind)
        gold = [is_gold(r) for r in rows]
        # A pair "said" for a type: called a conflict, and (per type) gold of that type or
        # typed so by the model; precision per type counts both.
        claimed = [s == "conflict" and (kind == "all" or v.type == kind or g)
                   for s, v, g in zip(said, verdicts, gold, strict=True)]
        right = sum(g and c for g, c in zip(gold, claimed, strict=True))
        typed = sum(g and c and (kind == "all" or v.type == kind)
                    for g, c, v in zip(gold, claimed, verdicts, strict=True))
        p = right / max(1, sum(claimed))
        r_ = right / max(1, sum(gold))
        f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
        print(f"| {kind} | {sum(gold)} | {sum(claimed)} | {right} | {p:.2f} | {r_:.2f} | "
              f"{f1:.2f} | {typed} |")


def mrpc_f1() -> None:
    from crosscheck.engine.pair_model import probability
    from train_pair_model import claim_labelled

    verifier = load_verifier()

    def probabilities(split, mix):
        pairs = mrpc(split)
        v = np.array([x.consistent for x in verifier.verify([(p.a, p.b) for p in pairs])])
        if mix:
            head = probability("claim", "full", claim_labelled(pairs, "full").features)
            v = (head + v) / 2.0
        return v, np.array([p.label for p in pairs])

    def f1(said, gold):
        tp = np.sum(said & (gold == 1))
        p, r = tp / max(1, said.sum()), tp / max(1, (gold == 1).sum())
        return 2 * p * r / (p + r) if p + r else 0.0

    for mix in (False, True):
        tune_p, tune_y = probabilities("tune", mix)
        cut = max(np.arange(0.05, 0.95, 0.01), key=lambda t: f1(tune_p >= t, tune_y))
        report_p, report_y = probabilities("report", mix)
        what = "mean of verifier and claim head" if mix else "verifier consistent"
        print(f"MRPC report: paraphrase F1 {f1(report_p >= cut, report_y):.3f} from {what} >= "
              f"{cut:.2f} (chosen on tune), accuracy {np.mean((report_p >= cut) == report_y):.3f}")


def speed() -> None:
    import onnxruntime

    sys.path.insert(0, str(HERE.parent / "tools" / "verifier"))
    from dataset import real_rows

    pairs = [(r.a, r.b) for r in real_rows()][:600]
    verifier = load_verifier()
    verifier.verify(pairs[:32])
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        verifier.verify(pairs)
        best = max(best, len(pairs) / (time.perf_counter() - start))
    cpuinfo = Path("/proc/cpuinfo")
    flags = (cpuinfo.read_text().split("flags")[1].split("\n")[0].split()
             if cpuinfo.exists() else [])
    vector = sorted(f for f in set(flags) if f.startswith(("avx", "amx")))
    pair_costs = verify_stage_costs()
    print(f"verify stage on the 30 real article pairs of gold set B (after start-up): median "
          f"{np.median([c for c, _ in pair_costs]):.3f} s, max {max(c for c, _ in pair_costs):.3f}"
          f" s, pairs read median {int(np.median([n for _, n in pair_costs]))}, max "
          f"{max(n for _, n in pair_costs)}")
    print(f"speed: {best:.0f} pairs a second ({len(pairs)} real candidate pairs, best of 3, "
          f"onnxruntime {onnxruntime.__version__}); CPU features: {' '.join(vector) or 'n/a'}")


def verify_stage_costs() -> list[tuple[float, int]]:
    """(seconds, pairs read) of the verify stage for each article pair of gold set B."""
    import json

    from crosscheck.engine.analyze import align
    from crosscheck.engine.verify.check import Checked, verify_links
    from eval_article_pairs import GOLD_SETS, _articles, _document

    articles = _articles()
    verifier = load_verifier()
    costs = []
    for path in sorted(GOLD_SETS["b"].glob("pair_*.json")):
        gold = json.loads(path.read_text())
        left, _ = _document(articles[gold["group"], gold["left_doc"]], "L")
        right, _ = _document(articles[gold["group"], gold["right_doc"]], "R")
        alignment = align(left, right, "auto")
        checked: list[Checked] = []
        start = time.perf_counter()
        verify_links(left, right, alignment.links, alignment.nearby, verifier, checked=checked)
        costs.append((time.perf_counter() - start, len(checked)))
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--speed-only", action="store_true")
    args = parser.parse_args()
    if not args.speed_only:
        test_split()
        mrpc_f1()
    speed()


if __name__ == "__main__":
    main()
