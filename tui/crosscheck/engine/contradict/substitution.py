"""Like for like: two versions of one claim that differ in a slot.

When most of two sentences' words are the same, the words only one side uses fill the same
slots: "a little girl rides" / "a big girl rides", "French tourists" / "German tourists". A
conflict there needs no parsing, only knowing that the two fillers exclude each other: an
antonym (from WordNet, built by ``tools/build_lexicons.py``) or a different country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from crosscheck.engine.contradict.lexicon import ORDINALS
from crosscheck.engine.tokens import STOPWORDS, stem_all

_WORD = re.compile(r"\d+(?:st|nd|rd|th)\b|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")
# Words that carry no slot of their own; dropped before comparing.
_SKIP = STOPWORDS - frozenset("no not never nor".split())


class Word(NamedTuple):
    """A content word with document offsets (a tuple: sentences have many, made once each)."""

    start: int
    end: int
    text: str
    stem: str


@dataclass(frozen=True, slots=True)
class Change:
    """The words only one side has, and how much of both sentences is shared."""

    left: tuple[Word, ...]
    right: tuple[Word, ...]
    common: float  # shared content words / content words of the longer sentence


def sentence_words(text: str, base: int = 0) -> tuple[Word, ...]:
    """Content words with document offsets and stems (one stemmer call per sentence)."""
    kept = [(m.start(), m.end(), word, lowered) for m in _WORD.finditer(text)
            if len(word := m.group()) > 1 and (lowered := word.lower()) not in _SKIP]
    stems = stem_all([k[3] for k in kept])
    make = tuple.__new__  # a Word without the Python-level constructor: many per sentence
    return tuple(make(Word, (start + base, end + base, word, s))
                 for (start, end, word, _), s in zip(kept, stems, strict=True))


def change(left: tuple[Word, ...], right: tuple[Word, ...]) -> Change:
    """What each side says that the other does not, by stem."""
    lstems, rstems = {w.stem for w in left}, {w.stem for w in right}
    shared = len(lstems & rstems)
    return Change(tuple(w for w in left if w.stem not in rstems),
                  tuple(w for w in right if w.stem not in lstems),
                  shared / max(len(lstems), len(rstems), 1))


def ordinal(word: Word) -> int | None:
    """The rank a word names ("first", "8th", "second-story" -> 2), if it names one."""
    head = word.text.lower().split("-")[0]
    digits = _ORDINAL_DIGITS.fullmatch(head)
    if digits:
        return int(digits.group(1))
    return ORDINALS.get(head)


def ordinals(diff: Change) -> list[tuple[Word, Word]]:
    """Pairs of changed words that name different ranks."""
    return [(a, b) for a in diff.left if (x := ordinal(a)) is not None
            for b in diff.right if (y := ordinal(b)) is not None and x != y]


@lru_cache(maxsize=1)
def antonym_table() -> dict[tuple[str, str], str]:
    """(stem, stem) -> "direct" | "similar", both orders."""
    table: dict[tuple[str, str], str] = {}
    text = files("crosscheck.engine.contradict").joinpath("data/antonyms.tsv").read_text("utf-8")
    for line in text.splitlines():
        a, b, how = line.split("\t")
        table[a, b] = table[b, a] = how
    return table


def antonyms(diff: Change) -> list[tuple[Word, Word, str]]:
    """Pairs of changed words that are antonyms, the direct ones first."""
    table = antonym_table()
    found = [(a, b, how) for a in diff.left for b in diff.right
             if (how := table.get((a.stem, b.stem)))]
    return sorted(found, key=lambda t: (t[2] != "direct", t[0].start, t[1].start))


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    text = files("crosscheck.engine.contradict").joinpath("data/places.tsv").read_text("utf-8")
    return {form: code for form, code, _kind in (line.split("\t") for line in text.splitlines())}


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """First words of the place names that run to more than one word ("United", "South")."""
    return frozenset(form.split()[0] for form in _places() if " " in form)


# Capitalised words and the small words inside country names ("Republic of the Congo").
_PLACE_WORD = re.compile(r"[A-Z][\w.’'-]*[\w.]|[A-Z]|(?<= )(?:of|and|the)(?= [A-Z])")
LONGEST_PLACE = 6


class Place(NamedTuple):
    start: int
    end: int
    text: str
    code: str  # ISO 3166 alpha-3 of the country the form names (its capital, its people)


def places(text: str, base: int = 0) -> tuple[Place, ...]:
    """Countries, their capitals and demonyms, each with its country code."""
    codes, openers = _places(), _openers()
    tokens = [m.span() for m in _PLACE_WORD.finditer(text)]
    found, i = [], 0
    while i < len(tokens):
        first = text[tokens[i][0]:tokens[i][1]]
        longest = min(LONGEST_PLACE, len(tokens) - i) if first in openers else 1
        for n in range(longest, 0, -1):
            start, end = tokens[i][0], tokens[i + n - 1][1]
            form = " ".join(text[start:end].split())
            code = codes.get(form)
            if code is None and form.endswith(".") and (code := codes.get(form[:-1])):
                end -= 1
            if code and (n == 1 or end - start <= len(form) + n):
                found.append(Place(start + base, end + base, text[start:end], code))
                i += n
                break
        else:
            i += 1
    return tuple(found)


@lru_cache(maxsize=8192)
def place_code(name: str) -> str | None:
    """The country a name stands for ("U.S." and "United States" -> "USA"), if it is one."""
    codes = _places()
    cleaned = name.removesuffix("'s").removesuffix("’s").strip()
    return codes.get(cleaned) or codes.get(cleaned.removeprefix("the "))
