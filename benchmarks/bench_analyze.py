"""Analyze time and peak memory at 100, 1,000 and 5,000 sentences per side, vs a naive baseline.

Run: python benchmarks/bench_analyze.py [--sizes 100 1000 5000] [--baseline-timeout 120]
Each measurement runs in a fresh subprocess so peak RSS is that run's alone. "import s" is the
one-off cost of importing the engine (numpy, scipy, rapidfuzz); "total s" is ingest + analyze
of both articles, after the imports; peak MB is the whole process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {here!r})
from synthetic import article_pair
mode, n = sys.argv[1], int(sys.argv[2])
left_text, right_text = article_pair(n)
t_import = time.perf_counter()
if mode == "crosscheck":
    from crosscheck.engine.analyze import analyze
    from crosscheck.engine.ingest import document_from_text
t_import = time.perf_counter() - t_import
base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if mode == "crosscheck":
    left = document_from_text(left_text, source="left", side="L")
    right = document_from_text(right_text, source="right", side="R")
    t1 = time.perf_counter()
    result = analyze(left, right)
    links = len(result.links)
    sentences = (len(left.sentences), len(right.sentences))
else:
    from naive_baseline import naive_align
    t1 = t0
    links, sentences = naive_align(left_text, right_text)
t2 = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"mode": mode, "n": n, "sentences": sentences, "links": links,
                  "ingest_s": t1 - t0, "analyze_s": t2 - t1, "total_s": t2 - t0,
                  "peak_mb": peak / 1024, "startup_mb": base_rss / 1024, "import_s": t_import}}))
"""


def run(mode: str, n: int, timeout: float) -> dict | None:
    code = _CHILD.format(here=str(HERE))
    try:
        done = subprocess.run([sys.executable, "-c", code, mode, str(n)], capture_output=True,
                              text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--baseline-timeout", type=float, default=120)
    args = parser.parse_args()
    print(f"{'engine':<11} {'sent/side':>9} {'links':>6} {'import s':>9} {'ingest s':>9} "
          f"{'analyze s':>9} {'total s':>8} {'peak MB':>8}")
    for mode, timeout in (("crosscheck", args.timeout), ("naive", args.baseline_timeout)):
        for n in args.sizes:
            row = run(mode, n, timeout)
            if row is None:
                print(f"{mode:<11} {n:>9} {'-':>6}   did not finish in {timeout:.0f} s")
                break
            print(f"{mode:<11} {n:>9} {row['links']:>6} {row['import_s']:>9.3f} "
                  f"{row['ingest_s']:>9.3f} {row['analyze_s']:>9.3f} {row['total_s']:>8.3f} "
                  f"{row['peak_mb']:>8.1f}")


if __name__ == "__main__":
    main()
