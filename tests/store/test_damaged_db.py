"""Damaged, foreign, read-only and full databases (issue 10), through the real commands.

A damaged file is one error line and exit 2 on every command, and is left as it was; a healthy
one we may not write still serves the read-only commands; a full disk loses nothing saved.
"""

from __future__ import annotations

import random
import re
import resource
import signal
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from store_cli import (
    assert_one_error_line,
    crosscheck,
    files_of,
    populated_database,
    read_only_prefix,
)
from store_fixtures import LEFT, RIGHT

PAGE = 4096
COMMANDS = [["list"], ["export"], ["export", "--format", "csv"],
            ["export", "--format", "markdown"], ["import", "{jsonl}"]]


@pytest.fixture
def team_export(tmp_path: Path) -> Path:
    """A valid JSONL export from another reviewer's store, to import."""
    other = tmp_path / "other"
    populated_database(other, reviewers=40)
    result = crosscheck(["export"], other)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "team.jsonl"
    text = re.sub(r'"reviewer": "rev(\d+)"', r'"reviewer": "colleague\1"', result.stdout)
    path.write_text(text, encoding="utf-8")
    return path


def _run_each(command: list[str], data: Path, team_export: Path):
    return crosscheck([arg.format(jsonl=team_export) for arg in command], data)


def _damage(path: Path, how: Callable[[bytearray], None]) -> None:
    raw = bytearray(path.read_bytes())
    how(raw)
    path.write_bytes(bytes(raw))


def _zero_tail(raw: bytearray) -> None:
    half = len(raw) // 2
    raw[half:] = bytes(len(raw) - half)


def _random_after_first_page(raw: bytearray) -> None:
    noise = random.Random(10)
    raw[PAGE:] = bytes(noise.randrange(256) for _ in range(len(raw) - PAGE))


def _zero_after_first_page(raw: bytearray) -> None:
    raw[PAGE:] = bytes(len(raw) - PAGE)


@pytest.mark.parametrize("how", [_zero_tail, _random_after_first_page, _zero_after_first_page])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:3]))
def test_damage_beyond_the_first_page_is_one_line_and_left_alone(
        tmp_path: Path, team_export: Path, how: Callable, command: list[str]) -> None:
    data = tmp_path / "data"
    _damage(populated_database(data), how)
    before = files_of(data)
    assert_one_error_line(_run_each(command, data, team_export), "damaged")
    assert files_of(data) == before


@pytest.mark.parametrize("page", [2, 5, 13])
def test_random_bytes_over_any_one_page_never_give_a_traceback(tmp_path: Path,
                                                               team_export: Path,
                                                               page: int) -> None:
    data = tmp_path / "data"
    path = populated_database(data)
    noise = random.Random(page)

    def scribble(raw: bytearray) -> None:
        start = (page - 1) * PAGE
        raw[start:start + PAGE] = bytes(noise.randrange(256) for _ in range(PAGE))

    _damage(path, scribble)
    for command in COMMANDS:
        result = _run_each(command, data, team_export)
        if result.returncode != 0:  # the damage may sit in a page this command never reads
            assert_one_error_line(result)


def test_opening_a_pair_over_a_damaged_database_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _damage(populated_database(data), _zero_after_first_page)
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text("\n".join(LEFT) + "\n", encoding="utf-8")
    right.write_text("\n".join(RIGHT) + "\n", encoding="utf-8")
    result = crosscheck(["open", str(left), str(right), "--semantic", "off"], data)
    assert_one_error_line(result, "damaged")


