"""Sources with names and dates: from the page, from --name, in the JSON, as a timeline reason."""

from __future__ import annotations

import dataclasses
import json

from crosscheck.cli import main
from crosscheck.engine.analyze import analyze
from crosscheck.engine.html_text import host_name
from crosscheck.engine.ingest import document_from_text
from crosscheck.engine.jsonio import analysis_from_dict, analysis_to_dict

PAGE = """<!doctype html><html><head><title>Plant to cut jobs | The Harbour Post</title>
<meta property="og:site_name" content="The Harbour Post">
<meta property="article:published_time" content="2026-03-03T09:12:00+00:00">
<meta property="article:modified_time" content="2026-03-03T14:40:00+00:00">
</head><body><article><h1>Plant to cut jobs</h1>
<p>The Dunmore harbour plant will cut 300 jobs, the company said on Monday.</p>
<p>Workers were told of the plan at a meeting in the morning, a union official said.</p>
</article></body></html>"""


def test_a_page_names_its_outlet_and_publication_times():
    doc = document_from_text(PAGE, source="https://www.harbourpost.example/a", side="L",
                             is_html=True)
    assert doc.name == "The Harbour Post"
    assert doc.published == "2026-03-03T09:12:00+00:00"
    assert doc.updated == "2026-03-03T14:40:00+00:00"


def test_a_page_without_a_site_name_is_named_by_its_host_and_a_file_by_nothing():
    bare = PAGE.replace('<meta property="og:site_name" content="The Harbour Post">', "")
    doc = document_from_text(bare, source="https://www.harbourpost.example/a", side="L",
                             is_html=True)
    assert doc.name == "harbourpost.example"
    assert document_from_text("Plain text. Two sentences.", source="a.txt", side="L").name is None
    assert host_name("/home/me/a.html") is None


def test_a_site_name_cannot_carry_a_control_sequence():
    hostile = PAGE.replace("The Harbour Post\">", "The \x1b[31mHarbour\x07 Post\">")
    doc = document_from_text(hostile, source="https://harbourpost.example/a", side="L",
                             is_html=True)
    assert doc.name is not None and doc.name.isprintable()


def test_names_and_times_survive_the_json_round_trip():
    left = document_from_text(PAGE, source="https://harbourpost.example/a", side="L",
                              is_html=True)
    right = document_from_text("Plant news\n\nThe plant will cut 250 jobs, the firm said.",
                               source="b.txt", side="R")
    data = analysis_to_dict(analyze(left, right))
    assert data["left"]["name"] == "The Harbour Post" and data["right"]["name"] is None
    again = analysis_from_dict(json.loads(json.dumps(data)))
    assert (again.left.name, again.left.updated) == (left.name, left.updated)


def _conflict(published_left: str | None, published_right: str | None):
    left = document_from_text(
        "Plant news\n\nThe Dunmore plant will cut 300 jobs, the company said on Monday.",
        source="l.txt", side="L")
    right = document_from_text(
        "Plant news\n\nThe Dunmore plant will cut 450 jobs, the company said on Monday.",
        source="r.txt", side="R")
    left = dataclasses.replace(left, published=published_left)
    right = dataclasses.replace(right, published=published_right)
    (flag,) = [link for link in analyze(left, right).links
               if link.contradiction and link.contradiction.score >= 0.5]
    return flag.contradiction


def test_a_count_that_differs_between_reports_hours_apart_is_offered_as_an_update():
    conflict = _conflict("2026-03-03T09:00:00+00:00", "2026-03-03T17:30:00+00:00")
    timeline = [r for r in conflict.reasons if r.type == "timeline"]
    assert len(timeline) == 1
    assert "8 hours apart" in timeline[0].explanation
    assert "right report may update" in timeline[0].explanation
    assert conflict.score == _conflict(None, None).score  # offered, not scored


def test_reports_published_together_or_undated_get_no_timeline_reason():
    for times in (("2026-03-03T09:00:00+00:00", "2026-03-03T09:20:00+00:00"), (None, None),
                  ("2026-03-03", None)):
        assert all(r.type != "timeline" for r in _conflict(*times).reasons)


def test_name_option_names_the_sources_in_the_json(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CROSSCHECK_DATA_DIR", str(tmp_path / "data"))
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Plant news\n\nThe plant will cut 300 jobs, the firm said.", encoding="utf-8")
    b.write_text("Plant news\n\nThe plant will cut 250 jobs, the firm said.", encoding="utf-8")
    assert main(["analyze", str(a), str(b), "--format", "json", "--name", "Harbour Post",
                 "Northwire"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["left"]["name"], data["right"]["name"]) == ("Harbour Post", "Northwire")


def test_a_name_that_is_not_printable_is_one_line_and_exit_2(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("One sentence here.", encoding="utf-8")
    try:
        main(["analyze", str(a), str(a), "--name", "ok", "bad\x1bname"])
    except SystemExit as exit_:
        assert exit_.code == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and len(err.strip().splitlines()) == 1
