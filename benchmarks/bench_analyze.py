"""Analyze time and peak memory at 100, 1,000 and 5,000 sentences per side, vs a naive baseline.

Run: python benchmarks/bench_analyze.py [--sizes 100 1000 5000] [--text real|synthetic]
       [--semantic auto|full|fast|off] [--verifier] [--baseline-timeout 120]
"real" text is news sentences from ../shared/data (MRPC, ECB+: see real_data.py); "synthetic"
is benchmarks/synthetic.py's generated text.
Each measurement runs in a fresh subprocess so peak RSS is that run's alone. "import s" is the
one-off cost of importing the engine (numpy, scipy, rapidfuzz; with --warm also loading both
model tiers); "total s" is ingest + analyze of both articles after that, which without --warm
includes loading the model the analysis needs; peak MB is the whole process. Each stage of
the pipeline (represent, relate, match, verify, explain) is timed on its own too; the last
lines give the growth exponent between the two largest sizes and the speed-up over the
all-pairs difflib baseline at each size both finished.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {here!r})
mode, n, text, semantic = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
warm, verify = sys.argv[5] == "warm", sys.argv[6] == "verify"
if text == "real":
    from real_data import real_article_pair as article_pair
else:
    from synthetic import article_pair
left_text, right_text = article_pair(n)
t_import = time.perf_counter()
if mode == "crosscheck":
    from crosscheck.engine.analyze import analyze
    from crosscheck.engine.ingest import document_from_text
    if warm:  # "after start-up": both model tiers already loaded, as in a running app
        from crosscheck.engine.semantic import encoder
        encoder("full"), encoder("fast")
t_import = time.perf_counter() - t_import
base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if mode == "crosscheck":
    left = document_from_text(left_text, source="left", side="L")
    right = document_from_text(right_text, source="right", side="R")
    t1 = time.perf_counter()
    stages = {{}}
    result = analyze(left, right, semantic=semantic, verify=verify, timings=stages)
    links = len(result.links)
    sentences = (len(left.sentences), len(right.sentences))
else:
    from naive_baseline import naive_align
    t1 = t0
    links, sentences = naive_align(left_text, right_text)
    stages = {{}}
t2 = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"mode": mode, "n": n, "sentences": sentences, "links": links,
                  "ingest_s": t1 - t0, "analyze_s": t2 - t1, "total_s": t2 - t0,
                  "peak_mb": peak / 1024, "startup_mb": base_rss / 1024, "import_s": t_import,
                  "stages": stages}}))
"""


def run(mode: str, n: int, timeout: float, text: str, semantic: str,
        warm: bool = False, verify: bool = False) -> dict | None:
    code = _CHILD.format(here=str(HERE))
    try:
        done = subprocess.run([sys.executable, "-c", code, mode, str(n), text, semantic,
                               "warm" if warm else "cold", "verify" if verify else "rules"],
                              capture_output=True,
                              text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--baseline-timeout", type=float, default=120)
    parser.add_argument("--text", choices=("real", "synthetic"), default="real")
    parser.add_argument("--semantic", default="auto")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--warm", action="store_true",
                        help="load the models before timing (analysis after start-up)")
    parser.add_argument("--verifier", action="store_true", help="analyse with --verifier on")
    args = parser.parse_args()
    stage_names = ("represent", "relate", "match", "verify", "explain")
    print(f"{'engine':<11} {'sent/side':>9} {'links':>6} {'import s':>9} {'ingest s':>9} "
          f"{'analyze s':>9} {'total s':>8} {'peak MB':>8}  "
          + " ".join(f"{name:>9}" for name in stage_names))
    totals: dict[str, dict[int, float]] = {}
    modes = [("crosscheck", args.timeout)]
    if not args.no_baseline:
        modes.append(("naive", args.baseline_timeout))
    for mode, timeout in modes:
        for n in args.sizes:
            row = run(mode, n, timeout, args.text, args.semantic, args.warm, args.verifier)
            if row is None:
                print(f"{mode:<11} {n:>9} {'-':>6}   did not finish in {timeout:.0f} s")
                break
            print(f"{mode:<11} {n:>9} {row['links']:>6} {row['import_s']:>9.3f} "
                  f"{row['ingest_s']:>9.3f} {row['analyze_s']:>9.3f} {row['total_s']:>8.3f} "
                  f"{row['peak_mb']:>8.1f}  "
                  + " ".join(f"{row['stages'].get(name, 0.0):>9.3f}" if row["stages"]
                             else f"{'':>9}" for name in stage_names))
            totals.setdefault(mode, {})[n] = row["total_s"]
    ours = totals.get("crosscheck", {})
    if len(ours) >= 2:
        small, large = sorted(ours)[-2:]
        exponent = math.log(ours[large] / ours[small]) / math.log(large / small)
        print(f"growth {small:,} -> {large:,} sentences a side: n^{exponent:.2f}")
    for n, naive in sorted(totals.get("naive", {}).items()):
        if n in ours:
            print(f"at {n:,} a side: {naive / ours[n]:.0f}x faster than the difflib baseline")


if __name__ == "__main__":
    main()
