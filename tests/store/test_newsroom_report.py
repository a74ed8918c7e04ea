"""The newsroom report (``export --format markdown``): a golden file on a store built here."""

from __future__ import annotations

import dataclasses

from store_fixtures import LEFT, LINKS, RIGHT, FixedClock, make_analysis
from syrupy.extensions.single_file import SingleFileSnapshotExtension

from crosscheck.engine.model import Contradiction, Reason
from crosscheck.store import VerdictStore
from crosscheck.store.exports import render
from crosscheck.store.sources import minute_time


class MarkdownSnapshot(SingleFileSnapshotExtension):
    _file_extension = "md"


def _span(sentences: list[str], words: str) -> tuple[int, int]:
    start = " ".join(sentences).index(words)
    return start, start + len(words)


def named_analysis():
    """The fixture pair with outlet names, publication times and a second flag; the stored
    reason words are stop-word-stripped, as the engine's are, so the report must not use them."""
    links = [*LINKS[:3], (("L3",), ("R4",), "paraphrase", 0.77, Contradiction(0.61, (
        Reason("number", "cost 4 million", "cost repairs 4 million", "", _span(LEFT, "cost about"
               " 4 million"), _span(RIGHT, "cost of repairs at 4 million")),)))]
    links[1] = (("L1",), ("R1",), "related", 0.52, Contradiction(0.74, (
        Reason("number", "Seven members", "vote eight", "7 vs 8 members in favour", (59, 72),
               (62, 67)),)))
    analysis = make_analysis(links=links, right_source="https://post.example/ferry")
    left = dataclasses.replace(analysis.left, name="Harbour Gazette",
                               published="2025-02-28T18:05:41+01:00")
    right = dataclasses.replace(analysis.right, name="The Harbour Post",
                                published="2025-03-01T07:00:00Z",
                                updated="2025-03-01T08:12:59Z")
    return dataclasses.replace(analysis, left=left, right=right)


def reviewed() -> VerdictStore:
    store = VerdictStore.memory(clock=FixedClock())
    cmp = store.open_comparison(named_analysis())
    store.set_verdict(cmp.id, "L1~R1", "contradiction", "ann")
    store.set_note(cmp.id, "L1~R1", "Called the clerk: it was seven.", "ann")
    store.set_verdict(cmp.id, "L4", "omitted", "ann")
    store.set_verdict(cmp.id, "R2", "needs_verification", "ann")
    store.set_verdict(cmp.id, "L2~R3", "consistent", "ann")
    store.set_verdict(cmp.id, "L0~R0", "unrelated", "ann")  # housekeeping: left out
    return store


def test_newsroom_report_matches_golden_file(snapshot) -> None:
    with reviewed() as store:
        report = render("markdown", store.export_records(), coverage=store.coverage())
    assert report.encode("utf-8") == snapshot(extension_class=MarkdownSnapshot)


def test_newsroom_report_has_no_ids_no_seconds_no_housekeeping() -> None:
    with reviewed() as store:
        report = render("markdown", store.export_records(), coverage=store.coverage())
    assert "L1~R1" not in report and "M:" not in report and ".000Z" not in report
    assert "Unrelated" not in report and "shut the ferry" not in report  # the unrelated pair
    assert "Coverage: 5 of 6 items reviewed; 1 likely contradiction left unreviewed" in report
    assert report.index("### Conflicts") < report.index("### Only in Harbour Gazette") \
        < report.index("### Needs verification")
    # The reason in the articles' own words, never the stored stop-word-stripped spans.
    assert "“Seven members”" in report and "vote eight" not in report
    assert "published 2025-02-28 18:05 +01:00" in report


def test_full_markdown_keeps_ids_and_every_group() -> None:
    with reviewed() as store:
        full = render("markdown", store.export_records(), full=True)
    assert "`L1~R1`" in full and "### Unrelated (1)" in full


def test_minute_time_keeps_the_offset_and_a_bare_date() -> None:
    assert minute_time("2025-03-01T09:30:12.345Z") == "2025-03-01 09:30 UTC"
    assert minute_time("2025-03-01T09:30:12-05:00") == "2025-03-01 09:30 -05:00"
    assert minute_time("2025-03-01") == "2025-03-01"
    assert minute_time("yesterday") == "yesterday"
