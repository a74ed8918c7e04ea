"""Gold cases for sentence segmentation: news-style text and the sentences a reader sees.

Every text is fiction written for this file. ``sentences`` lists the expected sentences in order,
each trimmed of surrounding whitespace; together they cover all non-whitespace of ``text``.
Conventions: a headline, byline, dateline or list item on its own line is its own sentence; a
quotation is never split, so a quote that holds several sentences is one unit with its
attribution, and a quotation alone right after an attributed one joins it (the rule and why:
``crosscheck.engine.segment``); an attribution after a quoted question ("Why now?" she asked.)
stays with the quote. ``xfail`` names why the production
segmenter cannot pass a case (the benchmark still scores it).
"""

from __future__ import annotations

from typing import NamedTuple


class GoldCase(NamedTuple):
    """One text and the sentences it should split into."""

    id: str
    text: str
    sentences: tuple[str, ...]
    xfail: str | None = None


def _case(case_id: str, text: str, *sentences: str, xfail: str | None = None) -> GoldCase:
    return GoldCase(case_id, text, tuple(sentences), xfail)


_ABBREVIATIONS = [
    _case("abbr_us_before_name",
          "The U.S. Senate voted on Tuesday. The bill now goes to the House.",
          "The U.S. Senate voted on Tuesday.", "The bill now goes to the House."),
    _case("abbr_us_ends_sentence",
          "The company moved its headquarters to the U.S. The decision surprised analysts.",
          "The company moved its headquarters to the U.S.", "The decision surprised analysts."),
    _case("abbr_uk_mid_sentence", "Exports to the U.K. fell sharply last year. Officials blamed "
          "new tariffs.", "Exports to the U.K. fell sharply last year.",
          "Officials blamed new tariffs."),
    _case("abbr_uk_ends_sentence", "She studied in the U.K. He stayed home to run the farm.",
          "She studied in the U.K.", "He stayed home to run the farm."),
    _case("abbr_us_and_uk_together",
          "The U.S. and U.K. governments issued a joint statement. It was short.",
          "The U.S. and U.K. governments issued a joint statement.", "It was short."),
    _case("abbr_un_and_who",
          "He works for the U.N. in Geneva. His wife works at the W.H.O. office.",
          "He works for the U.N. in Geneva.", "His wife works at the W.H.O. office."),
    _case("abbr_mr", "Mr. Halvorsen declined to comment. His lawyer did not respond.",
          "Mr. Halvorsen declined to comment.", "His lawyer did not respond."),
    _case("abbr_mrs", "Mrs. Okafor said the school would reopen. Parents were relieved.",
          "Mrs. Okafor said the school would reopen.", "Parents were relieved."),
    _case("abbr_ms_and_mr_with_time",
          "Ms. Kaur and Mr. Brandt met at 10 a.m. on Monday. They agreed on terms.",
          "Ms. Kaur and Mr. Brandt met at 10 a.m. on Monday.", "They agreed on terms."),
    _case("abbr_dr", "Dr. Anjali Rao leads the clinic. She has worked there since 2011.",
          "Dr. Anjali Rao leads the clinic.", "She has worked there since 2011."),
    _case("abbr_gen", "Gen. Marcus Bell told reporters the drill was routine. No shots were fired.",
          "Gen. Marcus Bell told reporters the drill was routine.", "No shots were fired."),
    _case("abbr_sen_twice", "Sen. Dana Whitfield, a Democrat, opposed the measure. Sen. Paul "
          "Ortega supported it.", "Sen. Dana Whitfield, a Democrat, opposed the measure.",
          "Sen. Paul Ortega supported it."),
    _case("abbr_gov_and_rep",
          "Gov. Ellen Marsh signed the bill. Rep. Tom Ruiz called it a mistake.",
          "Gov. Ellen Marsh signed the bill.", "Rep. Tom Ruiz called it a mistake."),
    _case("abbr_prof", "Prof. Leila Haddad studies river ecology. Her team sampled 40 sites.",
          "Prof. Leila Haddad studies river ecology.", "Her team sampled 40 sites."),
    _case("abbr_lt_col", "Lt. Col. Amy Frost commanded the unit. She retired in 2020.",
          "Lt. Col. Amy Frost commanded the unit.", "She retired in 2020."),
    _case("abbr_jan_with_day",
          "The law takes effect Jan. 1, the agency said. Critics want a delay.",
          "The law takes effect Jan. 1, the agency said.", "Critics want a delay."),
    _case("abbr_feb_with_day", "Talks resumed on Feb. 14 in Geneva. Both sides called them useful.",
          "Talks resumed on Feb. 14 in Geneva.", "Both sides called them useful."),
    _case("abbr_sept_day_ends_sentence",
          "The storm made landfall on Sept. 3. Thousands lost power.",
          "The storm made landfall on Sept. 3.", "Thousands lost power."),
    _case("abbr_oct_day_ends_sentence", "The report was dated Oct. 12. Nobody has read it since.",
          "The report was dated Oct. 12.", "Nobody has read it since."),
    _case("abbr_corp_mid_sentence", "Vantor Corp. said profits rose. Shares climbed 4% early on.",
          "Vantor Corp. said profits rose.", "Shares climbed 4% early on."),
    _case("abbr_inc_ends_sentence",
          "The contract went to Brightline Inc. The losing bidder plans to appeal.",
          "The contract went to Brightline Inc.", "The losing bidder plans to appeal."),
    _case("abbr_inc_ends_text", "Shares rose at Norwell Inc.", "Shares rose at Norwell Inc."),
    _case("abbr_ltd", "Harbor Shipping Ltd. reported a loss of $40 million. It blamed fuel costs.",
          "Harbor Shipping Ltd. reported a loss of $40 million.", "It blamed fuel costs."),
    _case("abbr_co",
          "The Marlow Tea Co. announced layoffs on Monday. About 200 workers are affected.",
          "The Marlow Tea Co. announced layoffs on Monday.", "About 200 workers are affected."),
    _case("abbr_jr", "Robert Kline Jr. was elected mayor. He takes office in May.",
          "Robert Kline Jr. was elected mayor.", "He takes office in May."),
    _case("abbr_no_before_number",
          "The ship is moored at Pier No. 5 near the bridge. It leaves at dawn.",
          "The ship is moored at Pier No. 5 near the bridge.", "It leaves at dawn."),
    _case("abbr_no_twice", "Items No. 3 and No. 7 were withdrawn. The rest passed.",
          "Items No. 3 and No. 7 were withdrawn.", "The rest passed."),
    _case("abbr_st_street", "The parade will follow St. Catherine Street. Roads close at noon.",
          "The parade will follow St. Catherine Street.", "Roads close at noon."),
    _case("abbr_st_saint",
          "Crowds gathered outside St. Mary's Hospital. Visitors were turned away.",
          "Crowds gathered outside St. Mary's Hospital.", "Visitors were turned away."),
    _case("abbr_mt", "Climbers reached the summit of Mt. Vesta on Sunday. Two needed help.",
          "Climbers reached the summit of Mt. Vesta on Sunday.", "Two needed help."),
    _case("abbr_vs", "The case, Harlan vs. Medina, reached the court in March. A ruling is due.",
          "The case, Harlan vs. Medina, reached the court in March.", "A ruling is due."),
    _case("abbr_etc_mid_sentence",
          "They sold bread, cheese, fruit, etc. at the market. Prices held.",
          "They sold bread, cheese, fruit, etc. at the market.", "Prices held."),
    _case("abbr_eg", "Some products, e.g. tablets and phones, will cost more. Retailers object.",
          "Some products, e.g. tablets and phones, will cost more.", "Retailers object."),
    _case("abbr_ie", "The plan, i.e. the second draft, was rejected. A vote is set for June.",
          "The plan, i.e. the second draft, was rejected.", "A vote is set for June."),
    _case("abbr_phd", "She earned a Ph.D. in chemistry in 2009. She now runs a lab.",
          "She earned a Ph.D. in chemistry in 2009.", "She now runs a lab."),
]

