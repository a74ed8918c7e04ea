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


class _Tok(NamedTuple):  # a tuple: built for every token, so it must be cheap
    text: str
    low: str
    start: int
    end: int


def tokenize(text: str) -> list[_Tok]:
    """Word, number and symbol tokens with offsets."""
    return [_Tok(m.group(), m.group().lower(), m.start(), m.end())
            for m in _TOKEN_RE.finditer(text)]


def extract_quantities(text: str, skip: Iterable[tuple[int, int]] = (),
                       base: int = 0) -> tuple[Quantity, ...]:
    """Every quantity in ``text``; spans in ``skip`` (dates, times) are not quantities.

    Offsets are local to ``text`` plus ``base`` (the sentence's start in its document).
    """
    if _DIGIT.search(text) is None and not (_STARTERS & set(_WORDS.findall(text.lower()))):
        return ()
    toks = tokenize(text)
    blocked = [span for span in skip]
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        low = toks[i].low
        if not (low[0].isdigit() or low in _STARTERS) or \
                any(a <= toks[i].start < b for a, b in blocked):
            i += 1
            continue
        quantity, i_next = _read_quantity(text, toks, i)
        if quantity is not None:
            if base:
                quantity = _moved(quantity, base)
            found.append(quantity)
            i = i_next
        else:
            i += 1
    return tuple(found)


def _moved(q: Quantity, base: int) -> Quantity:
    return Quantity(q.start + base, q.end + base, q.text, q.low, q.high, q.approx, q.unit,
                    q.nouns, q.exact_text, q.context, q.zero)


def _number_at(toks: list[_Tok], i: int) -> tuple[float, int] | None:
    """(value, tokens used) of a digit or number-word at ``i``."""
    tok = toks[i]
    if tok.low[0].isdigit():
        if not _NUMERIC_RE.match(tok.low):
            return None
        return float(tok.low.replace(",", "")), 1
    for size in range(min(3, len(toks) - i), 0, -1):
        phrase = " ".join(t.low for t in toks[i:i + size])
        if phrase in lx.NUMBER_WORDS:
            value, used = float(lx.NUMBER_WORDS[phrase]), size
            # "twenty-five", "twenty five"
            j = i + used + (1 if i + used < len(toks) and toks[i + used].low == "-" else 0)
            if 20 <= value < 100 and j < len(toks) and toks[j].low in lx.NUMBER_WORDS \
                    and lx.NUMBER_WORDS[toks[j].low] < 10:
                return value + lx.NUMBER_WORDS[toks[j].low], j - i + 1
            return value, used
    return None


def _zero_at(toks: list[_Tok], i: int) -> int:
    """Tokens used by a zero written as words ("no one", "none", "no injuries"), or 0."""
    for size in (3, 2, 1):
        phrase = " ".join(t.low for t in toks[i:i + size])
        if len(toks[i:i + size]) == size and phrase in lx.ZERO_WORDS:
            if phrase == "no":
                nxt = toks[i + 1].low if i + 1 < len(toks) else ""
                if not nxt.isalpha() or nxt in STOPWORDS or nxt in _NOT_COUNTED:
                    return 0
            return size
    return 0


def _vague_at(toks: list[_Tok], i: int) -> tuple[tuple[float, float], int] | None:
    for size in range(min(3, len(toks) - i), 0, -1):
        phrase = " ".join(t.low for t in toks[i:i + size])
        if phrase in lx.VAGUE_COUNTS:
            return lx.VAGUE_COUNTS[phrase], size
    return None


