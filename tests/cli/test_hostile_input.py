"""Hostile files and arguments (issue 10): one error line and exit 2, nothing overwritten.

Each test drives the real command in a subprocess, since the promise is about the command: its
exit status, its one stderr line, and the files it leaves byte for byte as they were.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import threading
from pathlib import Path

import pytest
from cli_helpers import (
    ARTICLE,
    assert_no_terminal_controls,
    assert_one_error_line,
    run,
    write_pair,
)

SMALL_CAP = "100000"


# -- 1. the size cap counts bytes read; pipes and devices cannot hang a command ------------
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_stops_at_the_size_cap(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    _, right = write_pair(tmp_path)
    result = run(["analyze", device, str(right), "--max-bytes", SMALL_CAP])
    assert_one_error_line(result, "100000-byte limit")


def test_import_of_an_endless_device_stops_at_its_cap(tmp_path: Path) -> None:
    result = run(["import", "/dev/zero", "--max-bytes", SMALL_CAP], data_dir=tmp_path / "d")
    assert_one_error_line(result, "100000-byte limit")


def test_a_fifo_without_a_writer_ends_at_the_deadline(tmp_path: Path) -> None:
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    _, right = write_pair(tmp_path)
    result = run(["analyze", str(fifo), str(right), "--timeout", "1"])
    assert_one_error_line(result, "did not end in time")


def test_import_from_a_fifo_without_a_writer_ends_at_the_deadline(tmp_path: Path) -> None:
    fifo = tmp_path / "team.fifo"
    os.mkfifo(fifo)
    result = run(["import", str(fifo), "--timeout", "1"], data_dir=tmp_path / "d")
    assert_one_error_line(result, "did not end in time")


def test_a_fifo_whose_writer_comes_later_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    _, right = write_pair(tmp_path)

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as handle:  # blocks until the reader opens
            handle.write(ARTICLE)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    result = run(["analyze", str(fifo), str(right), "--format", "json", "--semantic", "off"])
    assert result.returncode == 0, result.stderr
    assert "old ferry" in json.loads(result.stdout)["left"]["text"]


# -- 5. HTML without text, and HTML nested deeper than libxml2's limit ----------------------
@pytest.mark.parametrize("markup", [
    b"", b"   \n\t ", b"<!-- only a comment -->", b"\xef\xbb\xbf", b"<?xml version='1.0'?>",
    b"<?xml?>", b"<html><head><title></title></head><body></body></html>",
], ids=["empty", "whitespace", "comment", "bom", "xml-declaration", "bare-xml", "no-body"])
def test_html_without_text_is_no_article_text(tmp_path: Path, markup: bytes) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(markup)
    _, right = write_pair(tmp_path)
    assert_one_error_line(run(["analyze", str(page), str(right)]), "no article text")


@pytest.mark.parametrize("depth", [300, 5000])
def test_deeply_nested_html_keeps_its_text(tmp_path: Path, depth: int) -> None:
    page = tmp_path / "deep.html"
    body = "<p>The river council voted to close the old ferry on Tuesday.</p>"
    page.write_text("<html><body>" + "<div>" * depth + body + "</div>" * depth
                    + "</body></html>", encoding="utf-8")
    _, right = write_pair(tmp_path)
    result = run(["analyze", str(page), str(right), "--format", "json", "--semantic", "off"])
    assert result.returncode == 0, result.stderr
    assert "close the old ferry" in json.loads(result.stdout)["left"]["text"]


# -- 4. -o never destroys a file ------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink"])
def test_output_onto_an_input_is_refused_and_the_input_kept(tmp_path: Path,
                                                            spelling: str) -> None:
    left, right = write_pair(tmp_path)
    target = {"same": str(left), "dotted": str(tmp_path / "." / "left.txt"),
              "symlink": str(tmp_path / "link.txt")}[spelling]
    if spelling == "symlink":
        os.symlink(left, target)
    before = left.read_bytes()
    result = run(["analyze", str(left), str(right), "-o", target])
    assert_one_error_line(result, "is one of the inputs")
    assert left.read_bytes() == before


def test_export_onto_the_database_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run(["list"], data_dir=data).returncode == 0  # creates the database
    database = data / "crosscheck.db"
    before = database.read_bytes()
    assert_one_error_line(run(["export", "-o", str(database)], data_dir=data),
                          "is one of the inputs")
    assert database.read_bytes() == before


def test_output_replaces_an_existing_file_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    left, right = write_pair(tmp_path)
    report = tmp_path / "report.md"
    report.write_text("old report " * 1000, encoding="utf-8")
    report.chmod(0o640)
    result = run(["analyze", str(left), str(right), "--format", "markdown", "-o", str(report),
                  "--semantic", "off"])
    assert result.returncode == 0, result.stderr
    assert report.read_text(encoding="utf-8").startswith("# Crosscheck report")
    assert "old report" not in report.read_text(encoding="utf-8")
    assert report.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["left.txt", "report.md", "right.txt"]


def _file_size_limit(limit: int):
    def apply() -> None:
        # A full disk without root: writes beyond ``limit`` bytes fail with EFBIG.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_failed_write_leaves_the_old_output_file_as_it_was(tmp_path: Path) -> None:
    left, right = write_pair(tmp_path)
    report = tmp_path / "report.json"
    report.write_bytes(b"the previous report\n")
    result = run(["analyze", str(left), str(right), "--format", "json", "-o", str(report),
                  "--semantic", "off"], preexec_fn=_file_size_limit(200))
    assert_one_error_line(result, "cannot write")
    assert report.read_bytes() == b"the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["left.txt", "report.json",
                                                         "right.txt"]


# -- 7. whatever reaches the terminal is sanitised ------------------------------------------
def test_an_error_naming_a_hostile_path_stays_one_harmless_line(tmp_path: Path) -> None:
    name = "evil\nsecond line \x1b]52;c;cHduZWQ=\x07\u202e.txt"
    result = run(["analyze", str(tmp_path / name), str(tmp_path / "x.txt")])
    line = assert_one_error_line(result, "no such file")
    assert_no_terminal_controls(line.encode("utf-8"))


def test_usage_errors_do_not_echo_controls(tmp_path: Path) -> None:
    result = run(["analyze", "a", "b", "--format", "\x1b[2Jjson"])
    assert_one_error_line(result, "invalid choice")
    assert_no_terminal_controls(result.stderr)


def test_json_analysis_escapes_c1_and_bidi_controls(tmp_path: Path) -> None:
    left, right = write_pair(tmp_path)
    hostile = "The vote \u202eowt ot thgie\u202c was close \u009b31m today.\n"
    left.write_text(ARTICLE + hostile, encoding="utf-8")
    result = run(["analyze", str(left), str(right), "--format", "json", "--semantic", "off"])
    assert result.returncode == 0, result.stderr
    assert_no_terminal_controls(result.stdout)
    assert hostile.strip() in json.loads(result.stdout)["left"]["text"]  # escaped, not lost


# -- 9. smaller causes ----------------------------------------------------------------------
def test_a_short_latin1_line_is_read_as_latin1(tmp_path: Path) -> None:
    left, right = write_pair(tmp_path)
    left.write_bytes("Le ministre a déclaré la grève terminée.\n".encode("latin-1"))
    result = run(["analyze", str(left), str(right), "--format", "json", "--semantic", "off"])
    assert result.returncode == 0, result.stderr
    assert "déclaré" in json.loads(result.stdout)["left"]["text"]


def test_a_single_latin1_word_is_read_as_latin1(tmp_path: Path) -> None:
    left, right = write_pair(tmp_path)
    left.write_bytes("déclaré\n".encode("latin-1"))
    result = run(["analyze", str(left), str(right), "--format", "json", "--semantic", "off"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["left"]["text"].strip() == "déclaré"


def test_a_huge_comparison_id_is_a_usage_error(tmp_path: Path) -> None:
    result = run(["export", "--comparison", "99999999999999999999999"], data_dir=tmp_path)
    assert_one_error_line(result, "comparison")


def test_a_reviewer_name_that_is_not_utf8_is_refused_from_argv(tmp_path: Path) -> None:
    left, right = write_pair(tmp_path)
    result = run([b"--reviewer", b"ann\xff", b"open", str(left).encode(), str(right).encode(),
                  b"--semantic", b"off"], data_dir=tmp_path / "d")
    assert_one_error_line(result, "not valid UTF-8")


def test_a_reviewer_name_that_is_not_utf8_is_refused_from_the_environment(
        tmp_path: Path) -> None:
    left, right = write_pair(tmp_path)
    env = os.environb.copy()
    env[b"CROSSCHECK_REVIEWER"] = b"ann\xff"
    env[b"CROSSCHECK_DATA_DIR"] = str(tmp_path / "d").encode()
    result = run(["open", str(left), str(right), "--semantic", "off"],
                 env={k.decode("utf-8", "surrogateescape"): v.decode("utf-8", "surrogateescape")
                      for k, v in env.items()})
    assert_one_error_line(result, "not valid UTF-8")
