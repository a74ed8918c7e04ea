"""Export formats: golden files (the bytes are the contract), safety and round trips."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_fixtures import FixedClock, make_analysis
from syrupy.extensions.single_file import SingleFileSnapshotExtension

from crosscheck.store import VerdictStore
from crosscheck.store.exports import FORMATS, render, safe_cell, to_csv, to_jsonl, to_w3c
from crosscheck.store.markdown_export import to_markdown

EXTENSIONS = {"jsonl": "jsonl", "csv": "csv", "markdown": "md", "w3c": "jsonld"}


def _extension(suffix: str) -> type[SingleFileSnapshotExtension]:
    return type(f"{suffix}Snapshot", (SingleFileSnapshotExtension,), {"_file_extension": suffix})


def reviewed_store() -> VerdictStore:
    """Two reviewers on one pair, with a note a spreadsheet would try to run."""
    store = VerdictStore.memory(clock=FixedClock())
    cmp = store.open_comparison(make_analysis())
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    store.set_note(cmp.id, "L1~R1", "=HYPERLINK(\"x\") seven vs eight, «vote»", "ann")
    store.set_verdict(cmp.id, "L0~R0", "consistent", "ann")
    store.set_verdict(cmp.id, "L4", "unsure", "ann")
    store.set_note(cmp.id, "R2", "-colour only", "ann")
    store.set_verdict(cmp.id, "L1~R1", "consistent", "bob")
    store.set_verdict(cmp.id, "L0~R0", "consistent", "bob")
    return store


@pytest.fixture
def records() -> list[dict]:
    store = reviewed_store()
    yield store.export_records()
    store.close()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_matches_golden_file(records: list[dict], snapshot, fmt: str) -> None:
    # Markdown here is the --full report (every group, ids, scores); the newsroom report has
    # its own golden file (test_newsroom_report.py).
    output = render(fmt, records, full=True).encode("utf-8")
    assert output == snapshot(extension_class=_extension(EXTENSIONS[fmt]))


def test_jsonl_has_the_documented_fields(records: list[dict]) -> None:
    first = json.loads(to_jsonl(records).splitlines()[0])
    assert first["schema"] == "crosscheck.verdict/1"
    assert set(first) >= {"comparison", "item", "left", "right", "verdict", "note", "reviewer",
                          "created", "updated"}
    assert set(first["left"]) == {"exact", "prefix", "suffix", "start", "end"}
    assert set(first["comparison"]["left"]) == {"source", "title", "sha256", "name",
                                                "published", "updated"}
    assert first["item"]["machine"]["kind"] == "paraphrase"
    one_sided = next(json.loads(line) for line in to_jsonl(records).splitlines()
                     if json.loads(line)["item"]["kind"] == "left_only")
    assert one_sided["right"] is None


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_start_a_formula_are_neutralised(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell
    assert safe_cell("a " + cell) == "a " + cell


def test_csv_rows_carry_both_sentences_and_no_live_formula(records: list[dict]) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(records))))
    assert len(rows) == len(records)
    contradiction = next(r for r in rows if r["verdict"] == "contradiction")
    assert contradiction["left_text"].startswith("Seven members")
    assert contradiction["right_text"] == "The vote was eight to one."
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows
               for value in row.values())


def test_w3c_collection_targets_both_documents(records: list[dict]) -> None:
    collection = json.loads(to_w3c(records))
    assert collection["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    annotations = collection["first"]["items"]
    assert collection["total"] == len(annotations) == len(records)
    link = next(a for a in annotations if a["body"][0]["value"] == "contradiction")
    assert [b["purpose"] for b in link["body"]] == ["assessing", "commenting", "describing"]
    assert len(link["target"]) == 2
    for target in link["target"]:
        types = [s["type"] for s in target["selector"]]
        assert types == ["TextQuoteSelector", "TextPositionSelector"]
    assert len({a["id"] for a in annotations}) == len(annotations)


def test_jsonl_round_trips_through_a_fresh_database(records: list[dict]) -> None:
    exported = to_jsonl(records)
    fresh = VerdictStore.memory()
    report = fresh.import_jsonl(exported)
    assert report.merged == len(records)
    assert to_jsonl(fresh.export_records()) == exported
    fresh.close()


def test_export_of_one_comparison_leaves_the_others_out() -> None:
    store = reviewed_store()
    other = store.open_comparison(make_analysis(left_source="/news/third.txt",
                                                left=["A different story entirely."], links=[]))
    store.set_verdict(other.id, other.items[0].key, "unrelated", "ann")
    assert {r["comparison"]["left"]["source"] for r in store.export_records(other.id)} == {
        "/news/third.txt"}
    assert len(store.export_records()) == len(store.export_records(1)) + 1
    store.close()


def _rendered_text(markdown: str) -> str:
    """What a reader sees once a CommonMark renderer (with GFM strike-through) is done."""
    import re

    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("strikethrough").render(markdown)
    assert "<em>" not in html and "<strong>" not in html and "<s>" not in html
    assert "<a " not in html.replace('<a href="https://news.test/a?x=1">', "")
    return re.sub(r"<[^>]+>", "", html).replace("&quot;", '"').replace("&amp;", "&") \
        .replace("&lt;", "<").replace("&gt;", ">")


def test_markdown_export_keeps_article_text_and_notes_literal() -> None:
    store = VerdictStore.memory(clock=FixedClock())
    left = ["# Not a heading, [a link](http://x.test) and \x1b[31mred\x1b[0m, <b>raw</b> "
            "&amp; `code` ~~struck~~ snake_case_name."]
    cmp = store.open_comparison(make_analysis(left=left, links=[]))
    store.set_verdict(cmp.id, "L0", "unsure", "ann")
    store.set_note(cmp.id, "L0", "*not bold* and _not italic_", "ann")
    report = to_markdown(store.export_records())
    assert "\x1b" not in report
    shown = _rendered_text(report)
    assert ("# Not a heading, [a link](http://x.test) and ␛[31mred␛[0m, <b>raw</b> &amp; "
            "`code` ~~struck~~ snake_case_name.") in shown
    assert "Note: *not bold* and _not italic_" in shown


def test_markdown_plain_prose_carries_no_backslashes() -> None:
    store = VerdictStore.memory(clock=FixedClock())
    prose = ["The vote passed 7-2 (narrowly) on Tuesday! Costs rose 5% to $4 million #budget.",
             "A single * star, one _ underscore and snake_case stay as they are."]
    cmp = store.open_comparison(make_analysis(left=prose, links=[]))
    store.set_verdict(cmp.id, "L0", "unsure", "ann")
    store.set_note(cmp.id, "L1", "Check (again) with the desk - 2 sources?", "ann")
    report = to_markdown(store.export_records())
    assert "\\" not in report
    assert "Left: The vote passed 7-2 (narrowly) on Tuesday! Costs rose 5% to $4 million " \
           "#budget." in report
    assert "Note: Check (again) with the desk - 2 sources?" in report


def test_markdown_orders_contradictions_then_unsure_then_the_rest_in_article_order() -> None:
    store = VerdictStore.memory(clock=FixedClock())
    cmp = store.open_comparison(make_analysis())
    for key, verdict in (("L3~R4", "consistent"), ("L1~R1", "contradiction"),
                         ("L4", "unsure"), ("L0~R0", "consistent"), ("R2", "unsure"),
                         ("L2~R3", "contradiction")):
        store.set_verdict(cmp.id, key, verdict, "ann")
    report = to_markdown(store.export_records())
    headings = [line for line in report.splitlines() if line.startswith("### ")]
    assert headings == ["### Contradiction (2)", "### Unsure (2)", "### Consistent (2)"]
    keys = [line.split("`")[1] for line in report.splitlines() if line.startswith("- `")]
    assert keys == ["L1~R1", "L2~R3", "R2", "L4", "L0~R0", "L3~R4"]


def test_markdown_names_each_article_with_its_source() -> None:
    store = VerdictStore.memory(clock=FixedClock())
    analysis = make_analysis(left_source="https://news.test/a?x=1",
                             right_source="/news/right_side.html")
    cmp = store.open_comparison(analysis)
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    report = to_markdown(store.export_records())
    assert "- Left: Ferry to close, <https://news.test/a?x=1> (sha256 " in report
    assert "- Right: Council shuts ferry, /news/right_side.html (sha256 " in report
    _rendered_text(report)


def test_every_format_carries_the_reasons_and_both_scores_labelled(records: list[dict]) -> None:
    markdown = to_markdown(records)
    assert ("  - Tool: related link; match score 0.52, contradiction score 0.74\n"
            '    - Reason: number: "Seven" vs "eight" (7 vs 8 members in favour)\n'
            "  - Note: =HYPERLINK(\"x\") seven vs eight, «vote»") in markdown
    row = next(r for r in csv.DictReader(io.StringIO(to_csv(records)))
               if r["verdict"] == "contradiction")
    assert (row["match_score"], row["contradiction_score"]) == ("0.52", "0.74")
    assert row["reason_types"] == "number"
    assert row["reasons"] == 'number: "Seven" vs "eight" (7 vs 8 members in favour)'
    assert row["reason_spans"] == "59-64 / 62-67"
    machine = json.loads(to_jsonl(records).splitlines()[2])["item"]["machine"]
    assert machine["score"] == 0.52 and machine["contradiction"] == 0.74
    assert machine["reasons"] == [{"type": "number", "left": "Seven", "right": "eight",
                                   "explanation": "7 vs 8 members in favour",
                                   "left_span": [59, 64], "right_span": [62, 67]}]
    annotation = next(a for a in json.loads(to_w3c(records))["first"]["items"]
                      if a["body"][0]["value"] == "contradiction")
    finding = annotation["body"][-1]
    assert finding["purpose"] == "describing" and finding["creator"]["type"] == "Software"
    assert finding["value"] == ("Tool: related link; match score 0.52, contradiction score 0.74\n"
                                'Reason: number: "Seven" vs "eight" (7 vs 8 members in favour)')


def test_w3c_source_is_the_url_or_path_with_the_sha256_kept(records: list[dict]) -> None:
    annotation = json.loads(to_w3c(records))["first"]["items"][0]
    left, right = annotation["target"]
    # A URI (issue 17): a path as file:///abs/path, a URL as it is.
    assert left["source"] == "file:///news/left.txt"
    assert right["source"] == "file:///news/right.html"
    assert left["sha256"] == records[0]["comparison"]["left"]["sha256"]
    context = json.loads(to_w3c(records))["@context"]
    assert context[0] == "http://www.w3.org/ns/anno.jsonld" and "sha256" in context[1]


def test_a_reason_whose_explanation_restates_the_spans_is_said_once() -> None:
    from crosscheck.store.findings import reason_text

    assert reason_text({"type": "date", "left": "in March", "right": "in June",
                        "explanation": "in March vs in June"}) == \
        'date: "in March" vs "in June"'
    assert reason_text({"type": "number", "left": "Seven", "right": "eight",
                        "explanation": "7 vs 8 members"}) == \
        'number: "Seven" vs "eight" (7 vs 8 members)'
