"""Quantities in a sentence (digits, number words, ranges, approximations, units) and how two
quantities compare: the same, within rounding or an approximation, or in conflict."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from crosscheck.engine.contradict import lexicon as lx
from crosscheck.engine.tokens import STOPWORDS, stem

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?|[%$€£¥~–-]")
_NUMERIC_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?$|\d+(?:\.\d+)?$")
_YEAR_PREFIX = frozenset("in since by until from before after of early late mid during".split())
_RANGE_WORDS = frozenset({"to", "-", "–", "and"})
_MAX_PHRASE = 3
# First words of every number phrase: other words cannot start a quantity (a fast skip).
_STARTERS = frozenset(phrase.split()[0] for table in (lx.NUMBER_WORDS, lx.VAGUE_COUNTS)
                      for phrase in table) | frozenset(p.split()[0] for p in lx.ZERO_WORDS)
# One word every number phrase needs (its longest): without one, only digits can count.
_KEYWORDS = frozenset(max(phrase.split(), key=len) for table in
                      (lx.NUMBER_WORDS, lx.VAGUE_COUNTS, lx.ZERO_WORDS) for phrase in table)
_ANYONE = frozenset({stem("people")})
_WORDS = re.compile(r"[^\W\d_]+")
_NOT_COUNTED = frozenset("longer matter doubt less more sooner way".split())

Comparison = Literal["same", "close", "conflict"]
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as a range [low, high] in base units; ``approx`` when hedged or vague."""

    start: int
    end: int
    text: str
    low: float
    high: float
    approx: bool
    unit: str | None  # a family from lexicon.UNITS, or "money:usd", or None for a count
    nouns: frozenset[str]  # stems of the words right after the number ("users")
    exact_text: str  # the digits/words alone, to judge roundness
    context: frozenset[str] = frozenset()  # content words around it ("injuring", "workers")
    zero: bool = False  # written as a negation: "no one", "none"


class _Toks(NamedTuple):
    """A sentence's tokens as parallel lists: building an object per token costs too much."""

    text: list[str]
    low: list[str]
    start: list[int]
    end: list[int]


def tokenize(text: str) -> _Toks:
    """Word, number and symbol tokens with offsets."""
    found = list(_TOKEN_RE.finditer(text))
    texts = [m.group() for m in found]
    # One lower() over the joined tokens is lowering each token: NUL is neither cased nor
    # case-ignorable, so even the final-sigma rule sees the same neighbours.
    low = "\0".join(texts).lower().split("\0") if texts else []
    return _Toks(texts, low, [m.start() for m in found], [m.end() for m in found])


def _may_count(text: str) -> bool:
    """Whether ``text`` can hold a quantity: a digit, or every word of some number phrase."""
    if _DIGIT.search(text) is not None:
        return True
    return not _KEYWORDS.isdisjoint(_WORDS.findall(text.lower()))


def extract_quantities(text: str, skip: Iterable[tuple[int, int]] = (),
                       base: int = 0) -> tuple[Quantity, ...]:
    """Every quantity in ``text``; spans in ``skip`` (dates, times) are not quantities.

    Offsets are local to ``text`` plus ``base`` (the sentence's start in its document).
    """
    if not _may_count(text):
        return ()
    toks = tokenize(text)
    lows, starts = toks.low, toks.start
    blocked = list(skip)
    found: list[Quantity] = []
    resume = 0
    for i in [k for k, low in enumerate(lows) if low[0].isdigit() or low in _STARTERS]:
        if i < resume or (blocked and any(a <= starts[i] < b for a, b in blocked)):
            continue
        quantity, i_next = _read_quantity(text, toks, i)
        if quantity is not None:
            if base:
                quantity = _moved(quantity, base)
            found.append(quantity)
            resume = i_next
    return tuple(found)


def _moved(q: Quantity, base: int) -> Quantity:
    return Quantity(q.start + base, q.end + base, q.text, q.low, q.high, q.approx, q.unit,
                    q.nouns, q.exact_text, q.context, q.zero)


def _number_at(toks: _Toks, i: int) -> tuple[float, int] | None:
    """(value, tokens used) of a digit or number-word at ``i``."""
    lows = toks.low
    low = lows[i]
    if low[0].isdigit():
        if not _NUMERIC_RE.match(low):
            return None
        return float(low.replace(",", "")), 1
    for size in range(min(3, len(lows) - i), 0, -1):
        phrase = " ".join(lows[i:i + size])
        if phrase in lx.NUMBER_WORDS:
            value, used = float(lx.NUMBER_WORDS[phrase]), size
            # "twenty-five", "twenty five"
            j = i + used + (1 if i + used < len(lows) and lows[i + used] == "-" else 0)
            if 20 <= value < 100 and j < len(lows) and lows[j] in lx.NUMBER_WORDS \
                    and lx.NUMBER_WORDS[lows[j]] < 10:
                return value + lx.NUMBER_WORDS[lows[j]], j - i + 1
            return value, used
    return None


