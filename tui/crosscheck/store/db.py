"""The connection: where the file lives, checks before touching it, pragmas, transactions.

A file at the database path is inspected read-only first (magic bytes, then a ``mode=ro``
connection for ``application_id``, ``user_version`` and tables). Only a file that is ours, or an
empty one, is opened for writing, switched to WAL and migrated; anything else is left
byte-for-byte untouched and reported as a :class:`StoreError`.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crosscheck.errors import CrosscheckError
from crosscheck.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate

DB_NAME = "crosscheck.db"
BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(CrosscheckError):
    """The verdict database cannot be used; the message is one line for the user."""


def data_dir() -> Path:
    """``$CROSSCHECK_DATA_DIR``, else the platform's per-user data directory (resolved now)."""
    override = os.environ.get("CROSSCHECK_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("crosscheck", appauthor=False))


def default_db_path() -> Path:
    """Where the verdict database lives unless a path is given."""
    return data_dir() / DB_NAME


def default_reviewer() -> str:
    """``$CROSSCHECK_REVIEWER``, else the login name, else ``reviewer``."""
    name = os.environ.get("CROSSCHECK_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "reviewer"
    except (OSError, KeyError):
        return "reviewer"


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path``, migrated to the latest schema."""
    if path.exists():
        _check_existing(path)
    else:
        _prepare_dir(path.parent)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the verdict database ({exc})") from None
    try:
        _set_up(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: cannot use the verdict database ({exc})") from None
    return conn


def _set_up(conn: sqlite3.Connection) -> None:
    """Pragmas and migrations, retried while another process is creating the same file.

    Switching a new file to WAL needs an exclusive lock, and SQLite may report "locked" at once
    instead of waiting in the busy handler when another process is checking or creating the
    file at that moment; every step is idempotent, so trying again until the timeout is safe.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            with atomic(conn):
                migrate(conn)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def connect_memory() -> sqlite3.Connection:
    """A migrated in-memory database (tests, previews)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    with atomic(conn):
        migrate(conn)
    return conn


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, committed on exit; ``IMMEDIATE`` so writers queue, not deadlock."""
    if conn.in_transaction:
        yield conn  # nested: the outer block commits
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _prepare_dir(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise StoreError(f"cannot create the data directory {directory} ({reason}); "
                         "set CROSSCHECK_DATA_DIR to a writable directory") from None
    if not os.access(directory, os.W_OK | os.X_OK):
        raise StoreError(f"the data directory {directory} is not writable; "
                         "set CROSSCHECK_DATA_DIR to a writable directory")


def _check_existing(path: Path) -> None:
    """Raise unless ``path`` is empty or a crosscheck database this version can read."""
    if not path.is_file():
        raise StoreError(f"{path}: is not a file, expected the crosscheck verdict database")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the verdict database ({exc.strerror})") from None
    if not header:
        return  # an empty file is an empty SQLite database
    if not header.startswith(SQLITE_MAGIC):
        raise StoreError(f"{path}: not a crosscheck database (not an SQLite file); "
                         "move it away or set CROSSCHECK_DATA_DIR")
    if len(header) < 100:
        raise StoreError(f"{path}: damaged crosscheck database (truncated header); "
                         "move it away or set CROSSCHECK_DATA_DIR")
    app_id, version, tables = _read_only_facts(path)
    if app_id == 0 and version == 0 and not tables:
        return
    if app_id != APPLICATION_ID:
        raise StoreError(f"{path}: belongs to another application, not crosscheck; "
                         "move it away or set CROSSCHECK_DATA_DIR")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: made by a newer crosscheck (schema {version}, this one "
                         f"reads up to {SCHEMA_VERSION}); upgrade crosscheck")


def _read_only_facts(path: Path) -> tuple[int, int, list[str]]:
    # The header bytes can be stale in WAL mode, so ask SQLite through a read-only handle.
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the verdict database ({exc})") from None
    try:
        # One read transaction, so all three facts come from the same snapshot even while
        # another process is creating the schema (separate reads could see tables but no id).
        conn.execute("BEGIN")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: damaged crosscheck database ({exc}); "
                         "move it away or set CROSSCHECK_DATA_DIR") from None
    finally:
        conn.close()
    return app_id, version, tables