_INITIALS = [
    _case("initials_spaced", "J. R. Tolliver, the chief executive, resigned on Friday. His deputy "
          "will take over.", "J. R. Tolliver, the chief executive, resigned on Friday.",
          "His deputy will take over."),
    _case("initials_author", "The novel by E. M. Castellan sold well. A sequel is planned.",
          "The novel by E. M. Castellan sold well.", "A sequel is planned."),
    _case("initials_joined", "The firm was founded by A.J. Mercer in 1987. It employs 300 people.",
          "The firm was founded by A.J. Mercer in 1987.", "It employs 300 people."),
    _case("initial_middle_name", "Officials said John F. Kessler would testify. He has not agreed.",
          "Officials said John F. Kessler would testify.", "He has not agreed."),
    _case("initial_in_school_name", "George W. Hale Elementary School closed early. Buses left "
          "at noon.", "George W. Hale Elementary School closed early.", "Buses left at noon."),
]

_NUMBERS = [
    _case("decimal_percent", "Inflation rose 3.5% in March. Economists had expected 3.2%.",
          "Inflation rose 3.5% in March.", "Economists had expected 3.2%."),
    _case("decimal_money", "The city approved a $1.2 billion budget. It sets aside $4.5 million "
          "for parks.", "The city approved a $1.2 billion budget.",
          "It sets aside $4.5 million for parks."),
    _case("version_number", "Version v2.0 of the app fixed the bug. Users can update now.",
          "Version v2.0 of the app fixed the bug.", "Users can update now."),
    _case("thousands_separator", "The index closed at 4,512.38 points. That was a record.",
          "The index closed at 4,512.38 points.", "That was a record."),
    _case("decimal_percent_words", "Turnout was 61.7 percent, officials said. It was 58.2 percent "
          "in 2018.", "Turnout was 61.7 percent, officials said.", "It was 58.2 percent in 2018."),
    _case("sentence_starts_with_number", "The vote was 7-2. 12 members abstained on the second "
          "motion.", "The vote was 7-2.", "12 members abstained on the second motion."),
    _case("sentence_starts_with_year", "Sales fell in 2019. 2020 was worse, the report said.",
          "Sales fell in 2019.", "2020 was worse, the report said."),
    _case("decimal_million_then_percent", "The population is about 2.3 million. Nearly 40% are "
          "under 25.", "The population is about 2.3 million.", "Nearly 40% are under 25."),
]

