"""The keyboard the app reads: the terminal itself, decoded leniently.

Two ways a terminal session used to end badly (issue 21):
- ``cat L | crosscheck - R``: the article arrives on standard input, so standard input is
  a spent pipe when Textual starts reading keys from it, and only ctrl+c leaves. Once the
  article is read, the controlling terminal takes its place as file descriptor 0.
- A byte that is not UTF-8 (an "é" typed in a Latin-1 terminal, a raw paste) made Textual's
  input thread raise in its strict UTF-8 decoder: a traceback, exit status 0 and the note
  being typed lost. The decoder Textual's Linux driver builds now replaces such a byte with
  U+FFFD, which the note shows and the user can delete.
"""

from __future__ import annotations

import codecs
import functools
import os

from crosscheck.errors import CrosscheckError

TERMINAL = "/dev/tty"


def keys_from_terminal(inputs: tuple[str, ...], terminal: str = TERMINAL) -> None:
    """Make the terminal the app's keyboard where an input was read from standard input.

    Raises ``CrosscheckError`` (the one error line) when there is no terminal to read keys
    from: the review cannot be driven, and ``analyze`` is the command for a pipe.
    """
    if "-" not in inputs or os.isatty(0):
        return
    try:
        fd = os.open(terminal, os.O_RDWR | os.O_NOCTTY)
    except OSError:
        raise CrosscheckError("the review needs a terminal for its keys; with an article on "
                              "stdin and no terminal, use `crosscheck analyze`") from None
    try:
        # Textual reads keys from sys.__stdin__'s descriptor, 0, which now is the terminal.
        os.dup2(fd, 0)
    finally:
        os.close(fd)


def lenient_keyboard() -> None:
    """Have Textual's Linux driver decode keyboard bytes with ``errors="replace"``.

    The driver builds its decoder with the module-level ``getincrementaldecoder`` inside its
    input thread; wrapping that one name is the smallest change that reaches it (idempotent).
    """
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not a POSIX terminal: Textual's other drivers decode on their own
        return
    if getattr(linux_driver.getincrementaldecoder, "lenient", False):
        return
    linux_driver.getincrementaldecoder = _lenient_decoder


def _lenient_decoder(encoding: str):
    return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")


_lenient_decoder.lenient = True  # type: ignore[attr-defined]
