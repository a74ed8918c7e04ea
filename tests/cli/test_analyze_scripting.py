"""``crosscheck analyze`` in scripts and narrow terminals (issue 17, item 7): ``--only``,
``--fail-on-flags``, the width of the text report, and hostile articles in every format.

In-process through ``crosscheck.cli.main`` (captured stdout is not a terminal, so it gets
exactly the bytes a pipe would), except where the exit status of the real command or a real
terminal is the point.
"""

from __future__ import annotations

import json
import os
import pty
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import LIMIT_SECONDS, assert_no_terminal_controls, assert_one_error_line, run
from rich.cells import cell_len

from crosscheck.cli import main
from crosscheck.engine.jsonio import analysis_from_dict
from crosscheck.reports import render_analysis

GOLDEN = Path(__file__).parent / "golden"
LEFT, RIGHT = str(GOLDEN / "left.txt"), str(GOLDEN / "right.txt")  # one likely contradiction
FAST = ("--semantic", "off", "--no-cache")
HOSTILE = (
    "Council \x1b[2J\x1b]0;pwned\x07 vote\n\n"
    "The council voted \x1b[31mseven\x1b[0m to two on Tuesday to close the ferry.\x9b2J\n"
    "A word " + "x" * 300 + " ends here, and so does " + "y" * 90 + ".\n"
    "Tabs\tinside\tand a form\x0cfeed, a vertical\x0btab, a NEL\x85 and a \u2028 separator.\n"
    "Bidi \u202eesrever\u202c, an isolate \u2066x\u2069, a bell \x07 and \x1c\x1f\x7f.\n"
    "The ferry carried 40,000 passengers last year, the council said.\n")
OTHER = ("Ferry to close\n\nThe river council voted to close the old ferry on Tuesday.\n"
         "Seven members backed the plan and two opposed it.\n"
         "The ferry carried 25,000 passengers last year, the council said.\n")


def analyze(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    assert code == 2 or not err, err
    return code, out


@pytest.fixture
def hostile_pair(tmp_path: Path) -> tuple[str, str]:
    left, right = tmp_path / "hostile.txt", tmp_path / "other.txt"
    left.write_text(HOSTILE, encoding="utf-8")
    right.write_text(OTHER, encoding="utf-8")
    return str(left), str(right)


@pytest.fixture(autouse=True)
def no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)  # the width a test asks for, not pytest's


def _tsv_records(out: str) -> list[dict[str, str]]:
    header, *lines = out.splitlines()
    names = header.split("\t")
    return [dict(zip(names, line.split("\t"), strict=True)) for line in lines]


# -- --only ---------------------------------------------------------------------------------
def test_only_flags_lists_the_likely_contradictions_and_nothing_else(capsys) -> None:
    _, data = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "json")
    flagged = {link["id"] for link in json.loads(data)["links"]
               if link["contradiction"] and link["contradiction"]["score"] >= 0.5}
    assert flagged
    _, out = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "tsv", "--only", "flags")
    assert {r["item"] for r in _tsv_records(out)} == flagged
    assert {r["flag"] for r in _tsv_records(out)} == {"1"}


def test_only_one_sided_and_flags_together_list_both_classes(capsys) -> None:
    _, out = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "tsv", "--only", "flags,one-sided")
    records = _tsv_records(out)
    assert {r["kind"] for r in records if r["flag"] == "0"} == {"left_only", "right_only"}
    assert any(r["flag"] == "1" for r in records)
    _, text = analyze(capsys, LEFT, RIGHT, *FAST, "--only", "one-sided,flags")
    assert "showing: likely contradictions, sentences only one article has" in text
    assert "paraphrase ·" not in text  # no consistent link is listed
    assert "1 likely contradictions" in text  # the summary still counts everything


def test_only_links_lists_every_link_flags_included_and_no_one_sided(capsys) -> None:
    _, all_items = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "tsv")
    _, out = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "tsv", "--only", "links")
    links = [r for r in _tsv_records(all_items) if not r["kind"].endswith("_only")]
    assert _tsv_records(out) == links


def test_only_filters_the_markdown_report_by_section(capsys) -> None:
    _, out = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "markdown", "--only", "one-sided")
    assert "## Only in the left article (1)" in out
    assert "## Only in the right article" in out
    assert "## Likely contradictions" not in out and "## Corresponding" not in out


def test_only_leaves_the_json_whole(capsys) -> None:
    _, whole = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "json")
    _, filtered = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "json", "--only", "flags")
    assert filtered == whole


@pytest.mark.parametrize("value", ["flag", "flags,contradictions", ",", "Flags"])
def test_an_unknown_item_class_is_one_error_line_with_status_2(value: str) -> None:
    result = run(["analyze", LEFT, RIGHT, "--only", value])
    line = assert_one_error_line(result, "--only")
    assert "flags, one-sided, links" in line
    assert result.stdout == b""