_TIMES = [
    _case("time_pm_before_weekday", "The meeting starts at 4 p.m. Friday in the town hall. The "
          "public may attend.", "The meeting starts at 4 p.m. Friday in the town hall.",
          "The public may attend."),
    _case("time_pm_ends_sentence", "Polls close at 8 p.m. The first results are expected an hour "
          "later.", "Polls close at 8 p.m.", "The first results are expected an hour later."),
    _case("time_am_before_weekday", "The fire began around 2 a.m. Sunday, officials said. No one "
          "was hurt.", "The fire began around 2 a.m. Sunday, officials said.", "No one was hurt."),
    _case("time_am_ends_sentence_before_noun", "Crews arrived at 6:45 a.m. Residents had already "
          "left.", "Crews arrived at 6:45 a.m.", "Residents had already left."),
    _case("time_am_before_time_zone", "The market opens at 9:30 a.m. ET on weekdays. Trading was "
          "light.", "The market opens at 9:30 a.m. ET on weekdays.", "Trading was light."),
    _case("time_am_before_lowercase", "Service resumed at 11 a.m. local time. Delays persisted.",
          "Service resumed at 11 a.m. local time.", "Delays persisted."),
]

_QUOTES = [
    _case("quote_follows_sentence", 'The mayor spoke briefly. "We will rebuild," she said.',
          "The mayor spoke briefly.", '"We will rebuild," she said.'),
    _case("quote_is_whole_sentence", 'He said he would stay. "We will win this fight." The crowd '
          'cheered.', "He said he would stay.", '"We will win this fight."', "The crowd cheered."),
    _case("quote_spans_three_sentences", '"We are not leaving. This is our home. Nobody will move '
          'us," said Rosa Delgado, 68.', '"We are not leaving. This is our home. Nobody will move '
          'us," said Rosa Delgado, 68.'),
    _case("quote_question_then_pronoun", '"Why now?" she asked.', '"Why now?" she asked.'),
    _case("quote_question_then_verb", '"Is this safe?" asked one parent. The principal said it '
          'was.', '"Is this safe?" asked one parent.', "The principal said it was."),
    _case("quote_exclamation_then_attribution", '"Enough!" the coach shouted. Players left the '
          'field.', '"Enough!" the coach shouted.', "Players left the field."),
    _case("quote_question_then_name_attribution", '"Why now?" Delgado asked. Nobody answered.',
          '"Why now?" Delgado asked.', "Nobody answered."),
    _case("quote_exclamation_then_title_attribution", '"Move back!" Officer Tran shouted. The '
          'crowd did.', '"Move back!" Officer Tran shouted.', "The crowd did."),
    _case("quote_ends_sentence_inside", 'He called the plan "a disaster." Others praised it.',
          'He called the plan "a disaster."', "Others praised it."),
    _case("quote_sign_text", 'The sign read "Closed for repairs." Workers were inside.',
          'The sign read "Closed for repairs."', "Workers were inside."),
    _case("quote_continues_after_attribution", '"It is over," Marsh said. "Now we rebuild. Then '
          'we reopen."', '"It is over," Marsh said. "Now we rebuild. Then we reopen."'),
    _case("quote_question_answered_by_quote", '"Is it true?" "Yes," he said.', '"Is it true?"',
          '"Yes," he said.'),
    _case("quote_unicode_double", "“We will rebuild,” the mayor said. “It will take years.”",
          "“We will rebuild,” the mayor said. “It will take years.”"),
    _case("quote_unicode_single", "She called it ‘unacceptable.’ The board disagreed.",
          "She called it ‘unacceptable.’", "The board disagreed."),
    _case("quote_unicode_question", "“Who approved this?” she asked. “Nobody,” he replied.",
          "“Who approved this?” she asked.", "“Nobody,” he replied."),
    _case("quote_unicode_spans_sentences", "“The water is rising. We need boats,” the chief said.",
          "“The water is rising. We need boats,” the chief said."),
    _case("quote_straight_single", "Locals call it 'the old road.' It floods every spring.",
          "Locals call it 'the old road.'", "It floods every spring."),
]

