"""Crash safety and concurrency with real processes on a real database file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from store_fixtures import make_analysis

from crosscheck.store import VerdictStore

HERE = Path(__file__).parent

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {here!r})
    from store_fixtures import make_analysis
    from crosscheck.store import VerdictStore, VERDICTS

    store = VerdictStore.open({db!r})
    cmp = store.open_comparison(make_analysis())
    keys = [item.key for item in cmp.items]
    for n in range({count}):
        store.set_verdict(cmp.id, keys[n % len(keys)], VERDICTS[n % 4], {reviewer!r})
        store.set_note(cmp.id, keys[n % len(keys)], "note %d" % n, {reviewer!r})
        print("saved", n, flush=True)
""")


def _writer(db: Path, reviewer: str, count: int) -> list[str]:
    code = WRITER.format(here=str(HERE), db=str(db), count=count, reviewer=reviewer)
    return [sys.executable, "-c", code]


def test_kill_9_mid_review_loses_nothing_shown_as_saved(tmp_path: Path) -> None:
    db = tmp_path / "crosscheck.db"
    proc = subprocess.Popen(_writer(db, "ann", 100_000), stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    saved = -1
    for line in proc.stdout:
        saved = int(line.split()[1])
        if saved >= 40:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with VerdictStore.open(db) as store:
        cmp = store.open_comparison(make_analysis())
        current = store.verdicts(cmp.id, "ann")
        notes = {int(r.note.split()[1]) for r in current.values()}
    # Every item's latest saved note is at least the last one printed for that item.
    keys = [item.key for item in cmp.items]
    for n in range(saved - len(keys) + 1, saved + 1):
        assert int(current[keys[n % len(keys)]].note.split()[1]) >= n
    assert max(notes) >= saved


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "crosscheck.db"
    procs = [subprocess.Popen(_writer(db, name, 150), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in ("ann", "bob")]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], [err for _, err in outputs]
    with VerdictStore.open(db) as store:
        cmp = store.open_comparison(make_analysis())
        for name in ("ann", "bob"):
            assert len(store.verdicts(cmp.id, name)) == len(cmp.items)
        events = store.conn.execute("SELECT reviewer, COUNT(*) FROM events GROUP BY reviewer")
        assert dict(events.fetchall()) == {"ann": 300, "bob": 300}


OPENER = ("import sys; from crosscheck.store import VerdictStore; "
          "VerdictStore.open(sys.argv[1]).close()")


def test_processes_creating_the_database_at_once_all_succeed(tmp_path: Path) -> None:
    # Several windows opened at the same moment on a fresh machine: the first creates the file,
    # the others must wait for it rather than call it locked or someone else's.
    failures = []
    for round_ in range(8):
        db = tmp_path / f"round{round_}" / "crosscheck.db"
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(db)],
                                  stderr=subprocess.PIPE, text=True) for _ in range(6)]
        failures += [err for proc in procs if (err := proc.communicate(timeout=60)[1])
                     and proc.returncode]
    assert failures == []


def test_opening_waits_for_another_process_holding_a_new_file(tmp_path: Path) -> None:
    # The moment another process has just created the file and holds its write lock: switching
    # to WAL reports "locked" at once instead of waiting, so opening must wait for it instead.
    import sqlite3
    import threading

    db = tmp_path / "crosscheck.db"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, holder.execute, ("COMMIT",))
    release.start()
    try:
        VerdictStore.open(db).close()
    finally:
        release.join()
        holder.close()
