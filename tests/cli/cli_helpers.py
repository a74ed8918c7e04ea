"""Run the real ``crosscheck`` command and check the promise of the README about bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ARTICLE = ("Ferry to close\n\nThe river council voted to close the old ferry on Tuesday.\n"
           "Seven members backed the plan and two opposed it.\n")
OTHER = ("Council shuts ferry\n\nOn Tuesday the council agreed to shut the ferry.\n"
         "The vote was eight to one.\n")
# Bounds every subprocess: a hang fails the test instead of stalling the suite.
LIMIT_SECONDS = 120


def run(args: Sequence[str | bytes], *, data_dir: Path | None = None, env: dict | None = None,
        stdin: bytes | None = None,
        preexec_fn: Callable[[], None] | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m crosscheck ARGS`` with its own data dir; output kept as bytes."""
    environment = dict(os.environ, **(env or {}))
    if data_dir is not None:
        environment["CROSSCHECK_DATA_DIR"] = str(data_dir)
    environment.setdefault("CROSSCHECK_REVIEWER", "tester")
    # The app, where a command opens it, runs headless: no terminal in a test.
    environment.setdefault("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    return subprocess.run([sys.executable, "-m", "crosscheck", *args], capture_output=True,
                          env=environment, input=stdin, timeout=LIMIT_SECONDS,
                          preexec_fn=preexec_fn)


def assert_one_error_line(result: subprocess.CompletedProcess[bytes],
                          needle: str = "") -> str:
    """Exit status 2 and exactly one stderr line ``crosscheck: error: ...``; return it."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, (result.returncode, stderr[-2000:])
    assert "Traceback" not in stderr, stderr[-2000:]
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("crosscheck: error: "), lines[0]
    assert needle in lines[0], (needle, lines[0])
    return lines[0]


def assert_no_terminal_controls(data: bytes) -> None:
    """Nothing a terminal would act on: no ESC, BEL, C1 controls or bidi controls."""
    text = data.decode("utf-8")
    for char in text:
        code = ord(char)
        assert code >= 32 or char in "\n\t", repr(char)
        assert not 0x7F <= code < 0xA0, repr(char)
        assert not (0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069), repr(char)


def write_pair(directory: Path) -> tuple[Path, Path]:
    """Two small articles on disk."""
    left, right = directory / "left.txt", directory / "right.txt"
    left.write_text(ARTICLE, encoding="utf-8")
    right.write_text(OTHER, encoding="utf-8")
    return left, right