_LAYOUT = [
    _case("headline_own_line", "City Council Approves New Budget\nThe council voted 5-2 on "
          "Tuesday to approve the plan. It takes effect in July.",
          "City Council Approves New Budget",
          "The council voted 5-2 on Tuesday to approve the plan.",
          "It takes effect in July."),
    _case("dateline_own_line", "WASHINGTON\nThe Senate passed the measure late Monday. It now "
          "heads to the president.", "WASHINGTON", "The Senate passed the measure late Monday.",
          "It now heads to the president."),
    _case("headline_byline_date", "Storm Leaves Thousands Without Power\nBy Jane Okoro\nMarch 3, "
          "2024\nHigh winds toppled trees across the region. Crews worked overnight.",
          "Storm Leaves Thousands Without Power", "By Jane Okoro", "March 3, 2024",
          "High winds toppled trees across the region.", "Crews worked overnight."),
    _case("headline_with_colon_blank_line", "BREAKING: Bridge closed after crash\n\nThe Elm Street "
          "bridge was closed after a truck hit a pillar. Police diverted traffic.",
          "BREAKING: Bridge closed after crash",
          "The Elm Street bridge was closed after a truck hit a pillar.",
          "Police diverted traffic."),
    _case("dateline_inline", "LONDON (Reuters) - Shares fell on Monday. Investors were nervous.",
          "LONDON (Reuters) - Shares fell on Monday.", "Investors were nervous."),
    _case("timestamp_line_with_pm", "Updated 5:40 p.m. ET\nThe airport reopened after a "
          "three-hour closure. Flights remain delayed.", "Updated 5:40 p.m. ET",
          "The airport reopened after a three-hour closure.", "Flights remain delayed."),
    _case("headline_question", "Will the bridge reopen?\nOfficials say repairs could take months. "
          "A decision is due in May.", "Will the bridge reopen?",
          "Officials say repairs could take months.", "A decision is due in May."),
    _case("byline_after_text", "The vote is expected next week.\nBy Samir Castell",
          "The vote is expected next week.", "By Samir Castell"),
    _case("hard_wrapped_prose", "The council met on Tuesday to discuss the\nproposed budget for "
          "the coming fiscal\nyear. Members argued for hours before\nvoting to delay the plan.",
          "The council met on Tuesday to discuss the\nproposed budget for the coming fiscal\nyear.",
          "Members argued for hours before\nvoting to delay the plan."),
    _case("headline_then_wrapped_prose", "Ferry Service Cut\nThe ferry company said on Friday "
          "that it would\nreduce crossings to two a day. Fuel prices\nhave doubled since spring.",
          "Ferry Service Cut", "The ferry company said on Friday that it would\nreduce crossings "
          "to two a day.", "Fuel prices\nhave doubled since spring."),
]

