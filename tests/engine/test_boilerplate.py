"""Page furniture is recognised as boilerplate; reporting that merely resembles it is not."""

from __future__ import annotations

import pytest

from crosscheck.engine.boilerplate import BOILERPLATE_PATTERNS, boilerplate_kind
from crosscheck.engine.ingest import document_from_text

FURNITURE = [
    ("© 2026 Northwire News Agency.", "copyright"),
    ("Copyright 2026 The Harbour Post", "copyright"),
    ("All rights reserved.", "rights reserved"),
    ("Share this article", "share widget"),
    ("Share on Facebook | Twitter | Email", "share widget"),
    ("Print", "share widget"),
    ("Don't miss: five things to know about the vote", "teaser"),
    ("Read more: how the budget was built", "teaser"),
    ("Advertisement", "teaser"),
    ("Sign up for our morning newsletter", "newsletter"),
    ("By Jane Doe, Staff Reporter", "byline"),
    ("By Ola Brandt and Kim Ho", "byline"),
    ("LORVIK, March 3 (Northwire) -", "dateline"),
    ("Updated: 14 March 2026, 09:12", "updated stamp"),
    ("Photo: a crowd outside the council chamber", "photo credit"),
]
CONTENT = [
    "By Tuesday, officials said the count had risen to 40.",
    "The council voted 7-2 to approve the budget.",
    "Related talks are expected to resume in April.",
    "Printing costs rose by 4 percent last year.",
    "Share prices fell sharply after the announcement.",
    "Copyright disputes have cost the industry millions, the report said.",
]


@pytest.mark.parametrize(("line", "family"), FURNITURE)
def test_furniture_line_is_boilerplate(line, family):
    assert boilerplate_kind(line) == family


@pytest.mark.parametrize("line", CONTENT)
def test_reporting_sentence_is_not_boilerplate(line):
    assert boilerplate_kind(line) is None


def test_every_pattern_family_has_an_example():
    assert {family for _, family in FURNITURE} == set(BOILERPLATE_PATTERNS)


def test_boilerplate_is_kept_in_the_document_and_marked():
    doc = document_from_text("Strike ends\n\nBy Jane Doe, Staff Reporter\n\nWorkers returned.\n",
                             source="x", side="L")
    marked = {s.text: s.boilerplate for s in doc.sentences}
    assert marked == {"Strike ends": False, "By Jane Doe, Staff Reporter": True,
                      "Workers returned.": False}
