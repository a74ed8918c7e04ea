"""The checks every answer passes before Crosscheck believes it: the schema, the quotes, the
text it keeps."""

from __future__ import annotations

import pytest

from crosscheck.judge.errors import InvalidAnswer
from crosscheck.judge.prompts import ARTICLE_SCHEMA, PAIR_SCHEMA
from crosscheck.judge.validate import clean_line, locate_quote, parse_answer, schema_problem

GOOD_PAIR = {"relation": "conflict", "type": "number", "left_span": "two",
             "right_span": "one", "explanation": "two vs one"}


@pytest.mark.parametrize(("answer", "problem"), [
    (GOOD_PAIR, None),
    ({**GOOD_PAIR, "relation": "maybe"}, "answer.relation is not one of the allowed values"),
    ({k: v for k, v in GOOD_PAIR.items() if k != "type"}, "answer lacks type"),
    ({**GOOD_PAIR, "confidence": 0.9}, "answer has an unknown key"),
    ({**GOOD_PAIR, "left_span": 3}, "answer.left_span is not text"),
    ({**GOOD_PAIR, "explanation": "x" * 401}, "answer.explanation is too long"),
    (["conflict"], "answer is not an object"),
])
def test_pair_answers_are_checked_against_the_schema_sent(answer, problem) -> None:
    assert schema_problem(answer, PAIR_SCHEMA) == problem


def test_article_answers_are_checked_item_by_item() -> None:
    item = {"type": "date", "left_quote": "on Tuesday", "right_quote": "on Monday",
            "explanation": "days differ"}
    assert schema_problem({"conflicts": [item]}, ARTICLE_SCHEMA) is None
    assert schema_problem({"conflicts": [item] * 41}, ARTICLE_SCHEMA) == \
        "answer.conflicts has too many items"
    assert schema_problem({"conflicts": [{**item, "type": "none"}]}, ARTICLE_SCHEMA) == \
        "answer.conflicts[0].type is not one of the allowed values"
    assert schema_problem({"conflicts": {}}, ARTICLE_SCHEMA) == "answer.conflicts is not a list"


def test_an_answer_in_a_code_fence_is_read() -> None:
    assert parse_answer('```json\n{"conflicts": []}\n```', ARTICLE_SCHEMA) == {"conflicts": []}


@pytest.mark.parametrize("content", ["Sure! They conflict.", '{"conflicts": [', ""])
def test_prose_or_cut_json_is_an_invalid_answer(content: str) -> None:
    with pytest.raises(InvalidAnswer, match="not JSON"):
        parse_answer(content, ARTICLE_SCHEMA)


def test_a_quote_must_be_verbatim_but_for_whitespace() -> None:
    text = "The council voted\non Tuesday to close the ferry."
    assert locate_quote(text, "voted on Tuesday") == (12, 28)
    assert locate_quote(text, "“close the ferry”") == (32, 47)
    assert locate_quote(text, "voted on Monday") is None
    assert locate_quote(text, "Voted on Tuesday") is None  # case is part of a quote
    assert locate_quote(text, " ... ") is None  # nothing to check against the text


def test_a_quote_is_looked_for_only_where_it_may_be() -> None:
    text = "Two died. Later, two more died."
    assert locate_quote(text, "two", 10) == (17, 20)
    assert locate_quote(text, "Two died", 10) is None


def test_model_text_is_kept_as_one_line_without_controls() -> None:
    line = clean_line("\x1b[31mred\x1b[0m\nnext \u202eline\x9b2J" + "x" * 400)
    assert "\x1b" not in line and "\n" not in line and "\u202e" not in line
    assert "\x9b" not in line
    assert line.startswith(" [31mred [0m next line 2J".strip())
    assert len(line) == 300 and line.endswith("…")
