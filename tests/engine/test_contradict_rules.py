"""Each reason type on general cases written for the rule, and the look-alikes that must not fire.

None of these sentences comes from the sample corpus: they are the shapes a rule is for
("a count of the same thing, different values"), in everyday news wording. The look-alikes
include the wordings that raised false alarms on real articles.
"""

from __future__ import annotations

import pytest
from contradict_helpers import check_pair, score, types

from crosscheck.engine.model import says_more_than_spans

CONFLICTS = [
    # number: the same count, different values
    ("The ferry carried 212 passengers.", "The ferry carried 180 passengers.", "number"),
    ("Nine schools closed because of the storm.", "Six schools closed because of the storm.",
     "number"),
    ("The blast injured seven workers.", "Nine people were hurt in the blast.", "number"),
    ("The vote was 7-4 in favour.", "Members voted 6-5 in favour.", "number"),
    ("The bridge cost $38 million to build.", "The bridge cost $52 million to build.", "number"),
    ("The bill passed in a 5-2 vote on Monday.", "The bill passed unanimously on Monday.",
     "number"),
    ("The runner finished in third place.", "The runner finished in fifth place.", "number"),
    # date: the same event, a different day or time
    ("The museum reopened on Friday.", "The museum reopened on Wednesday.", "date"),
    ("The ship docked on Feb. 24 at the port.", "The ship docked on 27 February at the port.",
     "date"),
    ("The alarm sounded at about 2:40 a.m.", "The alarm sounded shortly after 4 a.m.", "date"),
    # entity: a different name in the same role, or different lists
    ("The contract went to the Northern Rail Institute.",
     "The contract went to the Coastal Transport Institute, a separate body.", "entity"),
    ("The partners include Volvo, Siemens, Nokia and Bosch.",
     "The partners include Bosch, Siemens and Philips.", "entity"),
    ("Chief Executive Mara Lind said sales had grown.",
     "Sales had grown, Chief Executive Tomas Berg said.", "entity"),
    ("A French tourist was rescued from the river.", "A German tourist was rescued from the river.",
     "entity"),
    # negation: one side denies what the other asserts
    ("The committee approved the new housing plan.",
     "The committee has not approved the new housing plan.", "negation"),
    ("No one was hurt in the collision.", "Two drivers were hurt in the collision.", "negation"),
    ("The levee did not fail, the engineers said.", "The levee failed in the early hours.",
     "negation"),
    # denial: one side disputes what the other reports
    ("The bank plans to close 40 branches, according to people familiar with the plan.",
     "The bank denied reports that it plans to close branches.", "denial"),
    ("The ministry ordered the museum to return the statue, the newspaper reported.",
     "A ministry spokesman said the newspaper's report about the statue was inaccurate.",
     "denial"),
    # modality: certain on one side, hedged on the other
    ("The regulator will fine the airline.", "The regulator may fine the airline.", "modality"),
    ("The merger was confirmed by both banks on Monday.",
     "No details of the merger between the banks were confirmed on Monday.", "modality"),
    ("Rumoured for weeks, the studio has now confirmed that Ines Paul will direct the remake.",
     "Ines Paul, who won an award last year, is negotiating to direct the remake, agents say.",
     "modality"),
    # quote: one remark or document quoted in different words
    ('Ortiz said she expected prices to "fall sharply" next year.',
     'Ortiz said she expected prices to "stay flat" next year.', "quote"),
    ('Adeyemi said: "We will not sell the club."', 'Adeyemi said: "We will sell the club."',
     "quote"),
    ('The memo asks staff to "report every absence within an hour".',
     'The memo asks employees to "share their views on attendance".', "quote"),
    # antonym: opposite predicates in one claim
    ("The factory passed its latest safety inspection.",
     "The factory failed its latest safety inspection.", "antonym"),
    ("Shares in the airline rose sharply on Tuesday.",
     "Shares in the airline fell sharply on Tuesday.", "antonym"),
    ("The court rejected the request for bail.", "The court granted the request for bail.",
     "antonym"),
    ("A young man was arrested near the station.", "An old man was arrested near the station.",
     "antonym"),
]


@pytest.mark.parametrize(("left", "right", "kind"), CONFLICTS,
                         ids=[f"{k}:{left[:30]}" for left, _, k in CONFLICTS])
def test_conflict_is_flagged_with_its_type(left: str, right: str, kind: str) -> None:
    assert kind in types(left, right)


