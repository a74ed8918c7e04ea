"""End to end: the real command in tmux, verdict keys, SIGKILL, then `crosscheck export`."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

LEFT = ("Harbor council approves new ferry terminal.\n\n"
        "The vote passed 7 to 2 on Tuesday night. Construction would begin in March.\n")
RIGHT = ("Harbor council approves new ferry terminal.\n\n"
         "Council members voted 7-2 on Tuesday evening. Construction will begin in June.\n")


def tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=10)
    return done.stdout


def wait_for(session: str, text: str, seconds: float = 20.0) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; last screen:\n{screen}")


def test_verdicts_survive_sigkill_and_reach_export(tmp_path: Path) -> None:
    if shutil.which("tmux") is None:
        print("SKIP REASON: tmux is not installed; the end-to-end test drives a real terminal")
        pytest.skip("tmux is not installed")
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color"}
    command = " ".join(shlex.quote(part) for part in (
        "exec", "env", f"CROSSCHECK_DATA_DIR={env['CROSSCHECK_DATA_DIR']}", "TERM=xterm-256color",
        sys.executable, "-m", "crosscheck", str(left), str(right), "--reviewer", "e2e"))
    session = f"cc-e2e-{uuid.uuid4().hex[:8]}"
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "48", command)
    try:
        wait_for(session, "of ")
        wait_for(session, "reviewed")
        tmux("send-keys", "-t", session, "c")
        wait_for(session, "1 of ")
        tmux("send-keys", "-t", session, "a")
        wait_for(session, "2 of ")
        pid = int(tmux("list-panes", "-t", session, "-F", "#{pane_pid}").split()[0])
        os.kill(pid, signal.SIGKILL)
    finally:
        tmux("kill-session", "-t", session)
    exported = subprocess.run([sys.executable, "-m", "crosscheck", "export", "--format", "jsonl"],
                              capture_output=True, text=True, env=env, timeout=60, check=True)
    records = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
    verdicts = sorted(r["verdict"] for r in records if r["reviewer"] == "e2e")
    assert verdicts == ["consistent", "contradiction"]
