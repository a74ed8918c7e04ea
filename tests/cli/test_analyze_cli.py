"""`crosscheck analyze` as scripts use it: formats, files, and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

LEFT = ("Port strike ends\n\nDock workers in Lanmouth voted on Sunday to end a nine-day strike.\n"
        "The union said members accepted a raise of 6 percent over two years.\n")
RIGHT = ("Lanmouth dockers return\n\nThe union said its members had accepted a 6 percent raise "
         "spread over two years.\nDock workers in Lanmouth voted on Saturday to end the strike.\n\n"
         "[bold red]Not markup[/bold red] and \x1b[31mno escape\x1b[0m here.\n")


def crosscheck(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crosscheck", *args], capture_output=True,
                          text=True, input=stdin, timeout=120)


@pytest.fixture
def pair(tmp_path):
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(LEFT, encoding="utf-8")
    right.write_text(RIGHT, encoding="utf-8")
    return str(left), str(right)


def test_json_output_lists_sentences_links_and_one_sided(pair):
    result = crosscheck("analyze", *pair, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "crosscheck.analysis/1"
    assert {link["id"] for link in data["links"]} >= {"L1~R2", "L2~R1"}
    markup = next(s["id"] for s in data["right"]["sentences"] if "Not markup" in s["text"])
    assert markup in data["right_only"]


def test_output_file_option_writes_the_report(pair, tmp_path):
    out = tmp_path / "report.md"
    result = crosscheck("analyze", *pair, "--format", "markdown", "-o", str(out))
    assert result.returncode == 0, result.stderr
    report = out.read_text(encoding="utf-8")
    assert report.startswith("# Crosscheck report")
    assert "## Only in the right article" in report
    # Brackets that make no link, and parentheses, need no backslash (issue 17, item 7).
    assert "[bold red]Not markup[/bold red]" in report
    assert "\\(" not in report and "\\[" not in report


def test_stdin_can_stand_for_one_side(pair):
    result = crosscheck("analyze", "-", pair[1], "--format", "json", stdin=LEFT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["left"]["source"] == "-"


def test_text_format_prints_article_markup_and_escapes_literally(pair):
    result = crosscheck("analyze", *pair, "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "[bold red]Not markup[/bold red]" in result.stdout
    assert "\x1b" not in result.stdout
    assert "␛[31mno escape" in result.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("analyze", "missing.txt", "also-missing.txt"), "no such file"),
        (("analyze",), "required"),
        (("analyze", "a", "b", "--format", "yaml"), "invalid choice"),
        (("analyze", "a", "b", "--max-bytes", "-3"), "must be positive"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_2(args, needle):
    result = crosscheck(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error:")
    assert needle in lines[0]
    assert "Traceback" not in result.stderr


def test_empty_file_is_a_one_line_error(tmp_path, pair):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = crosscheck("analyze", str(empty), pair[1])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "empty" in result.stderr


def test_every_command_has_help_text():
    from crosscheck.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    helps = {a.dest: a.help for a in sub._choices_actions}
    assert set(sub.choices) >= {"analyze", "demo", "open", "export", "import", "list"}
    assert all(helps.get(name) for name in sub.choices), helps


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["a.txt", "b.txt"], ["open", "a.txt", "b.txt"]),
        (["--reviewer", "carl", "a.txt", "b.txt"],
         ["open", "--reviewer", "carl", "a.txt", "b.txt"]),
        (["--reviewer", "carl", "export"], ["--reviewer", "carl", "export"]),
        (["analyze", "a", "b"], ["analyze", "a", "b"]),
        (["-", "b.txt"], ["open", "-", "b.txt"]),
        (["--help"], ["--help"]),
    ],
)
def test_two_files_open_the_app_but_commands_stay_commands(argv, expected):
    from crosscheck.cli import _normalise_argv

    assert _normalise_argv(argv) == expected