# -- --fail-on-flags ------------------------------------------------------------------------
def test_fail_on_flags_exits_1_after_writing_the_report(tmp_path: Path) -> None:
    report = tmp_path / "report.tsv"
    result = run(["analyze", LEFT, RIGHT, *FAST, "--format", "tsv", "--fail-on-flags",
                  "-o", str(report)])
    assert result.returncode == 1, result.stderr
    assert result.stderr == b""
    records = _tsv_records(report.read_text(encoding="utf-8"))
    assert any(r["flag"] == "1" for r in records)  # written in full before the status


def test_fail_on_flags_exits_0_when_nothing_is_flagged(capsys) -> None:
    code, out = analyze(capsys, LEFT, LEFT, *FAST, "--fail-on-flags")  # itself: no conflict
    assert code == 0
    assert "likely contradiction" not in out


def test_flags_without_fail_on_flags_still_exit_0(capsys) -> None:
    code, _ = analyze(capsys, LEFT, RIGHT, *FAST, "--only", "flags")
    assert code == 0


def test_fail_on_flags_counts_flags_that_only_leaves_out(capsys) -> None:
    code, out = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "tsv", "--only", "one-sided",
                        "--fail-on-flags")
    assert code == 1  # a flag was found, though the report lists one-sided sentences only
    assert all(r["flag"] == "0" for r in _tsv_records(out))


def test_fail_on_flags_keeps_status_2_for_errors(tmp_path: Path) -> None:
    result = run(["analyze", str(tmp_path / "missing.txt"), RIGHT, "--fail-on-flags"])
    assert_one_error_line(result, "no such file")


# -- the width of --format text -------------------------------------------------------------
def test_text_in_a_pipe_is_80_columns(capsys) -> None:
    _, data = analyze(capsys, LEFT, RIGHT, *FAST, "--format", "json")
    _, out = analyze(capsys, LEFT, RIGHT, *FAST)
    assert out == render_analysis(analysis_from_dict(json.loads(data)), "text", width=80)
    assert max(cell_len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("columns", [120, 52, 20])
def test_text_follows_the_columns_variable(capsys, monkeypatch, columns: int,
                                           hostile_pair: tuple[str, str]) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    for pair in ((LEFT, RIGHT), hostile_pair):
        _, out = analyze(capsys, *pair, *FAST)
        widths = [cell_len(line) for line in out.splitlines()]
        assert max(widths) <= columns
    assert max(widths) == columns  # the hostile pair's long words fill every line they cut


def test_no_word_is_broken_unless_it_is_wider_than_a_line(capsys) -> None:
    _, out = analyze(capsys, LEFT, RIGHT, *FAST)
    shown = {word for line in out.splitlines() for word in line.split()}
    for article in (LEFT, RIGHT):
        for word in Path(article).read_text(encoding="utf-8").split():
            assert word in shown, word


def test_text_fits_a_real_terminal_of_100_columns(hostile_pair: tuple[str, str]) -> None:
    out = _on_a_terminal(["analyze", *hostile_pair, *FAST], columns=100)
    ours = ("\x1b[1m", "\x1b[1;31m", "\x1b[0m")  # the report's own bold and red, nothing else
    plain = out.replace("\r\n", "\n")
    for code in ours:
        plain = plain.replace(code, "")
    assert_no_terminal_controls(plain.encode("utf-8"))
    widths = [cell_len(line) for line in plain.splitlines()]
    assert 90 < max(widths) <= 100


def _on_a_terminal(args: list[str], *, columns: int) -> str:
    """Run ``crosscheck ARGS`` with stdout on a pseudo-terminal ``columns`` wide."""
    import fcntl
    import termios

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    process = subprocess.Popen([sys.executable, "-m", "crosscheck", *args], stdout=secondary,
                               stderr=subprocess.PIPE, env=env)
    os.close(secondary)
    chunks = []
    while True:  # read as it writes, so a full terminal buffer cannot stall it
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert process.wait(timeout=LIMIT_SECONDS) == 0, process.stderr.read()
    return b"".join(chunks).decode("utf-8")


# -- hostile articles in every format -------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "tsv", "markdown", "json"])
@pytest.mark.parametrize("only", [None, "flags,one-sided,links"])
def test_a_hostile_article_puts_no_control_sequence_into_any_format(
        capsys, hostile_pair: tuple[str, str], fmt: str, only: str | None) -> None:
    code, out = analyze(capsys, *hostile_pair, *FAST, "--format", fmt,
                        *(("--only", only) if only else ()))
    assert code == 0
    assert_no_terminal_controls(out.encode("utf-8"))
    if fmt == "text":
        assert "\t" not in out
        assert max(cell_len(line) for line in out.splitlines()) <= 80
    if fmt == "tsv":
        assert all(line.count("\t") == 11 for line in out.splitlines())
    if fmt != "json":
        assert "␛[31mseven␛[0m" in out  # shown, not obeyed and not lost


def test_a_hostile_article_gives_one_tsv_line_per_item(capsys, hostile_pair) -> None:
    _, data = analyze(capsys, *hostile_pair, *FAST, "--format", "json")
    analysis = json.loads(data)
    items = len(analysis["links"]) + len(analysis["left_only"]) + len(analysis["right_only"])
    _, out = analyze(capsys, *hostile_pair, *FAST, "--format", "tsv")
    assert len(out.splitlines()) == 1 + items
    assert "Tabs inside and a form␌feed" in out