LOOK_ALIKES = [
    # numbers within rounding, approximations, units and number words
    ("There were 31 guards on the night shift.", "About 30 guards worked the night shift."),
    ("The app has 8.96 million users.", "The app has nearly 9 million users."),
    ("A dozen boats were sent.", "Twelve boats were sent."),
    ("The pipeline runs 5 km.", "The pipeline runs 5,000 metres."),
    ("More than 600 people attended.", "Some 650 people attended."),
    # numbers of different things
    ("The shutdown lasted 35 days.", "The reopening took three weeks."),
    ("The clinic employs 140 people.", "The fire injured nine people at dawn."),
    # reporting dates are not event dates
    ("The magazine noted on Thursday that the plant had closed.",
     "The report about the plant was published on Wednesday."),
    ("The storm arrived on Friday night.", "The storm arrived on Friday."),
    ("The mayor resigned on Monday, officials said on Tuesday.",
     "The mayor resigned on Monday, a spokesman said on Wednesday."),
    # aliases and the same name written differently
    ("U.S officials met the delegation.", "US officials met the delegation."),
    ("Beijing rejected the proposal.", "China rejected the proposal."),
    ("Smith said the fire began in a storage room.",
     "John Smith said the fire began in a storage room."),
    # quotes: the same remark trimmed, or different remarks
    ('The mayor called it "a terrible night for our city" and thanked crews.',
     '"This was a terrible night for our city," the mayor said.'),
    ('"We will study the ruling ... before deciding," the lawyer said.',
     '"We will study the ruling carefully before deciding," the lawyer said.'),
    ('"The roads are clear now," a police officer said.',
     '"We expect more snow tonight," the forecaster said.'),
    # ordinary news wording that is not a negation, denial or hedge
    ("The festival is not only a concert but also a market.",
     "The festival is a concert and a market."),
    ("Police did not rule out arson.", "Police said the fire was arson."),
    ("Rescuers could not reach the village until Sunday.", "Rescuers reached the village."),
    ("The firm denied wrongdoing but paid a fine.",
     "The firm paid a fine without admitting or denying wrongdoing."),
    ("The building was described as a warehouse.", "The building is a warehouse."),
    ("Asked whether the school would reopen, the head teacher said yes.",
     "The school will reopen, the head teacher said."),
    ("The team plans to build a new stadium.", "The city will pay for new roads."),
    ("It is expected that the vote will be held in May.",
     "It is expected that the vote will be held in May, officials said."),
    ("Traffic will be directed to a detour.",
     "The closure is expected to last about three months."),
    # the same claim with a detail added
    ("The council approved the budget.", "The council approved the budget on Monday."),
    ("Both sides denied the report.", "Both sides denied the report on Friday."),
    ("The bill passed in a 5-0 vote.", "The bill passed unanimously."),
]


@pytest.mark.parametrize(("left", "right"), LOOK_ALIKES, ids=[a[:40] for a, _ in LOOK_ALIKES])
def test_look_alike_is_not_flagged(left: str, right: str) -> None:
    assert score(left, right) < 0.5


def test_about_30_vs_31_is_not_a_number_conflict() -> None:
    assert score("There were about 30 guards.", "There were 31 guards.") < 0.5
    assert "number" in types("There were about 30 guards.", "There were 45 guards.")


def test_rounding_lowers_the_score_instead_of_raising_an_alarm() -> None:
    rounded = score("The app has 650 million users.", "The app has 648 million users.")
    different = score("The app has 650 million users.", "The app has 600 million users.")
    assert rounded < 0.5 <= different


@pytest.mark.parametrize("related", [0.1, 0.3])
def test_a_weakly_related_pair_never_reaches_the_threshold(related: float) -> None:
    left, right = "Shares in the airline rose sharply.", "Shares in the airline fell sharply."
    assert score(left, right, related=related) < 0.5 <= score(left, right)


def test_a_vote_conflict_names_both_tallies() -> None:
    found = check_pair("The bill passed in a 5-2 vote.", "The bill passed unanimously.")
    (reason,) = found.reasons
    assert (reason.left, reason.right) == ("5-2", "unanimously")
    assert reason.explanation == "votes: 5-2 vs unanimously"


def test_a_substituted_word_is_named_as_the_span_not_the_sentence() -> None:
    found = check_pair("A young man was arrested.", "An old man was arrested.")
    (reason,) = [r for r in found.reasons if r.type == "antonym"]
    assert (reason.left, reason.right, reason.explanation) == ("young", "old", "young vs old")


def test_antonyms_in_sentences_about_different_things_are_not_compared() -> None:
    assert score("Oil prices rose in March.", "Unemployment in the region fell sharply.") < 0.5


def test_countries_in_different_slots_of_different_claims_are_not_compared() -> None:
    assert score("French police arrested two men.", "The suspects had travelled from Germany "
                 "by train two weeks earlier, prosecutors said.") < 0.5


def test_a_negation_names_the_negated_phrase_and_the_asserted_one() -> None:
    found = check_pair("The committee approved the new housing plan on Monday.",
                       "The committee has not approved the new housing plan.")
    (reason,) = found.reasons
    assert (reason.left, reason.right) == ("approved the new housing plan",
                                           "not approved the new housing plan")
    assert reason.explanation == ("“not approved the new housing plan” vs "
                                  "“approved the new housing plan”")


def test_a_denial_names_the_claim_it_disputes_not_the_whole_sentence() -> None:
    found = check_pair("The bank plans to close 40 branches, according to people familiar "
                       "with the plan.", "The bank denied reports that it plans to close branches.")
    (reason,) = found.reasons
    assert reason.type == "denial" and reason.left == "bank plans to close 40 branches"
    assert reason.explanation == "“denied” disputes “bank plans to close 40 branches”"


def test_an_explanation_that_only_restates_its_spans_is_not_said_twice() -> None:
    assert not says_more_than_spans("rose vs fell", "rose", "fell")
    assert not says_more_than_spans("", "rose", "fell")
    assert says_more_than_spans("votes: 5-2 vs unanimously", "5-2", "unanimously")
    assert says_more_than_spans("650 million users vs 600 million users (within rounding)",
                                "650 million users", "600 million users")


def test_the_month_may_in_a_date_is_not_a_hedge():
    # A dateline's "May 2, 2013" against a certain statement is no hedging conflict ...
    assert "modality" not in types(
        "Harbour plant closes its doors, May 2, 2013 at 4 pm.",
        "The harbour plant will close its doors, the owners said.", threshold=0.0)
    # ... while the modal verb still is one.
    assert "modality" in types("The harbour plant may close its doors, the owners said.",
                               "The harbour plant will close its doors, the owners said.",
                               threshold=0.0)
