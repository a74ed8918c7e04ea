"""Wall time from launching crosscheck to its first usable screens, in a real terminal.

Run: python benchmarks/bench_startup.py [--runs 5] [--semantic auto] [--pair N]
Starts the installed `crosscheck demo` (or, with --pair N, `crosscheck open` on two articles
of N real news sentences each, see real_data.py) under tmux (160x48) with a fresh data
directory and polls the screen every 10 ms for three moments: "first", anything on screen
(the progress line `open` prints while it reads); "readable", both articles on screen to read
and scroll (the analysis may still be running in the worker); and "triage", the queue's
progress line ("0 of N reviewed") showing that the analysis is loaded and every key works.
Prints each run and the medians. Needs tmux.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READY = " reviewed"
# The first words of each bundled demo article's lead sentence.
READABLE = ("government of Marestan has asked", "A senior official at the Ministry")


def one_run(semantic: str, articles: tuple[str, str] | None,
            readable_texts: tuple[str, ...]) -> tuple[float, float, float]:
    session = f"cc-startup-{os.getpid()}"
    crosscheck = str(Path(sys.executable).with_name("crosscheck"))
    what = f"open {articles[0]} {articles[1]}" if articles else "demo"
    with tempfile.TemporaryDirectory() as data:
        command = f"CROSSCHECK_DATA_DIR={data} {crosscheck} {what} --semantic {semantic}"
        start = time.perf_counter()
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "48",
                        command], check=True)
        first = readable = None
        try:
            while time.perf_counter() - start < 120:
                screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                        capture_output=True, text=True).stdout
                now = time.perf_counter() - start
                if first is None and screen.strip():
                    first = now
                if readable is None and all(text in screen for text in readable_texts):
                    readable = now
                if READY in screen:
                    return first or now, readable or now, now
                time.sleep(0.01)
            raise TimeoutError("crosscheck did not become usable in 120 s")
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--semantic", default="auto")
    parser.add_argument("--pair", type=int, default=0,
                        help="open two real articles of this many sentences instead of the demo")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("bench_startup needs tmux")
    with tempfile.TemporaryDirectory() as folder:
        articles, texts = None, READABLE
        if args.pair:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from real_data import real_article_pair

            articles = (f"{folder}/left.txt", f"{folder}/right.txt")
            for path, text in zip(articles, real_article_pair(args.pair), strict=True):
                Path(path).write_text(text, encoding="utf-8")
            texts = tuple(" ".join(Path(p).read_text(encoding="utf-8").split()[:4])
                          for p in articles)
        runs = [one_run(args.semantic, articles, texts) for _ in range(args.runs)]
    print("runs (first / readable / triage, s):",
          "  ".join(f"{a:.2f}/{b:.2f}/{c:.2f}" for a, b, c in runs))
    print(f"median: first text {statistics.median(r[0] for r in runs):.2f} s, articles "
          f"readable {statistics.median(r[1] for r in runs):.2f} s, triage ready "
          f"{statistics.median(r[2] for r in runs):.2f} s (--semantic {args.semantic}"
          f"{f', 2 x {args.pair} sentences' if args.pair else ', demo'})")


if __name__ == "__main__":
    main()
