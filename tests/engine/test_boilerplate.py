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
    ("(Photo by Lena Park/Getty Images)", "photo credit"),
    ("Image copyright Getty Images", "photo credit"),
    ("REUTERS/Tomas Varga", "photo credit"),
    ("Firefighters at the scene on Sunday | Getty Images", "caption"),
    ("Delegates arrive for the summit. (Photo: Xinhua)", "caption"),
    ("Protesters outside parliament (AFP/Maria Lind)", "caption"),
    ("A shuttered shop on the high street - AP Photo", "caption"),
    ("Share on Facebook Twitter WhatsApp Email", "share widget"),
    ("Partager | Imprimer", "share widget"),
    ("Teilen · Drucken", "share widget"),
    ("分享 打印 收藏", "share widget"),
    ("Compartir", "share widget"),
    ("Comments (14)", "share widget"),
    ("Font size: A A A", "text size"),
    ("字号：大 中 小", "text size"),
    ("A+ A-", "text size"),
    ("Reporting by Jon Ekberg; Editing by Sara Moll", "credit line"),
    ("(Additional reporting by Ana Ruiz in Madrid)", "credit line"),
    ("Writing by Pavel Orlov and Mei Tan", "credit line"),
    ("Ruth Okafor | Harbour Post", "author line"),
    ("Staff Reporter", "author line"),
    ("Chen Lu, Special Correspondent", "author line"),
    ("BEIJING (Reuters) -", "dateline"),
    ("WASHINGTON, Jan. 5 (AP) —", "dateline"),
    ("(Reuters)", "outlet line"),
    ("(Global Times)", "outlet line"),
    ("Source: Xinhua", "outlet line"),
    ("Editor: Li Ming", "outlet line"),
    ("责任编辑：王芳", "outlet line"),
    # A print / mail / text-size row, with a button label in another script at its end.
    ("Print Mail Large Medium Small", "share widget"),
    ("Print Mail Large Medium Small 中文", "share widget"),
    # A byline with its time stamp.
    ("By Jane Doe, Staff Reporter 10:32 AM EST", "byline"),
    ("By Ola Brandt | Updated: May 3, 2013 at 1:10PM", "byline"),
    ("By Kim Ho 3:15 p.m. ET", "byline"),
]
CONTENT = [
    "By Tuesday, officials said the count had risen to 40.",
    "The council voted 7-2 to approve the budget.",
    "Related talks are expected to resume in April.",
    "Printing costs rose by 4 percent last year.",
    "Share prices fell sharply after the announcement.",
    "Copyright disputes have cost the industry millions, the report said.",
    # Look-alikes of the newer families: reporting that mentions the same words.
    "The ministry said it would print new guidelines next month.",
    "Reuters reported that the firm had been fined.",
    "By Tuesday, the company had shared its findings with regulators.",
    "Getty Images, the photo agency, said it would cut 200 jobs.",
    "Officials declined to share the report.",
    "The editor of the newspaper, Li Ming, resigned on Monday.",
    "Source code for the tool was released on Friday.",
    "Reporting by the newspaper revealed that the deal was signed in May.",
    "He worked for twenty years at the agency (AFP).",
    "(The vote was 7-2, officials said.)",
    "Save the Children said 40 schools were damaged.",
    "Comments from the minister angered the unions.",
    "Twitter suspended the account on Monday.",
    "A photo of the letter was shared widely online.",
    "Staff reporters at the paper went on strike over pay.",
    "The photo agency AFP said its staff were safe.",
    "Editors at three newspapers signed the open letter.",
    "Small businesses said the tax was unfair.",
    "Medium-sized firms cut 300 jobs.",
    "By 10:30 am the road had reopened.",
    "By Tuesday at 10:30 the count had risen to 40.",
    "Large crowds gathered in the square 中文",
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
