"""Dates and times in a sentence: weekdays, day and month, months, years, clock times, and
relative days, each reduced to a comparable value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosscheck.engine.contradict import lexicon as lx

_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>1[89]\d\d|20\d\d))?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b{_YEAR}")
_MONTH_PART = re.compile(rf"(?i:\b(?P<part>end|close|beginning|start|middle)\s+of\s+)"
                         rf"{_MONTH}\b{_YEAR}")
# Days of the month that "the end of March" and the like cover.
MONTH_PARTS = {"end": (24, 31), "close": (24, 31), "beginning": (1, 7), "start": (1, 7),
               "middle": (10, 20)}
_MONTH_ALONE = re.compile(rf"(?i:\b(?:in|since|by|until|during|early|late|mid-?|last|next|this)"
                          rf"\s+){_MONTH}\b{_YEAR}")
_YEAR_ALONE = re.compile(r"(?i:\b(?:in|since|by|until|from|before|after|during|of)\s+)"
                         r"(?P<year>1[89]\d\d|20\d\d)\b(?![,.]?\d)")
_WEEKDAY = re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                      r"s?\b")
_CLOCK = re.compile(r"(?i)\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
                    r"(?P<half>a\.?m\b\.?|p\.?m\b\.?)|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b"
                    r"|\b(?P<named>noon|midday|midnight)\b")
_RELATIVE = re.compile(r"(?i)\b(?:" + "|".join(sorted(map(re.escape, lx.RELATIVE_DAYS),
                                                      key=len, reverse=True)) + r")\b")
_APPROX_TIME = re.compile(r"(?i)\b(?:around|about|shortly (?:after|before)|just (?:after|before)|"
                          r"roughly|approximately|some time after|after|before|by)\s+$")
# How far apart two clock times may be before they conflict (minutes).
TIME_TOLERANCE = 15
APPROX_TIME_TOLERANCE = 60
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date fact: ``field`` is weekday, monthday, month, year, time or relative."""

    start: int
    end: int
    text: str
    field: str
    value: object
    approx: bool = False


_HAS_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_HAS_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def extract_dates(text: str, base: int = 0) -> tuple[DateMention, ...]:
    """Every date or time mention in ``text``, in order (offsets plus ``base``)."""
    found: list[DateMention] = []
    # Cheap checks first: most sentences carry no date, and these patterns are costly.
    months = _HAS_MONTH.search(text) is not None
    digits = _DIGIT.search(text) is not None
    lowered = text.lower()
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], field: str, value: object, approx: bool = False) -> None:
        start, end = match.span()
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        found.append(DateMention(start + base, end + base, text[start:end], field, value, approx))

    for pattern in (_MONTH_DAY, _DAY_MONTH) if months and digits else ():
        for m in pattern.finditer(text):
            month = _month_number(m["month"])
            day = int(m["day"])
            if month and 1 <= day <= 31:
                add(m, "monthday", (month, day, day))
                if m["year"]:
                    found.append(DateMention(m.start() + base, m.end() + base, m.group(), "year",
                                             int(m["year"])))
    for m in _MONTH_PART.finditer(text) if months else ():
        if month := _month_number(m["month"]):
            add(m, "monthday", (month, *MONTH_PARTS[m["part"].lower()]), True)
    for m in _MONTH_ALONE.finditer(text) if months else ():
        if month := _month_number(m["month"]):
            add(m, "month", month)
            if m["year"]:
                found.append(DateMention(m.start() + base, m.end() + base, m.group(), "year",
                                         int(m["year"])))
    for m in _YEAR_ALONE.finditer(text) if digits and _HAS_YEAR.search(text) else ():
        add(m, "year", int(m["year"]))
    for m in _WEEKDAY.finditer(text) if "day" in text else ():
        add(m, "weekday", lx.WEEKDAYS[m["weekday"].lower()])
    clock = digits or "noon" in lowered or "midday" in lowered or "midnight" in lowered
    for m in _CLOCK.finditer(text) if clock else ():
        add(m, "time", _minutes(m), bool(_APPROX_TIME.search(text[:m.start()])))
    relative = any(phrase in lowered for phrase in lx.RELATIVE_DAYS)
    for m in _RELATIVE.finditer(text) if relative else ():
        add(m, "relative", lx.RELATIVE_DAYS[m.group().lower()])
    found.sort(key=lambda d: (d.start, d.field))
    return tuple(found)


def _month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")
    return lx.MONTHS.get(key) or lx.MONTHS.get(key[:3])


def _minutes(m: re.Match[str]) -> int:
    if m["named"]:
        return 0 if m["named"].lower() == "midnight" else 12 * 60
    if m["h24"] is not None:
        return int(m["h24"]) * 60 + int(m["m24"])
    hour = int(m["hour"]) % 12
    if m["half"].lower().startswith("p"):
        hour += 12
    return hour * 60 + int(m["minute"] or 0)


def dates_conflict(a: DateMention, b: DateMention) -> bool:
    """Whether two mentions of the same field name different dates or times."""
    if a.field != b.field:
        return False
    if a.field == "time":
        tolerance = APPROX_TIME_TOLERANCE if (a.approx or b.approx) else TIME_TOLERANCE
        diff = abs(int(a.value) - int(b.value))  # type: ignore[call-overload]
        return min(diff, 24 * 60 - diff) > tolerance
    if a.field == "monthday":
        (ma, lo_a, hi_a), (mb, lo_b, hi_b) = a.value, b.value  # type: ignore[misc]
        return ma != mb or hi_a < lo_b or hi_b < lo_a
    return a.value != b.value


def describe(mention: DateMention) -> str:
    """The mention as the reader wrote it, tidied for an explanation."""
    return " ".join(mention.text.split())
