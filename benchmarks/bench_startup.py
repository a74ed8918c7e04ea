"""Wall time from launching crosscheck to its first usable screens, in a real terminal.

Run: python benchmarks/bench_startup.py [--runs 5] [--semantic auto] [--pair N] [--keys N]
Starts the installed `crosscheck demo` (or, with --pair N, `crosscheck open` on two articles
of N real news sentences each, see real_data.py) under tmux (160x48) with a fresh data
directory and polls the screen every 10 ms for three moments: "first", anything on screen
(the progress line `open` prints while it reads); "readable", both articles on screen to read
and scroll (the analysis may still be running in the worker); and "triage", the queue's
progress line ("0 of N reviewed") showing that the analysis is loaded and every key works.
Prints each run and the medians. Needs tmux.

--keys N: once the articles are readable, press ``?`` up to N times while the analysis runs
(it opens the help, then closes it, ...) and time each key to the screen showing its effect,
polling every 10 ms; then N more with the app idle, for the floor (tmux and the polling).
Prints p50/p95 of each: "analysing" counts only keys answered before the queue was ready.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The queue's progress line ("0 of 12 reviewed"); the help also says "reviewed".
READY = re.compile(r"\d of [\d,]+ reviewed")
HELP = "Crosscheck help (escape closes)"
# The first words of each bundled demo article's lead sentence.
READABLE = ("government of Marestan has asked", "A senior official at the Ministry")


def capture(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                          capture_output=True, text=True).stdout


def key_latencies(session: str, count: int, *, analysing: bool) -> list[float]:
    """Seconds from each ``?`` to the help showing (or gone). ``analysing``: keys answered
    while the analysis runs only; the help can hide the queue's progress line, so an open and
    its close count as a pair, or not at all if the queue was ready when the help closed."""
    latencies: list[float] = []
    for _ in range((count + 1) // 2):
        pair = [press_and_wait(session, opening) for opening in (True, False)]
        if analysing and any(READY.search(screen) for _, screen in pair):
            break  # the analysis is in: these keys may have waited for its loading
        latencies += [elapsed for elapsed, _ in pair]
    return latencies


def press_and_wait(session: str, opening: bool) -> tuple[float, str]:
    """Press ``?``; the seconds until the help is shown (``opening``) or gone, and the screen."""
    sent = time.perf_counter()
    subprocess.run(["tmux", "send-keys", "-t", session, "?"], check=True)
    while True:
        screen = capture(session)
        if (HELP in screen) == opening:
            break
        if time.perf_counter() - sent > 30:
            raise TimeoutError("a key was not answered in 30 s")
        time.sleep(0.01)  # a capture costs a process: poll slower, leave the app the CPU
    elapsed = time.perf_counter() - sent
    time.sleep(0.05)  # a person's pace between keys
    return elapsed, screen


def one_run(semantic: str, articles: tuple[str, str] | None,
            readable_texts: tuple[str, ...], keys: int = 0,
            latencies: dict[str, list[float]] | None = None) -> tuple[float, float, float]:
    session = f"cc-startup-{os.getpid()}"
    crosscheck = str(Path(sys.executable).with_name("crosscheck"))
    what = f"open {articles[0]} {articles[1]}" if articles else "demo"
    with tempfile.TemporaryDirectory() as data:
        command = f"CROSSCHECK_DATA_DIR={data} {crosscheck} {what} --semantic {semantic}"
        for attempt in range(3):  # the last run's server may still be exiting: try again
            start = time.perf_counter()
            started = subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160",
                                      "-y", "48", command], capture_output=True)
            if started.returncode == 0:
                break
            if attempt == 2:
                raise RuntimeError(f"tmux would not start: {started.stderr.decode().strip()}")
            time.sleep(0.5)
        first = readable = None
        budget = 120.0  # seconds to wait for the screens, plus the time spent pressing keys
        try:
            while time.perf_counter() - start < budget:
                screen = capture(session)
                now = time.perf_counter() - start
                if first is None and screen.strip():
                    first = now
                if readable is None and all(text in screen for text in readable_texts):
                    readable = now
                    if keys and not READY.search(screen) and latencies is not None:
                        pressed = time.perf_counter()
                        latencies["analysing"] += key_latencies(session, keys, analysing=True)
                        budget += time.perf_counter() - pressed
                        continue
                if READY.search(screen):
                    if keys and latencies is not None:  # the same keys, the app idle
                        latencies["idle"] += key_latencies(session, keys, analysing=False)
                    return first or now, readable or now, now
                time.sleep(0.01)
            raise TimeoutError(f"crosscheck did not become usable in {budget:.0f} s; "
                               f"last screen:\n{screen}")
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--semantic", default="auto")
    parser.add_argument("--pair", type=int, default=0,
                        help="open two real articles of this many sentences instead of the demo")
    parser.add_argument("--keys", type=int, default=0,
                        help="press ? this many times while the analysis runs, time each")
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
        latencies: dict[str, list[float]] = {"analysing": [], "idle": []}
        runs = [one_run(args.semantic, articles, texts, args.keys, latencies)
                for _ in range(args.runs)]
    print("runs (first / readable / triage, s):",
          "  ".join(f"{a:.2f}/{b:.2f}/{c:.2f}" for a, b, c in runs))
    print(f"median: first text {statistics.median(r[0] for r in runs):.2f} s, articles "
          f"readable {statistics.median(r[1] for r in runs):.2f} s, triage ready "
          f"{statistics.median(r[2] for r in runs):.2f} s (--semantic {args.semantic}"
          f"{f', 2 x {args.pair} sentences' if args.pair else ', demo'})")
    if args.keys:
        for moment, times in latencies.items():
            print(f"key to screen, {moment}: {_percentiles(times)}")


def _percentiles(times: list[float]) -> str:
    if len(times) < 2:
        return f"{len(times)} keys, too few to tell"
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
    return (f"p50 {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms ({len(times)} keys)")


if __name__ == "__main__":
    main()
