"""Where a command's text goes: the terminal (through one sanitising writer), or a file.

``emit`` is the one door to stdout and stderr: every line a command prints passes through it,
so bytes from articles, databases or argv never reach a terminal as control sequences.
``write_output`` never destroys a file: it writes a temporary file beside the target and
renames it into place, and refuses a target that is one of the command's inputs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from typing import TextIO

from crosscheck.errors import CrosscheckError
from crosscheck.textsafe import encodable, terminal_text


def emit(text: str, *, stream: TextIO | None = None, data: bool = False,
         styled: bool = False) -> None:
    """Write ``text`` to ``stream`` (default stdout), made safe for a terminal.

    Messages (``data=False``) are always sanitised. A command's data (a report, an export) is
    sanitised only when it goes to a terminal: piped or redirected, it stays byte-exact.
    ``styled`` data carries its own ANSI styling and has already made its content visible.
    """
    stream = sys.stdout if stream is None else stream
    if not data or (not styled and _is_tty(stream)):
        # A CSV's CRLF line ends are harmless on screen; a lone CR could overwrite a line.
        text = terminal_text(text.replace("\r\n", "\n"))
    try:
        stream.write(encodable(text))
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:  # a redirect onto a full disk, for one
        raise CrosscheckError(f"cannot write the output ({exc.strerror})") from None


def report_width(*, to_terminal: bool) -> int:
    """Columns a report may use: ``$COLUMNS``, else the terminal's width when the report goes
    to one, else 80 (a pipe or a file is read in an editor or a pager of unknown width)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if to_terminal:
        return shutil.get_terminal_size((80, 24)).columns
    return 80


def error_line(message: str) -> None:
    """``crosscheck: error: <message>`` on stderr, on exactly one line."""
    emit(f"crosscheck: error: {terminal_text(message, one_line=True)}\n", stream=sys.stderr)


def write_output(text: str, path: str | None, *, inputs: Iterable[str | os.PathLike] = (),
                 styled: bool = False) -> None:
    """Write ``text`` to ``path`` (bytes as given, no newline translation) or to stdout."""
    if path is None:
        emit(text, data=True, styled=styled)
        return
    refuse_inputs(path, inputs)
    shown = terminal_text(str(path), one_line=True)
    target = os.path.realpath(path)  # through a symlink: update the file it points to
    try:
        if os.path.exists(target) and not stat.S_ISREG(os.stat(target).st_mode):
            _write_in_place(text, target)  # /dev/null, a FIFO: nothing to replace
        else:
            _replace_atomically(text, target)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise CrosscheckError(f"{shown}: cannot write ({reason}); "
                              "an existing file there is unchanged") from None


def refuse_inputs(path: str, inputs: Iterable[str | os.PathLike]) -> None:
    """Raise if ``path`` is one of ``inputs`` (the same file, however spelled or linked)."""
    for source in inputs:
        if _same_file(path, source):
            shown = terminal_text(str(path), one_line=True)
            raise CrosscheckError(f"{shown}: is one of the inputs; choose another output file")


def _replace_atomically(text: str, target: str) -> None:
    directory = os.path.dirname(target) or "."
    mode = _mode_for(target)
    fd, temporary = tempfile.mkstemp(prefix=".crosscheck-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):  # never leave the temporary file behind
            os.unlink(temporary)
        raise


def _write_in_place(text: str, target: str) -> None:
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _mode_for(target: str) -> int:
    """The permissions the file would have had: the old file's, else the umask's default."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)  # the only way to read the umask is to set it; restore at once
        os.umask(mask)
        return 0o666 & ~mask


def _same_file(path: str, source: str | os.PathLike) -> bool:
    source = os.fspath(source)
    if source == "-" or source.startswith(("http://", "https://")):
        return False
    try:
        if os.path.exists(path) and os.path.exists(source):
            return os.path.samefile(path, source)
    except OSError:
        pass
    return os.path.realpath(path) == os.path.realpath(source)


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
