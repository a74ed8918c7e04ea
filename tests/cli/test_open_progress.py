"""`open` says at once, on an interactive terminal, that it is reading the articles."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path


def _run_with_terminal_stderr(args: list[str], tmp_path: Path) -> tuple[int, str]:
    master, slave = pty.openpty()
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "crosscheck", *args], stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=slave, env=env, timeout=120)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_reading_is_announced_then_cleared_so_an_error_is_the_one_line_left(
        tmp_path: Path) -> None:
    left = tmp_path / "left.txt"
    left.write_text("The council met on Monday. It approved the plan.\n", encoding="utf-8")
    code, shown = _run_with_terminal_stderr(["open", str(left), str(tmp_path / "gone.txt")],
                                            tmp_path)
    assert code == 2
    assert "crosscheck: reading " in shown
    # What remains on screen after the carriage return and erase is the error alone.
    last_screen_line = shown.split("\r\x1b[K")[-1]
    assert last_screen_line.startswith("crosscheck: error: ") and "gone.txt" in last_screen_line
    assert last_screen_line.count("\n") == 1


def test_without_a_terminal_only_the_error_line_is_printed(tmp_path: Path) -> None:
    left = tmp_path / "left.txt"
    left.write_text("The council met on Monday.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "crosscheck", "open", str(left),
                           str(tmp_path / "gone.txt")], capture_output=True, text=True,
                          env={**os.environ, "CROSSCHECK_DATA_DIR": str(tmp_path / "data")},
                          timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("crosscheck: error: ")
