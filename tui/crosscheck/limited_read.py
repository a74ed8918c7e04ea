"""Read a file the user named, counting the bytes actually read and bounded in time.

``stat`` says nothing true about devices and pipes (``/dev/zero`` reports size 0 and never
ends; a FIFO with no writer blocks ``open`` forever), so the cap is applied to what is read,
and the file is opened non-blocking so that waiting for a pipe's writer has a deadline.
"""

from __future__ import annotations

import errno
import os
import select
import stat
import time

from crosscheck.errors import CrosscheckError

CHUNK = 1 << 16
DEFAULT_WAIT_SECONDS = 30.0


def read_limited(path: str, *, max_bytes: int, wait: float = DEFAULT_WAIT_SECONDS,
                 hint: str = "--max-bytes") -> bytes:
    """The bytes of ``path``; more than ``max_bytes`` or no end within ``wait`` s raises."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise CrosscheckError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CrosscheckError(f"{path}: is a directory, expected a file") from None
    except PermissionError:
        raise CrosscheckError(f"{path}: permission denied") from None
    except OSError as exc:
        raise CrosscheckError(f"{path}: cannot open ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise CrosscheckError(f"{path}: is a directory, expected a file")
        deadline = time.monotonic() + wait
        if stat.S_ISFIFO(mode):
            # A FIFO opened non-blocking reads as empty until a writer comes: wait for one
            # (select reports it readable once a writer has written or come and gone).
            _wait_readable(fd, path, deadline)
        return _read_fd(fd, path, max_bytes, deadline, hint)
    finally:
        os.close(fd)


def _read_fd(fd: int, path: str, max_bytes: int, deadline: float, hint: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        try:
            chunk = os.read(fd, min(CHUNK, max_bytes + 1 - total))
        except BlockingIOError:
            _wait_readable(fd, path, deadline)
            continue
        except OSError as exc:
            if exc.errno == errno.EINTR:
                continue
            raise CrosscheckError(f"{path}: cannot read ({exc.strerror})") from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        # A device that never ends (/dev/urandom) is refused by the size check below;
        # one that drips slowly is refused here.
        if time.monotonic() > deadline:
            _too_slow(path)
    raise CrosscheckError(f"{path}: larger than the {max_bytes}-byte limit ({hint})")


def _wait_readable(fd: int, path: str, deadline: float) -> None:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        _too_slow(path)
    ready, _, _ = select.select([fd], [], [], remaining)
    if not ready and time.monotonic() >= deadline:
        _too_slow(path)


def _too_slow(path: str) -> None:
    raise CrosscheckError(f"{path}: input did not end in time (a pipe or device without a "
                          "writer?) (--timeout)")
