"""The store commands run for real in a subprocess, against a database a test has prepared."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from store_fixtures import FixedClock, make_analysis

from crosscheck.store import VerdictStore

LIMIT_SECONDS = 120  # a hang fails the test instead of stalling the suite
HEADLESS = "textual.drivers.headless_driver:HeadlessDriver"


def crosscheck(args: Sequence[str], data_dir: Path, *, prefix: Sequence[str] = (),
               code: str | None = None,
               preexec_fn: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m crosscheck ARGS`` (or ``python -c CODE ARGS``, for injected faults)."""
    env = dict(os.environ, CROSSCHECK_DATA_DIR=str(data_dir), CROSSCHECK_REVIEWER="tester",
               TEXTUAL_DRIVER=HEADLESS)
    program = ["-c", code, *args] if code is not None else ["-m", "crosscheck", *args]
    return subprocess.run([*prefix, sys.executable, *program], capture_output=True, text=True,
                          env=env, timeout=LIMIT_SECONDS, preexec_fn=preexec_fn)


def assert_one_error_line(result: subprocess.CompletedProcess[str], needle: str = "") -> str:
    """Exit status 2 and exactly one stderr line ``crosscheck: error: ...``; return it."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error: "), result.stderr
    assert needle in lines[0], (needle, lines[0])
    return lines[0]


def populated_database(data_dir: Path, reviewers: int = 40) -> Path:
    """A database with one comparison and a verdict and a long note from each reviewer."""
    path = data_dir / "crosscheck.db"
    with VerdictStore.open(path, clock=FixedClock()) as store:
        cmp = store.open_comparison(make_analysis())
        for number in range(reviewers):
            name = f"rev{number}"
            store.set_verdict(cmp.id, "L0~R0", "consistent", name)
            store.set_note(cmp.id, "L1~R1", f"note {number} " + "x" * 1500, name)
    return path


def files_of(directory: Path) -> dict[str, bytes]:
    """Every file in ``directory`` with its bytes, to prove a command changed nothing."""
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def read_only_prefix(directory: Path) -> list[str] | None:
    """A command prefix that runs the rest on a read-only bind mount of ``directory``.

    Root ignores file permissions, so only a read-only mount (in a private mount namespace,
    undone when the command ends) shows what a read-only filesystem does. None if unavailable.
    """
    if shutil.which("unshare") is None:
        return None
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    prefix = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script,
              str(directory)]
    try:
        probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return prefix if probe.returncode == 0 else None
