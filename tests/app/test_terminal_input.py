"""The app's keyboard is the terminal: an article piped on stdin leaves the keys working, and a
byte that is not UTF-8 is shown as a replacement, never a crash (issue 21, items 9 and 10)."""

from __future__ import annotations

import codecs
import os
import shlex
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_end_to_end import LEFT, RIGHT, tmux, wait_for

from crosscheck.app.terminal_input import keys_from_terminal, lenient_keyboard
from crosscheck.errors import CrosscheckError

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _articles(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    return left, right


@contextmanager
def _app_in_tmux(tmp_path: Path, shell_command: str) -> Iterator[str]:
    """The app under tmux, its queue ready; on leaving, ``q`` must end it with status 0 and
    no traceback left on the screen (Textual draws on stderr, so it stays the terminal)."""
    session = f"cc-keys-{uuid.uuid4().hex[:8]}"
    status = tmp_path / "status"
    wrapped = f"{shell_command}; echo $? > {shlex.quote(str(status))}; sleep 30"
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "48",
         "env", f"CROSSCHECK_DATA_DIR={tmp_path / 'data'}", "TERM=xterm-256color",
         "sh", "-c", wrapped)
    try:
        wait_for(session, "reviewed")
        yield session
        tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not status.exists():
            time.sleep(0.2)
        assert status.exists() and status.read_text().strip() == "0"
        assert "Traceback" not in tmux("capture-pane", "-p", "-t", session)
    finally:
        tmux("kill-session", "-t", session)


@pytest.mark.slow
@needs_tmux
def test_an_article_piped_on_stdin_leaves_the_keys_working(tmp_path: Path) -> None:
    left, right = _articles(tmp_path)
    command = (f"cat {shlex.quote(str(left))} | {shlex.quote(sys.executable)} -m crosscheck "
               f"- {shlex.quote(str(right))} --reviewer keys")
    with _app_in_tmux(tmp_path, command) as session:
        tmux("send-keys", "-t", session, "c")
        wait_for(session, "1 of ")  # the verdict key reached the app


@pytest.mark.slow
@needs_tmux
def test_a_byte_that_is_not_utf8_on_the_keyboard_is_not_a_crash(tmp_path: Path) -> None:
    left, right = _articles(tmp_path)
    command = (f"{shlex.quote(sys.executable)} -m crosscheck {shlex.quote(str(left))} "
               f"{shlex.quote(str(right))} --reviewer keys")
    with _app_in_tmux(tmp_path, command) as session:
        tmux("send-keys", "-t", session, "e")  # the note editor
        wait_for(session, "ctrl+s")
        tmux("send-keys", "-t", session, "-l", "caf")
        tmux("send-keys", "-t", session, "-H", "e9")  # Latin-1 "é": not UTF-8
        tmux("send-keys", "-t", session, "-l", "s ok")
        screen = wait_for(session, "s ok")
        assert "caf\N{REPLACEMENT CHARACTER}s ok" in screen
        tmux("send-keys", "-t", session, "C-s")
        wait_for(session, "reviewed")


def test_no_terminal_for_the_keys_is_the_one_error_line(tmp_path: Path) -> None:
    read, write = os.pipe()
    saved = os.dup(0)
    try:
        os.dup2(read, 0)
        with pytest.raises(CrosscheckError, match="needs a terminal"):
            keys_from_terminal(("-", "right.txt"), terminal=str(tmp_path / "no-tty"))
    finally:
        os.dup2(saved, 0)
        for fd in (read, write, saved):
            os.close(fd)


def test_textuals_keyboard_decoder_replaces_a_bad_byte() -> None:
    from textual.drivers import linux_driver

    lenient_keyboard()
    decode = linux_driver.getincrementaldecoder("utf-8")().decode
    assert decode(b"caf\xe9s", final=True) == "caf\N{REPLACEMENT CHARACTER}s"
    assert codecs.getincrementaldecoder("utf-8")().errors == "strict"  # nothing else changed
