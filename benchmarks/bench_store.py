"""Store timings (not a test): ``python benchmarks/bench_store.py`` prints a table."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))

from store_fixtures import make_analysis  # noqa: E402

from crosscheck.store import VerdictStore  # noqa: E402
from crosscheck.store.exports import to_jsonl  # noqa: E402


def _timed(func):
    start = time.perf_counter()
    result = func()
    return result, (time.perf_counter() - start) * 1000


def main() -> None:
    """Time the operations a long review session and a team merge rely on."""
    folder = Path(tempfile.mkdtemp())
    left = [f"Sentence number {i} says the council met on day {i}." for i in range(5000)]
    right = [f"Right sentence {i} reports a vote of {i % 9} to {i % 7}." for i in range(50)]
    analysis = make_analysis(left=left, right=right, links=[])
    store = VerdictStore.open(folder / "a.db")
    cmp, open_ms = _timed(lambda: store.open_comparison(analysis))
    keys = [item.key for item in cmp.items]
    latencies = [_timed(lambda k=k: store.set_verdict(cmp.id, k, "consistent", "ann"))[1]
                 for k in keys[:1000]]
    for key in keys[:5000]:
        store.set_verdict(cmp.id, key, "unsure", "bob")
    for key in keys[1000:5000]:
        store.set_verdict(cmp.id, key, "consistent", "ann")
    records, export_ms = _timed(store.export_records)
    text = to_jsonl(records)
    _, reopen_ms = _timed(lambda: store.open_comparison(analysis))
    fresh = VerdictStore.open(folder / "b.db")
    report, import_ms = _timed(lambda: fresh.import_jsonl(text))
    _, again_ms = _timed(lambda: fresh.import_jsonl(text))
    edited = make_analysis(left=["A new opening line.", *left], right=right, links=[])
    moved, edit_ms = _timed(lambda: store.open_comparison(edited))
    latencies.sort()
    rows = [
        ("set_verdict median / p95 (ms)",
         f"{statistics.median(latencies):.2f} / {latencies[len(latencies) * 95 // 100]:.2f}"),
        ("open new pair, 5050 items (ms)", f"{open_ms:.0f}"),
        (f"reopen with {len(records)} verdicts (ms)", f"{reopen_ms:.0f}"),
        (f"export_records {len(records)} (ms)", f"{export_ms:.0f}"),
        (f"import {report.merged} verdicts, empty DB (ms)", f"{import_ms:.0f}"),
        ("re-import same file, no change (ms)", f"{again_ms:.0f}"),
        (f"edited version: re-anchor {moved.carried} verdicts (ms)", f"{edit_ms:.0f}"),
    ]
    for name, value in rows:
        print(f"{name:<48} {value:>12}")


if __name__ == "__main__":
    main()
