"""Each reason type on small pairs: the conflict a reader would flag, and its look-alikes."""

from __future__ import annotations

import pytest
from contradict_helpers import score, types

CONFLICTS = [
    # number
    ("The service has 650 million users.", "The service has 600 million users.", "number"),
    ("Fourteen companies received the letter.", "Eleven companies received the letter.",
     "number"),
    ("The fire injured seven workers.", "Nine people were hurt in the fire.", "number"),
    ("The vote was 7-4 in favour.", "Councillors voted 6-5 in favour.", "number"),
    ("Analysts expected a profit of $240 million.", "Analysts forecast a profit of $251 million.",
     "number"),
    # date
    ("The letter was sent on Friday.", "The letter was sent on Wednesday.", "date"),
    ("It was sent on Feb. 24 by the agency.", "It was sent on 27 February by the agency.", "date"),
    ("The blaze broke out at about 2:40 a.m.", "The blaze broke out shortly after 4 a.m.", "date"),
    ("Firms were given until March 15 to respond.", "Firms have until the end of March to respond.",
     "date"),
    # entity
    ("It was sent by the National Internet Evaluation Center.",
     "It was sent by the Digital Services Certification Center, a separate body.", "entity"),
    ("The firms include Google, Facebook, Uber and Apple.",
     "The firms include Apple, Facebook and IBM.", "entity"),
    ("Chief Financial Officer Pieter Vance said the company had cash.",
     "The company had cash, Chief Financial Officer Anouk Rell said.", "entity"),
    # negation
    ("The council approved the new budget for the tram line.",
     "The council has not approved the new budget for the tram line.", "negation"),
    ("No one was trapped inside the building.", "Two workers were trapped inside the building.",
     "negation"),
    # denial
    ("Harrowgate plans to cut about 900 jobs, according to people familiar with the plan.",
     "Harrowgate denied reports that it plans to cut jobs.", "denial"),
    ("The pledge requires firms to store data locally, the agency reported.",
     "An official said the agency report on the pledge was inaccurate.", "denial"),
    ("The document is a binding pledge for the firms.",
     "What was described as a pledge is in fact a letter asking the firms for opinions.", "denial"),
    # modality
    ("The ministry will fine companies that refuse.",
     "The ministry may fine companies that refuse.", "modality"),
    ("The cause of the fire is under investigation.",
     "The fire was caused by an electrical fault, the company said.", "modality"),
    ("The merger was confirmed by both companies on Monday.",
     "No details of the merger between the companies were confirmed on Monday.", "modality"),
    # quote
    ('Lindqvist said she expected demand to "recover sharply" next year.',
     'Lindqvist said she expected demand to "stabilise gradually" next year.', "quote"),
    ('Okafor said: "We will not appeal the ruling."', 'Okafor said: "We will appeal the ruling."',
     "quote"),
    # antonym
    ("The plant passed its most recent safety inspection in May.",
     "City records show the plant failed its most recent safety inspection in May.", "antonym"),
    ("Shares in the company rose sharply on Tuesday.",
     "Shares in the company fell sharply on Tuesday.", "antonym"),
    ("The judge rejected the request to pay the fine in installments.",
     "The judge granted the request to pay the fine in installments.", "antonym"),
]


@pytest.mark.parametrize(("left", "right", "kind"), CONFLICTS,
                         ids=[f"{k}:{left[:30]}" for left, _, k in CONFLICTS])
def test_conflict_is_flagged_with_its_type(left: str, right: str, kind: str) -> None:
    assert kind in types(left, right)


LOOK_ALIKES = [
    ("There were 31 workers on the night shift.", "About 30 employees worked the night shift."),
    ("Marestan has 8.96 million internet users.", "Marestan has nearly 9 million internet users."),
    ("A dozen fire engines were sent.", "Twelve fire engines were sent."),
    ("The plant employs 5 km of pipes.", "The plant employs 5,000 metres of pipes."),
    ("The company had 648 million users.", "The company had 650 million users."),
    ("More than 600 people attended.", "Some 650 people attended."),
    ("The storm arrived on Friday night.", "The storm arrived on Friday."),
    ('The mayor called it "a terrible night for our city" and thanked crews.',
     '"This was a terrible night for our city," the mayor said.'),
    ('"We will study the ruling ... before deciding," the lawyer said.',
     '"We will study the ruling carefully before deciding," the lawyer said.'),
    ("Last year Marestan passed a law requiring platforms to remove posts.",
     "Last year, Marestan passed a law requiring platforms to remove posts."),
    ("Smith said the fire began in a storage room.",
     "John Smith said the fire began in a storage room."),
    ("The council approved the budget.", "The council approved the budget on Monday."),
    ("Both sides denied the report.", "Both sides denied the report on Friday."),
]


@pytest.mark.parametrize(("left", "right"), LOOK_ALIKES, ids=[a[:40] for a, _ in LOOK_ALIKES])
def test_look_alike_is_not_flagged(left: str, right: str) -> None:
    assert score(left, right) < 0.5


def test_about_30_vs_31_is_not_a_number_conflict() -> None:
    assert score("There were about 30 workers.", "There were 31 workers.") < 0.5
    assert "number" in types("There were about 30 workers.", "There were 45 workers.")


def test_rounding_lowers_the_score_instead_of_raising_an_alarm() -> None:
    rounded = score("The firm has 650 million users.", "The firm has 648 million users.")
    different = score("The firm has 650 million users.", "The firm has 600 million users.")
    assert rounded < 0.5 <= different


def test_different_quantities_of_different_things_are_not_compared() -> None:
    assert score("The plant employs 140 people.", "The fire injured nine people at dawn.") < 0.5
