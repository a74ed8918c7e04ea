"""Opening the database: pragmas, migrations, foreign or damaged files, unwritable dirs."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from old_schemas import OLD_SCHEMAS

from crosscheck.store import StoreError, VerdictStore, default_db_path
from crosscheck.store.schema import APPLICATION_ID, SCHEMA_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_uses_wal_foreign_keys_and_latest_schema(store: VerdictStore) -> None:
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_data_dir_comes_from_environment_when_used(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSCHECK_DATA_DIR", str(tmp_path / "elsewhere"))
    with VerdictStore.open() as opened:
        assert opened.path == tmp_path / "elsewhere" / "crosscheck.db"
    assert default_db_path().exists()


def test_importing_the_store_creates_no_files(tmp_path: Path) -> None:
    env = {**os.environ, "CROSSCHECK_DATA_DIR": str(tmp_path / "never"), "HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-c", "import crosscheck.store, crosscheck.cli_store"],
                   env=env, check=True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_database_made_by_an_older_schema_is_migrated_with_its_verdicts(
        tmp_path: Path, analysis, version: int) -> None:
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    for script in OLD_SCHEMAS[:version]:
        old.executescript(script)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    old.execute("INSERT INTO comparisons (left_sha256, right_sha256, left_source, right_source, "
                "created) VALUES (?, ?, 'l.txt', 'r.txt', '2024-01-01T00:00:00.000Z')",
                (analysis.left.sha256, analysis.right.sha256))
    old.execute("INSERT INTO items (comparison_id, key, kind, ordinal, left_ids, right_ids, "
                "machine, left_selector, right_selector) VALUES (1, 'L2~R3', 'link', 0, "
                "'[\"L2\"]', '[\"R3\"]', '{}', NULL, NULL)")
    old.execute("INSERT INTO events (item_id, reviewer, action, verdict, note, machine, created,"
                " at) VALUES (1, 'ann', 'set', 'consistent', 'checked', '{}', "
                "'2024-01-01T00:00:01.000Z', '2024-01-01T00:00:01.000Z')")
    old.commit()
    old.close()

    with VerdictStore.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        cmp = store.open_comparison(analysis)
        assert store.verdicts(cmp.id, "ann")["L2~R3"].note == "checked"
        store.save_position(cmp.id, "ann", "L2~R3")  # the table version 2 added
        assert store.position(cmp.id, "ann") == "L2~R3"
        store.set_verdict(cmp.id, "L2~R3", "not_claim", "bob")  # the verdict version 4 added
        assert store.verdicts(cmp.id, "bob")["L2~R3"].verdict == "not_claim"
        store.set_verdict(cmp.id, "L2~R3", "not_conflict", "bob")  # and one version 5 added
        assert store.verdicts(cmp.id, "bob")["L2~R3"].verdict == "not_conflict"


def test_version_4_rebuilds_events_keeping_every_event_and_undo_link(tmp_path: Path,
                                                                       analysis) -> None:
    path = tmp_path / "v3.db"
    old = sqlite3.connect(path)
    for script in OLD_SCHEMAS[:3]:
        old.executescript(script)
    old.execute("INSERT INTO comparisons (left_sha256, right_sha256, left_source, right_source, "
                "created) VALUES (?, ?, 'l.txt', 'r.txt', '2024-01-01T00:00:00.000Z')",
                (analysis.left.sha256, analysis.right.sha256))
    old.execute("INSERT INTO items (comparison_id, key, kind, ordinal, left_ids, right_ids, "
                "machine) VALUES (1, 'L0~R0', 'link', 0, '[\"L0\"]', '[\"R0\"]', '{}')")
    for verdict, undoes in (("consistent", None), ("contradiction", None), ("consistent", 2)):
        old.execute("INSERT INTO events (item_id, reviewer, action, verdict, machine, at, "
                    "undoes) VALUES (1, 'ann', ?, ?, '{}', '2024-01-01T00:00:01.000Z', ?)",
                    ("undo" if undoes else "set", verdict, undoes))
    old.commit()
    before = old.execute("SELECT * FROM events ORDER BY id").fetchall()
    old.close()
    with VerdictStore.open(path) as store:
        conn = store.conn
        assert conn.execute("SELECT * FROM events ORDER BY id").fetchall() == before
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE "
                                              "type = 'index' AND tbl_name = 'events'")}
        assert {"events_item_reviewer", "events_reviewer"} <= indexes
        schema = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()
        assert "events_v4" not in schema[0] and "not_claim" in schema[0]
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO events (item_id, reviewer, action, verdict, machine, at) "
                         "VALUES (1, 'ann', 'set', 'bogus', '{}', 'now')")


def _random_bytes(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def _other_app(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    conn.execute("INSERT INTO recipes VALUES ('soup', 30)")
    conn.commit()
    conn.close()


def _truncated_header(path: Path) -> None:
    _other_app(path)
    path.write_bytes(path.read_bytes()[:60])


def _sqlite_header_then_garbage(path: Path) -> None:
    _other_app(path)
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))


def _newer_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("make", "message"), [
    (_random_bytes, "not an SQLite file"),
    (_other_app, "another application"),
    (_truncated_header, "truncated header"),
    (_sqlite_header_then_garbage, "damaged"),
    (_newer_schema, "newer crosscheck"),
])
def test_foreign_or_damaged_file_is_refused_and_left_untouched(tmp_path: Path, make,
                                                               message: str) -> None:
    path = tmp_path / "crosscheck.db"
    make(path)
    before = _digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError, match=message) as caught:
        VerdictStore.open(path)
    assert "\n" not in str(caught.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_empty_file_is_taken_as_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "crosscheck.db"
    path.touch()
    with VerdictStore.open(path) as store:
        assert store.comparisons() == []


def test_data_dir_that_cannot_be_created_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot create the data directory .*CROSSCHECK_DATA_DIR"):
        VerdictStore.open(blocker / "data" / "crosscheck.db")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_data_dir_gives_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="not writable"):
            VerdictStore.open(locked / "crosscheck.db")
    finally:
        locked.chmod(0o700)


def test_database_path_that_is_a_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "crosscheck.db").mkdir()
    with pytest.raises(StoreError, match="is not a file"):
        VerdictStore.open(tmp_path / "crosscheck.db")
