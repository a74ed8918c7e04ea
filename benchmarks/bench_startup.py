"""Wall time from launching `crosscheck demo` to its first usable screens, in a real terminal.

Run: python benchmarks/bench_startup.py [--runs 5] [--semantic auto]
Starts the installed `crosscheck` under tmux (160x48) with a fresh data directory and polls the
screen every 10 ms for two moments: "readable", both articles on screen to read and scroll
(the model may still be loading in the worker), and "triage", the queue's progress line
("0 of N reviewed") showing that the analysis is loaded and every key works. Prints each run
and the medians. Needs tmux.
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


def one_run(semantic: str) -> tuple[float, float]:
    session = f"cc-startup-{os.getpid()}"
    crosscheck = str(Path(sys.executable).with_name("crosscheck"))
    with tempfile.TemporaryDirectory() as data:
        command = (f"CROSSCHECK_DATA_DIR={data} {crosscheck} demo --semantic {semantic}")
        start = time.perf_counter()
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "48",
                        command], check=True)
        readable = None
        try:
            while time.perf_counter() - start < 30:
                screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                        capture_output=True, text=True).stdout
                if readable is None and all(text in screen for text in READABLE):
                    readable = time.perf_counter() - start
                if READY in screen:
                    return readable or time.perf_counter() - start, time.perf_counter() - start
                time.sleep(0.01)
            raise TimeoutError("the demo did not become usable in 30 s")
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--semantic", default="auto")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("bench_startup needs tmux")
    runs = [one_run(args.semantic) for _ in range(args.runs)]
    print("runs (readable / triage, s):", "  ".join(f"{a:.2f}/{b:.2f}" for a, b in runs))
    print(f"median: articles readable {statistics.median(a for a, _ in runs):.2f} s, "
          f"triage ready {statistics.median(b for _, b in runs):.2f} s "
          f"(--semantic {args.semantic})")


if __name__ == "__main__":
    main()