_ELLIPSES = [
    _case("ellipsis_mid_sentence", "The minister said the plan was ... under review. Critics were "
          "unimpressed.", "The minister said the plan was ... under review.",
          "Critics were unimpressed."),
    _case("ellipsis_ends_sentence", "He paused and said nothing... Then he left the room.",
          "He paused and said nothing...", "Then he left the room."),
    _case("ellipsis_unicode_in_quote", "The report said the funds were “misused … in several "
          "cases.” An audit followed.", "The report said the funds were “misused … in several "
          "cases.”", "An audit followed."),
    _case("ellipsis_unicode_ends_sentence", "We waited. And waited… Finally the doors opened.",
          "We waited.", "And waited…", "Finally the doors opened."),
    _case("ellipsis_spaced_marks_omission_in_quote", '"The plan was rushed ... It ignored the '
          'farmers," Ruiz said. The ministry disagreed.', '"The plan was rushed ... It ignored the '
          'farmers," Ruiz said.', "The ministry disagreed."),
    _case("ellipsis_before_lowercase", "The letter ended abruptly... and nobody knows why.",
          "The letter ended abruptly... and nobody knows why."),
]

_LISTS = [
    _case("list_dash_items", "The plan has three parts:\n- new bus lanes\n- wider sidewalks\n"
          "- more bike racks\nWork starts in May.", "The plan has three parts:",
          "- new bus lanes", "- wider sidewalks", "- more bike racks", "Work starts in May."),
    _case("list_numbered_items", "Key dates:\n1. Filing opens March 1.\n2. Filing closes March "
          "31.\n3. Results are due in May.", "Key dates:", "1. Filing opens March 1.",
          "2. Filing closes March 31.", "3. Results are due in May."),
    _case("list_bullet_symbols", "• Schools closed\n• Roads flooded\n• Power out in 3 counties",
          "• Schools closed", "• Roads flooded", "• Power out in 3 counties"),
    _case("list_item_with_two_sentences", "What we know:\n* Two people were hurt.\n* The cause is "
          "unclear. Police are investigating.", "What we know:", "* Two people were hurt.",
          "* The cause is unclear.", "Police are investigating."),
]

_PUNCTUATION = [
    _case("parentheses_mid_sentence", "The company (which was founded in 1994) employs 500 people. "
          "It is based in Ohio.", "The company (which was founded in 1994) employs 500 people.",
          "It is based in Ohio."),
    _case("parenthesized_sentence", "Prices rose sharply. (The agency revised its figures later.) "
          "Consumers noticed.", "Prices rose sharply.", "(The agency revised its figures later.)",
          "Consumers noticed."),
    _case("parentheses_before_period", "The rate rose to 5% (up from 4.25%). Borrowers will pay "
          "more.", "The rate rose to 5% (up from 4.25%).", "Borrowers will pay more."),
    _case("parentheses_country", "He was born in Lyon (France) in 1970. He moved to Quebec in "
          "1995.", "He was born in Lyon (France) in 1970.", "He moved to Quebec in 1995."),
    _case("url_ends_sentence", "Details are at www.cityhall.example.org/budget. The site was "
          "down briefly.", "Details are at www.cityhall.example.org/budget.",
          "The site was down briefly."),
    _case("email_mid_sentence", "Readers can write to tips@ledger.example.com with questions. We "
          "read every message.", "Readers can write to tips@ledger.example.com with questions.",
          "We read every message."),
    _case("url_with_scheme", "See https://example.com/report.pdf for the full report. It runs 80 "
          "pages.", "See https://example.com/report.pdf for the full report.",
          "It runs 80 pages."),
    _case("email_ends_sentence", "Send comments to press@example.org. Replies may take a week.",
          "Send comments to press@example.org.", "Replies may take a week."),
    _case("em_dash_pair", "The vote — delayed twice — finally happened. It passed narrowly.",
          "The vote — delayed twice — finally happened.", "It passed narrowly."),
    _case("em_dash_unspaced", "She had one goal—win the seat. She did.",
          "She had one goal—win the seat.", "She did."),
    _case("em_dash_aside_before_end", "It was the end of an era — or so they thought. The team "
          "returned in 2022.", "It was the end of an era — or so they thought.",
          "The team returned in 2022."),
    _case("question_and_exclamation", "Is the dam safe? Engineers say yes! Residents are not so "
          "sure.", "Is the dam safe?", "Engineers say yes!", "Residents are not so sure."),
    _case("short_question_answer", "Really? Yes, really.", "Really?", "Yes, really."),
]

