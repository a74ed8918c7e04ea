"""``crosscheck import`` against hostile records (issue 10): the whole file refused with the
line number and nothing stored, or imported cleanly, and every export works afterwards."""

from __future__ import annotations

import copy
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_cli import assert_one_error_line, crosscheck, populated_database
from store_fixtures import FixedClock, make_analysis

from crosscheck.cli import main
from crosscheck.store import VerdictStore


def _template() -> dict[str, Any]:
    store = VerdictStore.memory(clock=FixedClock())
    cmp = store.open_comparison(make_analysis())
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    store.set_note(cmp.id, "L1~R1", "checked by phone", "ann")
    return store.export_records(cmp.id)[0]


TEMPLATE = _template()


def _with(path: tuple, value: Any) -> str:
    record = copy.deepcopy(TEMPLATE)
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(record)


GOOD = json.dumps(dict(TEMPLATE, reviewer="bob"))
HOSTILE = {
    "nested-200000": GOOD[:-1] + ', "extra": ' + "[" * 200_000 + "]" * 200_000 + "}",
    "machine-nested-200000": _with(("item", "machine", "deep"), None).replace(
        '"deep": null', '"deep": ' + "[" * 200_000 + "]" * 200_000),
    "1e400": _with(("item", "machine", "score"), 0.5).replace("0.5", "1e400"),
    "left_ids-5": _with(("item", "left_ids"), 5),
    "lone-surrogate-note": _with(("note",), "x").replace('"note": "x"', '"note": "\\ud800"'),
    "title-object": _with(("comparison", "left", "title"), {"a": 1}),
    "string-score": _with(("item", "machine", "score"), "0.8"),
    "numeric-kind": _with(("item", "kind"), 5),
    "numeric-machine-kind": _with(("item", "machine", "kind"), 5),
    "huge-offset": _with(("left", "start"), 10**30),
    "bool-offset": _with(("left", "end"), True),
    "empty-reviewer": _with(("reviewer",), ""),
    "nan": _with(("item", "machine", "score"), 0.5).replace("0.5", "NaN"),
    "not-an-object": "[1, 2, 3]",
}


@pytest.mark.parametrize("line", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_record_rejects_the_file_by_line_and_stores_nothing(tmp_path: Path,
                                                                      line: str) -> None:
    data = tmp_path / "data"
    populated_database(data, reviewers=2)
    before = crosscheck(["export"], data).stdout
    team = tmp_path / "team.jsonl"
    team.write_text(GOOD + "\n" + line + "\n", encoding="utf-8")
    message = assert_one_error_line(crosscheck(["import", str(team)], data), "team.jsonl:2:")
    assert "nothing was imported" in message
    assert crosscheck(["export"], data).stdout == before  # not even line 1
    for fmt in ("csv", "markdown", "w3c"):
        assert crosscheck(["export", "--format", fmt], data).returncode == 0


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    team = tmp_path / "team.jsonl"
    team.write_bytes(GOOD.encode() + b"\n" + GOOD.encode().replace(b"bob", b"\xff\xfe") + b"\n")
    assert_one_error_line(crosscheck(["import", str(team)], tmp_path / "data"),
                          "team.jsonl:2: not UTF-8")


def test_reviewer_names_and_times_reach_the_terminal_harmlessly(tmp_path: Path) -> None:
    hostile = "eve\x1b]52;c;cHduZWQ=\x07\u202e\x9b2J"
    record = json.loads(_with(("reviewer",), hostile))
    record["updated"] = record["created"] = "2030-01-01\x1b[2J"
    record["item"]["key"] = "L1~R1\x1b[31m"
    team = tmp_path / "team.jsonl"
    team.write_text(json.dumps(record) + "\n", encoding="utf-8")
    data = tmp_path / "data"
    outputs = [crosscheck(["import", str(team)], data), crosscheck(["list"], data),
               crosscheck(["export", "--format", "markdown"], data),
               crosscheck(["export", "--format", "jsonl"], data)]
    for index, result in enumerate(outputs):
        assert result.returncode == 0, result.stderr
        for char in result.stdout + result.stderr:
            assert ord(char) >= 32 or char in "\n\t\r", (repr(char), result.args)
            assert not 0x80 <= ord(char) < 0xA0, (repr(char), result.args)
            # A Markdown report piped to a file is data and keeps the name's characters; on a
            # terminal emit() would show the override as <U+202E>.
            assert char != "\u202e" or index == 2, result.args
    assert json.loads(outputs[3].stdout)["reviewer"] == hostile  # escaped, not lost


# -- property: random and mutated records ---------------------------------------------------
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                 max_size=3),
    max_leaves=8)
PATHS = [("verdict",), ("note",), ("reviewer",), ("created",), ("updated",), ("schema",),
         ("item", "key"), ("item", "kind"), ("item", "left_ids"), ("item", "machine"),
         ("item", "machine", "score"), ("item", "machine", "kind"),
         ("item", "machine", "reasons"), ("left",), ("left", "start"), ("left", "exact"),
         ("right",), ("comparison", "left", "title"), ("comparison", "right", "sha256"),
         ("comparison", "left", "source"), ("comparison",), ("item",)]


@st.composite
def mutated_lines(draw: st.DrawFn) -> str:
    record = copy.deepcopy(TEMPLATE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        target = record
        for key in path[:-1]:
            if not isinstance(target, dict) or not isinstance(target.get(key), dict):
                break
            target = target[key]
        else:
            if draw(st.booleans()) or path[-1] not in target:
                target[path[-1]] = draw(JSON_VALUES)
            else:
                del target[path[-1]]
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


LINES = mutated_lines() | st.text(max_size=40) | st.just(GOOD)


@contextmanager
def _fresh_data_dir() -> Iterator[Path]:
    saved = os.environ.get("CROSSCHECK_DATA_DIR")
    with tempfile.TemporaryDirectory() as directory:
        os.environ["CROSSCHECK_DATA_DIR"] = directory
        try:
            yield Path(directory)
        finally:
            if saved is None:
                del os.environ["CROSSCHECK_DATA_DIR"]
            else:
                os.environ["CROSSCHECK_DATA_DIR"] = saved


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINES, min_size=1, max_size=4))
def test_random_records_import_cleanly_or_are_refused_and_exports_still_work(
        lines: list[str]) -> None:
    with _fresh_data_dir() as directory:
        team = directory / "team.jsonl"
        team.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
        code = main(["import", str(team)])
        assert code in (0, 2)
        if code == 2:
            assert main(["export", "-o", str(directory / "after.jsonl")]) == 0
            assert (directory / "after.jsonl").read_text(encoding="utf-8") == ""
        for fmt in ("csv", "markdown", "w3c", "jsonl"):
            assert main(["export", "--format", fmt, "-o", str(directory / f"out.{fmt}")]) == 0
