"""Every older schema migrates to the current one keeping every row; a newer one is refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from old_schemas import FROZEN, OLD_SCHEMAS, build_old_database, table_rows, verdicts_at

from crosscheck.cli import main
from crosscheck.store import StoreError, VerdictStore
from crosscheck.store.schema import SCHEMA_VERSION
from crosscheck.store.verdict_kinds import LINK_ONLY, ONE_SIDED_ONLY

OLDER = [version for version in FROZEN if version < SCHEMA_VERSION]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _current(conn: sqlite3.Connection) -> dict[tuple[int, str, str], tuple]:
    """(comparison, item key, reviewer) -> (verdict, note, created, updated), read in SQL the
    way any version reads it: the state of the latest event."""
    rows = conn.execute(
        "SELECT i.comparison_id, i.key, e.reviewer, e.verdict, e.note, e.created, e.at "
        "FROM events e JOIN items i ON i.id = e.item_id WHERE e.id IN (SELECT MAX(id) FROM "
        "events GROUP BY item_id, reviewer)").fetchall()
    return {(r[0], r[1], r[2]): r[3:] for r in rows if r[3] is not None or r[4]}


def test_every_schema_version_has_a_frozen_copy() -> None:
    assert list(range(1, SCHEMA_VERSION + 1)) == FROZEN


def test_the_frozen_scripts_build_the_schema_a_new_store_gets(tmp_path: Path) -> None:
    built = sqlite3.connect(tmp_path / "frozen.db")
    for script in OLD_SCHEMAS:
        built.executescript(script)
    with VerdictStore.open(tmp_path / "new.db") as store:
        wanted = sorted(store.conn.execute("SELECT type, name, sql FROM sqlite_master"))
    assert sorted(built.execute("SELECT type, name, sql FROM sqlite_master")) == wanted


@pytest.mark.parametrize("version", OLDER)
def test_migration_keeps_every_row_of_every_table(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.db"
    build_old_database(path, version)
    with sqlite3.connect(path) as old:
        before = table_rows(old)
        current = _current(old)
    assert len(before["events"]) > 90 and any(row[9] for row in before["events"])  # undo links
    with VerdictStore.open(path) as store:
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        after = table_rows(conn)
        # Version 6 added source columns at the end of comparisons: old rows keep every
        # value in place, and the new columns stay empty (NULL) until the pair is reopened.
        width = len(before["comparisons"][0])
        assert all(set(row[width:]) <= {None} for row in after["comparisons"])
        after["comparisons"] = [row[:width] for row in after["comparisons"]]
        assert {name: after[name] for name in before} == before
        assert after.get("positions", []) == before.get("positions", [])
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _current(conn) == current


@pytest.mark.parametrize("version", OLDER)
def test_after_migration_the_api_reads_every_verdict_note_and_reviewer(
        tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.db"
    build_old_database(path, version)
    with sqlite3.connect(path) as old:
        current = _current(old)
    with VerdictStore.open(path) as store:
        seen = {(cmp_id, r.item_key, r.reviewer): (r.verdict, r.note, r.created, r.updated)
                for cmp_id in (1, 2) for r in store.all_records(cmp_id)}
        exported = {(r["item"]["key"], r["reviewer"], r["verdict"], r["note"])
                    for r in store.export_records()}
    # created falls back to the update time where an old row had none, as it always did
    assert {key: (v, n, c or u, u) for key, (v, n, c, u) in current.items()} == seen
    assert {(key, reviewer) for (_, key, reviewer) in current} == {
        (key, reviewer) for key, reviewer, _, _ in exported}
    assert {r for _, _, r in current} == {"ann", "bob", "Zoë"}
    assert {v for v, *_ in current.values()} - {None} <= set(verdicts_at(version))


@pytest.mark.parametrize("version", OLDER)
def test_a_migrated_history_undoes_and_takes_the_new_verdicts(tmp_path: Path,
                                                               version: int) -> None:
    path = tmp_path / f"v{version}.db"
    build_old_database(path, version)
    with VerdictStore.open(path) as store:
        before = store.verdicts(1, "Zoë")
        store.set_verdict(1, "L1~R1", "timeline_update", "Zoë")
        store.set_verdict(1, "R2", "omitted", "Zoë")
        store.set_verdict(1, "M:L4~R2", "not_conflict", "Zoë")
        store.set_verdict(1, "L4", "needs_verification", "Zoë")
        assert store.verdicts(1, "Zoë")["R2"].verdict == "omitted"
        for _ in range(4):
            store.undo(1, "Zoë")
        # undo restores verdict and note; the time is the undo's own
        assert {k: (r.verdict, r.note) for k, r in store.verdicts(1, "Zoë").items()} == {
            k: (r.verdict, r.note) for k, r in before.items()}


@pytest.mark.parametrize("version", OLDER)
def test_a_migrated_database_refuses_a_verdict_of_the_other_item_kind(
        tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.db"
    build_old_database(path, version)
    with VerdictStore.open(path) as store:
        conn = store.conn
        count = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        for verdict, key in [(v, "L4") for v in LINK_ONLY] + [(v, "L0~R0")
                                                              for v in ONE_SIDED_ONLY]:
            with pytest.raises(sqlite3.IntegrityError, match="does not fit"):
                conn.execute("INSERT INTO events (item_id, reviewer, action, verdict, machine, "
                             "at) SELECT id, 'x', 'set', ?, '{}', 'now' FROM items WHERE "
                             "comparison_id = 1 AND key = ?", (verdict, key))
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == count


def _newer(path: Path) -> None:
    """A database this version made, then opened by a newer crosscheck that moved it on."""
    with VerdictStore.open(path) as store:
        store.conn.execute("INSERT INTO comparisons (left_sha256, right_sha256, left_source, "
                           "right_source, created) VALUES ('a', 'b', 'l', 'r', 'now')")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE verdict_tags (event_id INTEGER, tag TEXT)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def test_a_database_from_a_newer_version_is_refused_in_one_line_and_left_untouched(
        tmp_path: Path) -> None:
    path = tmp_path / "crosscheck.db"
    _newer(path)
    before = _digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError, match=f"newer crosscheck.*schema {SCHEMA_VERSION + 1}") as \
            caught:
        VerdictStore.open(path)
    assert "\n" not in str(caught.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


@pytest.mark.parametrize("command", [["list"], ["export"]])
def test_the_cli_refuses_a_newer_database_with_exit_2(tmp_path: Path, capsys,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       command: list[str]) -> None:
    monkeypatch.setenv("CROSSCHECK_DATA_DIR", str(tmp_path))
    path = tmp_path / "crosscheck.db"
    _newer(path)
    before = _digest(path)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("crosscheck: error: ")
    assert "newer crosscheck" in err
    assert _digest(path) == before


@pytest.mark.parametrize("version", OLDER)
def test_a_migrated_comparison_exports_its_source_paths_then_takes_names(
        tmp_path: Path, version: int) -> None:
    from crosscheck.store.exports import render
    from crosscheck.store.sources import source_label

    path = tmp_path / f"v{version}.db"
    build_old_database(path, version)
    with VerdictStore.open(path) as store:
        summary = store.comparisons()[0]
        assert (summary.left_name, summary.right_name) == (None, None)
        records = store.export_records(1)
        assert [source_label(records[0]["comparison"][side]) for side in ("left", "right")] \
            == ["l.txt", "https://example.org/r"]
        assert "## l.txt / https://example.org/r" in render("markdown", records)
        store.conn.execute("UPDATE comparisons SET left_name = 'Gazette', left_published = "
                           "'2024-01-01T08:00:00Z' WHERE id = 1")
        left = store.export_records(1)[0]["comparison"]["left"]
        assert (left["name"], left["published"]) == ("Gazette", "2024-01-01T08:00:00Z")