_NAMES_AND_CASE = [
    _case("lowercase_brand_starts_sentence", "Apple unveiled a new phone on Tuesday. iPhone sales "
          "have slowed this year.", "Apple unveiled a new phone on Tuesday.",
          "iPhone sales have slowed this year."),
    _case("lowercase_brand_ebay", "The auction site grew quickly. eBay now operates in 190 "
          "markets.", "The auction site grew quickly.", "eBay now operates in 190 markets."),
    _case("non_english_names", "José Müller-Øberg arrived in São Paulo on Monday. He met Ngũgĩ "
          "wa Kamau.", "José Müller-Øberg arrived in São Paulo on Monday.",
          "He met Ngũgĩ wa Kamau."),
    _case("non_english_name_starts_sentence", "Zoë Ó Súilleabháin won the race. Łukasz Żmuda "
          "finished second.", "Zoë Ó Súilleabháin won the race.", "Łukasz Żmuda finished second."),
    _case("title_before_accented_name", "The talks in Kraków were led by Dr. Émile Durand. They "
          "ended without a deal.", "The talks in Kraków were led by Dr. Émile Durand.",
          "They ended without a deal."),
    _case("sentence_ends_with_accented_word", "The delegation flew to Bogotá. Talks begin Monday.",
          "The delegation flew to Bogotá.", "Talks begin Monday."),
]

_WHITESPACE = [
    _case("multiple_spaces_and_blank_lines", "The rain stopped.   The streets dried quickly.\n\n\n"
          "Schools reopened.", "The rain stopped.", "The streets dried quickly.",
          "Schools reopened."),
    _case("leading_and_trailing_space", "  Leading spaces are fine.  \n   So are trailing ones.   ",
          "Leading spaces are fine.", "So are trailing ones."),
    _case("crlf_line_endings", "Bus Strike Ends\r\n\r\nDrivers returned on Monday.\r\nRiders "
          "cheered.", "Bus Strike Ends", "Drivers returned on Monday.", "Riders cheered."),
    _case("tab_between_sentences", "The shop closed.\tIts owner retired.",
          "The shop closed.", "Its owner retired."),
    _case("copyright_notice_is_one_line", "The strike ends on Friday.\n\n© 2025 Harbor Ledger. "
          "All rights reserved.", "The strike ends on Friday.",
          "© 2025 Harbor Ledger. All rights reserved."),
    _case("one_paragraph_per_line", "The bridge reopened on Monday after repairs.\nTraffic was "
          "light in the morning.\nOfficials expect delays next week.",
          "The bridge reopened on Monday after repairs.", "Traffic was light in the morning.",
          "Officials expect delays next week."),
]

GOLD: tuple[GoldCase, ...] = tuple(
    _ABBREVIATIONS + _INITIALS + _NUMBERS + _TIMES + _QUOTES + _LAYOUT + _ELLIPSES + _LISTS
    + _PUNCTUATION + _NAMES_AND_CASE + _WHITESPACE
)
