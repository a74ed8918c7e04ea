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
from crosscheck.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate, tables_at

DB_NAME = "crosscheck.db"
BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_READONLY, SQLITE_CANTOPEN = 8, 14


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
        return check_reviewer(name, "$CROSSCHECK_REVIEWER")
    try:
        return check_reviewer(getpass.getuser() or "reviewer", "the login name")
    except (OSError, KeyError):
        return "reviewer"


def check_reviewer(name: str, origin: str) -> str:
    """``name`` if it can be a reviewer: valid UTF-8 (argv and the environment may hold
    undecodable bytes as surrogates, which SQLite cannot store) and free of control codes."""
    if any("\ud800" <= ch <= "\udfff" for ch in name):
        raise StoreError(f"{origin}: the reviewer name is not valid UTF-8")
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in name):
        raise StoreError(f"{origin}: the reviewer name contains control characters")
    return name


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path``, migrated to the latest schema."""
    exists = path.exists()
    if exists:
        _check_existing(path)
    else:
        _prepare_dir(path.parent)
    if exists and not _writable(path):
        return _connect_read_only(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the verdict database ({exc})") from None
    try:
        _set_up(conn)
    except sqlite3.Error as exc:
        conn.close()
        if exists and _error_code(exc) in (SQLITE_READONLY, SQLITE_CANTOPEN):
            return _connect_read_only(path)  # a read-only mount os.access did not see
        raise StoreError(f"{path}: cannot use the verdict database ({exc})") from None
    return conn


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A healthy database we may not write (read-only file or filesystem): reading works, and
    each write fails with SQLITE_READONLY, which the store reports as one line."""
    conn = _open_read_only(path, check_same_thread=False)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: cannot read the verdict database ({exc})") from None
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path}: read-only, and made by an older crosscheck (schema "
                         f"{version}); make it writable once so it can be upgraded")
    return conn


def _open_read_only(path: Path, **options: object) -> sqlite3.Connection:
    """A ``mode=ro`` connection; ``immutable`` when the directory is read-only too.

    A WAL database needs its ``-shm`` file even to read; where that cannot be created (a
    read-only mount) SQLite says "unable to open database file", which is not damage.
    """
    base = f"{path.resolve().as_uri()}?mode=ro"
    for uri in (base, f"{base}&immutable=1"):
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, **options)  # type: ignore[arg-type]
        try:
            conn.execute("PRAGMA user_version").fetchone()
            return conn
        except sqlite3.DatabaseError as exc:
            conn.close()
            if _error_code(exc) == SQLITE_CANTOPEN and not os.access(path.parent, os.W_OK):
                continue
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreError(f"{path}: cannot open the verdict database ({exc})") from None
            raise StoreError(f"{path}: damaged crosscheck database ({exc}); "
                             "move it away or set CROSSCHECK_DATA_DIR") from None
    raise StoreError(f"{path}: cannot open the verdict database read-only")


def _writable(path: Path) -> bool:
    # WAL mode creates -wal and -shm files beside the database, so the directory counts too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _error_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code (the extended code's low byte), or -1."""
    code = getattr(exc, "sqlite_errorcode", None)
    return -1 if code is None else code & 0xFF


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
        # SQLite rolls back by itself after some errors (a full disk); a second ROLLBACK
        # would fail and hide the real error.
        if conn.in_transaction:
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
    _refuse_newer_by_header(path, header)
    app_id, version, objects = _read_only_facts(path)
    if app_id == 0 and version == 0 and not objects:
        return
    if app_id != APPLICATION_ID:
        raise StoreError(f"{path}: belongs to another application, not crosscheck; "
                         "move it away or set CROSSCHECK_DATA_DIR")
    if version > SCHEMA_VERSION:
        raise StoreError(_newer_message(path, version))
    missing = sorted(tables_at(version) - {name for kind, name in objects if kind == "table"})
    if missing:
        raise StoreError(f"{path}: damaged crosscheck database (table {', '.join(missing)} "
                         "missing); move it away or set CROSSCHECK_DATA_DIR")


def _refuse_newer_by_header(path: Path, header: bytes) -> None:
    """Refuse a database a newer crosscheck made, from its header alone when that is current.

    Even a read-only SQLite handle on a WAL database creates its ``-wal`` and ``-shm`` files;
    a newer version's database should be left exactly as it was. With no WAL content pending,
    the header's ``user_version`` (offset 60) and ``application_id`` (offset 68) are the truth.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # the header may be stale: ask SQLite (_read_only_facts)
    version = int.from_bytes(header[60:64], "big")
    if int.from_bytes(header[68:72], "big") == APPLICATION_ID and version > SCHEMA_VERSION:
        raise StoreError(_newer_message(path, version))


def _newer_message(path: Path, version: int) -> str:
    return (f"{path}: made by a newer crosscheck (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade crosscheck")


def _read_only_facts(path: Path) -> tuple[int, int, list[tuple[str, str]]]:
    """``application_id``, ``user_version`` and every schema object as ``(type, name)``.

    Every object counts, not only tables: a foreign file holding only a view is not empty.
    """
    # The header bytes can be stale in WAL mode, so ask SQLite through a read-only handle.
    conn = _open_read_only(path)
    try:
        # One read transaction, so all three facts come from the same snapshot even while
        # another process is creating the schema (separate reads could see tables but no id).
        conn.execute("BEGIN")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = [(str(r[0]), str(r[1])) for r in
                   conn.execute("SELECT type, name FROM sqlite_master")]
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: damaged crosscheck database ({exc}); "
                         "move it away or set CROSSCHECK_DATA_DIR") from None
    finally:
        conn.close()
    return app_id, version, objects
