"""Validate the gold fact set (benchmarks/gold_facts) and print counts per fact type.

Standard library only. Checks that every item of facts.jsonl belongs to one sentence of
sentences.jsonl (and every sentence has one item), that every span is a substring of its
sentence at the recorded ``start``, and that every type, field and value has the form set out
in benchmarks/gold_facts/GUIDELINES.md. Exits 1 on any error.

With ``--compare FILE`` (a second annotation of some items, same format), it also prints the
agreement of that file with facts.jsonl on those items (the self-agreement check of the README).

Usage: python tools/facts/check_gold.py [--dir benchmarks/gold_facts] [--compare FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "benchmarks" / "gold_facts"

TYPES = ("quantity", "money", "percent", "date", "person", "organisation", "place", "quote",
         "attribution")
CERTAINTY = {"confirmed", "reported", "expected", "alleged", "denied", "unmarked"}
QUALIFIERS = {None, "at least", "about", "more than", "less than", "up to", "nearly"}
FIELDS = {
    "quantity": {"value", "unit", "qualifier", "vague"},
    "money": {"value", "qualifier", "vague"},
    "percent": {"value", "qualifier", "vague"},
    "date": {"value", "kind"},
    "person": {"value", "role"},
    "organisation": {"value", "role"},
    "place": {"value"},
    "quote": {"value", "kind"},
    "attribution": {"value"},
}
DATE = re.compile(
    r"^(\d{4}(-\d{2}(-\d{2})?)?"            # 2013, 2013-09, 2013-09-15
    r"|--\d{2}(-\d{2})?"                     # --07, --01-15 (no year)
    r"|weekday:(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|time:([01]\d|2[0-3]):[0-5]\d"
    r"|relative:[a-z0-9 '-]+"
    r"|season-week:\d+|quarter:[1-4]|holiday:[a-z ]+)$")
SOURCES = {"ecb": "ECB+", "rte3": "RTE-3", "mrpc": "MRPC"}


def is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_fact(fact: dict, text: str) -> list[str]:
    errors = []
    kind = fact.get("type")
    if kind not in TYPES:
        return [f"unknown type {kind!r}"]
    span, start = fact.get("span"), fact.get("start")
    if not isinstance(span, str) or not span or span != span.strip():
        errors.append(f"bad span {span!r}")
    elif span not in text:
        errors.append(f"span {span!r} is not a substring of the sentence")
    elif not isinstance(start, int) or text[start:start + len(span)] != span:
        errors.append(f"span {span!r} is not at start {start!r}")
    extra = set(fact) - {"type", "span", "start"} - FIELDS[kind]
    missing = FIELDS[kind] - set(fact)
    if extra or missing:
        errors.append(f"{kind} fields: extra {sorted(extra)}, missing {sorted(missing)}")
        return errors
    value = fact["value"]
    if kind in ("quantity", "money", "percent"):
        if fact["qualifier"] not in QUALIFIERS:
            errors.append(f"qualifier {fact['qualifier']!r}")
        if not isinstance(fact["vague"], bool):
            errors.append("vague must be true or false")
    if kind == "quantity":
        ok = (is_number(value)
              or (value is None and fact["vague"])
              or (isinstance(value, list) and len(value) == 2 and all(map(is_number, value)))
              or (isinstance(value, dict) and set(value) == {"min", "max"}
                  and is_number(value["min"]) and is_number(value["max"])
                  and value["min"] <= value["max"]))
        if not ok:
            errors.append(f"quantity value {value!r}")
        if fact["vague"] and value is not None:
            errors.append("a vague quantity has value null")
        if not (fact["unit"] is None or isinstance(fact["unit"], str) and fact["unit"]):
            errors.append(f"unit {fact['unit']!r}")
    elif kind == "money":
        if not (isinstance(value, dict) and set(value) == {"amount", "currency"}
                and (is_number(value["amount"]) or value["amount"] is None and fact["vague"])
                and isinstance(value["currency"], str)
                and re.fullmatch(r"[A-Z]{3}", value["currency"])):
            errors.append(f"money value {value!r}")
    elif kind == "percent":
        if not is_number(value):
            errors.append(f"percent value {value!r}")
    elif kind == "date":
        if not (isinstance(value, str) and DATE.match(value)):
            errors.append(f"date value {value!r}")
        if fact["kind"] not in ("event", "reporting"):
            errors.append(f"date kind {fact['kind']!r}")
    elif kind in ("person", "organisation", "place"):
        if not (isinstance(value, str) and value):
            errors.append(f"{kind} value {value!r}")
        if kind != "place" and not (fact["role"] is None or isinstance(fact["role"], str)
                                    and fact["role"]):
            errors.append(f"role {fact['role']!r}")
    elif kind == "quote":
        if not (value is None or isinstance(value, str) and value):
            errors.append(f"quote value {value!r}")
        if fact["kind"] not in ("direct", "indirect"):
            errors.append(f"quote kind {fact['kind']!r}")
    elif kind == "attribution" and not (value is None or isinstance(value, str) and value):
        errors.append(f"attribution value {value!r}")
    return errors


def compare(first_path: Path, second_path: Path) -> None:
    """Field-by-field agreement of a second annotation with the first, on its items."""
    first = {}
    for line in first_path.open(encoding="utf-8"):
        row = json.loads(line)
        first[row["id"]] = row
    compared = same = same_span = certainty = items = n = 0
    for line in second_path.open(encoding="utf-8"):
        row = json.loads(line)
        n += 1
        old = first[row["id"]]
        certainty += old["certainty"] == row["certainty"]

        def key(fact: dict) -> tuple:
            return fact["type"], fact["start"], fact["span"]

        a = {key(f): f for f in old["facts"]}
        b = {key(f): f for f in row["facts"]}
        items += a == b and old["certainty"] == row["certainty"]
        for k in a.keys() | b.keys():
            compared += 1
            same_span += k in a and k in b
            same += a.get(k) == b.get(k)
            if a.get(k) != b.get(k):
                print(f"  differs {row['id']}: {a.get(k)} | {b.get(k)}")
    print(f"self-agreement on {n} items: facts identical {same}/{compared} "
          f"({same / compared:.1%}), type+span {same_span}/{compared}, certainty "
          f"{certainty}/{n}, whole items {items}/{n}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=GOLD)
    parser.add_argument("--compare", type=Path, help="a second annotation of some items")
    args = parser.parse_args()
    sentences = {}
    for line in (args.dir / "sentences.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] in sentences:
            print(f"duplicate sentence id {row['id']}")
            return 1
        sentences[row["id"]] = row["text"]
    errors: list[str] = []
    seen: set[str] = set()
    types: Counter = Counter()
    certainty: Counter = Counter()
    per_source: Counter = Counter()
    empty = 0
    for number, line in enumerate((args.dir / "facts.jsonl").open(encoding="utf-8"), 1):
        row = json.loads(line)
        sid = row.get("id")
        if sid not in sentences:
            errors.append(f"line {number}: unknown id {sid!r}")
            continue
        if sid in seen:
            errors.append(f"line {number}: id {sid} annotated twice")
        seen.add(sid)
        if set(row) != {"id", "certainty", "facts"}:
            errors.append(f"{sid}: fields {sorted(row)}")
        if row.get("certainty") not in CERTAINTY:
            errors.append(f"{sid}: certainty {row.get('certainty')!r}")
        certainty[row.get("certainty")] += 1
        facts = row.get("facts", [])
        empty += not facts
        for fact in facts:
            for error in check_fact(fact, sentences[sid]):
                errors.append(f"{sid}: {error}")
            types[fact.get("type")] += 1
            per_source[SOURCES.get(sid.split(":")[0], "?")] += 1
    for sid in sentences.keys() - seen:
        errors.append(f"{sid}: sentence has no line in facts.jsonl")
    print(f"{len(sentences)} sentences, {sum(types.values())} facts "
          f"({empty} sentences without any fact)")
    for kind in TYPES:
        print(f"  {kind:<13} {types[kind]:>4}")
    print("certainty: " + ", ".join(f"{k} {v}" for k, v in certainty.most_common()))
    print("facts per source: " + ", ".join(f"{k} {v}" for k, v in per_source.most_common()))
    for error in errors:
        print("ERROR", error)
    print("OK" if not errors else f"{len(errors)} errors")
    if args.compare:
        compare(args.dir / "facts.jsonl", args.compare)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