def _zero_at(toks: _Toks, i: int) -> int:
    """Tokens used by a zero written as words ("no one", "none", "no injuries"), or 0."""
    lows = toks.low
    for size in (3, 2, 1):
        window = lows[i:i + size]
        if len(window) == size and " ".join(window) in lx.ZERO_WORDS:
            if size == 1 and window[0] == "no":
                nxt = lows[i + 1] if i + 1 < len(lows) else ""
                if not nxt.isalpha() or nxt in STOPWORDS or nxt in _NOT_COUNTED:
                    return 0
            return size
    return 0


def _vague_at(toks: _Toks, i: int) -> tuple[tuple[float, float], int] | None:
    lows = toks.low
    for size in range(min(3, len(lows) - i), 0, -1):
        phrase = " ".join(lows[i:i + size])
        if phrase in lx.VAGUE_COUNTS:
            return lx.VAGUE_COUNTS[phrase], size
    return None


def _read_quantity(text: str, toks: _Toks, i: int) -> tuple[Quantity | None, int]:
    number = _number_at(toks, i)
    vague = None if number else _vague_at(toks, i)
    zero = 0 if number or vague else _zero_at(toks, i)
    if zero:
        j = i + zero
        start, end = toks.start[i], toks.end[j - 1]
        nouns = frozenset(_nouns_after(toks, j, text))
        return Quantity(start, end, text[start:end], 0.0, 0.0, False, None, nouns, "0",
                        _context(toks, i, j), True), j
    if number is None and vague is None:
        return None, i
    tally = _tally_at(text, toks, i)
    if tally is not None:
        return tally, i + 3
    if number is not None:
        value, used = number
        if _is_year(toks, i, value) or _is_clock(text, toks, i):
            return None, i
        low = high = value
    else:
        (low, high), used = vague
    return _measured(text, toks, i, i + used, (low, high), number is None)


def _measured(text: str, toks: _Toks, i: int, j: int, bounds: tuple[float, float],
              vague: bool) -> tuple[Quantity, int]:
    """The quantity whose number spans tokens i..j: range, scale, unit, currency, hedge."""
    lows = toks.low
    low, high = bounds
    used = j - i
    currency = None
    start_i = i
    if not vague and lows[j:j + 3] == ["and", "a", "half"]:
        low = high = low + 0.5
        j += 3
    if not vague and j + 1 < len(lows) and lows[j] in _RANGE_WORDS:
        second = _number_at(toks, j + 1)
        if second and second[0] > low and (lows[j] != "and" or _between(toks, i)):
            high, j = second[0], j + 1 + second[1]
    scale = 1.0
    while j < len(lows) and lows[j] in lx.SCALES and not _is_unit_m(toks, j):
        scale *= lx.SCALES[lows[j]]
        j += 1
    if i > 0 and toks.text[i - 1] in lx.CURRENCY_SYMBOLS:
        currency, start_i = lx.CURRENCY_SYMBOLS[toks.text[i - 1]], i - 1
    unit, factor, j = _unit_at(toks, j)
    if currency is None and j < len(lows) and lows[j] in lx.CURRENCY_WORDS:
        currency, j = lx.CURRENCY_WORDS[lows[j]], j + 1
    if currency:
        unit, factor = f"money:{currency}", 1.0
    approx_kind, start_i = _approx_before(toks, start_i)
    low, high = low * scale * factor, high * scale * factor
    if approx_kind == "least":
        high = max(high, low) * 1e6
    elif approx_kind == "most":
        low = 0.0
    noun_list = _nouns_after(toks, j, text)
    nouns = frozenset(noun_list)
    if lows[i] in lx.MULTIPLICATIVES:
        nouns = frozenset({_canonical("times")})
    end = toks.end[j - 1 + len(noun_list)]  # the span names what is counted: "650 million users"
    exact = text[toks.start[i]:toks.end[i + used - 1]]
    approx = approx_kind is not None or vague
    start = toks.start[start_i]
    return Quantity(start, end, text[start:end], low, high, approx, unit, nouns, exact,
                    _context(toks, start_i, j) | nouns), j


def _canonical(word: str) -> str:
    return stem(lx.UNIT_SYNONYMS.get(word, word))


def _context(toks: _Toks, first: int, after: int) -> frozenset[str]:
    """The content word before a number and up to two content words after it."""
    lows = toks.low
    words = [w for w in lows[max(0, first - 2):first] if w.isalpha() and w not in STOPWORDS][-1:]
    words += [w for w in lows[after:after + 4] if w.isalpha() and w not in STOPWORDS][:2]
    return frozenset(_canonical(w) for w in words)


