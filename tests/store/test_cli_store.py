"""``crosscheck export``, ``import`` and ``list`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_fixtures import FixedClock, make_analysis

from crosscheck.cli import main
from crosscheck.store import VerdictStore


@pytest.fixture
def reviewed(db_path: Path) -> Path:
    with VerdictStore.open(db_path, clock=FixedClock()) as store:
        cmp = store.open_comparison(make_analysis())
        store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
        store.set_verdict(cmp.id, "L1~R1", "consistent", "bob")
        store.set_verdict(cmp.id, "L0~R0", "consistent", "ann")
        store.set_verdict(cmp.id, "L0~R0", "consistent", "bob")
    return db_path


def test_export_defaults_to_jsonl_on_stdout(reviewed: Path, capsys) -> None:
    assert main(["export"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert {json.loads(line)["reviewer"] for line in lines} == {"ann", "bob"}


def test_export_of_everything_says_which_comparisons_it_included(reviewed: Path,
                                                                 capsys) -> None:
    with VerdictStore.open(reviewed, clock=FixedClock()) as store:
        store.open_comparison(make_analysis(left_source="/news/unreviewed.txt",
                                            left=["A story nobody reviewed."], links=[]))
        third = store.open_comparison(make_analysis(left_source="/news/third.txt",
                                                    left=["Another \x1b[2J story."], links=[]))
        store.set_verdict(third.id, "L0", "unsure", "ann")
    assert main(["export", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "included comparison #1: Ferry to close / Council shuts ferry "
        "(/news/left.txt | /news/right.html; 4 records)",
        "included comparison #3: Ferry to close / Council shuts ferry "
        "(/news/third.txt | /news/right.html; 1 record)"]
    assert "/news/third.txt" in captured.out
    assert main(["export", "--comparison", "1"]) == 0
    assert "included" not in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "markdown", "w3c"])
def test_export_writes_other_formats_to_a_file(reviewed: Path, tmp_path: Path, capsys,
                                               fmt: str) -> None:
    out = tmp_path / f"verdicts.{fmt}"
    assert main(["export", "--format", fmt, "--comparison", "1", "-o", str(out)]) == 0
    assert "Seven members backed the plan" in out.read_text(encoding="utf-8")
    assert "wrote 4 verdicts" in capsys.readouterr().err


def test_export_of_an_unknown_comparison_is_a_user_error(reviewed: Path, capsys) -> None:
    assert main(["export", "--comparison", "42"]) == 2
    assert capsys.readouterr().err == "crosscheck: error: no comparison with id 42\n"


def test_import_reports_and_is_idempotent(reviewed: Path, tmp_path: Path, capsys,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    exported = tmp_path / "team.jsonl"
    main(["export", "-o", str(exported)])
    monkeypatch.setenv("CROSSCHECK_DATA_DIR", str(tmp_path / "colleague"))
    capsys.readouterr()
    assert main(["import", str(exported)]) == 0
    assert "merged 4 new" in capsys.readouterr().out
    assert main(["import", str(exported)]) == 0
    assert "merged 0 new and 0 updated" in capsys.readouterr().out


def test_import_of_a_missing_file_is_a_user_error(db_path: Path, capsys) -> None:
    assert main(["import", "nowhere.jsonl"]) == 2
    assert "nowhere.jsonl: no such file" in capsys.readouterr().err


def test_list_shows_comparisons_and_agreement(reviewed: Path, capsys) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "#1  /news/left.txt  <>  /news/right.html" in out
    assert "titles: Ferry to close / Council shuts ferry" in out
    assert "items: 6  reviewed: 2" in out
    assert "ann vs bob: kappa" in out and "1 disagreements" in out
    assert "L1~R1: ann=contradiction bob=consistent" in out


def test_list_on_an_empty_store_says_so(db_path: Path, capsys) -> None:
    assert main(["list"]) == 0
    assert "no stored comparisons" in capsys.readouterr().out


def test_foreign_database_gives_exit_2_and_one_line(db_path: Path, capsys) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"not a database at all, just some notes\n" * 10)
    assert main(["list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("crosscheck: error: ") and err.count("\n") == 1
    assert db_path.read_bytes() == b"not a database at all, just some notes\n" * 10


def test_list_shows_control_codes_in_titles_and_sources_as_symbols(db_path: Path,
                                                                   capsys) -> None:
    import dataclasses

    analysis = make_analysis(left_source="/news/\x1b]0;owned\x07left.txt")
    analysis = dataclasses.replace(
        analysis, left=dataclasses.replace(analysis.left, title="Ferry \x1b[2J closes"))
    with VerdictStore.open(db_path, clock=FixedClock()) as store:
        store.open_comparison(analysis)
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Ferry ␛[2J closes" in out
    assert "/news/␛]0;owned␇left.txt" in out


def test_reviewer_option_works_before_and_after_the_store_commands(reviewed: Path,
                                                                    capsys) -> None:
    assert main(["--reviewer", "carl", "export"]) == 0
    assert main(["export", "--reviewer", "carl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 8


def test_export_markdown_is_the_newsroom_report_and_full_keeps_everything(
        db_path: Path, capsys) -> None:
    import dataclasses

    analysis = make_analysis()
    analysis = dataclasses.replace(
        analysis, left=dataclasses.replace(analysis.left, name="Harbour Gazette"),
        right=dataclasses.replace(analysis.right, name="The Harbour Post"))
    with VerdictStore.open(db_path, clock=FixedClock()) as store:
        cmp = store.open_comparison(analysis)
        store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    assert main(["export", "--format", "markdown"]) == 0
    report = capsys.readouterr().out
    assert "## Harbour Gazette / The Harbour Post" in report
    assert "Coverage: 1 of 6 items reviewed; 0 likely contradictions left unreviewed" in report
    assert "L1~R1" not in report
    assert main(["export", "--format", "markdown", "--full"]) == 0
    assert "`L1~R1`" in capsys.readouterr().out
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert "#1  Harbour Gazette  <>  The Harbour Post" in listed
    assert "sources: /news/left.txt / /news/right.html" in listed