def _read_quantity(text: str, toks: list[_Tok], i: int) -> tuple[Quantity | None, int]:
    start_i = i
    currency = None
    number = _number_at(toks, i)
    vague = None if number else _vague_at(toks, i)
    zero = 0 if number or vague else _zero_at(toks, i)
    if zero:
        j = i + zero
        nouns = frozenset(_nouns_after(toks, j))
        return Quantity(toks[i].start, toks[j - 1].end, text[toks[i].start:toks[j - 1].end],
                        0.0, 0.0, False, None, nouns, "0", _context(toks, i, j), True), j
    if number is None and vague is None:
        return None, i
    tally = _tally_at(text, toks, i)
    if tally is not None:
        return tally, i + 3
    if number is not None:
        value, used = number
        if _is_year(toks, i, value):
            return None, i
        low = high = value
    else:
        (low, high), used = vague
    j = i + used
    if number is not None and [t.low for t in toks[j:j + 3]] == ["and", "a", "half"]:
        low = high = value = value + 0.5
        j += 3
    if number is not None and j + 1 < len(toks) and toks[j].low in _RANGE_WORDS:
        second = _number_at(toks, j + 1)
        if second and second[0] > value and (toks[j].low != "and" or _between(toks, i)):
            high, j = second[0], j + 1 + second[1]
    scale = 1.0
    while j < len(toks) and toks[j].low in lx.SCALES and not _is_unit_m(toks, j):
        scale *= lx.SCALES[toks[j].low]
        j += 1
    if i > 0 and toks[i - 1].text in lx.CURRENCY_SYMBOLS:
        currency, start_i = lx.CURRENCY_SYMBOLS[toks[i - 1].text], i - 1
    unit, factor, j = _unit_at(toks, j)
    if currency is None and j < len(toks) and toks[j].low in lx.CURRENCY_WORDS:
        currency, j = lx.CURRENCY_WORDS[toks[j].low], j + 1
    if currency:
        unit, factor = f"money:{currency}", 1.0
    approx_kind, start_i = _approx_before(toks, start_i)
    low, high = low * scale * factor, high * scale * factor
    if approx_kind == "least":
        high = max(high, low) * 1e6
    elif approx_kind == "most":
        low = 0.0
    noun_list = _nouns_after(toks, j)
    nouns = frozenset(noun_list)
    end = toks[j - 1 + len(noun_list)].end  # the span names what is counted: "650 million users"
    exact = text[toks[i].start:toks[i + used - 1].end]
    approx = approx_kind is not None or vague is not None
    return Quantity(toks[start_i].start, end, text[toks[start_i].start:end], low, high, approx,
                    unit, nouns, exact, _context(toks, start_i, j) | nouns), j


def _canonical(word: str) -> str:
    return stem(lx.UNIT_SYNONYMS.get(word, word))


def _context(toks: list[_Tok], first: int, after: int) -> frozenset[str]:
    """The content word before a number and up to two content words after it."""
    words = [t.low for t in toks[max(0, first - 2):first] if t.low.isalpha()
             and t.low not in STOPWORDS][-1:]
    words += [t.low for t in toks[after:after + 4] if t.low.isalpha()
              and t.low not in STOPWORDS][:2]
    return frozenset(_canonical(w) for w in words)


def _tally_at(text: str, toks: list[_Tok], i: int) -> Quantity | None:
    """A vote or score such as "7-4": two counts read as one result."""
    if i + 2 >= len(toks) or toks[i + 1].low not in ("-", "–") or toks[i + 1].start != toks[i].end:
        return None
    first, second = toks[i].low, toks[i + 2].low
    if not (first.isdigit() and second.isdigit() and int(second) <= int(first)):
        return None
    value = float(int(first) * 1000 + int(second))
    start, end = toks[i].start, toks[i + 2].end
    return Quantity(start, end, text[start:end], value, value, False, "tally", frozenset(),
                    text[start:end], _context(toks, i, i + 3))


def _is_year(toks: list[_Tok], i: int, value: float) -> bool:
    if not (1800 <= value <= 2100 and toks[i].low.isdigit()):
        return False
    before = toks[i - 1].low if i > 0 else ""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    return before in _YEAR_PREFIX or before in lx.MONTHS or after in ("", "-", "–") \
        or not after.isalpha() or after in STOPWORDS


def _is_unit_m(toks: list[_Tok], j: int) -> bool:
    """'m' after a number is metres only when nothing suggests money."""
    return toks[j].low == "m" and not any(t.text in lx.CURRENCY_SYMBOLS for t in toks[:j])


def _between(toks: list[_Tok], i: int) -> bool:
    return i > 0 and toks[i - 1].low == "between"


def _unit_at(toks: list[_Tok], j: int) -> tuple[str | None, float, int]:
    for size in range(min(2, len(toks) - j), 0, -1):
        phrase = " ".join(t.low for t in toks[j:j + size])
        if phrase in lx.UNITS:
            family, factor = lx.UNITS[phrase]
            return family, factor, j + size
    return None, 1.0, j


def _approx_before(toks: list[_Tok], i: int) -> tuple[str | None, int]:
    for size in range(_MAX_PHRASE, 0, -1):
        if i - size < 0:
            continue
        phrase = " ".join(t.low for t in toks[i - size:i])
        if phrase in lx.APPROX_AROUND:
            return "around", i - size
        if phrase in lx.APPROX_AT_LEAST:
            return "least", i - size
        if phrase in lx.APPROX_AT_MOST:
            return "most", i - size
    return None, i


def _nouns_after(toks: list[_Tok], j: int) -> list[str]:
    nouns = []
    for tok in toks[j:j + 3]:
        if not tok.low.isalpha() or tok.low in STOPWORDS:
            break
        nouns.append(_canonical(tok.low))
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