def _tally_at(text: str, toks: _Toks, i: int) -> Quantity | None:
    """A vote or score such as "7-4": two counts read as one result."""
    lows = toks.low
    if i + 2 >= len(lows) or lows[i + 1] not in ("-", "–") or toks.start[i + 1] != toks.end[i]:
        return None
    first, second = lows[i], lows[i + 2]
    if not (first.isdigit() and second.isdigit() and int(second) <= int(first)):
        return None
    value = float(int(first) * 1000 + int(second))
    start, end = toks.start[i], toks.end[i + 2]
    return Quantity(start, end, text[start:end], value, value, False, "tally", frozenset(),
                    text[start:end], _context(toks, i, i + 3))


_TIME_ZONES = frozenset("gmt utc bst cet cest est edt cst cdt mst mdt pst pdt et pt hkt ist jst"
                        .split())


def _is_clock(text: str, toks: _Toks, i: int) -> bool:
    """A part of a clock time ("11: 11 GMT", "10:00"), which the date rules read instead."""
    after = toks.low[i + 1] if i + 1 < len(toks.low) else ""
    near = text[max(0, toks.start[i] - 2):toks.start[i]] + text[toks.end[i]:toks.end[i] + 2]
    return ":" in near or after in _TIME_ZONES


def _is_year(toks: _Toks, i: int, value: float) -> bool:
    lows = toks.low
    if not (1800 <= value <= 2100 and lows[i].isdigit()):
        return False
    before = lows[i - 1] if i > 0 else ""
    after = lows[i + 1] if i + 1 < len(lows) else ""
    return before in _YEAR_PREFIX or before in lx.MONTHS or after in ("", "-", "–") \
        or not after.isalpha() or after in STOPWORDS


def _is_unit_m(toks: _Toks, j: int) -> bool:
    """'m' after a number is metres only when nothing suggests money."""
    return toks.low[j] == "m" and not any(t in lx.CURRENCY_SYMBOLS for t in toks.text[:j])


def _between(toks: _Toks, i: int) -> bool:
    return i > 0 and toks.low[i - 1] == "between"


def _unit_at(toks: _Toks, j: int) -> tuple[str | None, float, int]:
    lows = toks.low
    for size in range(min(2, len(lows) - j), 0, -1):
        phrase = " ".join(lows[j:j + size])
        if phrase in lx.UNITS:
            family, factor = lx.UNITS[phrase]
            return family, factor, j + size
    return None, 1.0, j


def _approx_before(toks: _Toks, i: int) -> tuple[str | None, int]:
    lows = toks.low
    for size in range(_MAX_PHRASE, 0, -1):
        if i - size < 0:
            continue
        phrase = " ".join(lows[i - size:i])
        if phrase in lx.APPROX_AROUND:
            return "around", i - size
        if phrase in lx.APPROX_AT_LEAST:
            return "least", i - size
        if phrase in lx.APPROX_AT_MOST:
            return "most", i - size
    return None, i


def _nouns_after(toks: _Toks, j: int, text: str) -> list[str]:
    """The words right after a number that name what it counts ("650 million users")."""
    nouns = []
    for k, low in enumerate(toks.low[j:j + 3], start=j):
        if not low.isalpha() or low in STOPWORDS:
            break
        if k > 0 and text[toks.end[k - 1]:toks.start[k]].strip():
            break  # "kills 1, injures 2": a comma ends what the number counts
        nouns.append(_canonical(low))
        if len(nouns) == 2:
            break
    return nouns


def comparable(a: Quantity, b: Quantity) -> int:
    """How surely two quantities count the same thing: 2 same unit or noun, 1 shared context."""
    if a.unit or b.unit:
        if a.unit != b.unit:
            return 0
        return 2 if a.context & b.context else 1
    # "people" counts anyone, so it needs one more shared word ("injured", "trapped").
    if (a.nouns & b.nouns) - _ANYONE:
        return 2
    shared = (a.context & b.context) - _ANYONE
    if shared:
        return 2 if a.nouns & b.nouns else 1
    if a.nouns & b.nouns:  # both count people; unless their verbs differ, weakly the same
        return 0 if (a.context - _ANYONE) and (b.context - _ANYONE) else 1
    return 0


def compare(a: Quantity, b: Quantity) -> tuple[Comparison, float]:
    """('same'|'close'|'conflict', relative gap) of two comparable quantities."""
    gap = max(a.low - b.high, b.low - a.high, 0.0)
    if gap == 0.0:
        return "same", 0.0
    scale = max(abs(a.low), abs(a.high if a.high < 1e15 else a.low), abs(b.low),
                abs(b.high if b.high < 1e15 else b.low), 1e-9)
    rel = gap / scale
    if a.approx or b.approx:
        return ("close" if rel <= lx.APPROX_TOLERANCE else "conflict"), rel
    rounded = gap <= max(_rounding_step(a), _rounding_step(b)) / 2
    return ("close" if rounded and rel <= lx.ROUNDING_TOLERANCE else "conflict"), rel


def _rounding_step(q: Quantity) -> float:
    """The precision a figure is written to, in base units: 10 for "240", 0.1bn for "2.3bn"."""
    digits = q.exact_text.replace(",", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?", digits) or float(digits) == 0:
        return 0.0
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        step = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return step * q.low / float(digits)