def test_our_database_with_a_table_missing_is_refused_unchanged(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = populated_database(data)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE positions")
    conn.close()
    before = path.read_bytes()
    for command in (["list"], ["export"]):
        assert_one_error_line(crosscheck(command, data), "table positions missing")
    # Only the database itself: SQLite's read-only look at a WAL database may leave the empty
    # -wal and -shm files every reader of such a database uses.
    assert path.read_bytes() == before


def test_a_foreign_database_holding_only_a_view_is_refused_unchanged(tmp_path: Path,
                                                                      team_export: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "crosscheck.db")
    conn.execute("CREATE VIEW answer AS SELECT 42 AS value")
    conn.close()
    before = files_of(data)
    for command in COMMANDS:
        assert_one_error_line(_run_each(command, data, team_export), "another application")
    assert files_of(data) == before


def test_a_healthy_database_on_a_read_only_filesystem_serves_reading(
        tmp_path: Path, team_export: Path) -> None:
    data = tmp_path / "data"
    populated_database(data)
    expected = crosscheck(["export"], data).stdout
    prefix = read_only_prefix(data)
    if prefix is None:
        pytest.skip("no read-only mount here (needs unshare and mount rights)")
    before = files_of(data)
    listed = crosscheck(["list"], data, prefix=prefix)
    assert listed.returncode == 0, listed.stderr
    assert "rev0" in listed.stdout and "damaged" not in listed.stderr
    exported = crosscheck(["export"], data, prefix=prefix)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == expected
    assert_one_error_line(crosscheck(["import", str(team_export)], data, prefix=prefix),
                          "read-only")
    assert files_of(data) == before


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_import_on_a_full_disk_is_one_line_and_keeps_every_saved_verdict(
        tmp_path: Path, team_export: Path) -> None:
    data = tmp_path / "data"
    populated_database(data)
    before = crosscheck(["export"], data).stdout
    # Room for SQLite's 32 kB shared-memory file, not for the import's write-ahead log.
    result = crosscheck(["import", str(team_export)], data,
                        preexec_fn=_file_size_limit(40_000))
    assert_one_error_line(result)
    assert crosscheck(["export"], data).stdout == before


FAULTS = {
    "sqlite": "sqlite3.OperationalError('database or disk is full')",
    "oserror": "OSError(28, 'No space left on device')",
}
INJECT = """
import sqlite3, sys
from crosscheck.store import catalog, events

def full(*args, **kwargs):
    raise {fault}

events.append = catalog.insert_comparison = catalog.upsert_item = full
from crosscheck.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("fault", FAULTS)
def test_import_with_an_injected_full_disk_is_one_line(tmp_path: Path, team_export: Path,
                                                       fault: str) -> None:
    data = tmp_path / "data"
    populated_database(data)
    before = crosscheck(["export"], data).stdout
    result = crosscheck(["import", str(team_export)], data,
                        code=INJECT.format(fault=FAULTS[fault]))
    assert_one_error_line(result, "disk is full")
    assert crosscheck(["export"], data).stdout == before


@pytest.mark.parametrize("fault", FAULTS)
def test_opening_a_pair_on_a_full_disk_is_one_line(tmp_path: Path, fault: str) -> None:
    data = tmp_path / "data"
    populated_database(data)
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text("The harbour reopened on Monday.\n", encoding="utf-8")
    right.write_text("The harbour stayed shut on Monday.\n", encoding="utf-8")
    result = crosscheck(["open", str(left), str(right), "--semantic", "off"], data,
                        code=INJECT.format(fault=FAULTS[fault]))
    assert_one_error_line(result, "disk is full")


def test_a_really_full_database_fails_one_write_and_keeps_working(tmp_path: Path) -> None:
    from store_fixtures import FixedClock, make_analysis

    from crosscheck.store import StoreError, VerdictStore

    store = VerdictStore.open(tmp_path / "full.db", clock=FixedClock())
    cmp = store.open_comparison(make_analysis())
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    saved = 0
    with pytest.raises(StoreError, match="disk is full"):
        for number in range(10_000):
            store.set_note(cmp.id, "L0~R0", "x" * 3000, f"reviewer{number}")
            saved += 1
    # The failed transaction was rolled back (by SQLite or by us) and every earlier note stays.
    assert not store.conn.in_transaction
    assert len(store.all_records(cmp.id)) == saved
    store.close()
