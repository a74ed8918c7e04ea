"""``crosscheck analyze`` on random bytes and text (issue 10): a report or one error line, never
a traceback. In-process through ``crosscheck.cli.main`` for speed: an exception escaping main
is exactly the traceback the command would print."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.cli import main

SUFFIXES = st.sampled_from([".txt", ".html", ".md"])
MARKUP = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<!--", "-->", "<script>", "&amp;",
                                   "<?xml?>", "\ufeff", "<html>", "<", ">", "&#x0;", "\x00",
                                   "The council voted.", " ", "\n", "é", "\u202e", "\x1b["]),
                   max_size=30).map("".join)
CONTENT = (st.binary(max_size=400)
           | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))
           | MARKUP.map(lambda t: t.encode("utf-8", "surrogatepass"))
           | st.text(max_size=100).map(lambda t: t.encode("latin-1", "replace")))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(left=CONTENT, right=CONTENT, left_suffix=SUFFIXES, right_suffix=SUFFIXES,
       fmt=st.sampled_from(["json", "text", "markdown"]))
def test_random_input_gives_a_report_or_one_error_line(
        capsys: pytest.CaptureFixture[str], left: bytes, right: bytes, left_suffix: str,
        right_suffix: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        paths = [Path(directory) / f"left{left_suffix}", Path(directory) / f"right{right_suffix}"]
        paths[0].write_bytes(left)
        paths[1].write_bytes(right)
        capsys.readouterr()
        code = main(["analyze", *map(str, paths), "--format", fmt, "--semantic", "off"])
        out, err = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        assert err.count("\n") == 1 and err.startswith("crosscheck: error: "), err
    else:
        assert out and not err
