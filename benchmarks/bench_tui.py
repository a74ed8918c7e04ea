"""TUI benchmark: Pilot key presses on a 2 x 5,000-sentence pair, timed to the repaint.

Run: ``/work/venv/bin/python benchmarks/bench_tui.py [--sentences 5000] [--presses 200]``.
Prints p50/p95/max per key and overall, time to the first interactive screen, and peak RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "app"))

from app_fixtures import big_analysis  # noqa: E402

from crosscheck.app import make_app  # noqa: E402

SIZE = (160, 48)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def timed_presses(pilot, keys: list[str]) -> list[float]:
    """CPU milliseconds from each key press to the end of the repaint it caused.

    CPU time, not wall time: Pilot sleeps while it waits for idle, which a real terminal
    session does not do. The app runs on this one thread, so CPU time is its work.
    """
    times = []
    for key in keys:
        start = time.process_time()
        await pilot.press(key)
        await pilot.pause()
        times.append((time.process_time() - start) * 1000)
    return times


async def run(sentences: int, presses: int, data_dir: Path) -> None:
    analysis = big_analysis(sentences)
    start = time.perf_counter()
    app = make_app(None, None, reviewer="bench", nli=None, store_path=data_dir / "bench.db",
                   analysis=analysis)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ready = (time.perf_counter() - start) * 1000
        plan = {
            "j (next)": ["j"] * presses,
            "k (prev)": ["k"] * (presses // 2),
            "n (next unreviewed)": ["n"] * (presses // 2),
            "a (verdict + advance)": ["a"] * (presses // 2),
            "ctrl+z (undo)": ["ctrl+z"] * (presses // 4),
            "f (filter cycle)": ["f"] * 10,
            "x (unbound: Pilot floor)": ["x"] * (presses // 4),
            "pagedown (scroll pane)": ["pagedown"] * (presses // 4),
        }
        for label, keys in plan.items():
            results[label] = await timed_presses(pilot, keys)
    print(f"pair: 2 x {sentences} sentences, {len(analysis.links)} links; terminal {SIZE}")
    print(f"first interactive screen (store + model + first paint): {ready:.0f} ms")
    print(f"{'key':<26}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    every: list[float] = []
    for label, times in results.items():
        every += times
        print(f"{label:<26}{len(times):>5}{statistics.median(times):>9.1f}"
              f"{percentile(times, 0.95):>9.1f}{max(times):>9.1f}")
    print(f"{'all keys':<26}{len(every):>5}{statistics.median(every):>9.1f}"
          f"{percentile(every, 0.95):>9.1f}{max(every):>9.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CROSSCHECK_DATA_DIR"] = tmp
        asyncio.run(run(args.sentences, args.presses, Path(tmp)))


if __name__ == "__main__":
    main()
