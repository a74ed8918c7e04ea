"""Every answer is checked here before Crosscheck believes a word of it.

A server may ignore the schema it was sent (llama.cpp leaves a flat ``schema`` key
unconstrained; some models wrap JSON in a code fence or prose), so the answer is parsed and
checked against the same schema by a validator small enough to read: the subset of JSON Schema
the judge's schemas use. Free text from the model (an explanation) is cleaned of control
characters and folded to one line; a quote is kept only where it is a verbatim part of its
article, so every finding can be checked against the text.
"""

from __future__ import annotations

import json
import re

from crosscheck.judge.errors import InvalidAnswer

_FENCE = re.compile(r"^```[a-zA-Z]*\s*\n?(.*?)\n?```$", re.DOTALL)
# C0 and C1 controls, DEL, bidi controls and separators: never part of a line we keep.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                          "\u2028\u2029\ud800-\udfff]")


def parse_answer(content: str, schema: dict) -> dict:
    """The answer's JSON object if it follows ``schema``; else InvalidAnswer saying why."""
    text = content.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1).strip()
    try:
        value = json.loads(text)
    except ValueError:
        raise InvalidAnswer("the answer is not JSON (the server may ignore the schema)") from None
    problem = schema_problem(value, schema)
    if problem:
        raise InvalidAnswer(f"the answer does not follow the schema ({problem})")
    return value


def schema_problem(value: object, schema: dict, where: str = "answer") -> str | None:
    """The first way ``value`` breaks ``schema`` (objects, arrays, strings, enums), or None."""
    kind = schema.get("type")
    if kind == "object":
        if not isinstance(value, dict):
            return f"{where} is not an object"
        properties = schema.get("properties", {})
        for name in schema.get("required", ()):
            if name not in value:
                return f"{where} lacks {name}"
        if schema.get("additionalProperties") is False:
            extra = sorted(set(value) - set(properties))
            if extra:
                return f"{where} has an unknown key"
        for name, sub in properties.items():
            if name in value:
                problem = schema_problem(value[name], sub, f"{where}.{name}")
                if problem:
                    return problem
        return None
    if kind == "array":
        if not isinstance(value, list):
            return f"{where} is not a list"
        if len(value) > schema.get("maxItems", len(value)):
            return f"{where} has too many items"
        for index, item in enumerate(value):
            problem = schema_problem(item, schema.get("items", {}), f"{where}[{index}]")
            if problem:
                return problem
        return None
    if kind == "string":
        if not isinstance(value, str):
            return f"{where} is not text"
        if "enum" in schema and value not in schema["enum"]:
            return f"{where} is not one of the allowed values"
        if len(value) > schema.get("maxLength", len(value)):
            return f"{where} is too long"
        return None
    raise ValueError(f"the validator does not know schema type {kind!r}")


def clean_line(text: str, limit: int = 300) -> str:
    """Model text as Crosscheck keeps it: no control characters, one line, bounded."""
    line = " ".join(_UNPRINTABLE.sub(" ", text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def locate_quote(text: str, quote: str, start: int = 0, end: int | None = None,
                 ) -> tuple[int, int] | None:
    """Where ``quote`` occurs verbatim in ``text[start:end]`` (offsets into ``text``), or None.

    Verbatim but for whitespace: any run of whitespace in the quote matches any run in the
    text, since the prompts fold line breaks to spaces. Trimmed of the spaces and quotation
    marks a model puts around a quote; a quote must hold a letter or digit.
    """
    quote = quote.strip().strip("\"'“”‘’").strip()
    if not quote or not any(ch.isalnum() for ch in quote):
        return None
    end = len(text) if end is None else end
    found = text.find(quote, start, end)
    if found >= 0:
        return found, found + len(quote)
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    match = re.compile(pattern).search(text, start, end)
    return (match.start(), match.end()) if match else None
