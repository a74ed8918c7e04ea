"""The store boundary: SQLite and disk failures become one-line ``StoreError``s.

Damage beyond the first page, a full disk or a read-only database surface only when a query
touches them, anywhere in the store. Rather than guard each call site, every public method of
``VerdictStore`` is wrapped once (:func:`guard_store_errors`), so a method added later is
covered too, and the CLI and the app see only the project's ``CrosscheckError`` family.
"""

from __future__ import annotations

import errno
import functools
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from crosscheck.store.db import StoreError

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL = 5, 6, 8, 10, 13
_FULL_ERRNOS = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
_MOVE_AWAY = "move it away or set CROSSCHECK_DATA_DIR"

T = TypeVar("T")


class StoreFullError(StoreError):
    """The disk (or the process's file-size limit) is full: nothing was written."""


def translate(exc: BaseException, path: Path | None) -> StoreError | None:
    """The one-line error for a SQLite or OS failure, or None if ``exc`` is something else."""
    where = f"{path}: " if path is not None else ""
    if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
        return StoreFullError(f"{where}the disk is full; nothing was saved ({exc.strerror})")
    if isinstance(exc, json.JSONDecodeError):
        return StoreError(f"{where}damaged crosscheck database (unreadable stored value); "
                          f"{_MOVE_AWAY}")
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    code = _primary_code(exc)
    if code == SQLITE_FULL:
        return StoreFullError(f"{where}the disk is full; nothing was saved ({exc})")
    if code == SQLITE_READONLY:
        return StoreError(f"{where}the verdict database is read-only; nothing was saved")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError(f"{where}the verdict database is busy (another crosscheck is "
                          "writing); try again")
    if code == SQLITE_IOERR:
        return StoreError(f"{where}cannot read or write the verdict database ({exc}); "
                          "nothing was saved")
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(f"{where}the verdict database refused the change ({exc})")
    return StoreError(f"{where}damaged crosscheck database ({exc}); {_MOVE_AWAY}")


def _primary_code(exc: sqlite3.DatabaseError) -> int:
    """SQLite's primary result code; from the message when the error carries none (Python
    code and tests raise ``sqlite3.OperationalError("database or disk is full")`` bare)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF
    message = str(exc)
    for text, number in (("disk is full", SQLITE_FULL), ("readonly", SQLITE_READONLY),
                         ("disk I/O error", SQLITE_IOERR), ("locked", SQLITE_BUSY)):
        if text in message:
            return number
    return -1


def guarded(method: Callable[..., T]) -> Callable[..., T]:
    """``method`` with SQLite and disk failures raised as :class:`StoreError`."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return method(*args, **kwargs)
        except (sqlite3.DatabaseError, OSError, json.JSONDecodeError) as exc:
            error = translate(exc, getattr(args[0], "path", None) if args else None)
            if error is None:
                raise
            raise error from None

    return wrapper


def guard_store_errors(cls: type[T]) -> type[T]:
    """Class decorator: wrap every public method (plain or classmethod) with :func:`guarded`."""
    for name, attr in list(vars(cls).items()):
        if name.startswith("_"):
            continue
        if isinstance(attr, classmethod):
            setattr(cls, name, classmethod(guarded(attr.__func__)))
        elif callable(attr):
            setattr(cls, name, guarded(attr))
    return cls
